import type { Sentence, SummarySentence, SummaryWhy } from '../types';
import { createArticleScratch, summaryScratchBytes } from './article-scratch';
import {
  extractSummaryFeatureMatrix,
  SUMMARY_FEATURES,
  type SummaryFeatureMatrix,
  totalLength,
} from './features';
import {
  contributions,
  type SummaryModel,
  scoreSalience,
  scoreSentenceLogits,
  type TrustScale,
  trustScale,
} from './model';
import {
  extractTrustFeatures,
  furnitureLength,
  TRUST_FEATURES,
  type TrustFeatureMatrix,
} from './trust-features';

/**
 * How long a summary may be. Every limit given applies and the tightest wins; with none, the length grows
 * slowly with the article (see autoLength).
 */
export type SummaryOptions = {
  /** At most this many sentences (fractions round down; ≤ 0 gives an empty summary). */
  readonly maxSentences?: number;
  /** At most this many words in total (letter/digit tokens); sentences that would overflow are skipped. */
  readonly maxWords?: number;
  /**
   * At most this share (0..1] of the article's sentences, rounded down but at least one sentence: a
   * summary of a two-sentence article at ratio 0.3 is its best sentence, not nothing.
   */
  readonly ratio?: number;
};

/** Near-copies of an already chosen sentence are never chosen (syndicated text repeats itself). */
const DUPLICATE_SIMILARITY = 0.8;
/** Automatic length: this many sentences for short articles (the Lead-3 convention of news highlights) … */
const BASE_SENTENCES = 3;
/** … one more each time the article doubles beyond this many sentences … */
const BASE_ARTICLE_SENTENCES = 15;
/** … and never more than this: a summary longer than a screen stops being one. */
const MAX_AUTO_SENTENCES = 7;

/** How many sentences the automatic length picks for an article of `n` sentences. */
export function autoLength(n: number): number {
  const k =
    n <= BASE_ARTICLE_SENTENCES
      ? BASE_SENTENCES
      : BASE_SENTENCES + Math.floor(Math.log2(n / BASE_ARTICLE_SENTENCES));
  return Math.max(0, Math.min(n, MAX_AUTO_SENTENCES, k));
}

/** Sentence and word budgets implied by the options for an article of `n` sentences. */
export function resolveLength(n: number, options: SummaryOptions): { sentences: number; words: number } {
  const limits: number[] = [];
  const { maxSentences, maxWords, ratio } = options;
  if (maxSentences !== undefined && !Number.isNaN(maxSentences)) limits.push(Math.floor(maxSentences));
  if (ratio !== undefined && !Number.isNaN(ratio))
    limits.push(ratio <= 0 ? 0 : Math.max(1, Math.floor(Math.min(1, ratio) * n)));
  const words =
    maxWords === undefined || Number.isNaN(maxWords) ? Number.POSITIVE_INFINITY : Math.floor(maxWords);
  // A word budget alone still gets the automatic sentence count's upper bound lifted: the words decide.
  const sentences =
    limits.length > 0
      ? Math.min(...limits)
      : maxWords === undefined || Number.isNaN(maxWords)
        ? autoLength(n)
        : n;
  return { sentences: Math.max(0, Math.min(n, sentences)), words: Math.max(0, words) };
}

const round2 = (x: number): number => Math.round(x * 100) / 100;
const round3 = (x: number): number => Math.round(x * 1000) / 1000;
/** Column of the `title` and `centrality` features in a row of feature values. */
const TITLE_COLUMN = SUMMARY_FEATURES.indexOf('title');
const CENTRALITY_COLUMN = SUMMARY_FEATURES.indexOf('centrality');
/** Features a `why` lists at most: enough to tell position from content, short enough to read. */
const WHY_FEATURES = 3;
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** Everything about an article's sentences that does not depend on the trust layer's weights or the length. */
export type PreparedSummary = {
  readonly matrix: SummaryFeatureMatrix;
  /** Salience log-odds of each sentence (scoreSalience). */
  readonly salience: readonly number[];
  readonly trust: TrustFeatureMatrix;
  readonly sentences: number;
};

/**
 * Computes the salience and trust features of an article's sentences once (training re-scores them often).
 * With `reuseScratch` the arrays live in the module's reusable scratch (article-scratch.ts) and are valid only
 * until the next such call: for a caller that is done with them before it returns.
 */
