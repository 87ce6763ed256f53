import type {
  DedupIndex,
  RegisterOutcome,
  Registration,
  RegistrationUpdate,
  SimilarEntry,
  VersionEntry,
} from '../ports';
import { isEarlier, isSameVersion } from '../ports';

/** Holders of one body read at most, as in the DynamoDB adapter (one query page). */
export const MEMORY_MAX_MEMBERS = 100;

/** The member key of an entry: sorts by upload time, then id, as the DynamoDB sort key does. */
const memberKey = (entry: VersionEntry): string => `${entry.uploadedAt}#${entry.id}`;

/**
 * A dedup index held in memory, for the CLI's `--corpus` mode, evaluations and unit tests of the service's
 * protocol. Same semantics as the DynamoDB index: the newest version of a key wins its registration; member and
 * band entries name their version and are removed only by that version.
 */
export class MemoryDedupIndex implements DedupIndex {
  readonly #registrations = new Map<string, Registration>();
  readonly #members = new Map<string, Map<string, VersionEntry>>();
  readonly #bands = new Map<string, Map<string, SimilarEntry>>();

  async register(registration: Registration): Promise<RegisterOutcome> {
    const current = this.#registrations.get(registration.id);
    if (current !== undefined && current.order > registration.order) return { kind: 'superseded', current };
    this.#registrations.set(registration.id, registration);
    return current === undefined ? { kind: 'registered' } : { kind: 'registered', previous: current };
  }

  async update(version: VersionEntry, fields: RegistrationUpdate): Promise<boolean> {
    const current = this.#registrations.get(version.id);
    if (current === undefined || !isSameVersion(current, version) || current.state === 'deleted')
      return false;
    this.#registrations.set(version.id, { ...current, ...fields });
    return true;
  }

  async registrations(ids: readonly string[]): Promise<ReadonlyMap<string, Registration>> {
    const found = new Map<string, Registration>();
    for (const id of ids) {
      const registration = this.#registrations.get(id);
      if (registration !== undefined) found.set(id, registration);
    }
    return found;
  }

  async addMember(hash: string, entry: VersionEntry): Promise<void> {
    let members = this.#members.get(hash);
    if (members === undefined) {
      members = new Map();
      this.#members.set(hash, members);
    }
    members.set(memberKey(entry), { id: entry.id, uploadedAt: entry.uploadedAt, etag: entry.etag });
  }

  async members(hash: string): Promise<VersionEntry[]> {
    const members = [...(this.#members.get(hash)?.values() ?? [])];
    return members.sort((a, b) => (isEarlier(a, b) ? -1 : 1)).slice(0, MEMORY_MAX_MEMBERS);
  }

  async removeMember(hash: string, entry: VersionEntry): Promise<void> {
    const members = this.#members.get(hash);
    const member = members?.get(memberKey(entry));
    if (member !== undefined && isSameVersion(member, entry)) members?.delete(memberKey(entry));
    if (members?.size === 0) this.#members.delete(hash);
  }

  async putBands(
    entry: VersionEntry,
    bands: readonly string[],
    signature: Uint32Array,
    figures?: Uint32Array,
  ): Promise<void> {
    for (const band of bands) {
      let members = this.#bands.get(band);
      if (members === undefined) {
        members = new Map();
        this.#bands.set(band, members);
      }
      members.set(entry.id, {
        id: entry.id,
        uploadedAt: entry.uploadedAt,
        etag: entry.etag,
        signature,
        ...(figures === undefined ? {} : { figures }),
      });
    }
  }

  async queryBands(bands: readonly string[]): Promise<SimilarEntry[]> {
    const found = new Map<string, SimilarEntry>();
    for (const band of bands) for (const [id, entry] of this.#bands.get(band) ?? []) found.set(id, entry);
    return [...found.values()];
  }

  async removeBands(entry: VersionEntry, bands: readonly string[]): Promise<void> {
    for (const band of bands) {
      const members = this.#bands.get(band);
      const item = members?.get(entry.id);
      if (item !== undefined && isSameVersion(item, entry)) members?.delete(entry.id);
      if (members?.size === 0) this.#bands.delete(band);
    }
  }

  /** Every entry in the index, for tests that check nothing stale is left: `kind`, id and version. */
  entries(): { readonly kind: 'member' | 'band'; readonly id: string; readonly etag: string }[] {
    const out: { kind: 'member' | 'band'; id: string; etag: string }[] = [];
    for (const members of this.#members.values())
      for (const entry of members.values()) out.push({ kind: 'member', id: entry.id, etag: entry.etag });
    for (const members of this.#bands.values())
      for (const entry of members.values()) out.push({ kind: 'band', id: entry.id, etag: entry.etag });
    return out;
  }
}
