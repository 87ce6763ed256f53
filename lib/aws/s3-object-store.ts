import type { Readable } from 'node:stream';
import {
  GetObjectCommand,
  type GetObjectCommandOutput,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  NoSuchKey,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { ObjectRead, ObjectRef, ObjectStore, ResultStore } from '../ports';
import { ObjectStoreError } from './errors';

/** True for S3's "no such key" answers (GetObject says NoSuchKey; some emulators only 404). */
function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
  );
}

/** Attempts at reading a small object whose body stream broke off (a reset, not an S3 error answer). */
const BODY_READ_ATTEMPTS = 3;

/** True for a connection that broke while a response body was streaming. */
function isConnectionReset(error: unknown): boolean {
  return (
    error instanceof Error &&
    (('code' in error && error.code === 'ECONNRESET') || error.message === 'aborted')
  );
}

/** Reads a body stream, giving up (and closing it) once more than `maxBytes` have arrived. */
async function readAtMost(body: Readable, maxBytes: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    length += buffer.length;
    if (length > maxBytes) {
      body.destroy();
      return undefined;
    }
    chunks.push(buffer);
  }
  return new Uint8Array(Buffer.concat(chunks, length));
}

/** The ObjectStore port on Amazon S3 (or an S3-compatible server). */
export class S3ObjectStore implements ObjectStore {
  constructor(private readonly client: S3Client) {}

  async getObject(
    ref: ObjectRef,
    options: { readonly maxBytes: number; readonly versionId?: string },
  ): Promise<ObjectRead> {
    let response: GetObjectCommandOutput;
    try {
      response = await this.client.send(
        new GetObjectCommand({
          Bucket: ref.bucket,
          Key: ref.key,
          ...(options.versionId ? { VersionId: options.versionId } : {}),
        }),
      );
    } catch (error) {
      if (isMissing(error)) return { kind: 'missing' };
      throw new ObjectStoreError(`GetObject s3://${ref.bucket}/${ref.key} failed`, { cause: error });
    }
    const etag = response.ETag?.replace(/^"|"$/g, '');
    const contentType = response.ContentType;
    const declared = response.ContentLength;
    const body = response.Body as Readable | undefined;
    if (declared !== undefined && declared > options.maxBytes) {
      body?.destroy();
      return {
        kind: 'too-large',
        size: declared,
        ...(etag ? { etag } : {}),
        ...(contentType ? { contentType } : {}),
      };
    }
    let bytes: Uint8Array | undefined;
    try {
      bytes = body ? await readAtMost(body, options.maxBytes) : new Uint8Array();
    } catch (error) {
      throw new ObjectStoreError(`Reading s3://${ref.bucket}/${ref.key} failed`, { cause: error });
    }
    if (bytes === undefined) {
      return { kind: 'too-large', size: declared ?? options.maxBytes + 1, ...(etag ? { etag } : {}) };
    }
    return {
      kind: 'object',
      bytes,
      size: bytes.length,
      metadata: response.Metadata ?? {},
      ...(etag ? { etag } : {}),
      ...(response.VersionId ? { versionId: response.VersionId } : {}),
      ...(contentType ? { contentType } : {}),
      ...(response.LastModified ? { lastModified: response.LastModified.toISOString() } : {}),
    };
  }

  /**
   * Lists the objects of a bucket in key order (S3 lists UTF-8 binary order), page by page,
   * starting after `startAfter` when given (how a backfill resumes).
   */
  async *listObjects(
    bucket: string,
    options: { readonly prefix?: string; readonly startAfter?: string } = {},
  ): AsyncGenerator<ListedObject> {
    let continuationToken: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            ...(options.prefix ? { Prefix: options.prefix } : {}),
            ...(options.startAfter && !continuationToken ? { StartAfter: options.startAfter } : {}),
            ...(continuationToken ? { ContinuationToken: continuationToken } : {}),
          }),
        );
      } catch (error) {
        throw new ObjectStoreError(`ListObjectsV2 s3://${bucket}/${options.prefix ?? ''} failed`, {
          cause: error,
        });
      }
      for (const object of page.Contents ?? []) {
        if (object.Key === undefined) continue;
        yield {
          key: object.Key,
          size: object.Size ?? 0,
          ...(object.ETag ? { etag: object.ETag.replace(/^"|"$/g, '') } : {}),
          ...(object.LastModified ? { lastModified: object.LastModified.toISOString() } : {}),
        };
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  async putText(ref: ObjectRef, body: string, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: ref.bucket, Key: ref.key, Body: body, ContentType: contentType }),
      );
    } catch (error) {
      throw new ObjectStoreError(`PutObject s3://${ref.bucket}/${ref.key} failed`, { cause: error });
    }
  }

  /**
   * Reads a whole small text object; undefined when it does not exist. A connection reset while
   * the body streams is retried: the SDK retries requests, not the body read after them.
   */
  async getText(ref: ObjectRef): Promise<string | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.client.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
        return (await response.Body?.transformToString('utf-8')) ?? '';
      } catch (error) {
        if (isMissing(error)) return undefined;
        if (attempt < BODY_READ_ATTEMPTS && isConnectionReset(error)) continue;
        throw new ObjectStoreError(`GetObject s3://${ref.bucket}/${ref.key} failed`, { cause: error });
      }
    }
  }
}

/** One entry of a bucket listing. */
export type ListedObject = {
  readonly key: string;
  readonly size: number;
  readonly etag?: string;
  readonly lastModified?: string;
};

/** The results key of an input key: `<key>.json` in the results bucket. */
export function resultKeyFor(inputKey: string): string {
  return `${inputKey}.json`;
}

/**
 * The ResultStore port: `<input key>.json` in a results bucket separate from the inputs. With a `render`
 * function, every write also stores `<input key>.html`, the human-readable report of the same result, so
 * that every rewrite (a demotion, a mirrored link) keeps the two in step. The adapter stays generic: what a
 * report looks like is the caller's business; `render` returns undefined for results it cannot show.
 */
export class S3ResultStore implements ResultStore {
  constructor(
    private readonly objects: S3ObjectStore,
    private readonly resultsBucket: string,
    private readonly render?: (result: unknown) => string | undefined,
  ) {}

  async read(source: ObjectRef): Promise<unknown | undefined> {
    const text = await this.objects.getText({ bucket: this.resultsBucket, key: resultKeyFor(source.key) });
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // A result someone overwrote with non-JSON is as good as none: it gets recomputed.
      return undefined;
    }
  }

  async write(source: ObjectRef, result: unknown): Promise<void> {
    // The report goes first and the JSON last: the JSON is the record a re-delivered event checks to skip
    // the work, so a failure between the two puts leaves no JSON behind and the retry writes both.
    const html = this.render?.(result);
    if (html !== undefined) {
      await this.objects.putText(
        { bucket: this.resultsBucket, key: `${source.key}.html` },
        html,
        'text/html; charset=utf-8',
      );
    }
    await this.objects.putText(
      { bucket: this.resultsBucket, key: resultKeyFor(source.key) },
      `${JSON.stringify(result, null, 2)}\n`,
      'application/json; charset=utf-8',
    );
  }
}
