import type { ObjectRef, ResultDocument, ResultStore, StoredDocument, WriteCondition } from '../ports';
import { toCorpusDigest } from '../report/corpus-digest';
import { renderStoredResult } from '../report/render-stored-result';
import { parseStoredResult, type StoredResult, storedOrder } from './stored-result';

/**
 * Rounds of read → decide → conditional write on one result before the invocation gives up and is retried.
 * Each conflict means another writer changed the result in between; a handful covers any realistic burst.
 */
const MAX_WRITE_ATTEMPTS = 6;

/** A result kept changing under every attempt to write it: retryable, like any infrastructure fault. */
export class ResultConflictError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ResultConflictError';
  }
}

/** The condition under which a result read as `stored` may be replaced: still that one, or still none. */
function conditionAfter(stored: StoredDocument | undefined): WriteCondition {
  return stored === undefined ? { ifAbsent: true } : { ifMatch: stored.etag };
}

/**
 * Writes the report and then the result of one input version, unless the stored result describes a newer
 * version of the key (by `order`): a late delivery never replaces a newer result. The JSON goes last and only
 * if nobody wrote in between (a conditional write); on a conflict it reads again and decides again.
 */
export async function saveResult(
  results: ResultStore,
  ref: ObjectRef,
  result: ResultDocument,
  order: string,
): Promise<'written' | 'superseded'> {
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const stored = await results.read(ref);
    const current = parseStoredResult(stored?.document);
    const theirs = current === undefined ? undefined : storedOrder(current);
    if (current !== undefined && theirs !== undefined && theirs > order) {
      // A report of ours may have been written in an earlier attempt: show the winner's again.
      if (attempt > 1) await writeReport(results, ref, current);
      return 'superseded';
    }
    await writeReport(results, ref, result);
    if ((await results.write(ref, result, conditionAfter(stored))) === 'written') return 'written';
  }
  throw new ResultConflictError(`The result of ${ref.key} kept changing over ${MAX_WRITE_ATTEMPTS} attempts`);
}

/**
 * Read-modify-write of another input's stored result, if it still describes `version` (a demotion,
 * a mirrored link, a link taken away): `change` returns the new document, or undefined to leave it as it is.
 * Returns the result as it was before the change, or undefined when nothing was changed.
 */
export async function rewriteResult(
  results: ResultStore,
  ref: ObjectRef,
  version: { readonly etag: string; readonly uploadedAt: string },
  change: (stored: StoredResult) => ResultDocument | undefined,
): Promise<StoredResult | undefined> {
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const stored = await results.read(ref);
    const current = parseStoredResult(stored?.document);
    // Gone, or computed from another version of the key than the index named: not ours to rewrite.
    if (
      stored === undefined ||
      current === undefined ||
      current.source.etag !== version.etag ||
      current.source.uploadedAt !== version.uploadedAt
    )
      return undefined;
    const updated = change(current);
    if (updated === undefined) return undefined;
    await writeReport(results, ref, updated);
    if ((await results.write(ref, updated, { ifMatch: stored.etag })) === 'written') return current;
  }
  throw new ResultConflictError(`The result of ${ref.key} kept changing over ${MAX_WRITE_ATTEMPTS} attempts`);
}

/** Deletes an input's result and report, unless the stored result is of a version newer than `order`. */
export async function removeResult(results: ResultStore, ref: ObjectRef, order: string): Promise<void> {
  for (let attempt = 1; attempt <= MAX_WRITE_ATTEMPTS; attempt++) {
    const stored = await results.read(ref);
    if (stored === undefined) return;
    const current = parseStoredResult(stored.document);
    const theirs = current === undefined ? undefined : storedOrder(current);
    if (theirs !== undefined && theirs > order) return;
    if ((await results.remove(ref, stored.etag)) === 'removed') return;
  }
  throw new ResultConflictError(`The result of ${ref.key} kept changing over ${MAX_WRITE_ATTEMPTS} attempts`);
}

/**
 * The report page and the corpus digest of a result, written before it so that a reader finds them in step:
 * a failure after them leaves the JSON unwritten, and the retry writes all three.
 */
async function writeReport(results: ResultStore, ref: ObjectRef, result: unknown): Promise<void> {
  if (results.keepsReports === false) return;
  const html = renderStoredResult(result);
  if (html !== undefined) await results.writeReport(ref, html);
  const digest = toCorpusDigest(result);
  if (digest !== undefined) await results.writeDigest(ref, digest);
}
