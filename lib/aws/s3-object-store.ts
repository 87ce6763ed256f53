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
import {
  type ListedObject,
  normalizeEtag,
  type ObjectLister,
  type ObjectRead,
  type ObjectRef,
  type ObjectStore,
} from '../ports';
import { ObjectStoreError } from './errors';

/** True for S3's "no such key" answers (GetObject says NoSuchKey; some emulators only 404). */
export function isMissing(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
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
export class S3ObjectStore implements ObjectStore, ObjectLister {
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
    const etag = normalizeEtag(response.ETag);
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
          ...(object.ETag ? { etag: normalizeEtag(object.ETag) ?? object.ETag } : {}),
          ...(object.LastModified ? { lastModified: object.LastModified.toISOString() } : {}),
        };
      }
      continuationToken = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (continuationToken);
  }

  /** Writes a small UTF-8 text object (the fact-check library's index and pointer). */
  async putText(ref: ObjectRef, body: string, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: ref.bucket, Key: ref.key, Body: body, ContentType: contentType }),
      );
    } catch (error) {
      throw new ObjectStoreError(`PutObject s3://${ref.bucket}/${ref.key} failed`, { cause: error });
    }
  }

  /** Reads a whole small text object; undefined when it does not exist. */
  async getText(ref: ObjectRef): Promise<string | undefined> {
    try {
      const response = await this.client.send(new GetObjectCommand({ Bucket: ref.bucket, Key: ref.key }));
      return (await response.Body?.transformToString('utf-8')) ?? '';
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new ObjectStoreError(`GetObject s3://${ref.bucket}/${ref.key} failed`, { cause: error });
    }
  }
}

/** The results key of an input key: `<key>.json` in the results bucket. */
export function resultKeyFor(inputKey: string): string {
  return `${inputKey}.json`;
}

/** The report key of an input key: `<key>.html` in the results bucket. */
export function reportKeyFor(inputKey: string): string {
  return `${inputKey}.html`;
}

/**
 * The suffix of corpus digests. Results and reports end in `.json` and `.html` appended to the input key, so no
 * input key's result or report can end in it: a digest never collides with another key's files.
 */
export const DIGEST_SUFFIX = '.corpus';

/** The corpus digest key of an input key: `<key>.corpus` in the results bucket. */
export function digestKeyFor(inputKey: string): string {
  return `${inputKey}${DIGEST_SUFFIX}`;
}
