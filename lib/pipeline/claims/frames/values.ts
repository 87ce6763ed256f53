import { ORDINALS, RANK_CUES } from './lexicon';
import type { Token } from './tokens';

/** How a value is hedged: "more than 4 million" is compatible with 4.2 million, "at most 20" is not with 45. */
export type Qualifier = 'more-than' | 'at-least' | 'about' | 'nearly' | 'less-than' | 'at-most';

/** A number in a claim, read from its tokens. */
export type NumberReading = {
  /** Token range of the value, qualifier and currency symbol included: [first, end). */
  readonly first: number;
  readonly end: number;
  /** Token range of the number itself (without the qualifier). */
  readonly numberFirst: number;
  readonly amount: number;
  /** Half the unit of the last stated digit, in the amount's units: "4.2 million" ±50,000, "12" ±0.5. */
  readonly precision: number;
  /** 'count', 'percent', 'points', 'currency:<ISO 4217>', 'rank', 'age' or 'duration' (amount in days). */
  readonly unit: string;
  readonly qualifier?: Qualifier;
};

const UNITS: ReadonlyMap<string, number> = new Map(
  'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'
    .split(' ')
    .map((w, i) => [w, i + 1] as const),
);
const TENS: ReadonlyMap<string, number> = new Map(
  'twenty thirty forty fifty sixty seventy eighty ninety'
    .split(' ')
    .map((w, i) => [w, (i + 2) * 10] as const),
);
const SCALES: ReadonlyMap<string, number> = new Map([
  ['thousand', 1e3],
  ['million', 1e6],
  ['billion', 1e9],
  ['trillion', 1e12],
  ['bn', 1e9],
  ['mn', 1e6],
  ['tn', 1e12],
]);
/** Glued scales ("£412m", "5k"): "m" and "k" only for money, since "100m" alone is a distance. */
const GLUED_SCALES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['bn', 1e9],
  ['b', 1e9],
  ['tn', 1e12],
]);
const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
]);
const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['pounds', 'GBP'],
  ['pound', 'GBP'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
]);
/** Days per duration unit; a month is a mean Gregorian month. */
const DURATION_DAYS: ReadonlyMap<string, number> = new Map([
  ['hour', 1 / 24],
  ['hours', 1 / 24],
  ['day', 1],
  ['days', 1],
  ['week', 7],
  ['weeks', 7],
  ['month', 30.44],
  ['months', 30.44],
  ['year', 365.25],
  ['years', 365.25],
  ['decade', 3652.5],
  ['decades', 3652.5],
]);

/** Qualifier phrases, longest first, as the lower-case words before the number. */
const QUALIFIERS: readonly (readonly [readonly string[], Qualifier])[] = [
  [['no', 'fewer', 'than'], 'at-least'],
  [['no', 'less', 'than'], 'at-least'],
  [['no', 'more', 'than'], 'at-most'],
  [['in', 'excess', 'of'], 'more-than'],
  [['as', 'many', 'as'], 'about'],
  [['as', 'much', 'as'], 'about'],
  [['more', 'than'], 'more-than'],
  [['greater', 'than'], 'more-than'],
  [['upwards', 'of'], 'more-than'],
  [['just', 'over'], 'more-than'],
  [['at', 'least'], 'at-least'],
  [['fewer', 'than'], 'less-than'],
  [['less', 'than'], 'less-than'],
  [['just', 'under'], 'less-than'],
  [['up', 'to'], 'at-most'],
  [['at', 'most'], 'at-most'],
  [['close', 'to'], 'about'],
  [['an', 'estimated'], 'about'],
  [['over'], 'more-than'],
  [['above'], 'more-than'],
  [['exceeding'], 'more-than'],
  [['under'], 'less-than'],
  [['below'], 'less-than'],
  [['about'], 'about'],
  [['around'], 'about'],
  [['approximately'], 'about'],
  [['roughly'], 'about'],
  [['some'], 'about'],
  [['circa'], 'about'],
  [['estimated'], 'about'],
  [['nearly'], 'nearly'],
  [['almost'], 'nearly'],
];

