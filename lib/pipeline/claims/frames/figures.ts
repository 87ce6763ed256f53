import { allMatches } from '../../text/all-matches';
import { extractDates } from '../mentions/dates';
import { isCapitalised, type Token, tokenize } from './tokens';
import { mayStartNumber, NUMBER_WORDS, readNumber } from './values';

/**
 * Marks that end a sentence: a capitalised word right after one opens a sentence, not a name with a number
 * ("Twelve people died. 19 more…" vs "Boeing 737").
 */
const SENTENCE_ENDS = new Set(['.', '!', '?', '"', '”', ':']);

/**
 * Where a number may be: a run of digits and the marks inside numbers ("3,600", "10:30", "2-1"), or a number
 * word. A run is one character class (it cannot fail midway), the words literal alternatives behind a word
 * boundary: one pass, no backtracking. Ordinals in words ("fourth") are left out: readNumber reads them only
 * as ranks after a cue, and a rank is rarely the figure a copy changes. "one" anchors nothing: alone it is
 * no number to readNumber ("one of the"), and "one million" is found by its scale. ASCII only (no `u`):
 * number words and digits are ASCII, and the plain engine is faster here.
 */
const ANCHOR = new RegExp(
  `\\d[\\d.,:/-]*|\\b(?:${NUMBER_WORDS.filter((w) => w !== 'one')
    .sort((a, b) => b.length - a.length)
    .join('|')})\\b`,
  'gi',
);

/**
 * Characters read either side of an anchor: enough for what readNumber looks at around a number (a qualifier
 * such as "no fewer than", a unit such as "percentage points" or "years old") and for a date around a day
 * ("12 September 2024"), so that its day is not read as a count.
 */
const REACH = 32;

/**
 * Figures read per article at most. A story states dozens; past this the text is a table or a list (or an
 * attack), and its figures are not read at all (readFigures answers undefined) rather than read in part.
 */
export const MAX_FIGURES_READ = 2_000;

/**
 * Characters tokenised per article at most, around its numbers. A long story's stretches around numbers
 * come to some tens of kilobytes; 256 KiB of them is a table or a crafted run of digits and marks
 * ("1:1:1:…"), given up on like too many figures, so that it costs at most a few hundred milliseconds.
 */
export const MAX_CHARS_READ = 256 * 1024;

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

/** Whether a stretch may hold a date that readNumber would otherwise read (only dates with digits). */
const HAS_DIGIT = /\d/;

/** Space, tab, line breaks and no-break space: where a stretch may end without cutting a word. */
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13) || c === 0xa0;

/**
 * Longest stretch tokenised at once: a text dense with numbers is read a piece at a time, so that reading
 * stops soon after MAX_FIGURES_READ instead of tokenising all of it first.
 */
const MAX_STRETCH = 4_096;

/**
 * The stretches of a text that may hold numbers, in order: REACH characters either side of each anchor,
 * widened to whitespace so that no word is cut (by at most REACH more), overlapping ones merged up to
 * MAX_STRETCH. Linear: one lazy scan.
 */
function* numberStretches(text: string): Generator<{ start: number; end: number }> {
  let open: { start: number; end: number } | undefined;
  const widen = (at: number, step: 1 | -1) => {
    let k = at;
    for (let n = 0; n < REACH && k > 0 && k < text.length && !isSpace(text.charCodeAt(k)); n++) k += step;
    return k;
  };
  for (const m of allMatches(ANCHOR, text)) {
    const at = m.index ?? 0;
    const start = widen(Math.max(0, at - REACH), -1);
    const end = widen(Math.min(text.length, at + m[0].length + REACH), 1);
    if (open !== undefined && start <= open.end && open.end - open.start < MAX_STRETCH) {
      open.end = Math.max(open.end, end);
      continue;
    }
    if (open !== undefined) yield open;
    // A stretch cut at MAX_STRETCH: the next starts where it ended, so no text is read twice.
    open = { start: open === undefined ? start : Math.max(start, open.end), end };
  }
  if (open !== undefined) yield open;
}

/** The figures of one stretch, appended to `out`; false once `out` holds more than MAX_FIGURES_READ. */
function readStretch(text: string, out: string[]): boolean {
  const tokens = tokenize(text);
  const taken = new Array<boolean>(tokens.length).fill(false);
  // Two pointers over tokens and date spans (both sorted by start): linear. Only a date with a digit can
  // hold a token readNumber would read ("12 March"); weekdays and "last week" cannot.
  const dates = HAS_DIGIT.test(text) ? extractDates(text) : [];
  let d = 0;
  tokens.forEach((token, i) => {
    while (d < dates.length && (dates[d]?.end ?? 0) <= token.start) d++;
    const date = dates[d];
    if (date !== undefined && date.start < token.end && token.start < date.end) taken[i] = true;
  });
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token === undefined || !mayStartNumber(token)) continue;
    if (isNamePart(tokens, i) || isClockPart(tokens, i)) continue;
    const reading = readNumber(tokens, i, taken);
    if (reading === undefined) continue;
    out.push(`${reading.unit}:${reading.amount}`);
    if (out.length > MAX_FIGURES_READ) return false;
    i = reading.end - 1;
  }
  // Dates that state their year ("in 2021", "14 April 2023") are figures: a copy that moves an event to
  // another year disagrees on a fact. Read without a reference date, relative ones ("14 April", "last
  // week") get no value and are left out, so a figure never depends on when a copy was uploaded.
  for (const date of dates) {
    if (date.mention.value === undefined) continue;
    out.push(`date:${date.mention.value}`);
    if (out.length > MAX_FIGURES_READ) return false;
  }
  return true;
}

/**
 * The figures an article states, each as `<unit>:<amount>` with the values claim frames read ("Twelve" and
 * "12" are both `count:12`, "£4.2m" is `currency:GBP:4200000`, "5 per cent" `percent:5`), and its dates that
 * state a year (`date:2024-03-12`, `date:2019`); undefined when it states more than MAX_FIGURES_READ or its
 * numbers fill more than MAX_CHARS_READ. Relative dates ("14 April", "last week") are left out: they resolve
 * against the upload time, so two copies of one text would differ; a date's day is never read as a count.
 * Clock times and numbers inside names ("Boeing 737") are no figures. Qualifiers ("more than") are left off:
 * a copy that rewrites "over 12" as "more than 12" states the same figure. Only the stretches around digits
 * and number words are tokenised, since most of a story's words are no number; each reading looks at a
 * bounded window.
 */
export function readFigures(text: string): string[] | undefined {
  const figures: string[] = [];
  let chars = 0;
  for (const stretch of numberStretches(text)) {
    chars += stretch.end - stretch.start;
    if (chars > MAX_CHARS_READ) return undefined;
    if (!readStretch(text.slice(stretch.start, stretch.end), figures)) return undefined;
  }
  return figures;
}
