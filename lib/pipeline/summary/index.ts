/** summary: extractive summaries, sentences scored by a trained model over position, centrality and headline features. */
export type { SummaryOptions } from './select-summary';
export { summarize } from './summarize';
