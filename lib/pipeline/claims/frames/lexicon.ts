/**
 * Word lists and the normaliser that frames rest on: what a word's key is (a crude lemma, so that
 * "handled" and "handles" meet), which words name the same measure ("killed" and "died"), and which words
 * are function words, auxiliaries or reporting verbs.
 */

const words = (text: string): ReadonlySet<string> => new Set(text.split(' '));

/** Irregular forms to their lemma; regular ones are stemmed by suffix (keyOf). */
const IRREGULAR: ReadonlyMap<string, string> = new Map(
  (
    'people:person men:man women:woman children:child fell:fall fallen:fall rose:rise risen:rise won:win ' +
    'lost:lose grew:grow grown:grow sold:sell bought:buy spent:spend paid:pay made:make took:take taken:take ' +
    'gave:give given:give held:hold left:leave built:build ran:run drew:draw saw:see seen:see went:go gone:go ' +
    'was:be were:be is:be are:be been:be being:be am:be has:have had:have having:have did:do does:do done:do ' +
    'died:die dies:die dying:die dead:die death:die deaths:die fatalities:die fatality:die killed:die kill:die ' +
    'kills:die killing:die hit:hit cut:cut cuts:cut shed:cut axed:cut axe:cut slashed:cut slash:cut ' +
    'stood:stand met:meet led:lead got:get shut:close closed:close closes:close closing:close close:close ' +
    'brought:bring thought:think told:tell said:say says:say began:begin begun:begin struck:strike ' +
    'wounded:injure injured:injure injuries:injure injury:injure hurt:injure ' +
    'employees:worker employee:worker staff:worker workers:worker worker:worker workforce:worker ' +
    'employs:worker employed:worker employ:worker employing:worker ' +
    'visitors:visit visitor:visit visited:visit visits:visit houses:home house:home homes:home ' +
    'jobless:unemployment unemployed:unemployment bn:billion'
  )
    .split(' ')
    .map((pair) => pair.split(':') as [string, string]),
);

/** Keys that stand for one measure with another key: "jobs will go" and "lost jobs" are "cut jobs". */
const KEY_SYNONYMS: ReadonlyMap<string, string> = new Map([
  ['go', 'cut'],
  ['los', 'cut'],
  ['eliminat', 'cut'],
  // Visitors a place "welcomed", "attracted" or "drew" visited it.
  ['welcom', 'visit'],
  ['attract', 'visit'],
  // Votes or a share of them "received", "secured", "took" or "polled" were won.
  ['receiv', 'win'],
  ['secur', 'win'],
  ['poll', 'win'],
  // Passengers or containers "carried", "served" or "moved" were handled.
  ['carry', 'handl'],
  ['carri', 'handl'],
  ['serv', 'handl'],
]);

/** Regular suffixes stripped (-ies, -ied, -ing, -ed, -es, -s, a doubled final consonant, a final e). */
function stripSuffixes(word: string): string {
  let w = word;
  if (w.length > 4 && (w.endsWith('ies') || w.endsWith('ied'))) w = `${w.slice(0, -3)}y`;
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && /([b-df-hj-np-tv-z])\1$/.test(w) && !/(?:ss|ll|ff|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/**
 * A word's key: lower case, irregular forms mapped to their lemma, then regular suffixes stripped, so that
 * "handled", "handles" and "handle" share "handl", and "killed", "died" and "deaths" share "die". A stem,
 * not a lemma: it only has to be the same for the forms of one word.
 */
export function keyOf(word: string): string {
  const lower = word.toLowerCase().replace(/['’]s?$/u, '');
  const key = stripSuffixes(IRREGULAR.get(lower) ?? lower);
  return KEY_SYNONYMS.get(key) ?? key;
}

/** A word list by key (keyOf), so that any form of a listed word is found. */
const keys = (text: string): ReadonlySet<string> => new Set(text.split(' ').map(keyOf));

/** Determiners, prepositions, conjunctions, pronouns: never a subject, measure or value word. */
export const FUNCTION_WORDS = words(
  'a an the this that these those its their his her our my your of in on at to for from by with about ' +
    'into onto over under after before during since until than as and or but nor so yet while when where ' +
    'which who whom whose what it they he she we i you them him us there here per via across through ' +
    'between among against within without toward towards around near up down out off also just only ' +
    'not no all some any each every both either neither other another such same own more most less least',
);

/** Auxiliaries and modals: they carry tense, the verb after them carries the meaning. */
export const AUXILIARIES = words(
  'is are was were be been being am has have had having will would shall should can could may might must do does did',
);

/** Copulas and level verbs: "fell to 5.1%" and "was 5.1%" state one level, so they say nothing of the measure. */
export const LEVEL_VERBS = keys(
  'be reach stand total totalled hit fall rise slow ease edge climb drop grow increase decrease decline ' +
    'jump soar plunge slump surge dip remain sit hover top exceed',
);

/** Level verbs that state a change when the value follows without "to" or "at" ("rose 12%", "fell by 3%"). */
export const CHANGE_VERBS = keys(
  'rise fall grow increase decrease decline jump climb drop soar plunge slump surge dip slow ease edge',
);

/** Nouns after a value that name a change of it ("a 12% rise"). */
export const CHANGE_NOUNS = keys('rise increase fall drop decline jump cut gain loss growth');

/** Verbs that say nothing of what is measured when a noun does ("made a profit of", "reported 12 deaths"). */
export const GENERIC_VERBS = keys(
  'have make report post record see show register number count get give put take announce say tell ' +
    'estimate expect forecast predict',
);

/** Nouns that say nothing of what is counted: the verb does ("twelve people died"). */
export const GENERIC_NOUNS = keys('person people individual one case time figure number total');

/** Words of a noun phrase that qualify its head without naming a different measure ("unemployment rate"). */
export const GENERIC_HEADS = keys('rate rating level figure total number share proportion percentage amount');

/** Reporting verbs: the clause around them says who states the claim, not what it is about. */
export const REPORTING_VERBS = words(
  'said says say told tells added adds claimed claims announced announces stated states confirmed ' +
    'confirms reported reports wrote writes insisted insists warned warns estimated estimate estimates ' +
    'believes believe argued argues noted notes explained explains predicted predicts admitted admits',
);

/** Nouns whose "showed"/"show" reports a statement ("official figures showed"). */
export const SOURCE_NOUNS = words('figures data statistics records estimates survey study report census');

/** Ordinals, for rankings ("ranked fourth"). */
export const ORDINALS: ReadonlyMap<string, number> = new Map(
  'first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth'
    .split(' ')
    .map((w, i) => [w, i + 1] as const),
);

/** Words before an ordinal that make it a rank. */
export const RANK_CUES = words(
  'rank ranked ranks finish finished finishes came come placed place position rated',
);

/** Past forms that do not end in -ed. */
const PAST_FORMS = words(
  'fell rose won lost grew sold bought spent paid made took gave held left built ran drew saw went died ' +
    'hit cut shed stood met led got shut brought began struck told said',
);

/** Whether a lower-case word reads as a past verb form ("handled", "died", "took"): how a clause's verb is found without a tagger. */
export function isVerbForm(lower: string): boolean {
  return PAST_FORMS.has(lower) || (lower.length > 4 && lower.endsWith('ed') && !lower.endsWith('eed'));
}
