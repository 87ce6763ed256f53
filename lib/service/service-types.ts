import type { analyzeArticle, Clock, InputFormat, prepareArticle, SummaryOptions } from '../pipeline';
import type {
  ClaimIndex,
  DedupIndex,
  FactCheckLibrary,
  ObjectStore,
  ResultDocument,
  ResultStore,
} from '../ports';
import type { StoredResult } from './stored-result';
import type { SummaryRule } from './summary-options';

/** One ObjectCreated notification, its key already URL-decoded. */
export type ObjectCreated = {
  readonly bucket: string;
  readonly key: string;
  /** The upload time (S3 eventTime), ISO 8601 UTC: the article's place in the corpus order. */
  readonly eventTime: string;
  readonly etag?: string;
  readonly versionId?: string;
  /** S3's per-key event order (hex): a stale delivery never replaces a newer version. */
  readonly sequencer?: string;
};

/** One ObjectRemoved notification (a delete, or a delete marker in a versioned bucket). */
export type ObjectRemoved = {
  readonly bucket: string;
  readonly key: string;
  readonly eventTime: string;
  readonly versionId?: string;
  readonly sequencer?: string;
};

/** The ports the service core runs on, constructed once per entry point (lib/app/wiring.ts). */
export type ServiceDeps = {
  readonly objects: ObjectStore;
  readonly results: ResultStore;
  readonly index: DedupIndex;
  /** The claims index; without it claims are not related across articles. */
  readonly claims?: ClaimIndex;
  /** The library of published fact-checks; without it claims get no `factChecks`. */
  readonly factChecks?: FactCheckLibrary;
  readonly clock: Clock;
  /**
   * The pipeline's two pure steps, when they are computed elsewhere (the CLI computes them in worker threads and
   * replays them here in upload order); absent, the service calls the pipeline itself.
   */
  readonly pipeline?: PipelineSteps;
};

/** The pure steps the service runs per upload: the same signatures as the pipeline's own functions. */
export type PipelineSteps = {
  readonly prepareArticle: typeof prepareArticle;
  readonly analyzeArticle: typeof analyzeArticle;
};

/** The settings the service core reads (lib/app/settings.ts validates them for every entry point). */
export type ServiceConfig = {
  readonly maxBytes: number;
  /** The deployment's default summary length, and per-prefix rules; object metadata overrides both. */
  readonly summary?: SummaryOptions;
  readonly summaryRules?: readonly SummaryRule[];
  /** Estimated Jaccard similarity from which an article is a near-duplicate. */
  readonly nearThreshold: number;
  /** Recompute even when a result for this object version exists (backfill --force, re-election). */
  readonly reprocess?: boolean;
  /** Read every input in this format instead of detecting it (the CLI's --format). */
  readonly format?: InputFormat;
};

export type ProcessOutcome =
  | {
      readonly kind: 'written';
      readonly result: ResultDocument;
      /**
       * Corpus ids of later copies this upload found already written as processed and turned into its
       * duplicates (their own invocation may also report them as duplicates, having seen this one).
       */
      readonly demotedCopies?: readonly string[];
    }
  /** The same object version was processed before: its stored result stands. */
  | { readonly kind: 'unchanged'; readonly result: StoredResult }
  /** The object is gone (deleted before it could be read): nothing to do. */
  | { readonly kind: 'missing' }
  /** A newer version (or a later delete) of the key is registered: this delivery changes nothing. */
  | { readonly kind: 'superseded' };

export type RemovalOutcome =
  /** The key's result, report and index entries are gone; `reelected` copies were decided again. */
  | { readonly kind: 'removed'; readonly reelected: number }
  /** The key holds an object again (a later upload): its own event decides. */
  | { readonly kind: 'present' }
  /** A newer version (or the same delete) is registered already. */
  | { readonly kind: 'superseded' };
