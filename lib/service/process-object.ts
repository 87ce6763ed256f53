import { analyzeArticle, type Clock, prepareArticle } from '../pipeline/analyze';
import {
  buildDuplicateResult,
  buildProcessedResult,
  buildRejectedResult,
  demoteResult,
  parseStoredResult,
  type SourceRef,
  type StoredResult,
} from '../pipeline/result';
import type { Result } from '../pipeline/types';
import {
  type CorpusEntry,
  type DedupIndex,
  fromCorpusId,
  type ObjectStore,
  type ResultStore,
  toCorpusId,
} from '../ports';

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
};

export type ProcessDeps = {
  readonly objects: ObjectStore;
  readonly results: ResultStore;
  readonly index: DedupIndex;
  readonly clock: Clock;
};

export type ProcessConfig = {
  readonly maxBytes: number;
  readonly maxSentences?: number;
};

export type ProcessOutcome =
  | { readonly kind: 'written'; readonly result: Result }
  /** The same object version was processed before: its stored result stands. */
  | { readonly kind: 'unchanged'; readonly result: StoredResult }
  /** The object was deleted before it could be read: nothing to do. */
  | { readonly kind: 'missing' };

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
  if (eventEtag !== undefined) {
    const stored = parseStoredResult(await deps.results.read(ref));
    if (stored !== undefined && stored.source.etag === eventEtag)
      return { kind: 'unchanged', result: stored };
  }

  const read = await deps.objects.getObject(ref, { maxBytes: config.maxBytes });
  if (read.kind === 'missing') return { kind: 'missing' };
  const source: SourceRef = {
    bucket: event.bucket,
    key: event.key,
    ...optional('etag', normalizeEtag(read.etag) ?? eventEtag),
    ...optional('versionId', event.versionId),
    ...optional('contentType', read.contentType),
    uploadedAt: event.eventTime,
  };
  const write = async (result: Result): Promise<ProcessOutcome> => {
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
  const claim = await deps.index.claimExact(prepared.bodyHash, me);
  const writeDuplicate = (of: CorpusEntry) =>
    write(buildDuplicateResult(source, prepared, { kind: 'exact', of: of.id, similarity: 1 }));
  if (claim.holder.id !== me.id) {
    let outcome = await writeDuplicate(claim.holder);
    // An upload earlier than the holder may have claimed the body meanwhile: point at it instead.
    let seen = claim.holder;
    for (let attempt = 0; attempt < MAX_SETTLE_ROUNDS; attempt++) {
      const holder = await deps.index.lookupExact(prepared.bodyHash);
      if (holder === undefined || holder.id === seen.id || holder.id === me.id) break;
      seen = holder;
      outcome = await writeDuplicate(holder);
    }
    return outcome;
  }

  const analysis = analyzeArticle(prepared.article, {
    uploadedAt: event.eventTime,
    clock: deps.clock,
    ...optional('maxSentences', config.maxSentences),
  });
  const outcome = await write(buildProcessedResult(source, prepared, analysis, { kind: 'unique' }));

  if (claim.displaced !== undefined) await demote(claim.displaced, me, deps.results);
  // An earlier upload of the same body may have claimed the hash while this one was analysed;
  // it cannot see this result yet, so this invocation demotes itself (see DESIGN.md).
  const holder = await deps.index.lookupExact(prepared.bodyHash);
  if (holder !== undefined && holder.id !== me.id) return writeDuplicate(holder);
  return outcome;
}

/** Rewrites the stored result of a copy that had declared itself canonical as a duplicate of `canonical`. */
async function demote(displaced: CorpusEntry, canonical: CorpusEntry, results: ResultStore): Promise<void> {
  const ref = fromCorpusId(displaced.id);
  if (ref === undefined) return;
  const stored = parseStoredResult(await results.read(ref));
  // Not written yet: the displaced invocation re-checks the index after writing and demotes itself.
  if (stored === undefined || stored.status === 'rejected') return;
  await results.write(ref, demoteResult(stored, { kind: 'exact', of: canonical.id, similarity: 1 }));
}

/** `{ [name]: value }` when value is defined, else `{}`: keeps absent fields absent in results. */
function optional<K extends string, V>(name: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [name]: value } as { [P in K]?: V });
}
