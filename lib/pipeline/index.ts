/**
 * The pipeline's public surface: pure stages from input bytes to a result document, no I/O, no clock of its
 * own. decode → extract → clean → dedup (fingerprint) → text → summary → claims, chained by analyze.ts;
 * corpus/ relates claims across articles; factcheck/ matches claims to published fact-checks; result/ builds the
 * documents.
 */
export {
  type Analysis,
  type AnalyzeOptions,
  analyzeArticle,
  type Clock,
  type PreparedArticle,
  type PrepareOptions,
  prepareArticle,
  type RejectedInput,
} from './analyze';
export { claimFrameSchema, extractEntities, scoreSentence } from './claims';
export * from './corpus';
export {
  bandKeys,
  DEFAULT_NEAR_THRESHOLD,
  estimateSimilarity,
  figuresAgree,
  figuresFingerprint,
  minhashSignature,
} from './dedup';
export * from './factcheck';
export * from './result';
export type { SummaryOptions } from './summary';
export type * from './types';
