import type { S3EventRecord } from 'aws-lambda';
import { encodeS3EventKey } from '../../lib/aws/s3-event-message';
import type { S3rverRecord } from './servers';

export { encodeS3EventKey };

/** What the bridge knows about the object beyond s3rver's record (s3rver omits the ETag on copies). */
export type ObjectFacts = { readonly size?: number; readonly eTag?: string };

/**
 * Turns one s3rver record into the record S3 sends to Lambda: key URL-encoded, event version
 * 2.1, the bucket ARN spelled correctly, the region of the stack.
 */
export function toS3EventRecord(
  record: S3rverRecord,
  region: string,
  facts: ObjectFacts = {},
): S3EventRecord {
  const size = record.s3.object.size ?? facts.size ?? 0;
  const eTag = record.s3.object.eTag ?? facts.eTag ?? '';
  const sequencer = record.s3.object.sequencer ?? Date.now().toString(16).toUpperCase();
  const bucket = record.s3.bucket.name;
  return {
    eventVersion: '2.1',
    eventSource: 'aws:s3',
    awsRegion: region,
    eventTime: record.eventTime,
    eventName: record.eventName,
    userIdentity: { principalId: 'AWS:FACTSUMLOCAL' },
    requestParameters: { sourceIPAddress: '127.0.0.1' },
    responseElements: { 'x-amz-request-id': sequencer, 'x-amz-id-2': sequencer },
    s3: {
      s3SchemaVersion: '1.0',
      configurationId: 'factsum-local-bridge',
      bucket: { name: bucket, ownerIdentity: { principalId: 'FACTSUMLOCAL' }, arn: `arn:aws:s3:::${bucket}` },
      object: { key: encodeS3EventKey(record.s3.object.key), size, eTag, sequencer },
    },
  };
}
