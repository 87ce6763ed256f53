import { allMatches } from '../../text/all-matches';
import { startsUpper } from '../../text/starts-upper';
import { STOPWORDS } from '../../text/stopwords';
import { PLACES } from './places';

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

const TOKEN = /[\p{L}\p{N}]+(?:[&'’.-][\p{L}\p{N}]+)*/gu;

type Token = { readonly text: string; readonly start: number; readonly end: number };

// The expressions are module constants, not literals in the functions below: a literal makes a new RegExp
// object each time it is evaluated, and these run for every token of every sentence (2% of what a BBC article
// allocated). None is global or sticky, so sharing them keeps no state between calls.
const POSSESSIVE = /['’]s$/u;
const INITIALS = /^(?:\p{L}\.)+\p{L}$/u;
const ONE_CAPITAL = /^\p{Lu}$/u;
const SPACES = /^\s+$/;
const FULL_STOP_SPACES = /^\.\s*$/;
const SENTENCE_OPENING = /^[\s"'“‘([-]*$/;

const stripPossessive = (w: string): string => w.replace(POSSESSIVE, '');

/**
 * How many names a sentence has by capitalisation: runs of capitalised words (joined by "of", "de", "&" …),
 * titles dropped, a sentence-initial word only when it is more than one word. This is the entity count the
 * check-worthiness model (lib/models/checkworthy.json) was trained with, so it stays as it was when the
 * claims' entities moved to the trained tagger (entities.ts): changing it would change the model's input.
 */
export function countCapitalisedNames(sentence: string): number {
  const tokens: Token[] = [];
  for (const m of allMatches(TOKEN, sentence)) {
    const start = m.index ?? 0;
    let end = start + m[0].length;
    // "U.S." keeps its final full stop.
    if (INITIALS.test(m[0]) && sentence[end] === '.') end++;
    tokens.push({ text: sentence.slice(start, end), start, end });
  }
  const seen = new Set<string>();
  let i = 0;
  while (i < tokens.length) {
    const first = tokens[i];
    if (first === undefined || !startsUpper(first.text)) {
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
      const abbreviated = ONE_CAPITAL.test(cur.text) || PERSON_TITLES.has(cur.text);
      const spaced = SPACES.test(gap) || (abbreviated && FULL_STOP_SPACES.test(gap));
      if (spaced && startsUpper(next.text) && !POSSESSIVE.test(cur.text)) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      if (after !== undefined && SPACES.test(gap) && CONNECTORS.has(next.text) && startsUpper(after.text)) {
        if (SPACES.test(sentence.slice(next.end, after.start))) {
          j += 2;
          continue;
        }
      }
      break;
    }
    let run = tokens.slice(i, j + 1);
    i = j + 1;
    const head = (): string => run[0]?.text ?? '';
    // The sentence's first word is capitalised anyway: a lone one does not count.
    const opensSentence = SENTENCE_OPENING.test(sentence.slice(0, run[0]?.start ?? 0));
    if (opensSentence && !PERSON_TITLES.has(head()) && !PLACES.has(head()) && !ORG_WORDS.has(head())) {
      if (STOPWORDS.has(head().toLowerCase()) || run.length === 1) run = run.slice(1);
    }
    while (run.length > 0 && (NOT_NAMES.has(head()) || CONNECTORS.has(head()))) run = run.slice(1);
    let lastTitle = -1;
    for (let k = 0; k < run.length - 1; k++) if (PERSON_TITLES.has(run[k]?.text ?? '')) lastTitle = k;
    if (lastTitle >= 0) run = run.slice(lastTitle + 1);
    const firstTok = run[0];
    const lastTok = run[run.length - 1];
    if (firstTok === undefined || lastTok === undefined) continue;
    if (run.length === 1 && (PERSON_TITLES.has(firstTok.text) || NOT_NAMES.has(firstTok.text))) continue;
    const text = stripPossessive(sentence.slice(firstTok.start, lastTok.end));
    if (text.length < 2 || seen.has(text)) continue;
    seen.add(text);
  }
  return seen.size;
}
