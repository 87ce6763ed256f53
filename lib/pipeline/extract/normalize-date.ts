/** ISO 8601 dates and date-times as documents write them (a space instead of 'T' is tolerated). */
const ISO_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?)\s?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const ISO_YEAR_MONTH = /^\d{4}(?:-\d{2})?$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;

/** Publication dates outside this range are typos or placeholders (0000-00-00, 9999-12-31). */
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

function plausible(time: number): boolean {
  if (!Number.isFinite(time)) return false;
  const year = new Date(time).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Normalises a date stated by a document to ISO 8601. ISO input is kept as written (with 'T'
 * between date and time) so that a stated local time is not shifted; other formats that
 * `Date.parse` understands (RFC 2822, "March 3, 2024") become a UTC date-time. Returns undefined
 * for anything that is not a plausible date.
 */
export function normalizeDate(value: string | undefined): string | undefined {
  const v = value?.trim() ?? '';
  if (v === '' || v.length > 100) return undefined;
  const iso = ISO_DATE_TIME.exec(v);
  if (iso !== null) {
    const [, date = '', time, zone] = iso;
    if (!plausible(Date.parse(date))) return undefined;
    if (time === undefined) return date;
    const normalizedZone = zone === undefined ? '' : zone.toUpperCase() === 'Z' ? 'Z' : zone;
    return `${date}T${time.replace(',', '.')}${normalizedZone}`;
  }
  if (ISO_YEAR_MONTH.test(v)) return plausible(Date.parse(v)) ? v : undefined;
  const compact = COMPACT_DATE.exec(v);
  if (compact !== null) {
    const date = `${compact[1]}-${compact[2]}-${compact[3]}`;
    return plausible(Date.parse(date)) ? date : undefined;
  }
  const time = Date.parse(v);
  return plausible(time) ? new Date(time).toISOString() : undefined;
}
