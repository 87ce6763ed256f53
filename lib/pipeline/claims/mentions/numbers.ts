import { allMatches } from '../../text/all-matches';
import type { NumberMention } from '../../types';
import { TakenSpans } from './taken-spans';

/** A half-open character range that other extractors already claimed (e.g. dates). */
export type Span = { readonly start: number; readonly end: number };

/** A number with where it sits in the text. */
export type NumberSpan = { readonly mention: NumberMention; readonly start: number; readonly end: number };

const SYMBOL_CURRENCY: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'],
  ['US$', 'USD'],
  ['A$', 'AUD'],
  ['C$', 'CAD'],
  ['HK$', 'HKD'],
  ['£', 'GBP'],
  ['€', 'EUR'],
  ['¥', 'JPY'],
]);

const WORD_CURRENCY: ReadonlyMap<string, string> = new Map([
  ['dollar', 'USD'],
  ['dollars', 'USD'],
  ['pound', 'GBP'],
  ['pounds', 'GBP'],
  ['sterling', 'GBP'],
  ['euro', 'EUR'],
  ['euros', 'EUR'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['rupees', 'INR'],
]);

const MULTIPLIER: ReadonlyMap<string, number> = new Map([
  ['k', 1e3],
  ['thousand', 1e3],
  ['m', 1e6],
  ['mn', 1e6],
  ['million', 1e6],
  ['bn', 1e9],
  ['billion', 1e9],
  ['tn', 1e12],
  ['trillion', 1e12],
]);

const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['two', 2],
  ['three', 3],
  ['four', 4],
  ['five', 5],
  ['six', 6],
  ['seven', 7],
  ['eight', 8],
  ['nine', 9],
  ['ten', 10],
  ['eleven', 11],
  ['twelve', 12],
  ['dozen', 12],
  ['twenty', 20],
  ['thirty', 30],
  ['forty', 40],
  ['fifty', 50],
  ['hundred', 100],
]);

// Currency symbol, digits (with thousands separators or decimals), multiplier, percent or currency word.
const NUMBER =
  /(?<![\p{L}\p{N}.,$£€¥])(?<cur>US\$|A\$|C\$|HK\$|[$£€¥])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:(?<glued>k|m|mn|bn|tn)|\s?(?<mult>thousand|million|billion|trillion|bn|tn)\b)?(?:\s?(?<pct>%|per ?cent\b|percentage points?\b))?(?:\s(?<curword>dollars?|pounds?|sterling|euros?|yen|yuan|rupees)\b)?(?![\p{L}\p{N}])/gu;

const WORD_NUMBER =
  /\b(?<word>two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen|twenty|thirty|forty|fifty|hundred)(?:\s(?<mult>thousand|million|billion|trillion))?\b/giu;

/** A bare four-digit year (1800-2199) is a date, not an amount. */
const YEAR = /^(?:1[89]|2[01])\d\d$/;

/** Rounds away binary noise from `1.13 * 1e9` while keeping decimals of small values. */
const clean = (x: number): number => Number.parseFloat(x.toPrecision(12));

/**
 * Numbers in a text with value and unit: percentages ("3.2%", "5 per cent"), currency amounts with their
 * ISO 4217 code ("$1.13bn" → 1130000000 USD, "3.5m euros" → EUR) and counts ("464,000", "two million").
 * Bare years and anything inside `skip` (e.g. dates already found) are left out.
 */
export function extractNumbers(text: string, skip: readonly Span[] = []): NumberSpan[] {
  const out: NumberSpan[] = [];
  const skipped = new TakenSpans(text.length, skip);
  for (const m of allMatches(NUMBER, text)) {
    const g = m.groups ?? {};
    const num = g.num ?? '';
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const start = (m.index ?? 0) + lead;
    const span = { start, end: (m.index ?? 0) + raw.length };
    if (skipped.overlaps(span)) continue;
    const symbol = g.cur;
    const word = g.curword?.toLowerCase();
    // A glued "m"/"k" is a multiplier only for money ("$639m"); "100m race" is a distance.
    const gluedMult =
      g.glued !== undefined && (symbol !== undefined || word !== undefined || g.glued.length > 1);
    if (g.glued !== undefined && !gluedMult) continue;
    const multKey = (gluedMult ? g.glued : g.mult)?.toLowerCase();
    const mult = multKey === undefined ? 1 : (MULTIPLIER.get(multKey) ?? 1);
    const isPercent = g.pct !== undefined;
    const currency =
      symbol !== undefined
        ? SYMBOL_CURRENCY.get(symbol)
        : word !== undefined
          ? WORD_CURRENCY.get(word)
          : undefined;
    if (!isPercent && currency === undefined && mult === 1 && YEAR.test(num)) continue;
    const value = clean(Number.parseFloat(num.replaceAll(',', '')) * (isPercent ? 1 : mult));
    if (!Number.isFinite(value)) continue;
    const mentionText = text.slice(span.start, span.end);
    const mention: NumberMention = isPercent
      ? { text: mentionText, value, unit: 'percent' }
      : currency !== undefined
        ? { text: mentionText, value, unit: 'currency', currency }
        : { text: mentionText, value, unit: 'count' };
    out.push({ mention, ...span });
  }
  const found = new TakenSpans(text.length, out);
  for (const m of allMatches(WORD_NUMBER, text)) {
    const start = m.index ?? 0;
    const span = { start, end: start + m[0].length };
    if (skipped.overlaps(span) || found.overlaps(span)) continue;
    const base = NUMBER_WORDS.get((m.groups?.word ?? '').toLowerCase()) ?? 0;
    const mult = MULTIPLIER.get((m.groups?.mult ?? '').toLowerCase()) ?? 1;
    out.push({ mention: { text: m[0], value: base * mult, unit: 'count' }, ...span });
  }
  return out.sort((a, b) => a.start - b.start);
}
