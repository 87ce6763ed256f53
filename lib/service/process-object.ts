import type { Claim, DedupVerdict, Result, SummaryOptions } from '../pipeline';
import {
  addRelated,
  analyzeArticle,
  bandKeys,
  buildDuplicateResult,
  buildProcessedResult,
  buildRejectedResult,
  type Clock,
  DEFAULT_NEAR_THRESHOLD,
  estimateSimilarity,
  minhashSignature,
  mirrorRelations,
  prepareArticle,
  relateClaims,
  type SourceRef,
  toIndexedClaims,
} from '../pipeline';
import {
  type ClaimIndex,
  type CorpusEntry,
  type DedupIndex,
  fromCorpusId,
  type ObjectStore,
  type ResultStore,
  toCorpusId,
} from '../ports';
import { isEarlier } from './corpus-order';
import { demoteResult, parseStoredClaims, parseStoredResult, type StoredResult } from './stored-result';
import { resolveSummaryOptions, type SummaryRule } from './summary-options';
import { compareVersions, type VersionMark } from './version-order';

/**
 * How many times a duplicate re-reads the canonical after writing its result. The holder of a
 * body only ever moves to an earlier upload, so each round follows a real change; a few rounds
 * cover any realistic burst, and a longer chain still ends on a duplicate verdict.
 */
const MAX_SETTLE_ROUNDS = 3;

/** One ObjectCreated notification, its key already URL-decoded. */
export type ObjectCreated = {
  readonly bucket: string;
  readonly key: string;
  /** The upload time (S3 eventTime), ISO 8601 UTC: the article's place in the corpus order. */
  readonly eventTime: string;
  readonly etag?: string;
  readonly versionId?: string;
  /** S3's per-key event order (hex); recorded in the result so that a stale delivery never replaces a newer one. */
  readonly sequencer?: string;
};

export type ProcessDeps = {
  readonly objects: ObjectStore;
  readonly results: ResultStore;
  readonly index: DedupIndex;
  /** The claims index; without it claims are not related to the corpus. */
  readonly claims?: ClaimIndex;
  readonly clock: Clock;
};

export type ProcessConfig = {
  readonly maxBytes: number;
  /** The deployment's default summary length, and per-prefix rules; object metadata overrides both. */
  readonly summary?: SummaryOptions;
  readonly summaryRules?: readonly SummaryRule[];
  /** Estimated Jaccard similarity from which an article is a near-duplicate (default 0.8). */
  readonly nearThreshold?: number;
  /** Recompute even when a result for this object version exists (backfill --force). */
  readonly reprocess?: boolean;
};

export type ProcessOutcome =
  | { readonly kind: 'written'; readonly result: Result }
  /** The same object version was processed before: its stored result stands. */
  | { readonly kind: 'unchanged'; readonly result: StoredResult }
  /** The object was deleted before it could be read: nothing to do. */
  | { readonly kind: 'missing' }
  /** A newer version of the key has a result already: this (late or re-delivered) event changes nothing. */
  | { readonly kind: 'superseded'; readonly result: StoredResult };

/** Strips the quotes S3 puts around ETags, so that event and GetObject ETags compare. */
export function normalizeEtag(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, '') || undefined;
}

/**
 * Processes one uploaded object end to end: read → prepare → exact dedup → analyse → write
 * the result. Bad input becomes a `rejected` result; infrastructure faults throw so the
 * invocation is retried. Re-delivery of an already processed version returns the stored result.
 */
