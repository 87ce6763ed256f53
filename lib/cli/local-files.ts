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
  const file = await readLocalFile(path);
  if (file.kind === 'unreadable') return { file, result: file.result };
  const base = createMemoryPorts();
  const ports = options.pipeline === undefined ? base : { ...base, pipeline: options.pipeline };
  await uploadLocalFile(ports, run, {
    path,
    bytes: file.bytes,
    uploadedAt: options.uploadedAt ?? file.modified,
  });
  return { file, result: await readLocalResult(ports, path) };
}

/** A stored corpus result with local paths instead of `local/…` ids (the CLI's contract). */
export async function readLocalResult(ports: MemoryPorts, path: string): Promise<Result> {
  const stored = await ports.results.read({ bucket: LOCAL_BUCKET, key: path });
  const prefix = `${LOCAL_BUCKET}/`;
  const local = (id: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : id);
  // Our own JSON round trip; ids are rewritten by structure, not by searching text.
  const value = JSON.parse(JSON.stringify(stored?.document ?? null), (key, v: unknown) =>
    (key === 'of' || key === 'nearCopyOf' || key === 'articleId') && typeof v === 'string' ? local(v) : v,
  ) as Result;
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
