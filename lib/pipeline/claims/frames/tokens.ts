import { allMatches } from '../../text/all-matches';
import { startsUpper } from '../../text/starts-upper';

/** A token of a claim sentence: a word or number (with inner . , ' ’ - kept), or one other character. */
export type Token = {
  readonly text: string;
  /** Lower case, possessive "'s" dropped: what word lists and lemmas look at. */
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** 'word' for letters (and digits), 'number' when it opens with a digit, 'mark' for anything else. */
  readonly kind: 'word' | 'number' | 'mark';
};

// Runs of letters or digits joined by single inner punctuation ("4.2", "3,600", "Thirty-five", "Ruiz's"):
// the joiner is never a letter or digit, so each character has one reading and the scan is linear.
const TOKEN = /[\p{L}\p{N}]+(?:[.,'’-][\p{L}\p{N}]+)*|\S/gu;
const DIGIT_START = /^\p{N}/u;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

/** Tokens of `text` with offsets into it, in order; linear in the text's length. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of allMatches(TOKEN, text)) {
    const raw = m[0];
    const start = m.index ?? 0;
    const kind = DIGIT_START.test(raw) ? 'number' : LETTER_OR_DIGIT.test(raw) ? 'word' : 'mark';
    const lower = raw.toLowerCase().replace(/['’]s$/u, '');
    out.push({ text: raw, lower, start, end: start + raw.length, kind });
  }
  return out;
}

/** Whether a token starts with a capital letter (a name or a sentence opening). */
export const isCapitalised = (token: Token): boolean => startsUpper(token.text);