export async function processObjectCreated(
  event: ObjectCreated,
  deps: ProcessDeps,
  config: ProcessConfig,
): Promise<ProcessOutcome> {
  const ref = { bucket: event.bucket, key: event.key };
  const eventEtag = normalizeEtag(event.etag);
  const mine: VersionMark = {
    uploadedAt: event.eventTime,
    ...optional('sequencer', event.sequencer),
  };
  if (config.reprocess !== true) {
    const stored = parseStoredResult(await deps.results.read(ref));
    if (stored !== undefined) {
      // Same bytes, same result: the ETag identifies the content (docs/operations.md, idempotency).
      if (eventEtag !== undefined && stored.source.etag === eventEtag)
        return { kind: 'unchanged', result: stored };
      if (compareVersions(storedVersion(stored), mine) > 0) return { kind: 'superseded', result: stored };
    }
  }

  // The version the event names, not whatever is current: a late event must not analyse newer bytes
  // under its own (older) upload time.
  const read = await deps.objects.getObject(ref, {
    maxBytes: config.maxBytes,
    ...optional('versionId', event.versionId),
  });
  if (read.kind === 'missing') return { kind: 'missing' };
  const source: SourceRef & { readonly sequencer?: string } = {
    bucket: event.bucket,
    key: event.key,
    ...optional('etag', normalizeEtag(read.etag) ?? eventEtag),
    ...optional('versionId', event.versionId ?? (read.kind === 'object' ? read.versionId : undefined)),
    ...optional('sequencer', event.sequencer),
    ...optional('contentType', read.contentType),
    uploadedAt: event.eventTime,
  };
  const write = async (result: Result): Promise<ProcessOutcome> => {
    // Re-checked right before each write: a newer version processed meanwhile keeps its result.
    const latest = parseStoredResult(await deps.results.read(ref));
    if (
      latest !== undefined &&
      latest.source.etag !== source.etag &&
      compareVersions(storedVersion(latest), mine) > 0
    ) {
      return { kind: 'superseded', result: latest };
    }
    await deps.results.write(ref, result);
    return { kind: 'written', result };
  };

  if (read.kind === 'too-large') {
    return write(
      buildRejectedResult(source, {
        kind: 'rejected',
        size: read.size,
        error: {
          code: 'TOO_LARGE',
          message: `The input is ${read.size} bytes; the limit is ${config.maxBytes} bytes.`,
        },
        timings: {},
      }),
    );
  }

  const prepared = prepareArticle(read.bytes, {
    maxBytes: config.maxBytes,
    fileName: event.key,
    clock: deps.clock,
    ...optional('contentType', read.contentType),
    ...optional('published', read.metadata.published),
  });
  if (prepared.kind === 'rejected') return write(buildRejectedResult(source, prepared));

  const me: CorpusEntry = { id: toCorpusId(ref), uploadedAt: event.eventTime };
  const identity: Identity = { me, bodyHash: prepared.bodyHash };
  const threshold = config.nearThreshold ?? DEFAULT_NEAR_THRESHOLD;
  const writeDuplicate = (dedup: DedupVerdict) => write(buildDuplicateResult(source, prepared, dedup));

  const claim = await deps.index.claimExact(prepared.bodyHash, me);
  let verdict: DedupVerdict;
  let near: readonly NearMatch[] = [];
  if (claim.holder.id !== me.id) {
    // An exact copy needs no bands of its own: its canonical's bands stand for the same body.
    verdict = { kind: 'exact', of: claim.holder.id, similarity: 1 };
  } else {
    const signature = minhashSignature(prepared.article.text);
    identity.signature = signature;
    identity.bands = bandKeys(signature);
    // Bands are written before they are read, so that of two near-duplicates processed at the
    // same moment at least one sees the other (DESIGN.md).
    await deps.index.putBands(me, identity.bands, signature);
    near = await findNearMatches(identity, deps.index, threshold);
    verdict = nearVerdict(me, near);
  }

  if (verdict.kind !== 'unique') {
    let outcome = await writeDuplicate(verdict);
    // The canonical only ever moves to an earlier upload: follow it while it moves.
    for (let round = 0; round < MAX_SETTLE_ROUNDS; round++) {
      const latest = await findVerdict(identity, deps.index, threshold);
      if (latest.kind === 'unique' || latest.of === verdict.of) break;
      verdict = latest;
      outcome = await writeDuplicate(verdict);
    }
    return outcome;
  }

  const analysis = analyzeArticle(prepared.article, {
    uploadedAt: event.eventTime,
    clock: deps.clock,
    summary: resolveSummaryOptions(event.key, read.metadata, {
      ...optional('defaults', config.summary),
      ...optional('rules', config.summaryRules),
    }),
  });
  let claims = analysis.claims;
  const indexed = toIndexedClaims(me, claims);
  if (deps.claims !== undefined) {
    // Claims are written before they are read, as bands are: of two related articles processed at the
    // same moment, at least one sees the other.
    await deps.claims.putClaims(me, indexed);
    const candidates = await deps.claims.findRelated(indexed);
    const copies = [...near.map((m) => m.entry.id), ...(claim.displaced ? [claim.displaced.id] : [])];
    claims = relateClaims(claims, candidates, { selfId: me.id, exclude: copies });
  }
  const outcome = await write(
    buildProcessedResult(source, prepared, { ...analysis, claims }, { kind: 'unique' }),
  );
  if (outcome.kind === 'superseded') return outcome;
  if (deps.claims !== undefined) await mirrorLinks(me, claims, deps.results);

  // Copies that declared themselves canonical before this earlier upload was indexed.
  if (claim.displaced !== undefined) {
    await demote(claim.displaced, { kind: 'exact', of: me.id, similarity: 1 }, deps);
  }
  for (const match of near) {
    if (isEarlier(me, match.entry)) {
      await demote(match.entry, { kind: 'near', of: me.id, similarity: match.similarity }, deps);
    }
  }
  // An earlier copy may have been indexed while this one was analysed; it cannot see this
  // result yet, so this invocation demotes itself.
  const latest = await findVerdict(identity, deps.index, threshold);
  if (latest.kind === 'unique') return outcome;
  // A duplicate's claims must not corroborate anything: take them out of the claims index.
  await deps.claims?.removeClaims(me, indexed);
  return writeDuplicate(latest);
}

