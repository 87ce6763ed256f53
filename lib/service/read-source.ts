import type { SourceRef } from '../pipeline';
import type { ObjectRead, ObjectStore, VersionEntry } from '../ports';
import type { ObjectCreated } from './service-types';

/** What reading an upload's object found. */
export type SourceRead =
  | { readonly kind: 'missing' }
  /** The key holds other bytes than the event announced (overwritten since): that upload's own event decides. */
  | { readonly kind: 'stale' }
  | {
      readonly kind: 'read';
      readonly object: Exclude<ObjectRead, { kind: 'missing' }>;
      readonly source: SourceRef & { readonly sequencer?: string; readonly uploadedAt: string };
      readonly entry: VersionEntry;
    };

/**
 * Reads the object version an event names (by version id when the bucket is versioned), streaming at most
 * `maxBytes`. A late event must not analyse newer bytes under its own (older) upload time, so an ETag that
 * differs from the event's means the object was replaced since: the newer upload's event will come.
 */
export async function readSource(
  objects: ObjectStore,
  event: ObjectCreated,
  maxBytes: number,
): Promise<SourceRead> {
  const object = await objects.getObject(event, {
    maxBytes,
    ...(event.versionId === undefined ? {} : { versionId: event.versionId }),
  });
  if (object.kind === 'missing') return { kind: 'missing' };
  const eventEtag = unquote(event.etag);
  const readEtag = unquote(object.etag);
  if (eventEtag !== undefined && readEtag !== undefined && eventEtag !== readEtag) return { kind: 'stale' };
  const etag = readEtag ?? eventEtag ?? `size-${object.size}`;
  const versionId = event.versionId ?? (object.kind === 'object' ? object.versionId : undefined);
  const source = {
    bucket: event.bucket,
    key: event.key,
    etag,
    ...(versionId === undefined ? {} : { versionId }),
    ...(event.sequencer === undefined ? {} : { sequencer: event.sequencer }),
    ...(object.contentType === undefined ? {} : { contentType: object.contentType }),
    uploadedAt: event.eventTime,
  };
  return {
    kind: 'read',
    object,
    source,
    entry: { id: `${event.bucket}/${event.key}`, uploadedAt: event.eventTime, etag },
  };
}

/** An ETag without the quotes S3 puts around it; undefined when empty. */
function unquote(etag: string | undefined): string | undefined {
  return etag?.replace(/^"|"$/g, '') || undefined;
}
