import type { CorpusEntry, DedupIndex, ExactClaim } from '../ports';
import { isEarlier } from '../service/corpus-order';

/**
 * A dedup index held in memory, for the CLI's `--corpus` mode and unit tests of the
 * dedup protocol. Same semantics as the DynamoDB index: the earliest (uploadedAt, id) holds a hash.
 */
export class MemoryDedupIndex implements DedupIndex {
  readonly #exact = new Map<string, CorpusEntry>();

  async claimExact(hash: string, entry: CorpusEntry): Promise<ExactClaim> {
    const current = this.#exact.get(hash);
    if (current === undefined || isEarlier(entry, current)) {
      this.#exact.set(hash, entry);
      return current && current.id !== entry.id ? { holder: entry, displaced: current } : { holder: entry };
    }
    return { holder: current };
  }

  async lookupExact(hash: string): Promise<CorpusEntry | undefined> {
    return this.#exact.get(hash);
  }
}
