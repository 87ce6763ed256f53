/** factcheck: import published fact-checks (ClaimReview JSON-LD, JSON Lines), index them, match claims to them. */

export type { FactCheckMatch } from '../types';
export {
  type FeedImport,
  formatPosition,
  type ImportedRecord,
  type ImportIssue,
  type ImportOptions,
  importFeed,
  mergeFeeds,
} from './import-feed';
export { FactCheckIndexError, loadIndex, looksLikeIndex } from './load-index';
export {
  MATCH_MODEL,
  MAX_MATCHES_PER_CLAIM,
  type MatchOptions,
  matchClaims,
  type RankedFactCheck,
  type RankOptions,
  rankFactChecks,
  withFactChecks,
} from './match-claims';
export type { MatchModel } from './match-model';
export type { FactCheckRecord, RatingScale } from './record';
export { buildIndex, type FactCheckIndex, serializeIndex } from './search-index';
