/** Small, deterministic formatters shared by the report pages (no locale of the machine, no clock). */

/** Grouped digits in a fixed locale, so that a page renders the same on every machine. */
const NUMBER_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** Formats a number with grouped digits ("412,000,000"). */
export function formatNumber(value: number): string {
  return Number.isFinite(value) ? NUMBER_FORMAT.format(value) : String(value);
}

/** Scores and similarities are 0..1; three decimals is the precision the pipeline rounds them to. */
export function formatScore(value: number): string {
  return Number.isFinite(value) ? value.toFixed(3) : String(value);
}

/** Pluralises a count of a noun ("1 claim", "3 claims"). */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** What a relation between two claims rests on, as the pipeline records it (`related[].on`). */
export type RelationBasis = {
  readonly kind: string;
  readonly unit: string;
  readonly value: string;
  readonly otherValue: string;
  readonly measure?: string;
  readonly time?: string;
};

/**
 * The measure, both values and the time that made two claims comparable: "handled containers: 4.2 million vs
 * 3.6 million, for 2025". Links made before claim frames name only the unit.
 */
export function formatBasis(on: RelationBasis): string {
  const what = on.measure ?? (on.unit || on.kind);
  const time = on.time === undefined ? '' : `, for ${on.time.replace('/week', ' (week of)')}`;
  return `${what}: ${on.value} vs ${on.otherValue}${time}`;
}
