import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';

/** A file to analyse, or a path inside a folder that could not be listed or resolved. */
export type InputFile =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'unreadable'; readonly path: string; readonly reason: string };

/** Which files found inside folders are analysed (files named on the command line always are). */
export type FileFilter = { readonly include: readonly string[]; readonly exclude: readonly string[] };

/** Dots are plain characters in a glob: hidden entries are left out by the walk, not by the patterns. */
const GLOB_OPTIONS: picomatch.PicomatchOptions = { dot: true };

/**
 * A matcher of paths relative to a folder ('/'-separated): a pattern without a slash matches the name at
 * any depth (`*.txt` also matches `2024/a.txt`), as in .gitignore; one with a slash matches the whole
 * relative path. (picomatch's own `basename` option applies to every pattern, slashes or not.)
 */
function compileGlobs(patterns: readonly string[]): ((path: string) => boolean) | undefined {
  if (patterns.length === 0) return undefined;
  const byName = patterns.filter((pattern) => !pattern.includes('/'));
  const byPath = patterns.filter((pattern) => pattern.includes('/'));
  const name = byName.length > 0 ? picomatch(byName, GLOB_OPTIONS) : () => false;
  const path = byPath.length > 0 ? picomatch(byPath, GLOB_OPTIONS) : () => false;
  return (relative) => name(relative.slice(relative.lastIndexOf('/') + 1)) || path(relative);
}

/**
 * Expands the command line's paths into files, in input order: a file stands for itself, a folder for the
 * files below it, recursively, each folder's entries sorted by name (UTF-16 code units, as `LC_ALL=C ls`
 * orders ASCII names), so that the order does not depend on the file system. Hidden entries (names starting
 * with '.') inside folders are skipped. Symbolic links are followed, but a folder is walked at most once
 * (by device and inode), so a link to an ancestor cannot loop.
 */
export async function collectInputFiles(paths: readonly string[], filter: FileFilter): Promise<InputFile[]> {
  const include = compileGlobs(filter.include) ?? (() => true);
  const exclude = compileGlobs(filter.exclude) ?? (() => false);
  const walk: Walk = {
    seen: new Set(),
    files: [],
    keep: (rel) => include(rel) && !exclude(rel),
    prune: exclude,
  };
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined);
    if (info?.isDirectory()) await walkFolder(walk, path, path, `${info.dev}:${info.ino}`);
    // A missing or unreadable file is still an input: it gets its own rejected result.
    else walk.files.push({ kind: 'file', path });
  }
  return walk.files;
}

type Walk = {
  /** Folders already walked, as `device:inode`. */
  readonly seen: Set<string>;
  readonly files: InputFile[];
  /** Whether a file (path relative to its root folder, '/'-separated) is analysed. */
  readonly keep: (relative: string) => boolean;
  /** Whether a folder (relative path) is skipped with everything below it. */
  readonly prune: (relative: string) => boolean;
};

/** Appends the files below `folder` to the walk, depth first, entries sorted by name. */
async function walkFolder(walk: Walk, root: string, folder: string, identity: string): Promise<void> {
  if (walk.seen.has(identity)) return;
  walk.seen.add(identity);
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    walk.files.push({ kind: 'unreadable', path: folder, reason: reasonOf(error) });
    return;
  }
  const names = entries.filter((entry) => !entry.name.startsWith('.')).map((entry) => entry.name);
  names.sort(compareCodeUnits);
  for (const name of names) {
    const path = join(folder, name);
    const rel = relative(root, path).split(sep).join('/');
    let info: Awaited<ReturnType<typeof stat>>;
    try {
      info = await stat(path);
    } catch (error) {
      // A dangling symbolic link, or an entry removed while walking.
      if (walk.keep(rel)) walk.files.push({ kind: 'unreadable', path, reason: reasonOf(error) });
      continue;
    }
    if (info.isDirectory()) {
      if (!walk.prune(rel)) await walkFolder(walk, root, path, `${info.dev}:${info.ino}`);
    } else if (info.isFile() && walk.keep(rel)) {
      walk.files.push({ kind: 'file', path });
    }
    // Sockets, FIFOs and devices are not articles (and reading a FIFO would block).
  }
}

/** Orders strings by UTF-16 code units, whatever the locale. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
