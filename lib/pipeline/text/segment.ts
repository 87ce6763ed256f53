import type { Sentence } from '../types';

/**
 * Rule-based sentence boundary detection in one left-to-right pass (in the spirit of Punkt's
 * abbreviation/initial/ordinal heuristics, Kiss & Strunk 2006, but with fixed lists instead of
 * unsupervised learning so that results are deterministic and need no model).
 */

/** Honorifics and the like: a full stop after them never ends a sentence. */
const NEVER_FINAL = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cpt',
  'rev',
  'hon',
  'pres',
  'supt',
  'det',
  'insp',
  'mt',
  'ft',
  'messrs',
  'mme',
  'mlle',
  'maj',
  'adm',
  'cmdr',
  'atty',
  'brig',
  'fr',
  'e.g',
  'i.e',
  'cf',
  'vs',
  'viz',
  'approx',
  'ca',
  'eg',
  'ie',
]);

/** Month abbreviations: never a boundary before a number ("Jan. 5"), ambiguous before a word. */
const MONTH_ABBREVIATIONS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
];

/** Abbreviations that are followed by a number ("No. 10", "Jan. 5"): no boundary before a digit. */
const BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'fig',
  'figs',
  'p',
  'pp',
  'vol',
  'art',
  'ch',
  'sec',
  'op',
  'para',
  ...MONTH_ABBREVIATIONS,
]);

/**
 * Abbreviations that often end a sentence too ("shares of Acme Inc. The …"): a boundary only when the next
 * word is a common sentence opener.
 */
const AMBIGUOUS = new Set([
  'inc',
  'ltd',
  'co',
  'corp',
  'plc',
  'llc',
  'jr',
  'sr',
  'etc',
  'al',
  'bros',
  'dept',
  'univ',
  'assn',
  'est',
  ...MONTH_ABBREVIATIONS,
  'a.m',
  'p.m',
  'am',
  'pm',
]);

/** Words that commonly open an English sentence; they disambiguate "U.S. The" from "U.S. President". */
const SENTENCE_OPENERS = new Set([
  'The',
  'A',
  'An',
  'In',
  'On',
  'At',
  'It',
  'Its',
  'He',
  'She',
  'They',
  'We',
  'I',
  'You',
  'But',
  'And',
  'Or',
  'This',
  'That',
  'These',
  'Those',
  'There',
  'His',
  'Her',
  'Their',
  'Our',
  'My',
  'However',
  'Meanwhile',
  'After',
  'Before',
  'When',
  'While',
  'If',
  'As',
  'For',
  'Last',
  'Some',
  'Many',
  'Most',
  'Yet',
  'So',
  'Also',
  'Still',
  'With',
  'What',
  'Why',
  'How',
  'Who',
  'No',
  'Not',
  'Both',
  'All',
  'Such',
  'Other',
  'Earlier',
  'Later',
  'Since',
  'Until',
  'By',
  'From',
  'To',
  'One',
  'Two',
  'Three',
  'Analysts',
  'Shares',
  'Officials',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Now',
  'Then',
  'Although',
  'Despite',
  'Under',
  'According',
]);

/** Look-back and look-ahead are bounded so that a hostile single "word" cannot make the pass quadratic. */
const MAX_WORD_LOOK = 40;

const CLOSERS = new Set(['"', "'", '”', '’', ')', ']', '»', '}']);
const OPENERS = new Set(['"', "'", '“', '‘', '(', '[', '«']);
const BULLET = /^(?:[-*•·▪‣◦–—]|\d{1,3}[.)])\s/;
/** The characters the pass stops at: line breaks and sentence terminators (global: read with lastIndex). */
const CANDIDATE = /[\n\r.!?…]/g;

/**
 * Whether UTF-16 code unit `c` is white space as /\s/ defines it (ECMAScript WhiteSpace and LineTerminator;
 * NaN, a position past the text, is not), without running a regex on every character.
 */