/**
 * Shows our links in the other articles' results too (issue 5, "both directions"): each related article's
 * stored result gets the mirror image of the link. Idempotent; a demoted or missing result is left alone.
 */
async function mirrorLinks(me: CorpusEntry, claims: readonly Claim[], results: ResultStore): Promise<void> {
  for (const [otherId, links] of mirrorRelations(me, claims)) {
    const ref = fromCorpusId(otherId);
    if (ref === undefined) continue;
    const stored = parseStoredResult(await results.read(ref));
    if (stored === undefined || stored.status !== 'processed') continue;
    const updated = addRelated(stored.claims, links);
    if (updated !== undefined) await results.write(ref, { ...stored, claims: updated });
  }
}

/** What identifies an article in the index: its entry, body hash and (once computed) MinHash bands. */
type Identity = {
  readonly me: CorpusEntry;
  readonly bodyHash: string;
  signature?: Uint32Array;
  bands?: readonly string[];
};

type NearMatch = { readonly entry: CorpusEntry; readonly similarity: number };

/** Other articles in the index whose estimated Jaccard similarity reaches the threshold. */
async function findNearMatches(
  identity: Identity,
  index: DedupIndex,
  threshold: number,
): Promise<NearMatch[]> {
  const { signature, bands } = identity;
  if (signature === undefined || bands === undefined) return [];
  const matches: NearMatch[] = [];
  for (const candidate of await index.queryBands(bands)) {
    if (candidate.id === identity.me.id) continue;
    const similarity = estimateSimilarity(signature, candidate.signature);
    if (similarity >= threshold) {
      matches.push({ entry: { id: candidate.id, uploadedAt: candidate.uploadedAt }, similarity });
    }
  }
  return matches;
}

/** The verdict among near matches: a duplicate of the earliest match that is earlier than `me`. */
function nearVerdict(me: CorpusEntry, matches: readonly NearMatch[]): DedupVerdict {
  let best: NearMatch | undefined;
  for (const match of matches) {
    if (isEarlier(match.entry, me) && (best === undefined || isEarlier(match.entry, best.entry)))
      best = match;
  }
  return best === undefined
    ? { kind: 'unique' }
    : { kind: 'near', of: best.entry.id, similarity: best.similarity };
}

/** The current verdict for an article: an exact canonical first, else the earliest near match. */
async function findVerdict(identity: Identity, index: DedupIndex, threshold: number): Promise<DedupVerdict> {
  const holder = await index.lookupExact(identity.bodyHash);
  if (holder !== undefined && holder.id !== identity.me.id)
    return { kind: 'exact', of: holder.id, similarity: 1 };
  return nearVerdict(identity.me, await findNearMatches(identity, index, threshold));
}

/**
 * Rewrites the stored result of a copy that had declared itself canonical as a duplicate, and takes
 * its claims out of the claims index (a duplicate never corroborates anything).
 */
async function demote(entry: CorpusEntry, dedup: DedupVerdict, deps: ProcessDeps): Promise<void> {
  const ref = fromCorpusId(entry.id);
  if (ref === undefined) return;
  const stored = parseStoredResult(await deps.results.read(ref));
  // Not written yet: that invocation re-checks the index after writing and demotes itself.
  // Already a duplicate: it points at a canonical of its own, which is demoted in turn.
  if (stored === undefined || stored.status !== 'processed') return;
  await deps.results.write(ref, demoteResult(stored, dedup));
  await deps.claims?.removeClaims(entry, toIndexedClaims(entry, parseStoredClaims(stored.claims)));
}

/** The version a stored result was computed from, as compareVersions reads it. */
function storedVersion(stored: StoredResult): VersionMark {
  const { sequencer, uploadedAt } = stored.source;
  return {
    ...optional('sequencer', typeof sequencer === 'string' ? sequencer : undefined),
    ...optional('uploadedAt', typeof uploadedAt === 'string' ? uploadedAt : undefined),
  };
}

/** `{ [name]: value }` when value is defined, else `{}`: keeps absent fields absent in results. */
function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]?: V });
}