export function prepareSummary(
  model: SummaryModel,
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  reuseScratch = false,
): PreparedSummary {
  // One buffer for the salience and the trust features (article-scratch.ts).
  const n = sentences.length;
  const chars = totalLength(sentences.map((s) => s.text));
  const scratch = createArticleScratch(
    summaryScratchBytes(n, chars) + 8 * TRUST_FEATURES.length * n,
    reuseScratch,
  );
  const matrix = extractSummaryFeatureMatrix(article, sentences, scratch);
  const salience = scoreSalience(model, matrix.values);
  const trust = extractTrustFeatures(matrix, sentences, salience, scratch);
  return { matrix, salience, trust, sentences: sentences.length };
}

/** A chosen sentence: its index and its probability rounded to 3 decimals. */
export type Pick = { readonly index: number; readonly score: number };

/**
 * The headline gate (trustScale) at or above which an opening reads as a real lede: the lede repeats at least
 * half the headline's content terms, or there is no headline to judge it by.
 */
const REAL_LEDE_GATE = 1;

/**
 * The trust layer's scale for a prepared article and a summary of `sentences` sentences, and whether that
 * summary is the lede run: at most the model's fullSentences sentences of an article whose opening reads as
 * a real lede (a lede was found among the opening sentences and the headline gate is open). The lede run
 * trusts position in full whatever share of the article the summary is: three sentences of an eight-sentence
 * news story are still its highlights, and there the faded layer let the BBC-trained salience model pick.
 */
function scaleOf(
  model: SummaryModel,
  prepared: PreparedSummary,
  sentences: number,
): { scale: TrustScale; ledeRun: boolean } {
  const width = SUMMARY_FEATURES.length;
  const scale = trustScale(model, {
    ledeTitleShare: prepared.matrix.values[prepared.trust.lede * width + TITLE_COLUMN] ?? 0,
    hasTitle: prepared.matrix.titleTerms > 0,
    budgetShare: sentences / Math.max(1, prepared.sentences),
  });
  const ledeRun =
    sentences <= model.trust.fullSentences && prepared.trust.ledeFound && scale.gate >= REAL_LEDE_GATE;
  return { scale: ledeRun ? { fade: 1, gate: scale.gate } : scale, ledeRun };
}

/**
 * Sentences of fewer than this many words are left out of the lede run: one- and two-word "sentences" are what
 * segmenting scraped news leaves of lists and broken lines ("Washington.", "New York.", "1.", "Sen."), never a
 * highlight. On the fit part of the news sets at three sentences this raised ROUGE-1 + ROUGE-2 on 5 NEWTS
 * articles and lowered it on none (SummEval and Newsroom unchanged; 4 and 0 at two sentences); a limit of 4
 * or 5 words reached a few more articles but began to lose some ("She was 52.").
 */
export const MIN_RUN_WORDS = 3;

/**
 * The lede run stops once it holds two sentences and more than this many words: news highlights run about
 * 40–55 words (SummEval's crowd-written references 39, the original CNN/DailyMail highlights 44), and when the
 * lede and the next sentence already pass 60 a third sentence mostly adds words no reference has. ROUGE F1
 * gains from a sentence only when more of its words match than half the summary's F1 so far, and a third long
 * sentence rarely does. Chosen on the fit part of the real news sets (eval/summary-lead-variants.ts, three
 * sentences, R-1 / R-2 against the run without the stop): SummEval 32.89/11.53 → 33.51/11.73 (9 articles up,
 * 4 down), its original highlights alone 41.85/19.83 → 42.46/20.42, Newsroom 22.44/9.29 → 22.66/9.32, NEWTS
 * (topic-focused references of 71 words) 35.15/13.27 → 35.00/13.18, still above Lead-3's 34.90/13.10. Of the
 * stops tried (first two over 50–75 words, all three over 70–110, a target length of 40–80), 60 gave the best
 * sum of the three sets with NEWTS at a tenth of an article's weight, as the trust layer's fit weighs them.
 */
export const RUN_STOP_WORDS = 60;

/**
 * The lede run: the lede and the sentences after it in document order, as Lead-k takes them, skipping only
 * boilerplate, fragments of fewer than MIN_RUN_WORDS words, sentences that would overflow the word budget and
 * near-copies of a sentence already taken, and stopping early once two sentences pass RUN_STOP_WORDS words.
 * Linear in the sentences walked; the near-copy check compares with at most fullSentences chosen ones.
 */
function ledeRunPicks(
  prepared: PreparedSummary,
  budget: { readonly sentences: number; readonly words: number },
  scores: readonly number[],
): Pick[] {
  const { similarity, words, boilerplate } = prepared.matrix;
  const chosen: number[] = [];
  let wordsLeft = budget.words;
  let taken = 0;
  for (let i = prepared.trust.lede; i < prepared.sentences && chosen.length < budget.sentences; i++) {
    if (chosen.length >= 2 && taken > RUN_STOP_WORDS) break;
    const w = words[i] ?? 0;
    if (boilerplate[i] === 1 || w > wordsLeft || w < MIN_RUN_WORDS) continue;
    if (chosen.some((j) => similarity(i, j) >= DUPLICATE_SIMILARITY)) continue;
    chosen.push(i);
    wordsLeft -= w;
    taken += w;
  }
  return chosen.map((index) => ({ index, score: scores[index] ?? 0 }));
}