function isSpaceCode(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
const isSpace = (c: string | undefined): boolean => c !== undefined && isSpaceCode(c.charCodeAt(0));
// ASCII answers without a regex; the Unicode property regexes decide the rest.
const isLower = (c: string | undefined): boolean => {
  const code = c === undefined ? Number.NaN : c.charCodeAt(0);
  return code < 0x80 ? code >= 0x61 && code <= 0x7a : c !== undefined && /\p{Ll}/u.test(c);
};
const isUpper = (c: string | undefined): boolean => {
  const code = c === undefined ? Number.NaN : c.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : c !== undefined && /\p{Lu}/u.test(c);
};
/** Whether `text[i]` is a letter (/\p{L}/u on that one code unit). */
const isLetterAt = (text: string, i: number): boolean => {
  const code = text.charCodeAt(i);
  return code < 0x80 ? (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a : /\p{L}/u.test(text[i] ?? '');
};
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** The word that ends just before `end` (exclusive), without leading quotes/brackets, at most MAX_WORD_LOOK chars. */
function wordBefore(text: string, end: number): string {
  let i = end;
  const stop = Math.max(0, end - MAX_WORD_LOOK);
  // A credit glued to the word ("(CNN)Sen. Harry Reid …", the raw CNN/DailyMail text): the word is what
  // follows the last closing bracket, so that the honorific is recognised. Noted in the same backward scan.
  let afterBracket = -1;
  while (i > stop) {
    const c = text.charCodeAt(i - 1);
    if (isSpaceCode(c)) break;
    if (afterBracket < 0 && i < end && (c === 0x29 || c === 0x5d)) afterBracket = i;
    i--;
  }
  let word = text.slice(afterBracket < 0 ? i : afterBracket, end);
  while (word.length > 0 && (OPENERS.has(word[0] ?? '') || word[0] === '-' || word[0] === '—'))
    word = word.slice(1);
  return word;
}

/** The word that starts at `start`, letters only, at most MAX_WORD_LOOK chars. */
function wordAfter(text: string, start: number): string {
  let i = start;
  const stop = Math.min(text.length, start + MAX_WORD_LOOK);
  while (i < stop && isLetterAt(text, i)) i++;
  return text.slice(start, i);
}

const INITIAL = /^\p{Lu}$/u;
const INITIALISM = /^(?:\p{L}\.)+\p{L}$/u;
/** A single capital letter ("J" of "J. Smith"); one code point is at most two code units. */
const isInitial = (word: string): boolean => word.length <= 2 && INITIAL.test(word);
/** Letters joined by full stops ("U.S", "e.g"). */
const isInitialism = (word: string): boolean => word.includes('.') && INITIALISM.test(word);

/** Whether a single full stop after `word` ends the sentence, given what comes next. */
function fullStopEnds(word: string, next: string, nextWord: string): boolean {
  const key = word.toLowerCase();
  if (NEVER_FINAL.has(key)) return false;
  if (isDigit(next) && BEFORE_NUMBER.has(key)) return false;
  if (isLower(next)) return false;
  if (isInitial(word) || isInitialism(word) || AMBIGUOUS.has(key)) return SENTENCE_OPENERS.has(nextWord);
  return true;
}

/** Whether a full stop glued to the next word ("2%.For", "bn.The") is a boundary. */
function gluedStopEnds(text: string, dot: number, after: number, word: string): boolean {
  const opensWord =
    /\p{L}/u.test(text[after + 1] ?? '') || (/[AI]/.test(text[after] ?? '') && isSpace(text[after + 1]));
  if (!(isUpper(text[after]) && opensWord)) return false;
  if (NEVER_FINAL.has(word.toLowerCase())) return false;
  if (isInitial(word) || isInitialism(word)) return false;
  const prev = text[dot - 1];
  return /[\p{L}\d%]/u.test(prev ?? '') || CLOSERS.has(prev ?? '');
}

/** Splits text into trimmed sentences with exact offsets (`text.slice(start, end) === sentence.text`). */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: a single left-to-right scanner whose state (quotes, brackets, the last boundary) lives in its locals
export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  const n = text.length;
  let start = 0;

  const emit = (end: number): void => {
    let s = start;
    let e = end;
    while (s < e && isSpaceCode(text.charCodeAt(s))) s++;
    while (e > s && isSpaceCode(text.charCodeAt(e - 1))) e--;
    if (e > s) out.push({ text: text.slice(s, e), start: s, end: e });
    start = end;
  };

  let i = 0;
  while (i < n) {
    // Only line breaks and terminators can end a sentence; the regex engine skips to the next one far
    // faster than a loop over every character.
    CANDIDATE.lastIndex = i;
    if (!CANDIDATE.test(text)) break;
    i = CANDIDATE.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === 0x0a || code === 0x0d) {
      // A blank line always ends a sentence; a single line break does when the next line is a bullet or
      // starts a new capitalised line after a line that does not continue (headlines, lists).
      let j = i + 1;
      let newlines = 1;
      while (j < n && isSpaceCode(text.charCodeAt(j))) {
        if (text.charCodeAt(j) === 0x0a) newlines++;
        j++;
      }
      if (code === 0x0d && text.charCodeAt(i + 1) === 0x0a) newlines--;
      if (newlines >= 2 || j >= n) {
        emit(i);
        i = j;
        continue;
      }
      const line = text.slice(j, Math.min(n, j + 8));
      const prev = text[i - 1];
      const continues =
        isLower(text[j]) || (prev !== undefined && /[,;:\-–(]/.test(prev) && !BULLET.test(line));
      if (
        !continues &&
        (BULLET.test(line) || isUpper(text[j]) || isDigit(text[j]) || OPENERS.has(text[j] ?? ''))
      ) {
        emit(i);
        i = j;
        continue;
      }
      i = j;
      continue;
    }
    const c = text[i];
    // A run of terminators, then closing quotes or brackets.
    const first = i;
    let j = i;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    // A spaced ellipsis (". . .") is one terminator run, not three one-dot sentences.
    while (c === '.' && text[j] === ' ' && text[j + 1] === '.') {
      j++;
      while (j < n && text[j] === '.') j++;
    }
    const run = text.slice(first, j);
    let k = j;
    while (k < n && CLOSERS.has(text[k] ?? '')) k++;
    const closed = k > j;
    if (k >= n) {
      emit(n);
      i = n;
      continue;
    }
    const word = wordBefore(text, first);
    if (!isSpace(text[k])) {
      // Glued: decimals, URLs and initialisms continue; "rose 2%.For" and 'said."Next' end.
      const ends =
        run === '.' && !closed
          ? gluedStopEnds(text, first, k, word)
          : isUpper(text[k]) && (isLower(text[k + 1]) || closed);
      if (ends) emit(k);
      i = k;
      continue;
    }
    let m = k;
    while (m < n && (text[m] === ' ' || text[m] === '\t')) m++;
    if (m >= n || text[m] === '\n' || text[m] === '\r') {
      emit(k);
      i = m;
      continue;
    }
    let q = m;
    while (q < n && q < m + 3 && OPENERS.has(text[q] ?? '')) q++;
    const next = text[q];
    const nextWord = wordAfter(text, q);
    let ends: boolean;
    if (run === '.' && !closed) ends = fullStopEnds(word, next ?? '', nextWord);
    else ends = !isLower(next);
    if (ends) emit(k);
    i = m;
  }
  emit(n);
  return out;
}
