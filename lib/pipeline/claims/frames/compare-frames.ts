import type { ClaimFrame } from '../../types';

/**
 * How the values of two frames stand, once the frames are known to be comparable: each value is an interval
 * (the stated precision, widened or opened by its qualifier; a date is the period it names), and values that
 * can be the same figure agree.
 */

/** "about" and "nearly" allow this much either side (nearly: below only): "about 4.2 million" meets 4.19 million, not 3.6 million. */
const ABOUT = 0.1;

type Interval = { readonly low: number; readonly high: number };

/** The values a number may stand for, by its precision and qualifier. */
function numberInterval(value: ClaimFrame['value']): Interval | undefined {
  const v = value.amount;
  if (v === undefined) return undefined;
  const p = value.precision ?? 0;
  switch (value.qualifier) {
    case 'more-than':
    case 'at-least':
      return { low: v, high: Number.POSITIVE_INFINITY };
    case 'less-than':
    case 'at-most':
      return { low: Number.NEGATIVE_INFINITY, high: v };
    case 'about':
      return { low: v - Math.max(p, ABOUT * Math.abs(v)), high: v + Math.max(p, ABOUT * Math.abs(v)) };
    case 'nearly':
      return { low: v - Math.max(p, ABOUT * Math.abs(v)), high: v + p };
    default:
      return { low: v - p, high: v + p };
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The days a date names, as ISO strings: "2022" is 2022-01-01..2022-12-31, "2022-06" its June, "…/week" a week. */
function dateInterval(date: string | undefined): { low: string; high: string } | undefined {
  if (date === undefined) return undefined;
  if (date.endsWith('/week')) {
    // The ISO week that starts on that Monday.
    const monday = date.slice(0, -'/week'.length);
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86_400_000).toISOString().slice(0, 10);
    return { low: monday, high: sunday };
  }
  const [y, m, d] = date.split('-');
  if (y === undefined) return undefined;
  if (m === undefined) return { low: `${y}-01-01`, high: `${y}-12-31` };
  if (d === undefined) {
    const last = new Date(Date.UTC(Number(y), Number(m), 0)).getUTCDate();
    return { low: `${y}-${m}-01`, high: `${y}-${m}-${pad(last)}` };
  }
  return { low: date, high: date };
}

/** Whether two values of comparable frames can be the same figure (or date). */
export function valuesAgree(a: ClaimFrame['value'], b: ClaimFrame['value']): boolean {
  if (a.kind === 'date' || b.kind === 'date') {
    const x = dateInterval(a.date);
    const y = dateInterval(b.date);
    return x !== undefined && y !== undefined && x.low <= y.high && y.low <= x.high;
  }
  const x = numberInterval(a);
  const y = numberInterval(b);
  return x !== undefined && y !== undefined && x.low <= y.high && y.low <= x.high;
}

/**
 * Whether two subjects are one: they share a key, or one's key is another name in the other's clause (an
 * article that never tags "Okafor" still names Brintley), unless both name persons in full and no full name
 * is shared ("Ana Ruiz" and "Marco Ruiz" share only "ruiz"). Other names of both clauses never meet each
 * other: "GMT" beside two share prices relates nothing.
 */
export function sameSubject(a: ClaimFrame['subject'], b: ClaimFrame['subject']): boolean {
  const meets = (x: readonly string[], y: readonly string[] | undefined) => x.some((k) => y?.includes(k));
  if (!meets(a.keys, b.keys) && !meets(a.keys, b.alsoNamed) && !meets(b.keys, a.alsoNamed)) return false;
  if (a.fullNames.length === 0 || b.fullNames.length === 0) return true;
  return a.fullNames.some((n) => b.fullNames.includes(n));
}

/**
 * Whether two frames state the same measure of the same subject for the same time: same unit, same measure
 * key, verbs that do not differ ("cut 420 jobs" is not "created 420 jobs"), one subject, and the same period
 * (or neither states one). A shared year, entity or number alone is not enough.
 */
export function comparableFrames(a: ClaimFrame, b: ClaimFrame): boolean {
  if (a.value.unit !== b.value.unit || a.measure.key !== b.measure.key) return false;
  if (a.measure.verb !== undefined && b.measure.verb !== undefined && a.measure.verb !== b.measure.verb)
    return false;
  if ((a.time?.value ?? '') !== (b.time?.value ?? '')) return false;
  return sameSubject(a.subject, b.subject);
}

/** How two comparable frames stand; undefined when they are not comparable. */
export function relateFrames(a: ClaimFrame, b: ClaimFrame): 'corroborates' | 'conflicts' | undefined {
  if (!comparableFrames(a, b)) return undefined;
  return valuesAgree(a.value, b.value) ? 'corroborates' : 'conflicts';
}
