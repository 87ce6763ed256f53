import { extractClaims } from './claims';
import { cleanArticle } from './clean';
import { decodeBytes } from './decode';
import { fingerprintBody, sha256Hex } from './dedup';
import { detectFormat, parseDocument } from './extract';
import { type SummaryOptions, summarize } from './summary';
import { MAX_SUMMARY_CANDIDATES } from './summary/summarize';
import { segmentSentences } from './text';
import type { Article, Claim, InputFormat, Limits, RejectCode, SummarySentence, Truncation } from './types';
import {
  capMentions,
  DEFAULT_WORK_BUDGET,
  leadingSentences,
  splitLongSentences,
  topClaims,
  truncation,
  type WorkBudget,
} from './work-budget';

/** A monotonic clock in milliseconds, passed in so the pipeline stays pure (e.g. performance.now). */
export type Clock = () => number;

export type PrepareOptions = {
  readonly maxBytes: number;
  readonly contentType?: string;
  readonly fileName?: string;
  /** Force a format instead of detecting it. */
  readonly format?: InputFormat;
  /** Publication date to use when the document does not state one (ISO 8601). */
  readonly published?: string;
  readonly clock: Clock;
};

export type PreparedArticle = {
  readonly kind: 'prepared';
  readonly sha256: string;
  readonly size: number;
  readonly article: Article & { readonly format: InputFormat; readonly encoding: string };
  /** The exact-duplicate key: hash of the identity-normalised body. */
  readonly bodyHash: string;
  /** What extraction cut to stay within the work budget; absent when nothing was. */
  readonly limits?: Limits;
  readonly timings: Readonly<Record<string, number>>;
};

export type RejectedInput = {
  readonly kind: 'rejected';
  readonly sha256: string;
  readonly size: number;
  readonly error: { readonly code: RejectCode; readonly message: string };
  readonly timings: Readonly<Record<string, number>>;
};

/** Rounds a duration to 0.01 ms so that results stay readable. */
function roundMs(ms: number): number {
  return Math.round(ms * 100) / 100;
}

/** Runs `fn`, recording its duration under `name`. */
function timed<T>(clock: Clock, timings: Record<string, number>, name: string, fn: () => T): T {
  const started = clock();
  const value = fn();
  timings[name] = roundMs(clock() - started);
  return value;
}

/**
 * Turns raw bytes into a clean article and its identity hash: decode → detect format →
 * parse → clean. Everything a duplicate needs; summary and claims come after dedup.
 */
export function prepareArticle(bytes: Uint8Array, options: PrepareOptions): PreparedArticle | RejectedInput {
  const timings: Record<string, number> = {};
  const sha256 = sha256Hex(bytes);
  const size = bytes.length;
  const reject = (error: { code: RejectCode; message: string }): RejectedInput => ({
    kind: 'rejected',
    sha256,
    size,
    error: { code: error.code, message: error.message },
    timings,
  });

  const decoded = timed(options.clock, timings, 'decode', () =>
    decodeBytes(bytes, { maxBytes: options.maxBytes, contentType: options.contentType }),
  );
  if (decoded.kind === 'rejected') return reject(decoded);

  const format =
    options.format ??
    timed(options.clock, timings, 'detect', () =>
      detectFormat(decoded.text, { contentType: options.contentType, fileName: options.fileName }),
    );
  const parsed = timed(options.clock, timings, 'extract', () => parseDocument(decoded.text, format));
  if (parsed.kind === 'rejected') return reject(parsed);

  const cleaned = timed(options.clock, timings, 'clean', () => cleanArticle(parsed));
  if ('kind' in cleaned) return reject(cleaned);

  const bodyHash = timed(options.clock, timings, 'fingerprint', () => fingerprintBody(cleaned.text));
  const published = cleaned.published ?? options.published;
  return {
    kind: 'prepared',
    sha256,
    size,
    article: { ...cleaned, ...(published ? { published } : {}), format, encoding: decoded.encoding },
    bodyHash,
    ...(parsed.truncated?.length ? { limits: { truncated: parsed.truncated } } : {}),
    timings,
  };
}

