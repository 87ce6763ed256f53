import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { inject } from 'vitest';
import { localHandlerEnv, provisionLocalStore } from '../../infra/local/local-store';
import { encodeS3EventKey } from '../../lib/aws/s3-event-message';

export { encodeS3EventKey } from '../../lib/aws/s3-event-message';

/** The parts of a result document the tests read (tests trust their own pipeline's JSON). */
export type ResultJson = {
  readonly status?: string;
  readonly source?: Record<string, unknown>;
  readonly error?: { readonly code: string; readonly message: string };
  readonly article?: { readonly title: string; readonly text: string };
  readonly dedup?: { readonly kind: string; readonly of?: string; readonly similarity?: number };
  readonly summary?: { readonly sentences: readonly { text: string; start: number; end: number }[] };
  readonly claims?: readonly unknown[];
};

export type LocalEnv = {
  readonly inputBucket: string;
  readonly resultsBucket: string;
  readonly table: string;
  readonly s3: S3Client;
  upload(
    key: string,
    body: string | Uint8Array,
    contentType?: string,
    metadata?: Record<string, string>,
  ): Promise<{ etag: string }>;
  readResult(key: string): Promise<ResultJson | undefined>;
  readInput(key: string): Promise<Uint8Array>;
  s3Event(key: string, etag: string, eventTime: string, bucket?: string): unknown;
};

/**
 * Points the handlers' environment at the s3rver and dynalite of the global setup, with
 * buckets and a table unique to the calling test file, and creates them.
 */
export async function setupLocalEnv(): Promise<LocalEnv> {
  const suffix = randomUUID().slice(0, 8);
  const inputBucket = `articles-${suffix}`;
  const resultsBucket = `results-${suffix}`;
  const table = `index-${suffix}`;
  const store = {
    s3Endpoint: inject('s3Endpoint'),
    dynamoEndpoint: inject('dynamoEndpoint'),
    inputBucket,
    resultsBucket,
    indexTable: table,
  };
  Object.assign(process.env, localHandlerEnv(store));
  const { s3 } = await provisionLocalStore(store);
  const template = JSON.parse(readFileSync('test/fixtures/events/s3-object-created.json', 'utf8')) as {
    Records: [
      Record<string, unknown> & { s3: { bucket: Record<string, unknown>; object: Record<string, unknown> } },
    ];
  };

  return {
    inputBucket,
    resultsBucket,
    table,
    s3,
    async upload(key, body, contentType, metadata) {
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: inputBucket,
          Key: key,
          Body: body,
          ContentType: contentType,
          Metadata: metadata,
        }),
      );
      return { etag: (put.ETag ?? '').replace(/"/g, '') };
    },
    async readResult(key) {
      try {
        const got = await s3.send(new GetObjectCommand({ Bucket: resultsBucket, Key: `${key}.json` }));
        return JSON.parse(await (got.Body?.transformToString() ?? Promise.resolve('null')));
      } catch (error) {
        if (error instanceof Error && error.name === 'NoSuchKey') return undefined;
        throw error;
      }
    },
    async readInput(key) {
      const got = await s3.send(new GetObjectCommand({ Bucket: inputBucket, Key: key }));
      return (await got.Body?.transformToByteArray()) ?? new Uint8Array();
    },
    s3Event(key, etag, eventTime, bucket = inputBucket) {
      const [record] = template.Records;
      return {
        Records: [
          {
            ...record,
            eventTime,
            s3: {
              ...record.s3,
              bucket: { ...record.s3.bucket, name: bucket, arn: `arn:aws:s3:::${bucket}` },
              object: { ...record.s3.object, key: encodeS3EventKey(key), eTag: etag },
            },
          },
        ],
      };
    },
  };
}

export { lambdaContext } from '../fixtures/lambda-context';
