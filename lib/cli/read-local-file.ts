import { readFile, stat } from 'node:fs/promises';
// The result builders alone: the main thread of a parallel run loads no pipeline stage.
import { buildRejectedResult } from '../pipeline/result';
import type { Result } from '../pipeline/types';

/** A local file's bytes and modification time, or the rejected result of a file that cannot be read. */
export type LocalFile =
  | { readonly kind: 'read'; readonly bytes: Uint8Array; readonly modified: string }
  | { readonly kind: 'unreadable'; readonly result: Result };

/** Reads a local file; a file that cannot be read becomes its rejected (UNREADABLE) result. */
export async function readLocalFile(path: string): Promise<LocalFile> {
  try {
    const info = await stat(path);
    return { kind: 'read', bytes: new Uint8Array(await readFile(path)), modified: info.mtime.toISOString() };
  } catch (error) {
    return { kind: 'unreadable', result: unreadableResult(path, reasonOf(error)) };
  }
}

/** The rejected result of a path that cannot be read (or a folder that cannot be listed). */
export function unreadableResult(path: string, reason: string): Result {
  return buildRejectedResult(
    { path },
    {
      kind: 'rejected',
      size: 0,
      error: { code: 'UNREADABLE', message: `Cannot read ${path}: ${reason}` },
      timings: {},
    },
  );
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