export type AnalyzeOptions = {
  /** Summary length (sentences, words, ratio; the tightest wins); none lets the summarizer choose. */
  readonly summary?: SummaryOptions;
  /** When the article was uploaded (ISO 8601): the reference for relative dates when it has no publication date. */
  readonly uploadedAt: string;
  readonly clock: Clock;
  /** Caps on the work spent on one article (work-budget.ts); DEFAULT_WORK_BUDGET when absent. */
  readonly budget?: WorkBudget;
};

export type Analysis = {
  readonly summary: { readonly sentences: readonly SummarySentence[] };
  readonly claims: readonly Claim[];
  /** What the work budget cut; absent when nothing was. */
  readonly limits?: Limits;
  readonly timings: Readonly<Record<string, number>>;
};

/** The claims of the first `budget.maxClaimSentences` sentences, the best `maxClaims` of them, mentions capped. */
function budgetedClaims(
  text: string,
  sentences: readonly { text: string; start: number; end: number }[],
  reference: Parameters<typeof extractClaims>[2],
  budget: WorkBudget,
): { claims: Claim[]; truncated: Truncation[] } {
  const scored = leadingSentences(sentences, budget.maxClaimSentences, budget.maxClaimChars);
  const all = extractClaims(text, scored, reference);
  const top = topClaims(all, budget.maxClaims);
  let mentions = 0;
  let dropped = 0;
  const claims = top.map((claim) => {
    mentions += claim.entities.length + claim.numbers.length + claim.dates.length;
    const capped = capMentions(claim, budget.maxMentionsPerClaim);
    dropped += capped.dropped;
    return capped.claim;
  });
  return {
    claims,
    truncated: [
      ...truncation(
        'claims',
        `only the first sentences (at most ${budget.maxClaimSentences}, ${budget.maxClaimChars} characters) were scored`,
        scored.length,
        sentences.length,
      ),
      ...truncation(
        'claims',
        `only the ${budget.maxClaims} highest-scoring claims were kept`,
        top.length,
        all.length,
      ),
      ...truncation(
        'claims',
        `at most ${budget.maxMentionsPerClaim} entities, numbers and dates each were kept per claim`,
        mentions - dropped,
        mentions,
      ),
    ],
  };
}

/**
 * Segments a prepared article and writes its extractive summary and claims, within the work budget: sentences
 * over its length are cut into pieces, the summary ranks at most MAX_SUMMARY_CANDIDATES sentences, claims come
 * from the first sentences only and are capped in number and mentions; `limits` says what was cut.
 */
export function analyzeArticle(article: Article, options: AnalyzeOptions): Analysis {
  const timings: Record<string, number> = {};
  const budget = options.budget ?? DEFAULT_WORK_BUDGET;
  const truncated: Truncation[] = [];
  const sentences = timed(options.clock, timings, 'segment', () => {
    const segmented = segmentSentences(article.text);
    const bounded = splitLongSentences(segmented, budget.maxSentenceChars);
    truncated.push(
      ...truncation(
        'segment',
        `sentences over ${budget.maxSentenceChars} characters were cut into pieces`,
        segmented.length - bounded.split,
        segmented.length,
      ),
    );
    return bounded.sentences;
  });
  truncated.push(
    ...truncation(
      'summary',
      'only the lead and an even sample of the sentences were ranked',
      Math.min(sentences.length, MAX_SUMMARY_CANDIDATES),
      sentences.length,
    ),
  );
  const summary = timed(options.clock, timings, 'summary', () =>
    summarize(article, sentences, options.summary ?? {}),
  );
  const reference = article.published
    ? { referenceDate: article.published, referenceSource: 'published' as const }
    : { referenceDate: options.uploadedAt, referenceSource: 'uploaded' as const };
  const claims = timed(options.clock, timings, 'claims', () => {
    const budgeted = budgetedClaims(article.text, sentences, reference, budget);
    truncated.push(...budgeted.truncated);
    return budgeted.claims;
  });
  return {
    summary: { sentences: summary },
    claims,
    ...(truncated.length > 0 ? { limits: { truncated } } : {}),
    timings,
  };
}
