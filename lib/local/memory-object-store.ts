import { createHash } from 'node:crypto';
import type {
  ListedObject,
  ObjectLister,
  ObjectRead,
  ObjectRef,
  ObjectStore,
  ResultDocument,
  ResultLocation,
  ResultReader,
  ResultStore,
  StoredDocument,
  WriteCondition,
} from '../ports';

/** `bucket/key`, the map key of an object. */
function refKey(ref: ObjectRef): string {
  return `${ref.bucket}/${ref.key}`;
}

/** MD5 as hex: the ETag S3 gives a single-part upload. */
function md5(bytes: Uint8Array | string): string {
  return createHash('md5').update(bytes).digest('hex');
}

type MemoryObject = {
  readonly bytes: Uint8Array;
  readonly contentType?: string;
  readonly metadata: Readonly<Record<string, string>>;
  readonly lastModified: string;
};

/**
 * Input objects held in memory, for the CLI, evaluations and unit tests that run the service core without
 * servers (integration tests use s3rver). Unversioned, like a bucket without versioning: a key holds its
 * latest bytes.
 */
export class MemoryObjectStore implements ObjectStore, ObjectLister {
  readonly #objects = new Map<string, MemoryObject>();

  /** Stores bytes as an upload would; returns the ETag (MD5, as S3 gives for single-part uploads). */
  put(
    ref: ObjectRef,
    bytes: Uint8Array,
    options: {
      readonly contentType?: string;
      readonly metadata?: Readonly<Record<string, string>>;
      readonly lastModified?: string;
    } = {},
  ): string {
    this.#objects.set(refKey(ref), {
      bytes,
      metadata: options.metadata ?? {},
      lastModified: options.lastModified ?? new Date(0).toISOString(),
      ...(options.contentType ? { contentType: options.contentType } : {}),
    });
    return md5(bytes);
  }

  /** Deletes an object, as a DELETE on an unversioned bucket does. */
  delete(ref: ObjectRef): void {
    this.#objects.delete(refKey(ref));
  }

  async getObject(ref: ObjectRef, options: { readonly maxBytes: number }): Promise<ObjectRead> {
    const stored = this.#objects.get(refKey(ref));
    if (stored === undefined) return { kind: 'missing' };
    const etag = md5(stored.bytes);
    const contentType = stored.contentType === undefined ? {} : { contentType: stored.contentType };
    if (stored.bytes.length > options.maxBytes) {
      return { kind: 'too-large', size: stored.bytes.length, etag, ...contentType };
    }
    return {
      kind: 'object',
      bytes: stored.bytes,
      size: stored.bytes.length,
      etag,
      metadata: stored.metadata,
      lastModified: stored.lastModified,
      ...contentType,
    };
  }

  async *listObjects(
    bucket: string,
    options: { readonly prefix?: string; readonly startAfter?: string } = {},
  ): AsyncGenerator<ListedObject> {
    const keys = [...this.#objects.keys()]
      .filter((id) => id.startsWith(`${bucket}/`))
      .map((id) => id.slice(bucket.length + 1))
      .filter((key) => key.startsWith(options.prefix ?? '') && key > (options.startAfter ?? ''))
      .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    for (const key of keys) {
      const stored = this.#objects.get(`${bucket}/${key}`);
      if (stored === undefined) continue;
      yield { key, size: stored.bytes.length, etag: md5(stored.bytes), lastModified: stored.lastModified };
    }
  }
}

/**
 * Results and reports held in memory, with the results store's conditional writes: each stored result has an
 * ETag (the MD5 of its JSON), and a write or delete whose condition no longer holds is a conflict.
 */
export class MemoryResultStore implements ResultStore, ResultReader {
  readonly keepsReports: boolean;
  readonly #results = new Map<string, { readonly text: string; readonly etag: string }>();
  readonly #reports = new Map<string, string>();
  readonly #digests = new Map<string, string>();

  /** `keepsReports: false`: results only, no report or digest is rendered for this store. */
  constructor(options: { readonly keepsReports?: boolean } = {}) {
    this.keepsReports = options.keepsReports ?? true;
  }

  async read(source: ObjectRef): Promise<StoredDocument | undefined> {
    const stored = this.#results.get(refKey(source));
    return stored === undefined ? undefined : { document: JSON.parse(stored.text), etag: stored.etag };
  }

  async write(
    source: ObjectRef,
    result: ResultDocument,
    condition: WriteCondition,
  ): Promise<'written' | 'conflict'> {
    const key = refKey(source);
    const current = this.#results.get(key);
    if ('ifMatch' in condition && current?.etag !== condition.ifMatch) return 'conflict';
    if ('ifAbsent' in condition && current !== undefined) return 'conflict';
    // Stored as JSON text, so that a result read back behaves exactly like one read from S3.
    const text = `${JSON.stringify(result, null, 2)}\n`;
    this.#results.set(key, { text, etag: md5(text) });
    return 'written';
  }

  async writeReport(source: ObjectRef, html: string): Promise<void> {
    this.#reports.set(refKey(source), html);
  }

  async writeDigest(source: ObjectRef, digest: unknown): Promise<void> {
    this.#digests.set(refKey(source), JSON.stringify(digest));
  }

  async remove(source: ObjectRef, etag: string): Promise<'removed' | 'conflict'> {
    const key = refKey(source);
    if (this.#results.get(key)?.etag !== etag) return 'conflict';
    this.#results.delete(key);
    this.#reports.delete(key);
    this.#digests.delete(key);
    return 'removed';
  }

  async listDigests(limit: number): Promise<{
    readonly digests: readonly { readonly inputKey: string; readonly digest: unknown }[];
    readonly more: boolean;
  }> {
    const ids = [...this.#digests.keys()].sort();
    const digests = ids.slice(0, limit).map((id) => ({
      inputKey: id.slice(id.indexOf('/') + 1),
      digest: JSON.parse(this.#digests.get(id) ?? 'null') as unknown,
    }));
    return { digests, more: ids.length > limit };
  }

  async readResult(inputKey: string, maxInlineBytes: number): Promise<ResultLocation | undefined> {
    for (const [id, stored] of this.#results) {
      if (id.slice(id.indexOf('/') + 1) !== inputKey) continue;
      return Buffer.byteLength(stored.text) <= maxInlineBytes
        ? { kind: 'inline', text: stored.text }
        : { kind: 'link', url: `memory://${id}.json` };
    }
    return undefined;
  }

  async listResults(limit: number): Promise<{ readonly keys: readonly string[]; readonly more: boolean }> {
    const keys = [...this.#results.keys()].map((id) => `${id.slice(id.indexOf('/') + 1)}.json`).sort();
    return { keys: keys.slice(0, limit), more: keys.length > limit };
  }

  /** The report page of an input, if one was written. */
  report(source: ObjectRef): string | undefined {
    return this.#reports.get(refKey(source));
  }

  /** Every stored result, parsed, by `bucket/key`. */
  *entries(): IterableIterator<[string, unknown]> {
    for (const [id, stored] of this.#results) yield [id, JSON.parse(stored.text)];
  }
}
