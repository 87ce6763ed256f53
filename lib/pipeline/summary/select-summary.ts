import type { Sentence, SummarySentence } from '../types';
import { extractSummaryFeatureMatrix, SUMMARY_FEATURES } from './features';
import { leadWeight, type SummaryModel, scoreSentenceLogits } from './model';

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

const round3 = (x: number): number => Math.round(x * 1000) / 1000;
/** Column of the `title` feature in a row of feature values. */
const TITLE_COLUMN = SUMMARY_FEATURES.indexOf('title');
const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/**
 * Extractive summary with a given salience model: every sentence is scored by the model over its features
 * (summary-features.ts), then sentences are picked greedily by Maximal Marginal Relevance (Carbonell &
 * Goldstein 1998) within the sentence and word budgets, skipping boilerplate and near-duplicates. Returns
 * the picks in document order with exact offsets and the model's probability rounded to 3 decimals. Ties go
 * to the earlier sentence; the model is passed in so that training can evaluate candidates.
 */
export function selectSummary(
  model: SummaryModel,
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  options: SummaryOptions = {},
): SummarySentence[] {
  const budget = resolveLength(sentences.length, options);
  if (budget.sentences === 0 || budget.words === 0) return [];
  const { values, similarity, words, boilerplate, titleTerms } = extractSummaryFeatureMatrix(
    article,
    sentences,
  );
  // The first row's `title` feature: how much of the headline the opener repeats.
  const lead = leadWeight(model, {
    openerTitleShare: values[TITLE_COLUMN] ?? 0,
    hasTitle: titleTerms > 0,
    budgetShare: budget.sentences / Math.max(1, sentences.length),
  });
  // Rounded before selection so that floating-point noise cannot reorder near-ties across platforms.
  const scores = scoreSentenceLogits(model, values, lead).map((z) => round3(sigmoid(z)));
  const lambda = model.mmrLambda;
  const chosen: number[] = [];
  const available: number[] = [];
  for (let i = 0; i < sentences.length; i++) if (boilerplate[i] === 0) available.push(i);
  let wordsLeft = budget.words;
  // Each sentence's highest similarity to any chosen one, updated as sentences are chosen.
  const redundancy = new Float64Array(sentences.length);
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
  const out: SummarySentence[] = [];
  for (const i of chosen.sort((a, b) => a - b)) {
    const s = sentences[i];
    if (s !== undefined) out.push({ text: s.text, start: s.start, end: s.end, score: scores[i] ?? 0 });
  }
  return out;
}
