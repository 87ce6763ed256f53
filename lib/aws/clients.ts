import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Socket idle time after which an S3 request is abandoned and retried by the SDK. S3 answers within
 * ~100 ms and streams continuously; 5 s of silence is a stuck connection, and a retry beats waiting out
 * the Lambda timeout (the SDK sets no timeout by default).
 */
const S3_REQUEST_TIMEOUT_MS = 5_000;

/** The same for DynamoDB, whose requests take single-digit milliseconds. */
const DYNAMO_REQUEST_TIMEOUT_MS = 3_000;

/** Time to open a TCP/TLS connection within one region before giving up on that attempt. */
const CONNECTION_TIMEOUT_MS = 2_000;

/** Endpoint overrides for S3-compatible and DynamoDB-compatible servers (the local stack). */
export type ClientSettings = {
  readonly region?: string;
  readonly s3Endpoint?: string;
  readonly dynamoEndpoint?: string;
  /** Path-style URLs (http://host/bucket/key), which s3rver needs. */
  readonly forcePathStyle?: boolean;
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string };
};

/** Creates an S3 client; without overrides it is a plain AWS client configured from the environment. */
export function createS3Client(
  settings: ClientSettings,
  checksums: Pick<S3ClientConfig, 'requestChecksumCalculation'> = {},
): S3Client {
  return new S3Client({
    ...checksums,
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle ?? false,
    requestHandler: { requestTimeout: S3_REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS },
  });
}

/**
 * Creates the S3 client that presigns upload URLs. The SDK's flexible checksums (on by default,
 * `requestChecksumCalculation: 'WHEN_SUPPORTED'`) compute a CRC32 of the body at signing time; a
 * presigned PUT has no body yet, so the URL would carry the empty body's checksum
 * (`x-amz-checksum-crc32=AAAAAA==`, `x-amz-sdk-checksum-algorithm`) and S3 would refuse any real upload
 * through it as a checksum mismatch. PutObject does not require a checksum, so `WHEN_REQUIRED` signs
 * without one (the setting: https://docs.aws.amazon.com/sdkref/latest/guide/feature-dataintegrity.html).
 */
export function createS3PresignClient(settings: ClientSettings): S3Client {
  return createS3Client(settings, { requestChecksumCalculation: 'WHEN_REQUIRED' });
}

/** Creates a DynamoDB document client (plain JS values in and out). */
export function createDynamoDocumentClient(settings: ClientSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.dynamoEndpoint ? { endpoint: settings.dynamoEndpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    requestHandler: { requestTimeout: DYNAMO_REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS },
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}

/** Creates an SQS client; the SDK sends each call to the host of the queue URL it names. */
export function createSqsClient(settings: ClientSettings): SQSClient {
  return new SQSClient({
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    requestHandler: { requestTimeout: DYNAMO_REQUEST_TIMEOUT_MS, connectionTimeout: CONNECTION_TIMEOUT_MS },
  });
}