/**
 * Picks sentences greedily by Maximal Marginal Relevance (Carbonell & Goldstein 1998) within the budgets,
 * skipping boilerplate and near-duplicates; returns them in document order. Ties go to the earlier sentence.
 */
export function pickSentences(
  model: SummaryModel,
  prepared: PreparedSummary,
  budget: { readonly sentences: number; readonly words: number },
): Pick[] {
  if (budget.sentences === 0 || budget.words === 0) return [];
  const { matrix } = prepared;
  const { similarity, words, boilerplate } = matrix;
  const { scale, ledeRun } = scaleOf(model, prepared, budget.sentences);
  // Rounded before selection so that floating-point noise cannot reorder near-ties across platforms.
  const scores = scoreSentenceLogits(model, prepared.salience, prepared.trust.values, scale).map((z) =>
    round3(sigmoid(z)),
  );
  if (ledeRun) return ledeRunPicks(prepared, budget, scores);
  const lambda = model.mmrLambda;
  const chosen: number[] = [];
  const available: number[] = [];
  for (let i = 0; i < prepared.sentences; i++) if (boilerplate[i] === 0) available.push(i);
  let wordsLeft = budget.words;
  // Each sentence's highest similarity to any chosen one, updated as sentences are chosen.
  const redundancy = new Float64Array(prepared.sentences);
  while (chosen.length < budget.sentences) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const i of available) {
      if ((words[i] ?? 0) > wordsLeft) continue;
      const r = redundancy[i] ?? 0;
      if (r >= DUPLICATE_SIMILARITY) continue;
      const value = lambda * (scores[i] ?? 0) - (1 - lambda) * r;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    available.splice(available.indexOf(best), 1);
    wordsLeft -= words[best] ?? 0;
    for (const i of available) redundancy[i] = Math.max(redundancy[i] ?? 0, similarity(i, best));
  }
  return chosen.sort((a, b) => a - b).map((index) => ({ index, score: scores[index] ?? 0 }));
}

/** Why sentence i was picked: position, lede, centrality, headline share and its top contributions. */
function explain(model: SummaryModel, prepared: PreparedSummary, scale: TrustScale, i: number): SummaryWhy {
  const width = SUMMARY_FEATURES.length;
  const values = prepared.matrix.values;
  const top = contributions(model, values, prepared.trust.values, scale, i)
    .map((c) => ({ feature: c.feature, logit: round2(c.logit) }))
    .filter((c) => c.logit > 0)
    // Array.prototype.sort is stable: equal contributions keep the features' declared order.
    .sort((a, b) => b.logit - a.logit)
    .slice(0, WHY_FEATURES);
  return {
    position: i,
    lede: i === prepared.trust.lede,
    centrality: round2(values[i * width + CENTRALITY_COLUMN] ?? 0),
    headline: round2(values[i * width + TITLE_COLUMN] ?? 0),
    top,
  };
}

/**
 * Extractive summary with a given salience model: every sentence is scored by the model over its salience
 * features (features.ts) and its trust features (trust-features.ts), then picked by pickSentences. Returns
 * the picks in document order with exact offsets (a dateline or caption label that opens a pick left out), the model's
 * probability rounded to 3 decimals and why each was picked. The model is passed in so that training can evaluate candidates.
 */
export function selectSummary(
  model: SummaryModel,
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  options: SummaryOptions = {},
): SummarySentence[] {
  const budget = resolveLength(sentences.length, options);
  if (budget.sentences === 0 || budget.words === 0) return [];
  // The module's reusable scratch: nothing carved from it outlives this call (the result is plain objects).
  const prepared = prepareSummary(model, article, sentences, true);
  const { scale } = scaleOf(model, prepared, budget.sentences);
  const out: SummarySentence[] = [];
  for (const { index, score } of pickSentences(model, prepared, budget)) {
    const s = sentences[index];
    if (s === undefined) continue;
    // A dateline ("Rome (CNN) —") or a caption label ("Jailed: ") is left out: the summary says what
    // happened, not who filed it from where or how a photo was captioned.
    const skip = furnitureLength(s.text);
    const why = explain(model, prepared, scale, index);
    out.push({ text: s.text.slice(skip), start: s.start + skip, end: s.end, score, why });
  }
  return out;
}
