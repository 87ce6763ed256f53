import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import {
  normalizeEtag,
  type ObjectRef,
  type ResultDocument,
  type ResultLocation,
  type ResultReader,
  type ResultStore,
  type StoredDocument,
  type WriteCondition,
} from '../ports';
import { ObjectStoreError } from './errors';
import {
  DIGEST_SUFFIX,
  digestKeyFor,
  isMissing,
  reportKeyFor,
  resultKeyFor,
  S3ObjectStore,
} from './s3-object-store';

/** How long a link to a large result stays valid: long enough to follow a redirect, short if it leaks. */
const RESULT_LINK_SECONDS = 300;

/** Parallel GetObject calls while reading digests: far below S3's per-prefix request rate. */
const DIGEST_READ_CONCURRENCY = 16;

/** Parsed JSON, or undefined for text that is not JSON (someone overwrote the object). */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
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

/**
 * True for S3's answers to a conditional request whose condition failed: 412 Precondition Failed (the object
 * changed, or exists for If-None-Match), 409 ConditionalRequestConflict (a concurrent conditional write won),
 * 404 for If-Match on an object that is gone.
 */
function isConditionFailed(error: unknown): boolean {
  if (!(error instanceof S3ServiceException)) return false;
  const status = error.$metadata.httpStatusCode;
  return status === 412 || status === 409 || status === 404;
}

/**
 * The ResultStore and ResultReader ports on S3: `<input key>.json` and `<input key>.html` in a results bucket
 * separate from the inputs (so results never trigger processing). Writes and deletes of a result are
 * conditional on the ETag it was read with (S3's If-Match / If-None-Match), so that concurrent writers cannot
 * silently revert each other.
 */
export class S3ResultStore implements ResultStore, ResultReader {
  readonly #objects: S3ObjectStore;

  constructor(
    private readonly client: S3Client,
    private readonly resultsBucket: string,
  ) {
    this.#objects = new S3ObjectStore(client);
  }

  async read(source: ObjectRef): Promise<StoredDocument | undefined> {
    const got = await this.#getText(resultKeyFor(source.key));
    if (got === undefined) return undefined;
    try {
      return { document: JSON.parse(got.text) as unknown, etag: got.etag };
    } catch {
      // A result someone overwrote with non-JSON is as good as none: it gets recomputed.
      return undefined;
    }
  }

