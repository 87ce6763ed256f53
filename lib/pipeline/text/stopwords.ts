/**
 * English function words that carry no topic of their own; they are dropped before sentence similarity
 * so that "the" and "of" do not make every pair of sentences look alike.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all also am an and any are as at be because been before being below ' +
    'between both but by can could did do does doing down during each few for from further had has have having ' +
    'he her here hers herself him himself his how i if in into is it its itself just me more most my myself no ' +
    'nor not now of off on once only or other our ours ourselves out over own same she should so some such than ' +
    'that the their theirs them themselves then there these they this those through to too under until up very ' +
    'was we were what when where which while who whom why will with would you your yours yourself yourselves ' +
    'said says say mr mrs ms dr s t one also us would could may might must shall us yet however'
  ).split(' '),
);