const DIGITS = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?([a-z]*)$/i;
const AGE_WORD = /^(\d{1,3})-years?-old$/i;
const YEARISH = /^(?:1[89]|2[01])\d\d$/;

type Core = {
  readonly amount: number;
  readonly precision: number;
  readonly end: number;
  readonly glued: string;
};

/** A number written in digits at token i ("4.2", "3,600", "412m", "4th"); undefined otherwise. */
function readDigits(tokens: readonly Token[], i: number): Core | undefined {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'number') return undefined;
  const m = DIGITS.exec(t.text);
  if (m === null) return undefined;
  const whole = (m[1] ?? '').replaceAll(',', '');
  const decimals = m[2] ?? '';
  const amount = Number.parseFloat(decimals === '' ? whole : `${whole}.${decimals}`);
  if (!Number.isFinite(amount)) return undefined;
  return { amount, precision: 0.5 * 10 ** -decimals.length, end: i + 1, glued: (m[3] ?? '').toLowerCase() };
}

/** A number written in words from token i ("Twelve", "thirty-five", "three hundred"); undefined otherwise. */
function readWords(tokens: readonly Token[], i: number): Core | undefined {
  // What may follow: tens take a unit ("twenty-five"), a unit takes "hundred", "hundred" takes tens or a unit.
  let allowed: 'any' | 'unit' | 'hundred' | 'none' = 'any';
  let current = 0;
  let place = 1;
  let j = i;
  // Bounded: a number in words is a handful of tokens ("three hundred twenty-five").
  for (; j < tokens.length && j < i + 6; j++) {
    const lower = tokens[j]?.lower ?? '';
    // Most words have no hyphen: no split (and no array of parts) for them.
    const parts = lower.includes('-') ? lower.split('-') : [lower];
    if (parts.length > 2) break;
    let ok = true;
    for (const part of parts) {
      const unit = UNITS.get(part);
      const tens = TENS.get(part);
      if (tens !== undefined && allowed === 'any') {
        current += tens;
        place = 1;
        allowed = 'unit';
      } else if (unit !== undefined && (allowed === 'any' || (allowed === 'unit' && unit < 10))) {
        current += unit;
        place = 1;
        allowed = current < 100 ? 'hundred' : 'none';
      } else if (part === 'hundred' && allowed === 'hundred') {
        current *= 100;
        place = 100;
        allowed = 'any';
      } else ok = false;
    }
    if (!ok) break;
  }
  if (j === i) return undefined;
  // "one" alone is a pronoun more often than a count ("one of the", "no one").
  if (j === i + 1 && tokens[i]?.lower === 'one') return undefined;
  return { amount: current, precision: 0.5 * place, end: j, glued: '' };
}

/**
 * Numbers written with an article: "a dozen" (12), "a million" (one of a scale word), "half a million",
 * "a year and a half" (1.5 of the unit). The scale or unit itself is read by the caller, so these stop
 * before it; "a year and a half" is read whole, since its half comes after the unit.
 */
function readArticleNumber(tokens: readonly Token[], i: number): Core | undefined {
  const w = (k: number) => tokens[i + k]?.lower;
  if (w(0) === 'a' && w(1) === 'dozen') return { amount: 12, precision: 0.5, end: i + 2, glued: '' };
  if (w(0) === 'a' && DURATION_DAYS.has(w(1) ?? '') && w(2) === 'and' && w(3) === 'a' && w(4) === 'half')
    return { amount: 1, precision: 0.5, end: i + 1, glued: '' };
  if (w(0) === 'a' && SCALES.has(w(1) ?? '')) return { amount: 1, precision: 0.5, end: i + 1, glued: '' };
  if (w(0) === 'half' && w(1) === 'a' && SCALES.has(w(2) ?? ''))
    return { amount: 0.5, precision: 0.05, end: i + 2, glued: '' };
  return undefined;
}

/**
 * Every word that can start or scale a number readNumber reads ("twelve", "thirty", "hundred", "million", "dozen",
 * "half"): where a number may be in a text, for callers that look only there.
 */
