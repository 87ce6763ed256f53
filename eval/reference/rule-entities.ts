/**
 * The rule-based entity extractor factsum used before the trained tagger (capitalisation runs, title words,
 * organisation words and a place list), kept as the baseline of eval/entities.ts. Unchanged but for its
 * imports and for reporting each entity's offsets in the sentence.
 */
import { PLACES } from '../../lib/pipeline/claims/mentions/places';
import { STOPWORDS } from '../../lib/pipeline/text/stopwords';

export type EntityKind = 'person' | 'organisation' | 'place' | 'other';
export type RuleEntity = {
  readonly text: string;
  readonly kind: EntityKind;
  readonly start: number;
  readonly end: number;
};

/** Words that introduce a person ("Mr Smith", "President Obama", "Home Secretary Jane Doe"). */
const PERSON_TITLES = new Set([
  'Mr',
  'Mrs',
  'Ms',
  'Miss',
  'Dr',
  'Prof',
  'Professor',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
  'President',
  'Vice-President',
  'Minister',
  'Secretary',
  'Chancellor',
  'Senator',
  'Sen',
  'Rep',
  'Governor',
  'Gov',
  'Judge',
  'Justice',
  'King',
  'Queen',
  'Prince',
  'Princess',
  'Pope',
  'Chairman',
  'Chairwoman',
  'Mayor',
  'Ambassador',
  'General',
  'Gen',
  'Captain',
  'Capt',
  'Inspector',
  'Detective',
  'Rev',
  'Sheikh',
  'Coach',
  'Commissioner',
  'Director',
  'Officer',
]);

/** Honorifics always start a new name ("the Bank of England and Mr Smith" is two names). */
const HONORIFICS = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Prof', 'Sir', 'Dame']);

/** Words that make a name an organisation. */
const ORG_WORDS = new Set([
  'Inc',
  'Ltd',
  'Corp',
  'Corporation',
  'Co',
  'Company',
  'Plc',
  'plc',
  'LLC',
  'AG',
  'SA',
  'GmbH',
  'Group',
  'Bank',
  'Ministry',
  'Department',
  'Council',
  'University',
  'College',
  'Commission',
  'Committee',
  'Agency',
  'Association',
  'Authority',
  'Party',
  'Parliament',
  'Congress',
  'Senate',
  'Court',
  'Police',
  'Federation',
  'Union',
  'Institute',
  'Foundation',
  'Fund',
  'Office',
  'Board',
  'Service',
  'Trust',
  'Airlines',
  'Airways',
  'Motors',
  'Holdings',
  'Partners',
  'Securities',
  'Exchange',
  'Club',
  'FC',
  'Organisation',
  'Organization',
  'Network',
  'Reserve',
  'Assembly',
  'Cabinet',
  'Army',
  'Navy',
  'Forces',
  'Society',
  'League',
  'Studios',
  'Records',
  'Pictures',
  'Industries',
  'Technologies',
  'Systems',
  'Communications',
  'Telecom',
  'Energy',
  'Petroleum',
  'Oil',
  'Pharmaceuticals',
  'Insurance',
  'Media',
  'Press',
  'Times',
  'News',
  'Post',
  'Journal',
]);

/** Lowercase words that may sit inside a name ("Bank of England", "Rio de Janeiro"). */
const CONNECTORS = new Set([
  'of',
  'for',
  'de',
  'du',
  'da',
  'la',
  'le',
  'von',
  'van',
  'der',
  'al',
  'el',
  'the',
  '&',
]);

/** Capitalised words that are not names on their own. */
const NOT_NAMES = new Set([
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'I',
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'He',
  'She',
  'They',
  'We',
  'You',
  'But',
  'And',
  'Or',
  'If',
  'However',
  'Meanwhile',
  'Although',
  'While',
  'When',
  'After',
  'Before',
  'In',
  'On',
  'At',
  'For',
  'As',
]);

/** Speech verbs after which a bare two- or three-word name is most likely a person. */
const SPEECH_AFTER =
  /^\s*(?:,\s*)?(?:has\s+|had\s+)?(?:said|says|told|added|argued|claimed|warned|explained|insisted)\b/;

