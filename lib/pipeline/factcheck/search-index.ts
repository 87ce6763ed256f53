import MiniSearch, { type AsPlainObject, type Options } from 'minisearch';
import { sha256Hex } from '../dedup/fingerprint';
import type { FactCheckRecord } from './record';
import { retrievalTerms } from './terms';

/*
 * The lexical first stage is MiniSearch (https://github.com/lucaong/minisearch): BM25+ per field with field
 * boosts, a coordination factor (more matched query terms rank higher), and a serialised form that loads without
 * re-tokenising. docs/benchmarks.md ("Fact-check matching") compares it with FlexSearch and a hand-written
 * BM25 on the same queries.
 */

/** The fields MiniSearch indexes, and their boosts (chosen on CheckThat! 2022 2A dev; see eval/match.ts). */
export const FIELD_BOOSTS = { claim: 2, title: 1, subtitle: 0.5 } as const;

type Field = keyof typeof FIELD_BOOSTS;
type IndexedDocument = { readonly id: number } & Readonly<Record<Field, string>>;

/** The identity of a serialised index: its format and the version of that format. */
export const INDEX_FORMAT = 'factsum-factcheck-index';
export const INDEX_FORMAT_VERSION = 1;

const MINISEARCH_OPTIONS: Options<IndexedDocument> = {
  idField: 'id',
  fields: Object.keys(FIELD_BOOSTS),
  tokenize: retrievalTerms,
  // retrievalTerms already lowercases, folds plurals and drops stopwords.
  processTerm: (term) => term,
  searchOptions: { boost: FIELD_BOOSTS },
};

/** A record found by the first stage, with its lexical score. */
export type Candidate = { readonly position: number; readonly score: number };

/** A loaded, searchable fact-check library. */
export type FactCheckIndex = {
  /** The content hash of the serialised index: changes exactly when the records change. */
  readonly version: string;
  /** Records in id order; candidates point into this array. */
  readonly records: readonly FactCheckRecord[];
  /** The best `limit` records for a text by MiniSearch's score, best first (ties by position). */
  search(text: string, limit: number): Candidate[];
  /** In how many records a term occurs (any field). */
  documentFrequency(term: string): number;
};

/** What is serialised: everything but the version, which is the hash of this. */
export type IndexBody = {
  readonly records: readonly FactCheckRecord[];
  /** Terms that occur in two or more records, and in how many: the re-ranker's rarity (1 for the rest). */
  readonly dfTerms: readonly string[];
  readonly dfCounts: readonly number[];
  readonly search: AsPlainObject;
};

function documentOf(record: FactCheckRecord, id: number): IndexedDocument {
  return { id, claim: record.claimReviewed, title: record.title ?? '', subtitle: record.subtitle ?? '' };
}

/** Document frequencies of the terms that occur in at least two records, in term order. */
function countDocumentFrequencies(
  records: readonly FactCheckRecord[],
): Pick<IndexBody, 'dfTerms' | 'dfCounts'> {
  const df = new Map<string, number>();
  for (const record of records) {
    const terms = new Set(
      retrievalTerms(`${record.claimReviewed} ${record.title ?? ''} ${record.subtitle ?? ''}`),
    );
    for (const term of terms) df.set(term, (df.get(term) ?? 0) + 1);
  }
  const kept = [...df].filter(([, n]) => n >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { dfTerms: kept.map(([t]) => t), dfCounts: kept.map(([, n]) => n) };
}

/**
 * Builds the searchable index of records (any order; kept sorted by id, so that the same records always give
 * the same serialised bytes).
 */
export function buildIndexBody(records: readonly FactCheckRecord[]): IndexBody {
  const sorted = [...records].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const search = new MiniSearch<IndexedDocument>(MINISEARCH_OPTIONS);
  search.addAll(sorted.map(documentOf));
  return { records: sorted, ...countDocumentFrequencies(sorted), search: search.toJSON() };
}

/**
 * The serialised index of a set of records: one JSON object `{format, formatVersion, version, body}`, its
 * version the SHA-256 of the format and the body. The same records, in any order, give the same bytes, so a
 * re-import of the same feed changes nothing, and any change of a record changes the version.
 */
export function serializeIndex(records: readonly FactCheckRecord[]): { text: string; version: string } {
  const bodyJson = JSON.stringify(buildIndexBody(records));
  const version = sha256Hex(`${INDEX_FORMAT}/${INDEX_FORMAT_VERSION}\n${bodyJson}`);
  const text = `{"format":"${INDEX_FORMAT}","formatVersion":${INDEX_FORMAT_VERSION},"version":"${version}","body":${bodyJson}}\n`;
  return { text, version };
}

/** A searchable index of records without serialising it (a feed matched directly); its version as serialised. */
export function buildIndex(records: readonly FactCheckRecord[]): FactCheckIndex {
  const body = buildIndexBody(records);
  return openIndex(sha256Hex(`${INDEX_FORMAT}/${INDEX_FORMAT_VERSION}\n${JSON.stringify(body)}`), body);
}

/** A searchable index from a validated body. */
export function openIndex(version: string, body: IndexBody): FactCheckIndex {
  const search = MiniSearch.loadJS<IndexedDocument>(body.search, MINISEARCH_OPTIONS);
  const df = new Map<string, number>();
  body.dfTerms.forEach((term, i) => {
    df.set(term, body.dfCounts[i] ?? 1);
  });
  return {
    version,
    records: body.records,
    search(text, limit) {
      const query = [...new Set(retrievalTerms(text))].join(' ');
      if (query === '') return [];
      const found = search.search(query);
      const out: Candidate[] = [];
      for (const hit of found) {
        if (typeof hit.id === 'number') out.push({ position: hit.id, score: hit.score });
      }
      // MiniSearch sorts by score only; ties go to the earlier record so that results repeat exactly.
      out.sort((a, b) => b.score - a.score || a.position - b.position);
      return out.slice(0, limit);
    },
    documentFrequency: (term) => df.get(term) ?? 1,
  };
}