export const NUMBER_WORDS: readonly string[] = [
  ...UNITS.keys(),
  ...TENS.keys(),
  'hundred',
  ...SCALES.keys(),
  'dozen',
  'half',
];

/**
 * Whether readNumber can read anything at this token: digits, a number word, "a"/"half" (a dozen, half a
 * million) or an ordinal. A cheap test for callers that scan many tokens; readNumber itself needs none.
 */
export function mayStartNumber(token: Token): boolean {
  if (token.kind === 'number') return true;
  if (token.kind !== 'word') return false;
  const lower = token.lower;
  const first = lower.split('-', 1)[0] ?? '';
  return UNITS.has(first) || TENS.has(first) || lower === 'a' || lower === 'half' || ORDINALS.has(lower);
}

/** Whether a lower-case word is a number word ("twelve", "thirty-five"): never a subject or a measure. */
export function isNumberWord(lower: string): boolean {
  return lower.split('-').every((part) => UNITS.has(part) || TENS.has(part) || part === 'hundred');
}

/** The qualifier ending right before token `at`, and where it starts. */
function readQualifier(
  tokens: readonly Token[],
  at: number,
): { qualifier: Qualifier; first: number } | undefined {
  for (const [phrase, qualifier] of QUALIFIERS) {
    const first = at - phrase.length;
    if (first < 0) continue;
    if (phrase.every((w, k) => tokens[first + k]?.lower === w)) return { qualifier, first };
  }
  return undefined;
}

/** Whether an ordinal at token i is a rank: after "ranked", "finished", "came" (a "the" between allowed), or before a superlative or "place". */
function isRank(tokens: readonly Token[], i: number, end: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
    const w = tokens[k]?.lower ?? '';
    if (RANK_CUES.has(w)) return true;
    if (w !== 'the' && w !== 'was' && w !== 'is') break;
  }
  const next = tokens[end]?.lower ?? '';
  return (
    next === 'most' || next === 'place' || next === 'largest' || next === 'biggest' || /.{3}est$/.test(next)
  );
}

/**
 * The number that starts at token i, with its scale, unit and qualifier; undefined when there is none or
 * it is a bare year. `taken[i]` marks tokens already read as dates.
 */
export function readNumber(
  tokens: readonly Token[],
  i: number,
  taken: readonly boolean[],
): NumberReading | undefined {
  if (taken[i]) return undefined;
  const t = tokens[i];
  if (t === undefined) return undefined;
  // Ages written as one word ("47-year-old").
  const age = AGE_WORD.exec(t.text);
  if (age !== null)
    return withQualifier(tokens, i, {
      first: i,
      end: i + 1,
      amount: Number(age[1]),
      precision: 0.5,
      unit: 'age',
    });
  // Ordinals in words ("fourth") and in digits ("4th").
  const ordinal = ORDINALS.get(t.lower);
  if (ordinal !== undefined)
    return isRank(tokens, i, i + 1)
      ? { first: i, end: i + 1, numberFirst: i, amount: ordinal, precision: 0, unit: 'rank' }
      : undefined;
  const core = readDigits(tokens, i) ?? readWords(tokens, i) ?? readArticleNumber(tokens, i);
  if (core === undefined) return undefined;
  if (/^(?:st|nd|rd|th)$/.test(core.glued))
    return isRank(tokens, i, core.end)
      ? { first: i, end: core.end, numberFirst: i, amount: core.amount, precision: 0, unit: 'rank' }
      : undefined;
  const symbol = SYMBOLS.get(tokens[i - 1]?.text ?? '');
  let currency = symbol;
  const first = symbol === undefined ? i : i - 1;
  const scaled = applyScale(tokens, core, symbol !== undefined);
  if (scaled === undefined) return undefined;
  let { amount, precision, end } = scaled;
  // "a year", "a month" alone are rates as often as spans ("£5m a year"): only "a year and a half" is read.
  const article = tokens[i]?.lower === 'a';
  const suffix = readUnit(tokens, end, currency);
  if (suffix === undefined) return undefined;
  if (article && suffix.unit === 'count' && core.amount === 1 && !SCALES.has(tokens[core.end]?.lower ?? ''))
    return undefined;
  if (suffix.unit === 'duration' && readHalfAfterUnit(tokens, suffix.end)) {
    amount *= 1.5;
    precision = 0.25;
    end = suffix.end + 3;
  } else if (article && suffix.unit === 'duration') return undefined;
  else end = suffix.end;
  currency = suffix.currency;
  let unit = suffix.unit;
  amount *= suffix.factor;
  precision *= suffix.factor;
  if (currency !== undefined) unit = `currency:${currency}`;
  if (unit === 'count' && core.glued === '' && precision === 0.5 && YEARISH.test(t.text)) return undefined;
  if (unit === 'count' && tokens[i - 1]?.lower === 'aged') unit = 'age';
  return withQualifier(tokens, first, {
    first,
    end,
    amount: clean(amount),
    precision: clean(precision),
    unit,
  });
}

