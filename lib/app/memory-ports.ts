import { performance } from 'node:perf_hooks';
import { MemoryClaimIndex } from '../local/memory-claim-index';
import { MemoryDedupIndex } from '../local/memory-dedup-index';
import { MemoryObjectStore, MemoryResultStore } from '../local/memory-object-store';
import type { ServiceDeps } from '../service';

/** The service's ports in memory: a fresh, empty corpus. */
export type MemoryPorts = ServiceDeps & {
  readonly objects: MemoryObjectStore;
  readonly results: MemoryResultStore;
  readonly index: MemoryDedupIndex;
  readonly claims: MemoryClaimIndex;
};

/**
 * In-memory ports for `analyze --corpus`, evaluations and unit tests; `keepsReports: false` for a caller that
 * never reads the HTML reports and corpus digests the service would render into them.
 */
export function createMemoryPorts(
  options: { readonly clock?: () => number; readonly keepsReports?: boolean } = {},
): MemoryPorts {
  return {
    objects: new MemoryObjectStore(),
    results: new MemoryResultStore(options),
    index: new MemoryDedupIndex(),
    claims: new MemoryClaimIndex(),
    clock: options.clock ?? (() => performance.now()),
  };
}
