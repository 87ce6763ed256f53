/**
 * S3 event notifications as S3 writes them into an SQS queue: what `factsum backfill --queue` sends, so that a
 * backfill takes exactly the path of an upload, and what the local stack's bridge delivers.
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/notification-content-structure.html
 */

/**
 * Characters that S3 leaves as they are in event notification keys: S3 encodes keys like
 * `application/x-www-form-urlencoded` (Java's URLEncoder: letters, digits and `.-*_` stay, a
 * space becomes `+`, everything else is percent-encoded UTF-8), except that `/` is kept.
 */
const KEPT_CHARACTERS = /[A-Za-z0-9.\-*_/]/;

/**
 * Encodes an object key the way S3 writes it into an event notification, e.g.
 * `incoming/Zürich report.txt` → `incoming/Z%C3%BCrich+report.txt`.
 */
export function encodeS3EventKey(key: string): string {
  let encoded = '';
  for (const character of key) {
    if (character === ' ') encoded += '+';
    else if (KEPT_CHARACTERS.test(character)) encoded += character;
    else {
      for (const byte of Buffer.from(character, 'utf8')) {
        encoded += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }
    }
  }
  return encoded;
}

/** An object as a notification names it. */
export type NotifiedObject = {
  readonly bucket: string;
  readonly key: string;
  readonly eventTime: string;
  readonly size: number;
  readonly etag?: string;
  readonly sequencer?: string;
};

/** The body of an `s3:ObjectCreated:Put` notification message for one object (event version 2.1). */
export function objectCreatedMessage(object: NotifiedObject, region: string): string {
  return JSON.stringify({
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: region,
        eventTime: object.eventTime,
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'factsum-backfill',
          bucket: { name: object.bucket, arn: `arn:aws:s3:::${object.bucket}` },
          object: {
            key: encodeS3EventKey(object.key),
            size: object.size,
            ...(object.etag === undefined ? {} : { eTag: object.etag }),
            ...(object.sequencer === undefined ? {} : { sequencer: object.sequencer }),
          },
        },
      },
    ],
  });
}
