import type { Registration } from '../ports';
import { versionOrder } from '../ports';
import { reconsiderCopies } from './process-upload';
import { removeResult } from './result-writes';
import { retireVersion } from './retire';
import type { ObjectRemoved, RemovalOutcome, ServiceConfig, ServiceDeps } from './service-types';

/**
 * Processes one ObjectRemoved notification. Steps: check the key is really gone (a later upload may have
 * followed the delete: its own event decides) → register the delete (a newer upload wins) → retire the version
 * it removes from the index and from other results' links → delete its result and report → decide again the
 * copies that named it canonical: the next earliest becomes canonical and is analysed if it never was.
 */
export async function processObjectRemoved(
  event: ObjectRemoved,
  deps: ServiceDeps,
  config: ServiceConfig,
): Promise<RemovalOutcome> {
  const probe = await deps.objects.getObject(event, { maxBytes: 0 });
  if (probe.kind !== 'missing') return { kind: 'present' };
  const order = versionOrder({
    uploadedAt: event.eventTime,
    ...(event.sequencer === undefined ? {} : { sequencer: event.sequencer }),
  });
  const registered = await deps.index.register(tombstone(event, order));
  if (registered.kind === 'superseded') return { kind: 'superseded' };
  const { previous } = registered;
  const former =
    previous === undefined || previous.state === 'deleted' ? [] : await retireVersion(deps, previous);
  await removeResult(deps.results, event, order);
  return { kind: 'removed', reelected: await reconsiderCopies(deps, config, former) };
}

/** The registration of a deleted key: newer than every version uploaded before the delete. */
function tombstone(event: ObjectRemoved, order: string): Registration {
  return {
    id: `${event.bucket}/${event.key}`,
    uploadedAt: event.eventTime,
    etag: 'deleted',
    order,
    state: 'deleted',
    ...(event.versionId === undefined ? {} : { versionId: event.versionId }),
    ...(event.sequencer === undefined ? {} : { sequencer: event.sequencer }),
  };
}
