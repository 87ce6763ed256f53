import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

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
export function createS3Client(settings: ClientSettings): S3Client {
  return new S3Client({
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.s3Endpoint ? { endpoint: settings.s3Endpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
    forcePathStyle: settings.forcePathStyle ?? false,
  });
}

/** Creates a DynamoDB document client (plain JS values in and out). */
export function createDynamoDocumentClient(settings: ClientSettings): DynamoDBDocumentClient {
  const client = new DynamoDBClient({
    ...(settings.region ? { region: settings.region } : {}),
    ...(settings.dynamoEndpoint ? { endpoint: settings.dynamoEndpoint } : {}),
    ...(settings.credentials ? { credentials: settings.credentials } : {}),
  });
  return DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
}
