/** summary: extractive summaries, sentences scored by a trained model over centrality, headline, lede and position-trust features. */
export type { SummaryOptions } from './select-summary';
export { summarize } from './summarize';
