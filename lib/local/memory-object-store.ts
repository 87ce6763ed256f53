import { createHash } from 'node:crypto';
import type { ObjectRead, ObjectRef, ObjectStore, ResultStore } from '../ports';

/** `bucket/key`, the map key of an object. */
function refKey(ref: ObjectRef): string {
  return `${ref.bucket}/${ref.key}`;
}

/**
 * Object storage held in memory, for evaluations and benchmarks that run the service logic
 * without servers. Integration tests use s3rver instead.
 */
export class MemoryObjectStore implements ObjectStore {
  readonly #objects = new Map<string, { bytes: Uint8Array; contentType?: string }>();

  /** Stores bytes as an upload would; returns the ETag (MD5, as S3 gives for single-part uploads). */
  put(ref: ObjectRef, bytes: Uint8Array, contentType?: string): string {
    this.#objects.set(refKey(ref), { bytes, ...(contentType ? { contentType } : {}) });
    return createHash('md5').update(bytes).digest('hex');
  }

  async getObject(ref: ObjectRef, options: { readonly maxBytes: number }): Promise<ObjectRead> {
    const stored = this.#objects.get(refKey(ref));
    if (stored === undefined) return { kind: 'missing' };
    const etag = createHash('md5').update(stored.bytes).digest('hex');
    if (stored.bytes.length > options.maxBytes) return { kind: 'too-large', size: stored.bytes.length, etag };
    return {
      kind: 'object',
      bytes: stored.bytes,
      size: stored.bytes.length,
      etag,
      metadata: {},
      ...(stored.contentType ? { contentType: stored.contentType } : {}),
    };
  }

  async putText(ref: ObjectRef, body: string, contentType: string): Promise<void> {
    this.#objects.set(refKey(ref), { bytes: new TextEncoder().encode(body), contentType });
  }
}

/** Results held in memory (parsed values, as the S3 store returns them after JSON.parse). */
export class MemoryResultStore implements ResultStore {
  readonly #results = new Map<string, unknown>();

  async read(source: ObjectRef): Promise<unknown | undefined> {
    return this.#results.get(refKey(source));
  }

  async write(source: ObjectRef, result: unknown): Promise<void> {
    // A JSON round trip, so that stored results behave exactly like ones read back from S3.
    this.#results.set(refKey(source), JSON.parse(JSON.stringify(result)));
  }

  /** Every stored result by `bucket/key`. */
  entries(): IterableIterator<[string, unknown]> {
    return this.#results.entries();
  }
}
