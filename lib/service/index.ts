/**
 * The service core: one upload's (or one delete's) steps over the ports, shared by every entry point — the
 * Lambda handlers, the API, the CLI and the local stack. It runs the pure pipeline and owns what the pipeline
 * must not: the order of versions, the dedup protocol, results and their reports.
 */
export { lookupVerdict } from './identity';
export { checkObjectKey, type KeyCheck, MAX_INPUT_KEY_BYTES } from './object-key';
export { processObjectRemoved } from './process-removal';
export { normalizeEtag, processObjectCreated } from './process-upload';
export type {
  ObjectCreated,
  ObjectRemoved,
  PipelineSteps,
  ProcessOutcome,
  RemovalOutcome,
  ServiceConfig,
  ServiceDeps,
} from './service-types';
export { parseStoredResult, type StoredResult } from './stored-result';
export { resolveSummaryOptions, SUMMARY_METADATA, type SummaryRule } from './summary-options';
