import modelJson from '../../models/summary-weights.json';
import type { Sentence, SummarySentence } from '../types';
import { parseSummaryModel } from './model';
import { resolveLength, type SummaryOptions, selectSummary } from './select-summary';

export { autoLength, type SummaryOptions } from './select-summary';

/**
 * The shipped model (eval/train-summary.ts: salience on the BBC training split, position trust on the fit part
 * of the real news sets), validated once at module load: a malformed model file fails loudly, not silently.
 */
const MODEL = parseSummaryModel(modelJson);

/**
 * Sentences the model ranks at most. Centrality is quadratic in the sentences compared; 400 covers
 * every BBC article (the longest has 248) unchanged, while a 100,000-word document (~5,000 sentences)
 * stays well under a second instead of ten.
 */
export const MAX_SUMMARY_CANDIDATES = 400;

/** Sentences always kept as candidates from the top of a long document: news puts its substance first. */
const LEAD_CANDIDATES = 150;

/**
 * The candidate sentences of a long document: its lead, then an evenly spaced sample of the rest,
 * in document order (deterministic).
 */
function candidateSentences(sentences: readonly Sentence[]): readonly Sentence[] {
  if (sentences.length <= MAX_SUMMARY_CANDIDATES) return sentences;
  const rest = sentences.length - LEAD_CANDIDATES;
  const samples = MAX_SUMMARY_CANDIDATES - LEAD_CANDIDATES;
  const out = sentences.slice(0, LEAD_CANDIDATES);
  for (let k = 0; k < samples; k++) {
    const s = sentences[LEAD_CANDIDATES + Math.floor((k * rest) / samples)];
    if (s !== undefined) out.push(s);
  }
  return out;
}

/**
 * Extractive summary: a logistic-regression salience model over LexRank centrality (Erkan & Radev 2004),
 * centroid similarity, term frequency, title overlap, lead and paragraph position, length and sentence
 * quality, plus a position-trust layer for short summaries of news (the detected lede and the sentences after
 * it, furniture such as captions and teaser questions; trust-features.ts), then MMR selection (Carbonell &
 * Goldstein 1998) within `maxSentences`, `maxWords` and `ratio`. Sentences come back in document order with
 * exact offsets, a 0..1 score rounded to 3 decimals and why each was picked; without limits the length grows
 * slowly with the article (3 sentences for short ones, at most 7). Documents longer than
 * MAX_SUMMARY_CANDIDATES sentences are summarised from their lead and an even sample.
 */
export function summarize(
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  options: SummaryOptions = {},
): SummarySentence[] {
  const candidates = candidateSentences(sentences);
  if (candidates === sentences) return selectSummary(MODEL, article, sentences, options);
  // The length is the whole document's (a ratio of 5,000 sentences, not of 400).
  const budget = resolveLength(sentences.length, options);
  return selectSummary(MODEL, article, candidates, {
    maxSentences: budget.sentences,
    maxWords: budget.words,
  });
}
