import type { Sentence, SummarySentence } from './types';

export type SummaryOptions = { readonly maxSentences?: number };

/** Extractive summary (placeholder: lead-k). */
export function summarize(
  _article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  options: SummaryOptions,
): SummarySentence[] {
  return sentences.slice(0, options.maxSentences ?? 3).map((s) => ({ ...s, score: 1 }));
}
