import { allMatches } from '../../text/all-matches';
import type { DateMention } from '../../types';
import type { Span } from './numbers';
import { TakenSpans } from './taken-spans';

/** What relative expressions are resolved against. */
export type DateReference = { readonly date: string; readonly source: 'published' | 'uploaded' };

/** A date mention with where it sits in the text. */
export type DateSpan = { readonly mention: DateMention; readonly start: number; readonly end: number };

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);
const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['sunday', 0],
  ['monday', 1],
  ['tuesday', 2],
  ['wednesday', 3],
  ['thursday', 4],
  ['friday', 5],
  ['saturday', 6],
]);

// Month names are matched capitalised only, so that "may" and "march" the verbs stay verbs.
const M =
  '(?<month>January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\\.?)';
const D = '(?<day>[0-3]?\\d)(?:st|nd|rd|th)?';
const Y = '(?<year>1[89]\\d\\d|2[01]\\d\\d)';

/** Words before a month name that make it a date; either case, since they may open the sentence. */
const RELATIVE_WORDS = [
  'last',
  'next',
  'this',
  'early',
  'late',
  'mid-',
  'in',
  'since',
  'until',
  'by',
  'from',
  'during',
  'before',
  'after',
]
  .map((w) => `[${w[0]?.toUpperCase()}${w[0]}]${w.slice(1)}`)
  .join('|');

type Rule = { readonly re: RegExp; readonly relative: boolean };

/** Tried in order; earlier (longer, more specific) matches win over overlapping later ones. */
const RULES: readonly Rule[] = [
  { re: /\b(?<year>\d{4})-(?<mnum>\d{2})-(?<day>\d{2})\b/g, relative: false },
  { re: new RegExp(`\\b${D}\\s+${M},?\\s+${Y}\\b`, 'g'), relative: false },
  { re: new RegExp(`\\b${M}\\s+${D},?\\s+${Y}\\b`, 'g'), relative: false },
  { re: new RegExp(`\\b${M},?\\s+${Y}\\b`, 'g'), relative: false },
  { re: new RegExp(`\\b${D}\\s+${M}(?![\\p{L}])`, 'gu'), relative: true },
  { re: new RegExp(`\\b${M}\\s+${D}\\b(?![,.]?\\d)`, 'g'), relative: true },
  {
    re: new RegExp(`\\b(?<rel>${RELATIVE_WORDS})\\s*${M}(?![\\p{L}])`, 'gu'),
    relative: true,
  },
  {
    re: /\b(?:(?<rel>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n)\s+)?(?<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g,
    relative: true,
  },
  { re: /\b(?<deictic>yesterday|today|tomorrow|tonight)\b/gi, relative: true },
  { re: /\b(?<rel>last|this|next)\s+(?<unit>week|month|year)\b/gi, relative: true },
  // A season or financial year ("2025-26", "1998–99", "2003/04"): one date, its first year, so that the
  // second half is not read as a number. Only consecutive years: "2003-05" stays ambiguous and is left out.
  {
    re: /(?<![\p{L}\p{N}$£€¥.,-])(?<year>1[89]\d\d|20\d\d)[-–/](?<yy>\d\d)(?![\p{L}\p{N}%]|[.,]\d)/gu,
    relative: false,
  },
  { re: /(?<![\p{L}\p{N}$£€¥.,-])(?<year>1[89]\d\d|20\d\d)(?![\p{L}\p{N}%]|[.,]\d)/gu, relative: false },
];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const iso = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const addDays = (d: Date, days: number): Date => new Date(d.getTime() + days * 86_400_000);

function validDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The reference as a UTC midnight, or undefined when it is not an ISO date (or date-time). */
function parseReference(reference: DateReference | undefined): Date | undefined {
  const m = reference === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})/.exec(reference.date);
  if (m === null) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validDay(y, mo, d) ? new Date(Date.UTC(y, mo - 1, d)) : undefined;
}

/** The year that puts month/day nearest to the reference (news mostly reports the recent past). */
function nearestYear(ref: Date, month: number, day: number): number {
  const y = ref.getUTCFullYear();
  const candidates = [y - 1, y, y + 1];
  let best = y;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    const distance = Math.abs(Date.UTC(c, month - 1, day) - ref.getTime());
    if (distance < bestDistance) {
      bestDistance = distance;
      best = c;
    }
  }
  return best;
}

type Groups = Readonly<Record<string, string | undefined>>;

