/** result: the result document (schemaVersion 1) built from a stage's output, and its schema.org ClaimReview view. */
export {
  buildDuplicateResult,
  buildProcessedResult,
  buildRejectedResult,
  type SourceRef,
} from './build-result';
export { type ClaimReview, toClaimReview } from './claim-review';
