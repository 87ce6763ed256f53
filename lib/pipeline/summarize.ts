import modelJson from '../models/summary-weights.json';
import { type SummaryOptions, selectSummary } from './select-summary';
import { parseSummaryModel } from './summary-model';
import type { Sentence, SummarySentence } from './types';

export { autoLength, type SummaryOptions } from './select-summary';

/**
 * The shipped salience model (trained by eval/train-summary.ts on the BBC training split), validated once at
 * module load: a malformed model file fails loudly, not silently.
 */
const MODEL = parseSummaryModel(modelJson);

/**
 * Extractive summary: a logistic-regression salience model over LexRank centrality (Erkan & Radev 2004),
 * centroid similarity, term frequency, title overlap, lead and paragraph position, length and sentence
 * quality, then MMR selection (Carbonell & Goldstein 1998) within `maxSentences`, `maxWords` and `ratio`.
 * Sentences come back in document order with exact offsets and a 0..1 score rounded to 3 decimals; without
 * limits the length grows slowly with the article (3 sentences for short ones, at most 7).
 */
export function summarize(
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  options: SummaryOptions = {},
): SummarySentence[] {
  return selectSummary(MODEL, article, sentences, options);
}