/** ISO value of a match, or undefined when it cannot be resolved. */
function resolve(g: Groups, ref: Date | undefined): string | undefined {
  const month =
    g.mnum !== undefined
      ? Number(g.mnum)
      : g.month !== undefined
        ? MONTHS.get(g.month.toLowerCase().replace('.', ''))
        : undefined;
  const day = g.day !== undefined ? Number(g.day) : undefined;
  const year = g.year !== undefined ? Number(g.year) : undefined;
  if (year !== undefined && month !== undefined && day !== undefined) {
    return validDay(year, month, day) ? `${year}-${pad(month)}-${pad(day)}` : undefined;
  }
  if (year !== undefined && month !== undefined) return `${year}-${pad(month)}`;
  if (year !== undefined) return String(year);
  if (ref === undefined) return undefined;
  const refYear = ref.getUTCFullYear();
  const refMonth = ref.getUTCMonth() + 1;
  const rel = g.rel?.toLowerCase();
  if (month !== undefined && day !== undefined) {
    const y = nearestYear(ref, month, day);
    return validDay(y, month, day) ? `${y}-${pad(month)}-${pad(day)}` : undefined;
  }
  if (month !== undefined) {
    let y = nearestYear(ref, month, 15);
    if (rel === 'last' || rel === 'since' || rel === 'after') y = month < refMonth ? refYear : refYear - 1;
    if (rel === 'last' && month === refMonth) y = refYear - 1;
    if (rel === 'next' || rel === 'until' || rel === 'by') y = month > refMonth ? refYear : refYear + 1;
    if (rel === 'this') y = refYear;
    return `${y}-${pad(month)}`;
  }
  if (g.weekday !== undefined) {
    const target = WEEKDAYS.get(g.weekday.toLowerCase()) ?? 0;
    const now = ref.getUTCDay();
    // News reports the past: a bare weekday is the latest one on or before the reference, "next" the one after.
    if (rel === 'next')
      return iso(addDays(ref, ((target - now + 7) % 7) + ((target - now + 7) % 7 === 0 ? 7 : 0)));
    const back = (now - target + 7) % 7;
    return iso(addDays(ref, rel === 'last' && back === 0 ? -7 : -back));
  }
  const deictic = g.deictic?.toLowerCase();
  if (deictic === 'yesterday') return iso(addDays(ref, -1));
  if (deictic === 'today' || deictic === 'tonight') return iso(ref);
  if (deictic === 'tomorrow') return iso(addDays(ref, 1));
  const unit = g.unit?.toLowerCase();
  const shift = rel === 'last' ? -1 : rel === 'next' ? 1 : 0;
  if (unit === 'year') return String(refYear + shift);
  if (unit === 'month') {
    const d = new Date(Date.UTC(refYear, refMonth - 1 + shift, 1));
    return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
  }
  if (unit === 'week') {
    // The Monday that starts the ISO week; `granularity: 'week'` says it stands for the whole week.
    const monday = addDays(ref, -((ref.getUTCDay() + 6) % 7));
    return iso(addDays(monday, 7 * shift));
  }
  return undefined;
}

/**
 * Dates in a text: absolute ("12 March 2024", "March 12, 2024", "2024-03-12", "March 2024", "2003") and
 * relative ("Thursday", "last December", "April 25", "yesterday", "last week"), the latter resolved against
 * `reference` and stating it. Spans in `skip` are left alone.
 */
export function extractDates(
  text: string,
  reference?: DateReference,
  skip: readonly Span[] = [],
): DateSpan[] {
  const ref = parseReference(reference);
  const taken = new TakenSpans(text.length, skip);
  const out: DateSpan[] = [];
  for (const rule of RULES) {
    for (const m of allMatches(rule.re, text)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      if (taken.overlaps({ start, end })) continue;
      const g: Groups = m.groups ?? {};
      if (g.yy !== undefined && Number(g.yy) !== (Number(g.year) + 1) % 100) continue;
      const value = resolve(g, ref);
      if (!rule.relative && value === undefined) {
        // An impossible date ("31 February 2024") claims its span so that no shorter rule half-reads it.
        taken.add({ start, end });
        continue;
      }
      const unit = g.unit?.toLowerCase();
      const mention: DateMention = {
        text: m[0],
        ...(value !== undefined ? { value } : {}),
        ...(rule.relative && ref !== undefined && reference !== undefined
          ? { reference: { date: iso(ref), source: reference.source } }
          : {}),
        ...(unit === 'week' && value !== undefined ? { granularity: 'week' as const } : {}),
      };
      taken.add({ start, end });
      out.push({ mention, start, end });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
