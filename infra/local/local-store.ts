import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { S3Client } from '@aws-sdk/client-s3';
import { createS3Client } from '../../lib/aws/clients';
import { ensureBucket, ensureIndexTable } from '../../lib/aws/provision';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './servers';

/** Where the handlers' storage lives on the local emulators. */
export type LocalStore = {
  readonly s3Endpoint: string;
  readonly dynamoEndpoint: string;
  readonly inputBucket: string;
  readonly resultsBucket: string;
  readonly indexTable: string;
  /** The fact-check library's bucket, when the functions should match claims against one. */
  readonly factcheckBucket?: string;
  readonly region?: string;
};

/**
 * The environment that points the handlers at the local emulators, as lib/app/settings.ts reads
 * it: buckets, table, endpoints, the credentials s3rver accepts, path-style S3 URLs.
 */
export function localHandlerEnv(store: LocalStore): Record<string, string> {
  return {
    INPUT_BUCKET: store.inputBucket,
    RESULTS_BUCKET: store.resultsBucket,
    INDEX_TABLE: store.indexTable,
    AWS_REGION: store.region ?? LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    AWS_ENDPOINT_URL_S3: store.s3Endpoint,
    AWS_ENDPOINT_URL_DYNAMODB: store.dynamoEndpoint,
    FACTSUM_S3_FORCE_PATH_STYLE: 'true',
    ...(store.factcheckBucket === undefined ? {} : { FACTCHECK_BUCKET: store.factcheckBucket }),
  };
}

/**
 * Creates the input and results buckets and the index table on the emulators when missing, and
 * returns clients for them (the caller destroys them when done).
 */
export async function provisionLocalStore(
  store: LocalStore,
): Promise<{ s3: S3Client; dynamo: DynamoDBClient }> {
  const region = store.region ?? LOCAL_REGION;
  const s3 = createS3Client({
    region,
    s3Endpoint: store.s3Endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
  const dynamo = new DynamoDBClient({
    region,
    endpoint: store.dynamoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  await ensureBucket(s3, store.inputBucket);
  await ensureBucket(s3, store.resultsBucket);
  if (store.factcheckBucket !== undefined) await ensureBucket(s3, store.factcheckBucket);
  await ensureIndexTable(dynamo, store.indexTable);
  return { s3, dynamo };
}
