import type { Entity, FramePart } from '../../types';
import type { DateSpan } from '../mentions/dates';
import { AUXILIARIES, FUNCTION_WORDS, REPORTING_VERBS, SOURCE_NOUNS } from './lexicon';
import { isCapitalised, type Token, tokenize } from './tokens';
import { isNumberWord } from './values';

/**
 * A claim sentence as frames read it: tokens with the entity and date covering each, who says the claim
 * (the attribution, left out of frames), and comma-delimited segments. Every step is one pass over at most
 * MAX_TOKENS tokens, each looking at a bounded window.
 */

/** What frames are read from: one claim sentence, where it sits, its entities and its dates. */
export type FrameInput = {
  readonly text: string;
  /** Offset of the sentence in the article: frames' offsets are article offsets, as entities' are. */
  readonly offset: number;
  /** The sentence's entities, with article offsets and article-level canonical names. */
  readonly entities: readonly Entity[];
  /** The sentence's dates, with offsets into `text`. */
  readonly dates: readonly DateSpan[];
};

/** Tokens read per sentence: a news sentence has a few dozen; a longer one is a list, not a claim. */
const MAX_TOKENS = 160;
/** Values framed per claim, for the same reason. */
export const MAX_FRAMES = 6;
/** Subjects kept per frame: a claim names a few entities in its main clause. */
export const MAX_SUBJECTS = 3;
/** Tokens looked at either side of a value for its verb, noun or subject: a clause's reach. */
export const WINDOW = 8;
/** Words in a measure noun or a noun-phrase subject ("dock workers", "coastal villages"). */
export const MAX_NOUN_WORDS = 3;

/** Reporting verbs that attribute whatever follows them. */
const ALWAYS_REPORTING = new Set([
  'said',
  'says',
  'say',
  'told',
  'tells',
  'added',
  'adds',
  'insisted',
  'warned',
]);

export const SEGMENT_MARKS = new Set([',', ';', ':', '(', ')', '—', '–', '"', '“', '”']);
export const PREPOSITIONS = new Set(['to', 'at', 'by', 'of', 'for', 'from', 'on', 'in']);
export const PERIOD_STARTS = new Set(['since', 'from', 'until', 'after', 'before']);
export const PARTICLES = new Set(['down', 'up', 'off', 'out']);
export const TIME_NOUNS = new Set(
  'quarter quarters half year years month months week weeks day days period decade season time'.split(' '),
);

/** Per-token facts a sentence's frames are read from. */
export type Sentence = {
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Entity index covering each token, or -1. */
  readonly entityAt: readonly number[];
  /** Date index covering each token, or -1. */
  readonly dateAt: readonly number[];
  /** Whether a token is part of who says the claim ("the harbour authority said", "according to X"). */
  readonly reported: readonly boolean[];
  /** Whether a token is part of a value read as a number (the tagger may take "Nineteen" for a name). */
  readonly inValue: boolean[];
  /** Comma-delimited segment of each token. */
  readonly segment: readonly number[];
  readonly entities: readonly Entity[];
  readonly dates: readonly DateSpan[];
};

/** For each token, the index of the span covering it or -1; spans sorted by start (two pointers, linear). */
function cover(tokens: readonly Token[], spans: readonly { start: number; end: number }[]): number[] {
  const out = new Array<number>(tokens.length).fill(-1);
  let s = 0;
  tokens.forEach((t, i) => {
    while (s < spans.length && (spans[s]?.end ?? 0) <= t.start) s++;
    const span = spans[s];
    if (span !== undefined && span.start < t.end && t.start < span.end) out[i] = s;
  });
  return out;
}

export const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === 'word';
export const isContent = (t: Token | undefined): t is Token =>
  isWord(t) && !FUNCTION_WORDS.has(t.lower) && !AUXILIARIES.has(t.lower) && !isNumberWord(t.lower);

/**
 * Marks who says the claim: a reporting verb after the values takes the clause from the comma before it to
 * the end ("…, the harbour authority said"); one before them takes the sentence up to it and a following
 * "that" ("Lind said the deficit…"); "according to X" takes X up to the next comma.
 */
