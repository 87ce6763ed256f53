import { extractDates, extractEntities, extractNumbers } from '../claims/mentions';
import type { FactCheckRecord } from './record';
import type { Candidate } from './search-index';
import type { TermRarity } from './term-rarity';
import { MAX_TEXT_CHARS, retrievalTerms } from './terms';

/**
 * The re-ranker's features of a (query, fact-check) pair, each in [0, 1] or a small range: the first stage's
 * score and rank, idf-weighted term coverage in both directions and per field, shared word pairs and rare terms,
 * entity, number and date agreement (lib/pipeline/claims/mentions), and lengths.
 */
export const RERANK_FEATURES = [
  'first',
  'firstLog',
  'rank',
  'gapNext',
  'sharedIdf',
  'claimCoverPlain',
  'claimCover',
  'titleCover',
  'subtitleCover',
  'queryCover',
  'bigramCover',
  'rareShared',
  'entityCover',
  'entityMissing',
  'numberShared',
  'numberConflict',
  'yearShared',
  'dateWithinMonth',
  'dateWithinYear',
  'dateFar',
  'claimLength',
  'queryLength',
] as const;

export type RerankFeature = (typeof RERANK_FEATURES)[number];
export type FeatureVector = Readonly<Record<RerankFeature, number>>;

/** A term in at most this many records (library and background together) is rare: sharing one is strong evidence. */
const RARE_DF = 10;
/** Rare shared terms counted at most: past three, more says little. */
const RARE_CAP = 3;
/** Summed idf of shared terms at which `sharedIdf` saturates: four or five rare terms in common. */
const SHARED_IDF_SCALE = 30;
/** Terms at which the length features saturate (log scale). */
const LENGTH_SCALE = Math.log(64);
const DAY_MS = 86_400_000;
const MONTH_DAYS = 31;
const YEAR_DAYS = 366;

/** What the features need of a text: its terms, word pairs, entities, numbers, years and latest full date. */
type TextView = {
  readonly terms: ReadonlySet<string>;
  readonly termCount: number;
  readonly bigrams: ReadonlySet<string>;
  readonly entities: readonly (readonly string[])[];
  readonly numbers: ReadonlySet<string>;
  readonly years: ReadonlySet<string>;
  readonly day?: number;
};

type RecordView = TextView & {
  readonly claim: readonly string[];
  readonly title: readonly string[];
  readonly subtitle: readonly string[];
};

function bigramsOf(terms: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 1; i < terms.length; i++) out.add(`${terms[i - 1]} ${terms[i]}`);
  return out;
}

/** Day number (days since 1970-01-01 UTC) of an ISO date YYYY-MM-DD or YYYY-MM; undefined otherwise. */
function dayOf(iso: string | undefined): number | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(iso ?? '');
  if (m === null) return undefined;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '15')) / DAY_MS);
}

/** The mentions part of a view: entities as term lists, numbers as unit:currency:value, years, the latest day. */
function mentionsOf(fullText: string): Omit<TextView, 'terms' | 'termCount' | 'bigrams'> {
  // The same cap as the terms: the extractors' cost stays bounded on a hostile claim.
  const text = fullText.slice(0, MAX_TEXT_CHARS);
  const dates = extractDates(text);
  const numbers = new Set(
    extractNumbers(text, dates).map(
      ({ mention }) => `${mention.unit}:${mention.currency ?? ''}:${mention.value}`,
    ),
  );
  const years = new Set<string>();
  let day: number | undefined;
  for (const { mention } of dates) {
    if (mention.value === undefined) continue;
    years.add(mention.value.slice(0, 4));
    const d = dayOf(mention.value);
    if (d !== undefined && (day === undefined || d > day)) day = d;
  }
  const entities = extractEntities(text)
    .map((e) => retrievalTerms(e.text))
    .filter((t) => t.length > 0);
  return { entities, numbers, years, ...(day === undefined ? {} : { day }) };
}

/** The view of a query text; `date` (ISO), when given, stands in for a date the text does not state. */
export function viewQuery(text: string, date?: string): TextView {
  const terms = retrievalTerms(text);
  const mentions = mentionsOf(text);
  const given = dayOf(date?.slice(0, 10));
  const day = mentions.day ?? given;
  return {
    ...mentions,
    terms: new Set(terms),
    termCount: terms.length,
    bigrams: bigramsOf(terms),
    ...(day === undefined ? {} : { day }),
  };
}

