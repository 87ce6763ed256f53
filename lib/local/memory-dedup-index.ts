import type { CorpusEntry, DedupIndex, ExactClaim, SimilarEntry } from '../ports';
import { isEarlier } from '../service/corpus-order';

/**
 * A dedup index held in memory, for the CLI's `--corpus` mode and unit tests of the
 * dedup protocol. Same semantics as the DynamoDB index: the earliest (uploadedAt, id) holds a hash.
 */
export class MemoryDedupIndex implements DedupIndex {
  readonly #exact = new Map<string, CorpusEntry>();
  readonly #bands = new Map<string, Map<string, SimilarEntry>>();

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

  async putBands(entry: CorpusEntry, bands: readonly string[], signature: Uint32Array): Promise<void> {
    for (const band of bands) {
      let members = this.#bands.get(band);
      if (members === undefined) {
        members = new Map();
        this.#bands.set(band, members);
      }
      members.set(entry.id, { ...entry, signature });
    }
  }

  async queryBands(bands: readonly string[]): Promise<SimilarEntry[]> {
    const found = new Map<string, SimilarEntry>();
    for (const band of bands) for (const [id, entry] of this.#bands.get(band) ?? []) found.set(id, entry);
    return [...found.values()];
  }
}
