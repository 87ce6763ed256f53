import { performance } from 'node:perf_hooks';
import { createDynamoDocumentClient, createS3Client } from '../lib/aws/clients';
import { DynamoClaimIndex } from '../lib/aws/dynamo-claim-index';
import { DynamoDedupIndex } from '../lib/aws/dynamo-dedup-index';
import { S3ObjectStore, S3ResultStore } from '../lib/aws/s3-object-store';
import { S3UploadSigner } from '../lib/aws/s3-upload-signer';
import { renderStoredResult } from '../lib/report/render-stored-result';
import type { ProcessDeps } from '../lib/service/process-object';
import type { FunctionConfig } from './config';

/** Wires the adapters once per Lambda container (module scope in each handler). */
export function createDeps(
  config: FunctionConfig,
): ProcessDeps & { readonly objects: S3ObjectStore; readonly uploads: S3UploadSigner } {
  const settings = {
    ...(config.region ? { region: config.region } : {}),
    ...(config.s3Endpoint ? { s3Endpoint: config.s3Endpoint } : {}),
    ...(config.dynamoEndpoint ? { dynamoEndpoint: config.dynamoEndpoint } : {}),
    forcePathStyle: config.forcePathStyle,
  };
  const s3 = createS3Client(settings);
  const objects = new S3ObjectStore(s3);
  const dynamo = createDynamoDocumentClient(settings);
  return {
    objects,
    // Each result also gets its readable report, <key>.html, written with it (issue 9).
    results: new S3ResultStore(objects, config.resultsBucket, (result) => renderStoredResult(result)),
    index: new DynamoDedupIndex(dynamo, config.indexTable),
    claims: new DynamoClaimIndex(dynamo, config.indexTable),
    clock: () => performance.now(),
    // POST /uploads: presigned PUTs into the input bucket.
    uploads: new S3UploadSigner(s3),
  };
}
