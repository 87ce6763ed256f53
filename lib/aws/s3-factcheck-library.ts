import { type FactCheckIndex, FactCheckIndexError, loadIndex, matchClaims } from '../pipeline/factcheck';
import type { FactCheckLibrary, FactCheckMatchOptions } from '../ports';
import * as z from '../zod';
import type { S3ObjectStore } from './s3-object-store';

/** The library object in S3 is missing, unreadable or not an index: retry once it is fixed. */
export class FactCheckLibraryError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FactCheckLibraryError';
  }
}

/**
 * How often a warm function looks at the pointer for a new library version. A minute keeps S3 reads to one
 * small GET per minute per warm instance, and a newly imported library reaches every instance within it.
 */
export const DEFAULT_RECHECK_MS = 60_000;

export type S3FactCheckLibrarySettings = {
  readonly bucket: string;
  /** Key prefix of the library's objects (default `factchecks/`). */
  readonly prefix?: string;
  readonly recheckMs?: number;
  /** Milliseconds since some fixed point (Date.now in the function; a fake in tests). */
  readonly now: () => number;
};

/** The pointer object: which index version is current. */
const pointerSchema = z.object({
  version: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  key: z.string(),
  records: z.number(),
});
export type LibraryPointer = z.infer<typeof pointerSchema>;

type Loaded = { readonly index: FactCheckIndex | undefined; readonly checkedAt: number };

/**
 * The FactCheckLibrary port on S3: each imported index under a key named by its version
 * (`<prefix>index/<version>.json`, never overwritten with other content) and a small pointer
 * (`<prefix>current.json`) naming the current one. The loaded index stays in memory between invocations; the
 * pointer is read again at most every `recheckMs`, so a new import is picked up without a redeploy, and the
 * index itself is downloaded only when the pointer names another version.
 */
export class S3FactCheckLibrary implements FactCheckLibrary {
  readonly #prefix: string;
  readonly #recheckMs: number;
  #loaded: Loaded | undefined;
  #loading: Promise<Loaded> | undefined;

  constructor(
    private readonly objects: S3ObjectStore,
    private readonly settings: S3FactCheckLibrarySettings,
  ) {
    this.#prefix = settings.prefix ?? 'factchecks/';
    this.#recheckMs = settings.recheckMs ?? DEFAULT_RECHECK_MS;
  }

  /** The keys of the library's objects, built in this one place. */
  #key(kind: 'pointer' | 'index', version?: string): { bucket: string; key: string } {
    const key =
      kind === 'pointer' ? `${this.#prefix}current.json` : `${this.#prefix}index/${version ?? ''}.json`;
    return { bucket: this.settings.bucket, key };
  }

  /** Stores a serialised index and makes it current: the index first, then the pointer, so no reader sees a pointer to nothing. */
  async publish(serialised: string): Promise<LibraryPointer> {
    const index = loadIndex(serialised);
    const target = this.#key('index', index.version);
    await this.objects.putText(target, serialised, 'application/json');
    const pointer = { version: index.version, key: target.key, records: index.records.length };
    await this.objects.putText(this.#key('pointer'), `${JSON.stringify(pointer)}\n`, 'application/json');
    return pointer;
  }

  async match(claims: readonly { readonly text: string }[], options: FactCheckMatchOptions = {}) {
    const { index } = await this.#current();
    if (index === undefined || claims.length === 0) return claims.map(() => []);
    return matchClaims(claims, index, options.date === undefined ? {} : { date: options.date });
  }

  async version(): Promise<string | undefined> {
    return (await this.#current()).index?.version;
  }

  /** The index in use, re-reading the pointer when the last look is older than recheckMs. */
  async #current(): Promise<Loaded> {
    const loaded = this.#loaded;
    if (loaded !== undefined && this.settings.now() - loaded.checkedAt < this.#recheckMs) return loaded;
    // Concurrent calls during a refresh share it.
    this.#loading ??= this.#refresh(loaded).finally(() => {
      this.#loading = undefined;
    });
    return this.#loading;
  }

  async #refresh(previous: Loaded | undefined): Promise<Loaded> {
    const checkedAt = this.settings.now();
    const pointerText = await this.objects.getText(this.#key('pointer'));
    if (pointerText === undefined) {
      this.#loaded = { index: undefined, checkedAt };
      return this.#loaded;
    }
    const pointer = parsePointer(pointerText);
    if (previous?.index?.version === pointer.version) {
      this.#loaded = { index: previous.index, checkedAt };
      return this.#loaded;
    }
    const text = await this.objects.getText({ bucket: this.settings.bucket, key: pointer.key });
    if (text === undefined) {
      throw new FactCheckLibraryError(
        `the library pointer names s3://${this.settings.bucket}/${pointer.key}, which does not exist`,
      );
    }
    let index: FactCheckIndex;
    try {
      index = loadIndex(text);
    } catch (error) {
      const reason = error instanceof FactCheckIndexError ? error.message : String(error);
      throw new FactCheckIndexError(`s3://${this.settings.bucket}/${pointer.key}: ${reason}`, {
        cause: error,
      });
    }
    if (index.version !== pointer.version) {
      throw new FactCheckLibraryError(
        `s3://${this.settings.bucket}/${pointer.key} holds version ${index.version}, not ${pointer.version}`,
      );
    }
    this.#loaded = { index, checkedAt };
    return this.#loaded;
  }
}

function parsePointer(text: string): LibraryPointer {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FactCheckLibraryError('the library pointer is not JSON', { cause: error });
  }
  const parsed = z.safeParse(pointerSchema, raw);
  if (!parsed.success)
    throw new FactCheckLibraryError('the library pointer is malformed', { cause: parsed.error });
  return parsed.data;
}