function markReported(tokens: readonly Token[], firstValue: number): boolean[] {
  const reported = new Array<boolean>(tokens.length).fill(false);
  const mark = (from: number, to: number) => {
    for (let k = Math.max(0, from); k < Math.min(to, tokens.length); k++) reported[k] = true;
  };
  let lastComma = -1;
  tokens.forEach((t, r) => {
    if (t.text === ',') lastComma = r;
    const according = t.lower === 'according' && tokens[r + 1]?.lower === 'to';
    const shows =
      (t.lower === 'show' || t.lower === 'showed' || t.lower === 'shows') &&
      SOURCE_NOUNS.has(tokens[r - 1]?.lower ?? '');
    if (!according && !shows && !REPORTING_VERBS.has(t.lower)) return;
    // "reported a profit of", "announced 300 job cuts": the verb of the claim, not its attribution; "said"
    // and "told" always attribute ("Organisers said 12,000 people marched").
    const next = tokens[r + 1];
    const stating = next?.kind === 'number' || next?.lower === 'a' || next?.lower === 'an';
    if (!according && stating && !ALWAYS_REPORTING.has(t.lower)) return;
    if (according) {
      let end = r + 2;
      while (end < tokens.length && end < r + 2 + WINDOW && tokens[end]?.text !== ',') end++;
      mark(r, r > firstValue ? tokens.length : end + 1);
      return;
    }
    if (r > firstValue) {
      mark(lastComma > firstValue ? lastComma : r, tokens.length);
      return;
    }
    // "X said (on Monday) that …", "X told reporters that …": the sentence up to "that".
    let end = r + 1;
    for (let k = r + 1; k < Math.min(tokens.length, r + 6); k++) {
      if (tokens[k]?.lower === 'that') {
        end = k + 1;
        break;
      }
      if (tokens[k]?.kind === 'number') break;
    }
    if (
      tokens[end - 1]?.lower !== 'that' &&
      (tokens[r + 1]?.lower === 'reporters' || tokens[r + 1]?.lower === 'journalists')
    )
      end = r + 2;
    mark(0, end);
  });
  return reported;
}

/**
 * Names the tagger missed in an age apposition ("Brandt, 61, joined…"): a capitalised run right before
 * ", <number>," is taken as a person, since that is how news gives a person's age.
 */
function appositionNames(text: string, tokens: readonly Token[], tagged: readonly Entity[]): Entity[] {
  const out: Entity[] = [];
  tokens.forEach((t, i) => {
    const number = tokens[i + 2];
    if (t.kind !== 'word' || !isCapitalised(t) || tokens[i + 1]?.text !== ',' || tokens[i + 3]?.text !== ',')
      return;
    if (number === undefined || !/^\d{1,3}$/.test(number.text)) return;
    if (tagged.some((e) => e.start < t.end && t.start < e.end)) return;
    let from = i;
    while (
      from > 0 &&
      i - from < 3 &&
      isCapitalised(tokens[from - 1] ?? t) &&
      tokens[from - 1]?.kind === 'word'
    )
      from--;
    const start = tokens[from]?.start ?? t.start;
    const name = text.slice(start, t.end);
    out.push({ text: name, start, end: t.end, type: 'person', canonical: name });
  });
  return out;
}

export function readSentence(input: FrameInput): Sentence {
  const tokens = tokenize(input.text).slice(0, MAX_TOKENS);
  const tagged = input.entities
    .map((e) => ({ ...e, start: e.start - input.offset, end: e.end - input.offset }))
    .filter((e) => e.start >= 0 && e.end <= input.text.length)
    .sort((a, b) => a.start - b.start);
  const entities = [...tagged, ...appositionNames(input.text, tokens, tagged)].sort(
    (a, b) => a.start - b.start,
  );
  const dates = [...input.dates].sort((a, b) => a.start - b.start);
  const entityAt = cover(tokens, entities);
  const dateAt = cover(tokens, dates);
  let firstValue = tokens.findIndex((t, i) => t.kind === 'number' && dateAt[i] === -1);
  if (firstValue < 0) firstValue = dateAt.findIndex((d) => d >= 0);
  if (firstValue < 0) firstValue = tokens.length;
  const segment: number[] = [];
  let current = 0;
  for (const t of tokens) {
    if (SEGMENT_MARKS.has(t.text)) current++;
    segment.push(current);
  }
  return {
    text: input.text,
    tokens,
    entityAt,
    dateAt,
    reported: markReported(tokens, firstValue),
    inValue: new Array<boolean>(tokens.length).fill(false),
    segment,
    entities,
    dates,
  };
}

/** The part of the sentence from token `from` to token `to` (exclusive), as written. */
export function partOf(s: Sentence, from: number, to: number, offset: number): FramePart {
  const start = s.tokens[from]?.start ?? 0;
  const end = s.tokens[to - 1]?.end ?? start;
  return { text: s.text.slice(start, end), start: offset + start, end: offset + end };
}
