import { createMemoryPorts, type MemoryPorts } from '../app/memory-ports';
import type { Result } from '../pipeline';
import {
  type PipelineSteps,
  type ProcessOutcome,
  processObjectCreated,
  type ServiceConfig,
} from '../service';
import { type LocalFile, readLocalFile } from './read-local-file';

/**
 * Local files through the service core, shared by the main thread and the worker threads so that both run
 * the very same code: a file's bytes and modification time, a file analysed in a corpus of its own, and a
 * stored result turned back into the CLI's result (local paths instead of bucket ids).
 */

/** The pseudo-bucket of local files in the corpus: ids are `local/<path>` inside, `<path>` outside. */
export const LOCAL_BUCKET = 'local';

/** What every file of one `analyze` run is processed with. */
export type AnalyzeRun = { readonly config: ServiceConfig; readonly published?: string };

/** Puts a file into the ports' object store and processes it as an upload at `uploadedAt`. */
export async function uploadLocalFile(
  ports: MemoryPorts,
  run: AnalyzeRun,
  file: { readonly path: string; readonly bytes: Uint8Array; readonly uploadedAt: string },
): Promise<ProcessOutcome> {
  const etag = ports.objects.put(
    { bucket: LOCAL_BUCKET, key: file.path },
    file.bytes,
    run.published ? { metadata: { published: run.published } } : {},
  );
  return processObjectCreated(
    { bucket: LOCAL_BUCKET, key: file.path, eventTime: file.uploadedAt, etag },
    ports,
    run.config,
  );
}

/**
 * Analyses one file in a corpus of its own, uploaded at its modification time (or at `uploadedAt`), with the
 * pipeline steps given (the recording steps of a worker, for instance).
 */
export async function analyzeAlone(
  path: string,
  run: AnalyzeRun,
  options: { readonly uploadedAt?: string; readonly pipeline?: PipelineSteps } = {},
): Promise<{ readonly file: LocalFile; readonly result: Result }> {
  const file = readLocalFile(path);
  if (file.kind === 'unreadable') return { file, result: file.result };
  // Reports are rendered from the results, and only with --html (analyze-command.ts).
  const base = createMemoryPorts({ keepsReports: false });
  const ports = options.pipeline === undefined ? base : { ...base, pipeline: options.pipeline };
  await uploadLocalFile(ports, run, {
    path,
    bytes: file.bytes,
    uploadedAt: options.uploadedAt ?? file.modified,
  });
  return { file, result: await readLocalResult(ports, path) };
}

/** Keys whose string values are corpus ids, wherever they are in a result. */
const ID_KEYS = new Set(['of', 'nearCopyOf', 'articleId']);

/**
 * Rewrites, in place, every corpus id of a parsed JSON value into a local path (`local/a.txt` to `a.txt`): by
 * structure, not by searching text, so that an article that quotes such a string is left alone.
 */
function localIds(value: unknown): unknown {
  if (Array.isArray(value)) for (const item of value) localIds(item);
  else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const v = record[key];
      if (typeof v === 'string') {
        if (ID_KEYS.has(key) && v.startsWith(`${LOCAL_BUCKET}/`))
          record[key] = v.slice(LOCAL_BUCKET.length + 1);
      } else localIds(v);
    }
  }
  return value;
}

/** A stored corpus result with local paths instead of `local/…` ids (the CLI's contract). */
export async function readLocalResult(ports: MemoryPorts, path: string): Promise<Result> {
  const stored = await ports.results.read({ bucket: LOCAL_BUCKET, key: path });
  // The memory store parses its stored JSON text at every read: this document is ours to change.
  const value = localIds(stored?.document ?? null) as Result;
  const {
    bucket: _bucket,
    key: _key,
    etag: _etag,
    sequencer: _sequencer,
    ...source
  } = value.source as Result['source'] & {
    sequencer?: string;
  };
  return { ...value, source: { ...source, path } };
}
