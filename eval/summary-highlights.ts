/**
 * A small human-highlight check for eval/summary.ts: news-style articles with CNN/DailyMail-style highlights
 * (short abstractive bullet sentences, written by a person, not copied from the article). All texts are
 * original and fictional, written for factsum; they may live in the repository. Eight articles cannot stand
 * in for CNN/DailyMail's 11,490 test articles: the check only tells whether the summarizer still picks what
 * a human highlights, next to Lead-3 on the same texts.
 */

import { type HighlightItem, p } from './highlights/item';
import { SET_B } from './highlights/set-b';
import { SET_C } from './highlights/set-c';

export type { HighlightItem };

export const HIGHLIGHT_ITEMS: readonly HighlightItem[] = [
  {
    title: 'Flood barrier fails as river breaks banks in Marlow Vale',
    text: p(
      'Hundreds of homes in Marlow Vale were evacuated overnight after a temporary flood barrier gave way and the River Tessel burst its banks following three days of heavy rain.',
      'Emergency services said about 640 properties had been affected and that 23 people were rescued by boat from the upper floors of their homes. No deaths or serious injuries were reported.',
      'The barrier, a line of water-filled tubes installed in 2021 as a stop-gap while a permanent wall was designed, was overtopped shortly after 2am. Residents said they had about 20 minutes of warning.',
      '"We heard the sirens and then the water was at the door," said Priya Halden, who lives on Mill Street with her two children. "We grabbed the passports and the dog and that was it."',
      'The Environment Agency said river levels had reached 4.8 metres, the highest since records began in 1968. It had issued a severe flood warning on Tuesday evening.',
      "The council has opened two rest centres, at the leisure centre and at St Anne's school, and said 180 people spent the night there.",
      'The permanent flood wall, costed at £14m, was due to be built next year. Local MP Daniel Crouch said the delay was "indefensible" and called for the work to be brought forward.',
      'A council spokesperson said funding for the wall had only been confirmed in March and that construction could not have started sooner.',
      'Forecasters expect the rain to ease on Thursday, but warned that levels downstream in Kelbrook could keep rising until the weekend.',
    ),
    highlights: [
      'About 640 homes in Marlow Vale are flooded after a temporary barrier fails on the River Tessel.',
      '23 people are rescued by boat; no deaths or serious injuries are reported.',
      'River reaches 4.8 metres, the highest level since records began in 1968.',
      'A permanent £14m flood wall was not due to be built until next year.',
    ],
  },
  {
    title: 'Northway Bank to close 85 branches and cut 1,200 jobs',
    text: p(
      'Northway Bank will close 85 of its branches and cut about 1,200 jobs over the next 18 months, the lender said on Monday, blaming a steep fall in customers visiting in person.',
      'The bank said branch transactions had fallen by 62% in five years as customers moved to its mobile app, which now has 4.1 million active users.',
      'The closures will leave Northway with 210 branches, most of them in larger towns and cities. The bank said no community would lose its last bank without an alternative, such as a shared banking hub or counter services at post offices.',
      'Unions reacted angrily. "This is a body blow for staff and for older customers who rely on a local branch," said Helen Marsh of the Finance Workers Union, which represents about half of the affected staff.',
      'Chief executive Tomas Reyes said the bank would try to redeploy as many staff as possible and expected the number of compulsory redundancies to be "significantly lower" than 1,200.',
      'The announcement came alongside half-year results showing pre-tax profit up 9% to £1.3bn, helped by higher interest margins.',
      'Shares in Northway rose 3% in morning trading.',
      'Consumer groups said banks had a responsibility to customers who could not bank online. About one in ten adults does not use online banking, according to the regulator.',
    ),
    highlights: [
      'Northway Bank will close 85 branches and cut about 1,200 jobs within 18 months.',
      'The bank says branch transactions fell 62% in five years as customers moved to its app.',
      'Unions call the move a blow for staff and older customers.',
      'The bank reports half-year pre-tax profit up 9% to £1.3bn.',
    ],
  },
  {
    title: 'Teenager Ola Brandt wins national chess title at 15',
    text: p(
      "Ola Brandt became the youngest national chess champion in the country's history on Sunday, winning the title at the age of 15 with a round to spare.",
      'Brandt, from the coastal town of Hesby, finished the nine-round tournament in Lund with seven wins, one draw and one loss, a full point and a half ahead of the defending champion, Grandmaster Erik Solvang.',
      'The previous record was held by Solvang himself, who first won the title aged 17 in 2006.',
      'Brandt learned the game from her grandfather at the age of six and began training with the national youth squad at 11. She earned the International Master title last year.',
      'Her decisive win came in round seven, when she sacrificed a rook to launch a mating attack against the second seed, Jonas Vik. Commentators called the game the best of the tournament.',
      '"I did not think about the record until this morning," Brandt said after the final round. "I just tried to play good moves and not to be afraid."',
      "The win earns her a place in the national team for next year's Olympiad and prize money of 60,000 crowns, which she said she would spend on coaching.",
      "The chess federation said membership among girls had doubled in the past three years and hoped Brandt's success would continue the trend.",
    ),
    highlights: [
      "Ola Brandt, 15, becomes the youngest national chess champion in the country's history.",
      'She finished a point and a half ahead of defending champion Erik Solvang.',
      "The previous record was Solvang's, who won at 17 in 2006.",
      "The title earns her a place in next year's Olympiad team.",
    ],
  },
  {
    title: 'City council votes to ban cars from Old Market square',
    text: p(
      'Cars will be banned from Old Market square in Redfield from next spring after councillors voted 31 to 18 on Wednesday night to turn the historic centre into a pedestrian zone.',
      'The plan, which has divided residents and traders for more than two years, will close four streets around the square to through traffic between 7am and 7pm. Delivery vans will be allowed in before 10am.',
      'Supporters say the change will cut air pollution, make the square safer and attract more visitors. A council study found nitrogen dioxide levels on Market Street exceeded the legal limit on 41 days last year.',
      "Opponents, including the Redfield Traders' Association, say shops will lose passing trade and that older and disabled people will find it harder to reach the centre.",
      '"Some of our members will not survive this," said the association\'s chair, Gareth Lyle. "People do not walk into town with a week of shopping."',
      'The council has promised a new shuttle bus from the two main car parks, free for the first year, and 40 extra disabled parking bays on the edge of the zone.',
      'The scheme will cost £3.2m, most of it paid by a national clean-air grant. Work on new paving and seating begins in January.',
      'Council leader Amira Voss said the square had been "a car park with a statue in it" for too long and that similar schemes in other cities had increased footfall.',
    ),
    highlights: [
      'Redfield councillors vote 31 to 18 to ban cars from Old Market square from next spring.',
      'Four streets will close to through traffic from 7am to 7pm, with early deliveries allowed.',
      'Traders warn shops will lose business; supporters cite pollution above the legal limit.',
      'The £3.2m scheme includes a free shuttle bus for the first year.',
    ],
  },
  {
    title: 'Researchers find new bird species in remote cloud forest',
    text: p(
      'Scientists have described a new species of bird from a remote cloud forest in the Sierra Alta, the first new bird found in the region in more than 40 years.',
      'The small olive-green songbird, named the Sierra Alta wren, was first heard by a team of ornithologists from the University of Cordal during a survey in 2022. Its song did not match any known species.',
      'Over the next two years the team recorded its song, photographed it and collected DNA from feathers. Genetic tests showed it had split from its closest relative about two million years ago.',
      'The researchers estimate that fewer than 2,000 of the birds live in an area of about 30 square kilometres above 2,400 metres, making it vulnerable to fire and to farming that is moving up the slopes.',
      '"Finding it was the easy part," said lead author Dr Lucia Ferrer. "Keeping it will be much harder."',
      'The study, published in the journal Avian Systematics, recommends that the species be listed as endangered.',
      'Conservation groups said the discovery strengthened the case for a national park covering the upper forest, a proposal that has stalled for a decade.',
    ),
    highlights: [
      'Scientists describe the Sierra Alta wren, a new songbird species from a remote cloud forest.',
      'It is the first new bird found in the region in over 40 years.',
      'Fewer than 2,000 are thought to survive in about 30 square kilometres of forest.',
      'Researchers say it should be listed as endangered.',
    ],
  },
  {
    title: 'Rail strike halts most trains on Monday as pay talks collapse',
    text: p(
      "Most train services across the south and west will be cancelled on Monday after talks between the Rail Workers' Union and train operators broke down without agreement late on Friday.",
      'The union said about 9,000 members, including drivers, guards and signalling staff, would walk out for 24 hours in a dispute over pay and changes to working hours.',
      'Operators said only about one in five trains would run, mainly on main lines between 7am and 7pm, and urged passengers to travel only if necessary.',
      'The union is seeking a pay rise of 8% this year, while the operators have offered 4.5% plus a one-off payment of £500, conditional on changes to rosters.',
      '"We have been reasonable and we have been patient," said the union\'s general secretary, Mark Dunmore. "The offer on the table is a pay cut in real terms."',
      'The operators\' group said the offer was "fair and affordable" and that roster changes were needed to run a seven-day railway.',
      'It is the fourth strike in the dispute since October. Business groups estimate each strike day costs the regional economy about £25m.',
      'No new talks have been scheduled.',
    ),
    highlights: [
      'Most trains in the south and west will be cancelled on Monday as about 9,000 rail workers strike.',
      'Talks collapsed on Friday; the union wants 8% while operators offer 4.5% and £500.',
      'Only about one in five trains will run.',
      'It is the fourth strike in the dispute since October.',
    ],
  },
  {
    title: 'Hospital trust admits errors after baby deaths review',
    text: p(
      'A hospital trust has apologised to families after an independent review found that failings in its maternity unit contributed to the deaths of nine babies over four years.',
      'The review of Eastholm General Hospital, led by midwife and former regulator Dr Sarah Quinn, examined 96 cases between 2019 and 2023 and found poor or very poor care in 41 of them.',
      "It said staff shortages, a culture in which junior midwives were afraid to raise concerns and repeated failures to monitor babies' heart rates during labour were common threads.",
      'In several cases, the review said, mothers who reported reduced movements or severe pain were sent home without being properly examined.',
      '"Families were not listened to, and when things went wrong they were not told the truth," Dr Quinn said.',
      'The trust\'s chief executive, Neil Farrant, said he was "deeply sorry" and that 20 additional midwives had been recruited since the review began. All 37 of its recommendations would be accepted, he said.',
      'Some parents said the apology came too late. Kerry and Sam Oduya, whose son died in 2021, said they had been told at the time that nothing could have been done.',
      'The health regulator said it would inspect the unit again within three months.',
    ),
    highlights: [
      "An independent review finds failings at Eastholm General's maternity unit contributed to nine baby deaths.",
      'Care was poor or very poor in 41 of 96 cases examined between 2019 and 2023.',
      'Staff shortages and failures to monitor heart rates were common threads.',
      'The trust apologises and says it accepts all 37 recommendations.',
    ],
  },
  {
    title: 'Veteran striker Diaz scores twice as Harbour City reach cup final',
    text: p(
      'Harbour City reached their first cup final in 23 years on Saturday as 36-year-old Marco Diaz scored twice in a 3-1 semi-final win over Westbrook Rovers.',
      'Diaz, who had scored only once all season before the match, opened the scoring with a header after 12 minutes and added a second from the penalty spot just before half-time.',
      'Westbrook pulled one back through Lee Carter early in the second half and pressed hard, but substitute Tariq Benn sealed the win in stoppage time with a shot on the break.',
      'Harbour City manager Ana Kovac said she had picked Diaz because of his experience. "Big games need people who have been there before," she said. "Marco was magnificent."',
      'The striker, who is out of contract in the summer, said he hoped the final would not be his last match for the club.',
      'About 14,000 Harbour City fans travelled to the neutral venue. The club said it had already received more than 30,000 requests for final tickets.',
      'City will face either Northgate or Dunmore Athletic in the final on 18 May.',
    ),
    highlights: [
      'Marco Diaz, 36, scores twice as Harbour City beat Westbrook Rovers 3-1 in the cup semi-final.',
      "It is Harbour City's first cup final in 23 years.",
      'Substitute Tariq Benn seals the win in stoppage time.',
      'City will play Northgate or Dunmore Athletic in the final on 18 May.',
    ],
  },
];

/** Every human-highlight article: the first eight above, then sets B and C (eval/highlights/). */
export const ALL_HIGHLIGHT_ITEMS: readonly HighlightItem[] = [...HIGHLIGHT_ITEMS, ...SET_B, ...SET_C];
