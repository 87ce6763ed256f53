/** A token of the tagger with its offsets into the text it came from. */
export type NerToken = { readonly text: string; readonly start: number; readonly end: number };

/**
 * Longest token kept whole. Longer runs of letters are cut into pieces of this length, so that a hostile
 * megabyte-long "word" costs linear time in the features (prefixes, suffixes, shapes) and no name is that long.
 */
export const MAX_TOKEN_CHARS = 48;

/** Abbreviations that keep their full stop, as CoNLL-2003's tokenisation of Reuters text does ("Inc.", "Mr."). */
const DOTTED = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'jr',
  'sr',
  'inc',
  'corp',
  'co',
  'ltd',
  'bros',
  'gen',
  'lt',
  'col',
  'capt',
  'sgt',
  'gov',
  'sen',
  'rep',
  'rev',
  'mt',
  'ft',
  'no',
  'vs',
  'messrs',
]);

/** Letters, digits and combining marks: what a word is made of. */
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

const isWordChar = (ch: string): boolean => {
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
};

/** Joiners that stay inside a word when a word character follows: "al-Sharaa", "O'Brien", "AT&T", "U.S". */
const isJoiner = (ch: string): boolean => ch === '-' || ch === "'" || ch === '’' || ch === '&' || ch === '.';

/** Length of the word starting at `at` (at least one word character there). */
function scanWord(text: string, at: number, end: number): number {
  let i = at;
  while (i < end && i - at < MAX_TOKEN_CHARS) {
    const ch = text[i] ?? '';
    if (isWordChar(ch)) {
      i++;
      continue;
    }
    const next = text[i + 1] ?? '';
    // "1,000" and "3.5" stay one number; a joiner between word characters stays in the word.
    const digits = ch === ',' && /\d/.test(text[i - 1] ?? '') && /\d/.test(next);
    if ((isJoiner(ch) || digits) && i + 1 < end && isWordChar(next) && i + 1 - at < MAX_TOKEN_CHARS) {
      i += 2;
      continue;
    }
    break;
  }
  return i - at;
}

/** Whether a word followed by "." keeps it: initials ("U.S", "J"), and abbreviations in DOTTED. */
function keepsFullStop(word: string): boolean {
  if (/^(?:\p{L}\.)*\p{L}$/u.test(word)) return word.length === 1 || word.includes('.');
  return DOTTED.has(word.toLowerCase());
}

/** "Sharaa's" ends in a possessive "'s" (also "’s"), which CoNLL-2003 tokenises apart. */
function isPossessive(word: string): boolean {
  const last = word[word.length - 1];
  const apostrophe = word[word.length - 2];
  return word.length >= 3 && (last === 's' || last === 'S') && (apostrophe === "'" || apostrophe === '’');
}

/**
 * Splits text[from, to) into tagger tokens in one pass: words (letters and digits, with inner hyphens,
 * apostrophes, "&" and full stops), a possessive "'s" as its own token, and every other non-space
 * character alone, close to the tokenisation of the CoNLL-2003 data the tagger was trained on. Stops after
 * about `maxTokens` tokens.
 */
export function tokenizeForNer(
  text: string,
  from = 0,
  to = text.length,
  maxTokens = Number.POSITIVE_INFINITY,
): NerToken[] {
  const tokens: NerToken[] = [];
  let i = from;
  while (i < to && tokens.length < maxTokens) {
    const ch = text[i] ?? '';
    if (ch.trim() === '') {
      i++;
      continue;
    }
    if (!isWordChar(ch)) {
      // A surrogate pair (emoji, scripts outside the BMP) stays one token.
      const code = ch.charCodeAt(0);
      const width = code >= 0xd800 && code <= 0xdbff && i + 1 < to ? 2 : 1;
      tokens.push({ text: text.slice(i, i + width), start: i, end: i + width });
      i += width;
      continue;
    }
    let end = i + scanWord(text, i, to);
    let word = text.slice(i, end);
    if (text[end] === '.' && end < to && keepsFullStop(word)) {
      end++;
      word += '.';
    }
    if (isPossessive(word)) {
      const stem = word.length - 2;
      tokens.push({ text: word.slice(0, stem), start: i, end: i + stem });
      tokens.push({ text: word.slice(stem), start: i + stem, end });
    } else {
      tokens.push({ text: word, start: i, end });
    }
    i = end;
  }
  return tokens;
}
