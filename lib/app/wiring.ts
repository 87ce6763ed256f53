import { performance } from 'node:perf_hooks';
import { type ClientSettings, createDynamoDocumentClient, createS3Client } from '../aws/clients';
import { DynamoClaimIndex } from '../aws/dynamo-claim-index';
import { DynamoDedupIndex } from '../aws/dynamo-dedup-index';
import { S3ObjectStore } from '../aws/s3-object-store';
import { S3ResultStore } from '../aws/s3-result-store';
import { S3UploadSigner } from '../aws/s3-upload-signer';
import type { ResultReader } from '../ports';
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
  readonly uploads: S3UploadSigner;
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
  return {
    objects: new S3ObjectStore(s3),
    results,
    reader: results,
    index: new DynamoDedupIndex(dynamo, settings.indexTable),
    claims: new DynamoClaimIndex(dynamo, settings.indexTable),
    clock: () => performance.now(),
    uploads: new S3UploadSigner(s3),
  };
}
