import { performance } from 'node:perf_hooks';
import {
  type ClientSettings,
  createDynamoDocumentClient,
  createS3Client,
  createSqsClient,
} from '../aws/clients';
import { DynamoClaimIndex } from '../aws/dynamo-claim-index';
import { DynamoDedupIndex } from '../aws/dynamo-dedup-index';
import { S3FactCheckLibrary } from '../aws/s3-factcheck-library';
import { S3ObjectStore } from '../aws/s3-object-store';
import { S3ResultStore } from '../aws/s3-result-store';
import { S3UploadSigner } from '../aws/s3-upload-signer';
import { SqsArticleQueue } from '../aws/sqs-article-queue';
import type { ArticleQueue, FactCheckLibrary, ResultReader, UploadSigner } from '../ports';
import type { ServiceDeps } from '../service';
import type { Settings } from './settings';

// Memory ports and the service config live in modules of their own, so that the CLI's worker threads load
// neither the AWS SDK nor its adapters; re-exported here for every other entry point.
export { createMemoryPorts, type MemoryPorts } from './memory-ports';
export { serviceConfigOf } from './service-config';

/**
 * The ports of each entry point, constructed in one place: the Lambda handlers and `factsum backfill` run on
 * S3 and DynamoDB, the CLI's `analyze --corpus`, evaluations and unit tests in memory.
 */

/** The service's ports on AWS, plus what only the API needs (result reads, presigned uploads). */
export type AwsPorts = ServiceDeps & {
  readonly objects: S3ObjectStore;
  readonly results: S3ResultStore;
  readonly reader: ResultReader;
  readonly uploads: UploadSigner;
};

/** Clients and adapters for a deployment (or the local stack, through the endpoints in `settings`). */
export function createAwsPorts(
  settings: Settings,
  options: { readonly credentials?: ClientSettings['credentials'] } = {},
): AwsPorts {
  const clientSettings: ClientSettings = {
    forcePathStyle: settings.forcePathStyle,
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.s3Endpoint ? { s3Endpoint: settings.s3Endpoint } : {}),
    ...(settings.dynamoEndpoint ? { dynamoEndpoint: settings.dynamoEndpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  };
  const s3 = createS3Client(clientSettings);
  const dynamo = createDynamoDocumentClient(clientSettings);
  const results = new S3ResultStore(s3, settings.resultsBucket);
  const library = settings.factChecks.bucket;
  return {
    ...(library === undefined
      ? {}
      : {
          factChecks: createFactCheckLibrary(
            settings,
            { bucket: library, prefix: settings.factChecks.prefix },
            options,
          ),
        }),
    objects: new S3ObjectStore(s3),
    results,
    reader: results,
    index: new DynamoDedupIndex(dynamo, settings.indexTable),
    claims: new DynamoClaimIndex(dynamo, settings.indexTable),
    clock: () => performance.now(),
    uploads: new S3UploadSigner(clientSettings),
  };
}

/** A fact-check library in S3 that can also publish a new index version (`factsum library import --bucket`). */
export type PublishingLibrary = FactCheckLibrary & {
  publish(serialised: string): Promise<{ readonly key: string }>;
};

/** The fact-check library at `bucket`/`prefix` (the settings' FACTCHECK_* by default). */
export function createFactCheckLibrary(
  settings: Settings,
  where: { readonly bucket: string; readonly prefix?: string },
  options: { readonly credentials?: ClientSettings['credentials'] } = {},
): PublishingLibrary {
  const client = createS3Client({
    forcePathStyle: settings.forcePathStyle,
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.s3Endpoint ? { s3Endpoint: settings.s3Endpoint } : {}),
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return new S3FactCheckLibrary(new S3ObjectStore(client), {
    bucket: where.bucket,
    now: Date.now,
    recheckMs: settings.factChecks.recheckSeconds * 1000,
    ...(where.prefix === undefined ? {} : { prefix: where.prefix }),
  });
}

/** The article queue (SQS) at `queueUrl`, for `factsum backfill --queue`. */
export function createArticleQueue(
  settings: Settings,
  queueUrl: string,
  options: { readonly credentials?: ClientSettings['credentials'] } = {},
): ArticleQueue {
  const region = settings.region ?? regionOfQueue(queueUrl) ?? 'us-east-1';
  const client = createSqsClient({
    region,
    ...(options.credentials ? { credentials: options.credentials } : {}),
  });
  return new SqsArticleQueue(client, queueUrl, region);
}

/** The region in an SQS queue URL (`https://sqs.<region>.amazonaws.com/<account>/<name>`), if it names one. */
function regionOfQueue(queueUrl: string): string | undefined {
  return /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com\//.exec(queueUrl)?.[1];
}