  async write(
    source: ObjectRef,
    result: ResultDocument,
    condition: WriteCondition,
  ): Promise<'written' | 'conflict'> {
    const key = resultKeyFor(source.key);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.resultsBucket,
          Key: key,
          Body: `${JSON.stringify(result, null, 2)}\n`,
          ContentType: 'application/json; charset=utf-8',
          ...('ifMatch' in condition ? { IfMatch: `"${condition.ifMatch}"` } : {}),
          ...('ifAbsent' in condition ? { IfNoneMatch: '*' } : {}),
        }),
      );
      return 'written';
    } catch (error) {
      if (!('any' in condition) && isConditionFailed(error)) return 'conflict';
      throw new ObjectStoreError(`PutObject s3://${this.resultsBucket}/${key} failed`, { cause: error });
    }
  }

  async writeReport(source: ObjectRef, html: string): Promise<void> {
    await this.#put(reportKeyFor(source.key), html, 'text/html; charset=utf-8');
  }

  /** An unconditional PUT of a companion object (report, digest). */
  async #put(key: string, body: string, contentType: string): Promise<void> {
    try {
      await this.client.send(
        new PutObjectCommand({ Bucket: this.resultsBucket, Key: key, Body: body, ContentType: contentType }),
      );
    } catch (error) {
      throw new ObjectStoreError(`PutObject s3://${this.resultsBucket}/${key} failed`, { cause: error });
    }
  }

  async writeDigest(source: ObjectRef, digest: unknown): Promise<void> {
    await this.#put(digestKeyFor(source.key), JSON.stringify(digest), 'application/json; charset=utf-8');
  }

  async remove(source: ObjectRef, etag: string): Promise<'removed' | 'conflict'> {
    const key = resultKeyFor(source.key);
    try {
      await this.client.send(
        new DeleteObjectCommand({ Bucket: this.resultsBucket, Key: key, IfMatch: `"${etag}"` }),
      );
    } catch (error) {
      if (isConditionFailed(error)) return 'conflict';
      throw new ObjectStoreError(`DeleteObject s3://${this.resultsBucket}/${key} failed`, { cause: error });
    }
    // The report and the digest go after the result they show: a failure in between leaves them for the retry.
    for (const companion of [reportKeyFor(source.key), digestKeyFor(source.key)]) {
      try {
        await this.client.send(new DeleteObjectCommand({ Bucket: this.resultsBucket, Key: companion }));
      } catch (error) {
        throw new ObjectStoreError(`DeleteObject s3://${this.resultsBucket}/${companion} failed`, {
          cause: error,
        });
      }
    }
    return 'removed';
  }

  async readResult(inputKey: string, maxInlineBytes: number): Promise<ResultLocation | undefined> {
    const key = resultKeyFor(inputKey);
    let size: number;
    try {
      size =
        (await this.client.send(new HeadObjectCommand({ Bucket: this.resultsBucket, Key: key })))
          .ContentLength ?? 0;
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw new ObjectStoreError(`HeadObject s3://${this.resultsBucket}/${key} failed`, { cause: error });
    }
    if (size > maxInlineBytes) {
      const command = new GetObjectCommand({ Bucket: this.resultsBucket, Key: key });
      return {
        kind: 'link',
        url: await getSignedUrl(this.client, command, { expiresIn: RESULT_LINK_SECONDS }),
      };
    }
    const got = await this.#getText(key);
    return got === undefined ? undefined : { kind: 'inline', text: got.text };
  }

  async listResults(limit: number): Promise<{ readonly keys: readonly string[]; readonly more: boolean }> {
    const keys: string[] = [];
    for await (const object of this.#objects.listObjects(this.resultsBucket)) {
      if (!object.key.endsWith('.json')) continue;
      if (keys.length === limit) return { keys, more: true };
      keys.push(object.key);
    }
    return { keys, more: false };
  }

  async listDigests(limit: number): Promise<{
    readonly digests: readonly { readonly inputKey: string; readonly digest: unknown }[];
    readonly more: boolean;
  }> {
    const keys: string[] = [];
    let more = false;
    for await (const object of this.#objects.listObjects(this.resultsBucket)) {
      if (!object.key.endsWith(DIGEST_SUFFIX)) continue;
      if (keys.length === limit) {
        more = true;
        break;
      }
      keys.push(object.key);
    }
    const digests: { inputKey: string; digest: unknown }[] = [];
    for (let at = 0; at < keys.length; at += DIGEST_READ_CONCURRENCY) {
      const batch = keys.slice(at, at + DIGEST_READ_CONCURRENCY);
      const texts = await Promise.all(batch.map((key) => this.#getText(key)));
      texts.forEach((got, position) => {
        const key = batch[position];
        if (got === undefined || key === undefined) return;
        digests.push({ inputKey: key.slice(0, -DIGEST_SUFFIX.length), digest: parseJson(got.text) });
      });
    }
    return { digests, more };
  }

  /**
   * Reads a whole small text object and its ETag; undefined when it does not exist. A connection reset while
   * the body streams is retried: the SDK retries requests, not the body read after them.
   */
  async #getText(key: string): Promise<{ readonly text: string; readonly etag: string } | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        const response = await this.client.send(
          new GetObjectCommand({ Bucket: this.resultsBucket, Key: key }),
        );
        const text = (await response.Body?.transformToString('utf-8')) ?? '';
        return { text, etag: normalizeEtag(response.ETag) ?? '' };
      } catch (error) {
        if (isMissing(error)) return undefined;
        if (attempt < BODY_READ_ATTEMPTS && isConnectionReset(error)) continue;
        throw new ObjectStoreError(`GetObject s3://${this.resultsBucket}/${key} failed`, { cause: error });
      }
    }
  }
}