type Suffix = {
  readonly unit: string;
  readonly end: number;
  readonly factor: number;
  readonly currency?: string;
};

/**
 * What follows a number: "%", "per cent", "percentage points", a currency word, a duration unit (the amount
 * becomes days) or "years old" (an age); undefined for "years ago", which dates rather than counts.
 */
function readUnit(tokens: readonly Token[], end: number, currency: string | undefined): Suffix | undefined {
  const next = tokens[end]?.lower;
  const after = tokens[end + 1]?.lower;
  const plain = { unit: 'count', end, factor: 1, ...(currency === undefined ? {} : { currency }) };
  if (next === undefined) return plain;
  if (next === '%' || next === 'percent') return { ...plain, unit: 'percent', end: end + 1 };
  if (next === 'per' && after === 'cent') return { ...plain, unit: 'percent', end: end + 2 };
  if (next === 'percentage' && (after === 'point' || after === 'points'))
    return { ...plain, unit: 'points', end: end + 2 };
  if (currency !== undefined) return plain;
  const word = CURRENCY_WORDS.get(next);
  if (word !== undefined) return { ...plain, currency: word, end: end + 1 };
  const days = DURATION_DAYS.get(next);
  if (days === undefined) return plain;
  if (after === 'old') return { ...plain, unit: 'age', end: end + 2 };
  if (after === 'ago') return undefined;
  return { ...plain, unit: 'duration', end: end + 1, factor: days };
}

/** "a year and a half", "two years and a half": the half after the unit, read as 1.5 units. */
function readHalfAfterUnit(tokens: readonly Token[], end: number): boolean {
  return tokens[end]?.lower === 'and' && tokens[end + 1]?.lower === 'a' && tokens[end + 2]?.lower === 'half';
}

/** A number times its scale: glued ("412m", money only for "m" and "k") or a word after it ("4.2 million"). */
function applyScale(
  tokens: readonly Token[],
  core: Core,
  money: boolean,
): { amount: number; precision: number; end: number } | undefined {
  if (core.glued !== '') {
    const glued = GLUED_SCALES.get(core.glued);
    if (glued === undefined || (!money && core.glued.length < 2)) return undefined;
    return { amount: core.amount * glued, precision: core.precision * glued, end: core.end };
  }
  const scale = SCALES.get(tokens[core.end]?.lower ?? '');
  return scale === undefined
    ? { amount: core.amount, precision: core.precision, end: core.end }
    : { amount: core.amount * scale, precision: core.precision * scale, end: core.end + 1 };
}

/** Rounds away binary noise from `4.2 * 1e6`. */
const clean = (x: number): number => Number.parseFloat(x.toPrecision(12));

function withQualifier(
  tokens: readonly Token[],
  first: number,
  reading: Omit<NumberReading, 'numberFirst' | 'qualifier'>,
): NumberReading {
  const q = readQualifier(tokens, first);
  return q === undefined
    ? { ...reading, numberFirst: first }
    : { ...reading, first: q.first, numberFirst: first, qualifier: q.qualifier };
}
