import { extractDates } from '../mentions/dates';
import { isCapitalised, type Token, tokenize } from './tokens';
import { readNumber } from './values';

/**
 * Marks that end a sentence: a capitalised word right after one opens a sentence, not a name with a number
 * ("Twelve people died. 19 more…" vs "Boeing 737").
 */
const SENTENCE_ENDS = new Set(['.', '!', '?', '"', '”', ':']);

/** Whether the number at token i is part of a name ("Boeing 737", "Page 2", "FTSE 100"): then it states no figure. */
function isNamePart(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  if (tokens[i]?.kind !== 'number' || before === undefined || before.kind !== 'word') return false;
  if (!isCapitalised(before)) return false;
  const opener = tokens[i - 2];
  return opener !== undefined && !SENTENCE_ENDS.has(opener.text);
}

/** Whether token i sits in a clock time or a ratio ("10:30", "3:1"): a time of day is no figure of the story. */
function isClockPart(tokens: readonly Token[], i: number): boolean {
  const number = (k: number) => tokens[k]?.kind === 'number';
  return (tokens[i - 1]?.text === ':' && number(i - 2)) || (tokens[i + 1]?.text === ':' && number(i + 2));
}

/**
 * The figures an article states, in text order, each as `<unit>:<amount>` with the values claim frames read
 * ("Twelve" and "12" are both `count:12`, "£4.2m" is `currency:GBP:4200000`, "5 per cent" `percent:5`).
 * Dates are not figures: relative ones resolve against the upload time (two copies of one text would differ)
 * and their days are marked so that "12 March" is not read as a count of 12. Bare years are dates too
 * (readNumber leaves them out), and so are clock times and numbers inside names ("Boeing 737"). Qualifiers
 * ("more than") are left off: a copy that rewrites "over 12" as "more than 12" states the same figure.
 * One pass over the tokens; each reading looks at a bounded window.
 */
export function readFigures(text: string): string[] {
  const tokens = tokenize(text);
  const taken = new Array<boolean>(tokens.length).fill(false);
  // Two pointers over tokens and date spans (both sorted by start): linear.
  const dates = extractDates(text);
  let d = 0;
  tokens.forEach((token, i) => {
    while (d < dates.length && (dates[d]?.end ?? 0) <= token.start) d++;
    const date = dates[d];
    if (date !== undefined && date.start < token.end && token.start < date.end) taken[i] = true;
  });
  const figures: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (isNamePart(tokens, i) || isClockPart(tokens, i)) continue;
    const reading = readNumber(tokens, i, taken);
    if (reading === undefined) continue;
    figures.push(`${reading.unit}:${reading.amount}`);
    i = reading.end - 1;
  }
  return figures;
}