const TOKEN = /[\p{L}\p{N}]+(?:[&'’.-][\p{L}\p{N}]+)*/gu;

type Token = { readonly text: string; readonly start: number; readonly end: number };

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w);
const isAcronym = (w: string): boolean => /^\p{Lu}(?:[\p{Lu}&.]){1,5}$/u.test(w);
const stripPossessive = (w: string): string => w.replace(/['’]s$/u, '');

/** Options for entity extraction. */
export type EntityOptions = {
  /** Capitalised words seen mid-sentence elsewhere in the article: names even when they open a sentence. */
  readonly knownNames?: ReadonlySet<string>;
};

/** Capitalised words that appear mid-sentence in a text; pass them as `knownNames`. */
export function collectKnownNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/(?<=[\p{L}\p{N},;:] )\p{Lu}[\p{L}\p{N}&'’.-]*/gu)) {
    names.add(stripPossessive(m[0].replace(/[.]$/, '')));
  }
  return names;
}

function classify(
  words: readonly string[],
  text: string,
  followingText: string,
  titled: boolean,
): EntityKind {
  if (titled) return 'person';
  if (words.some((w) => ORG_WORDS.has(w))) return 'organisation';
  if (PLACES.has(text)) return 'place';
  if (words.length === 1 && isAcronym(text)) return 'organisation';
  if (words.length >= 2 && words.length <= 3 && SPEECH_AFTER.test(followingText)) return 'person';
  return 'other';
}

/**
 * Named entities of one sentence by capitalisation: runs of capitalised words (joined by "of", "de", "&" …),
 * typed person (after a title such as Mr/Dr/President), organisation (Inc/Ltd/Bank/Ministry/University …, or an
 * acronym), place (gazetteer) or other. A sentence-initial word counts only when it is known to be a name.
 */
export function extractRuleEntities(sentence: string, options: EntityOptions = {}): RuleEntity[] {
  const tokens: Token[] = [];
  for (const m of sentence.matchAll(TOKEN)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    // "U.S." keeps its final full stop.
    if (/^(?:\p{L}\.)+\p{L}$/u.test(m[0]) && sentence[end] === '.') end++;
    tokens.push({ text: sentence.slice(start, end), start, end });
  }
  const out: RuleEntity[] = [];
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (first === undefined || !isCapitalised(first.text)) {
      i++;
      continue;
    }
    // Grow the run: capitalised words separated by spaces (or an initial's full stop), with connectors
    // between two of them; an honorific starts a new run ("the Bank of England and Mr Smith").
    let j = i;
    while (j + 1 < tokens.length) {
      const cur = tokens[j];
      const next = tokens[j + 1];
      if (cur === undefined || next === undefined || HONORIFICS.has(next.text)) break;
      const gap = sentence.slice(cur.end, next.start);
      const abbreviated = /^\p{Lu}$/u.test(cur.text) || PERSON_TITLES.has(cur.text);
      const spaced = /^\s+$/.test(gap) || (abbreviated && /^\.\s*$/.test(gap));
      if (spaced && isCapitalised(next.text) && !/['’]s$/u.test(cur.text)) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      if (
        after !== undefined &&
        /^\s+$/.test(gap) &&
        CONNECTORS.has(next.text) &&
        isCapitalised(after.text)
      ) {
        if (/^\s+$/.test(sentence.slice(next.end, after.start))) {
          j += 2;
          continue;
        }
      }
      break;
    }
    let run = tokens.slice(i, j + 1);
    i = j + 1;
    const head = (): string => run[0]?.text ?? '';
    // The sentence's first word is capitalised anyway: a lone one counts only when it is a known name.
    const opensSentence = /^[\s"'“‘([-]*$/.test(sentence.slice(0, run[0]?.start ?? 0));
    if (opensSentence && !PERSON_TITLES.has(head()) && !PLACES.has(head()) && !ORG_WORDS.has(head())) {
      const known = options.knownNames?.has(stripPossessive(head())) ?? false;
      if (STOPWORDS.has(head().toLowerCase()) || (run.length === 1 && !known)) run = run.slice(1);
    }
    while (run.length > 0 && (NOT_NAMES.has(head()) || CONNECTORS.has(head()))) run = run.slice(1);
    let titled = false;
    let lastTitle = -1;
    for (let k = 0; k < run.length - 1; k++) if (PERSON_TITLES.has(run[k]?.text ?? '')) lastTitle = k;
    if (lastTitle >= 0) {
      run = run.slice(lastTitle + 1);
      titled = true;
    }
    const firstTok = run[0];
    const lastTok = run[run.length - 1];
    if (firstTok === undefined || lastTok === undefined) continue;
    if (run.length === 1 && (PERSON_TITLES.has(firstTok.text) || NOT_NAMES.has(firstTok.text))) continue;
    const text = stripPossessive(sentence.slice(firstTok.start, lastTok.end));
    if (text.length < 2 || seen.has(text)) continue;
    seen.add(text);
    const words = run.map((t) => t.text);
    out.push({
      text,
      kind: classify(words, text, sentence.slice(lastTok.end), titled),
      start: firstTok.start,
      end: firstTok.start + text.length,
    });
  }
  return out;
}
