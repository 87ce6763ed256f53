import type { ObjectCreated, ObjectRemoved } from '../lib/service';
import * as z from '../lib/zod';

/** The fields of an S3 event notification record that factsum reads (the rest passes through). */
const s3RecordSchema = z.looseObject({
  eventSource: z.optional(z.string()),
  eventName: z.string(),
  eventTime: z.string(),
  s3: z.looseObject({
    bucket: z.looseObject({ name: z.string().check(z.minLength(1)) }),
    object: z.looseObject({
      key: z.string().check(z.minLength(1)),
      size: z.optional(z.number()),
      eTag: z.optional(z.string()),
      versionId: z.optional(z.string()),
      sequencer: z.optional(z.string()),
    }),
  }),
});

const s3EventSchema = z.looseObject({ Records: z.array(z.unknown()) });

/**
 * Decodes an S3 event key: S3 URL-encodes keys in notifications with `+` for spaces, so
 * `+` becomes a space first and percent-escapes are decoded after (middy's s3-key-normalizer does the same).
 */
export function decodeS3EventKey(key: string): string {
  return decodeURIComponent(key.replace(/\+/g, ' '));
}

export type ParsedRecord =
  | { readonly kind: 'created'; readonly event: ObjectCreated }
  | { readonly kind: 'removed'; readonly event: ObjectRemoved }
  | { readonly kind: 'ignored'; readonly reason: string };

/** Reads the records of an S3 event; throws when the event is not an S3 notification at all. */
export function parseS3Event(event: unknown): ParsedRecord[] {
  const { Records } = s3EventSchema.parse(event);
  return Records.map((raw): ParsedRecord => {
    const parsed = s3RecordSchema.safeParse(raw);
    if (!parsed.success) return { kind: 'ignored', reason: 'not an S3 notification record' };
    const record = parsed.data;
    const created = record.eventName.startsWith('ObjectCreated');
    if (!created && !record.eventName.startsWith('ObjectRemoved')) {
      return {
        kind: 'ignored',
        reason: `event ${record.eventName} is neither ObjectCreated nor ObjectRemoved`,
      };
    }
    let key: string;
    try {
      key = decodeS3EventKey(record.s3.object.key);
    } catch {
      return {
        kind: 'ignored',
        reason: `key ${JSON.stringify(record.s3.object.key)} is not URL-encoded UTF-8`,
      };
    }
    const eventTime = new Date(record.eventTime);
    if (Number.isNaN(eventTime.getTime()))
      return { kind: 'ignored', reason: `eventTime ${record.eventTime} is invalid` };
    const event = {
      bucket: record.s3.bucket.name,
      key,
      eventTime: eventTime.toISOString(),
      ...(record.s3.object.versionId ? { versionId: record.s3.object.versionId } : {}),
      ...(record.s3.object.sequencer ? { sequencer: record.s3.object.sequencer } : {}),
    };
    if (!created) return { kind: 'removed', event };
    return {
      kind: 'created',
      event: { ...event, ...(record.s3.object.eTag ? { etag: record.s3.object.eTag } : {}) },
    };
  });
}
