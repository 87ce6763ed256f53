import type { RelationBasis } from './format-values';
import { corpusIdOf, type ReportResult } from './report-schema';

/**
 * The corpus as the index page shows it, computed from result documents alone: rows in corpus order,
 * duplicate clusters and conflicting claims. Pure data, so that it can be tested without a browser.
 */

/** One result in the corpus index, with the href of its report (relative to the index page). */
export type CorpusIndexEntry = { readonly result: ReportResult; readonly href?: string };

/** One row of the index table; the `sort*` fields are what the page sorts on. */
export type CorpusRow = {
  readonly id: string;
  readonly href: string | undefined;
  readonly title: string;
  readonly status: ReportResult['status'];
  /** ISO 8601 or '' when the article states none: sorts before every date. */
  readonly published: string;
  readonly uploaded: string;
  /** Number of claims; 0 for duplicates and rejected inputs, which have none. */
  readonly claims: number;
  readonly conflicts: number;
  readonly duplicateOf: string | undefined;
  readonly similarity: number | undefined;
  /** Lower-cased text the filter box matches: title, id and status. */
  readonly search: string;
};

export type DuplicateCluster = {
  readonly canonical: string;
  readonly members: readonly { readonly id: string; readonly kind: string; readonly similarity?: number }[];
};

/** One side of a conflict: a claim of an article. */
export type ConflictSide = { readonly articleId: string; readonly claimIndex: number; readonly text: string };

export type Conflict = {
  readonly a: ConflictSide;
  readonly b: ConflictSide;
  /** The quantity or date they disagree on, as "kind unit: valueA vs valueB", when recorded. */
  readonly on?: RelationBasis;
};

export type CorpusView = {
  readonly rows: readonly CorpusRow[];
  readonly clusters: readonly DuplicateCluster[];
  readonly conflicts: readonly Conflict[];
};

/** Builds the rows, duplicate clusters and cross-article conflicts of a set of results. */
export function buildCorpusView(entries: readonly CorpusIndexEntry[]): CorpusView {
  const byId = new Map<string, ReportResult>();
  const withIds = entries.map((entry, position) => {
    const id = corpusIdOf(entry.result.source) ?? `(result ${position + 1})`;
    byId.set(id, entry.result);
    return { id, entry };
  });
  // Corpus order: upload time, then id (lib/ports.ts isEarlier); results without an upload time come last.
  withIds.sort((x, y) => {
    const ux = x.entry.result.source.uploadedAt ?? '\uffff';
    const uy = y.entry.result.source.uploadedAt ?? '\uffff';
    return ux < uy ? -1 : ux > uy ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  const conflicts = collectConflicts(withIds.map(({ id, entry }) => ({ id, result: entry.result })));
  const conflictCount = new Map<string, number>();
  for (const conflict of conflicts) {
    for (const side of [conflict.a, conflict.b]) {
      conflictCount.set(side.articleId, (conflictCount.get(side.articleId) ?? 0) + 1);
    }
  }
  const rows = withIds.map(({ id, entry }): CorpusRow => {
    const { result } = entry;
    const title = result.article?.title.trim() ?? '';
    const duplicateOf = result.status === 'duplicate' ? result.dedup.of : undefined;
    return {
      id,
      href: entry.href,
      title,
      status: result.status,
      published: result.article?.published ?? '',
      uploaded: result.source.uploadedAt ?? '',
      claims: result.claims?.length ?? 0,
      conflicts: conflictCount.get(id) ?? 0,
      duplicateOf,
      similarity: duplicateOf === undefined ? undefined : result.dedup.similarity,
      search: `${title}\n${id}\n${result.status}`.toLowerCase(),
    };
  });
  return { rows, clusters: collectClusters(rows, byId), conflicts };
}

/**
 * Groups duplicates under their canonical, following `dedup.of` from copy to copy until an article that
 * is not a duplicate (or not in the listing). A cycle, which the pipeline never writes, ends the walk.
 */
function collectClusters(
  rows: readonly CorpusRow[],
  byId: ReadonlyMap<string, ReportResult>,
): DuplicateCluster[] {
  const clusters = new Map<string, { id: string; kind: string; similarity?: number }[]>();
  for (const row of rows) {
    if (row.duplicateOf === undefined) continue;
    let canonical = row.duplicateOf;
    const seen = new Set<string>([row.id]);
    for (;;) {
      const next = byId.get(canonical);
      if (next?.status !== 'duplicate' || next.dedup.of === undefined || seen.has(canonical)) break;
      seen.add(canonical);
      canonical = next.dedup.of;
    }
    const dedup = byId.get(row.id)?.dedup;
    const members = clusters.get(canonical) ?? [];
    members.push({
      id: row.id,
      kind: dedup?.kind ?? 'exact',
      ...(row.similarity === undefined ? {} : { similarity: row.similarity }),
    });
    clusters.set(canonical, members);
  }
  return [...clusters].map(([canonical, members]) => ({ canonical, members }));
}

/** The conflicting claim pairs across articles, each pair once though both articles record the link. */
function collectConflicts(results: readonly { id: string; result: ReportResult }[]): Conflict[] {
  const seen = new Set<string>();
  const conflicts: Conflict[] = [];
  for (const { id, result } of results) {
    if (result.status !== 'processed') continue;
    (result.claims ?? []).forEach((claim, claimIndex) => {
      for (const link of claim.related ?? []) {
        if (link.relation !== 'conflicts' || link.articleId === id) continue;
        const here = `${id}#${claimIndex}`;
        const there = `${link.articleId}#${link.claimIndex}`;
        const pair = here < there ? `${here}\n${there}` : `${there}\n${here}`;
        if (seen.has(pair)) continue;
        seen.add(pair);
        conflicts.push({
          a: { articleId: id, claimIndex, text: claim.text },
          b: { articleId: link.articleId, claimIndex: link.claimIndex, text: link.claimText },
          ...(link.on ? { on: link.on } : {}),
        });
      }
    });
  }
  return conflicts;
}