/** The view of a library record: its fields' terms, and the mentions of its claim and title. */
export function viewRecord(record: FactCheckRecord): RecordView {
  const claim = retrievalTerms(record.claimReviewed);
  const title = retrievalTerms(record.title ?? '');
  const subtitle = retrievalTerms(record.subtitle ?? '');
  const all = [...claim, ...title, ...subtitle];
  const { day: _mentioned, ...mentions } = mentionsOf(`${record.claimReviewed}\n${record.title ?? ''}`);
  // The review's own date, not a date its claim mentions, is what a query's date is compared with.
  const day = dayOf(extractDates(record.date ?? '')[0]?.mention.value);
  return {
    ...mentions,
    ...(day === undefined ? {} : { day }),
    claim,
    title,
    subtitle,
    terms: new Set(all),
    termCount: claim.length,
    bigrams: new Set([...bigramsOf(claim), ...bigramsOf(title)]),
  };
}

type Idf = (term: string) => number;

/** Share of the idf mass of `terms` (distinct) that `other` holds too; 0 for no terms. */
function coverage(terms: Iterable<string>, other: ReadonlySet<string>, idf: Idf): number {
  let total = 0;
  let shared = 0;
  for (const term of new Set(terms)) {
    const w = idf(term);
    total += w;
    if (other.has(term)) shared += w;
  }
  return total === 0 ? 0 : shared / total;
}

function shareOf<T>(items: readonly T[], test: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(test).length / items.length;
}

function intersects(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const x of a) if (b.has(x)) return true;
  return false;
}

/** Features of the date, number and entity agreement between a query and a record. */
function mentionFeatures(query: TextView, record: RecordView) {
  const delta =
    query.day !== undefined && record.day !== undefined ? Math.abs(record.day - query.day) : undefined;
  const within = (terms: readonly string[], set: ReadonlySet<string>) => terms.every((t) => set.has(t));
  return {
    entityCover: shareOf(record.entities, (e) => within(e, query.terms)),
    entityMissing: shareOf(query.entities, (e) => !within(e, record.terms)),
    numberShared: intersects(query.numbers, record.numbers) ? 1 : 0,
    numberConflict:
      query.numbers.size > 0 && record.numbers.size > 0 && !intersects(query.numbers, record.numbers) ? 1 : 0,
    yearShared: intersects(query.years, record.years) ? 1 : 0,
    dateWithinMonth: delta !== undefined && delta <= MONTH_DAYS ? 1 : 0,
    dateWithinYear: delta !== undefined && delta <= YEAR_DAYS ? 1 : 0,
    dateFar: delta !== undefined && delta > YEAR_DAYS ? 1 : 0,
  };
}

/**
 * The feature vector of each first-stage candidate of one query (candidates best first, as the first stage
 * ranked them).
 */
export function computeFeatures(
  query: TextView,
  candidates: readonly Candidate[],
  recordView: (position: number) => RecordView,
  rarity: TermRarity,
): FeatureVector[] {
  const idf: Idf = rarity.idf;
  const top = candidates[0]?.score ?? 0;
  return candidates.map((candidate, rank) => {
    const record = recordView(candidate.position);
    const next = candidates[rank + 1]?.score ?? 0;
    let rare = 0;
    let shared = 0;
    for (const term of query.terms) {
      if (!record.terms.has(term)) continue;
      shared += idf(term);
      if (rarity.df(term) <= RARE_DF) rare++;
    }
    let sharedPairs = 0;
    for (const pair of record.bigrams) if (query.bigrams.has(pair)) sharedPairs++;
    const claimTerms = new Set(record.claim);
    let plain = 0;
    for (const term of claimTerms) if (query.terms.has(term)) plain++;
    return {
      first: top > 0 ? candidate.score / top : 0,
      firstLog: Math.log1p(candidate.score) / 10,
      rank: 1 / (1 + rank),
      gapNext: top > 0 ? (candidate.score - next) / top : 0,
      sharedIdf: Math.min(1, shared / SHARED_IDF_SCALE),
      claimCoverPlain: claimTerms.size === 0 ? 0 : plain / claimTerms.size,
      claimCover: coverage(record.claim, query.terms, idf),
      titleCover: coverage(record.title, query.terms, idf),
      subtitleCover: coverage(record.subtitle, query.terms, idf),
      queryCover: coverage(query.terms, record.terms, idf),
      bigramCover: record.bigrams.size === 0 ? 0 : sharedPairs / record.bigrams.size,
      rareShared: Math.min(rare, RARE_CAP) / RARE_CAP,
      ...mentionFeatures(query, record),
      claimLength: Math.min(1, Math.log1p(record.termCount) / LENGTH_SCALE),
      queryLength: Math.min(1, Math.log1p(query.termCount) / LENGTH_SCALE),
    };
  });
}

export type { RecordView, TextView };
