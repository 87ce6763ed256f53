/** The shape of a human-highlight article (eval/summary-highlights.ts and the sets in this folder). */
export type HighlightItem = {
  readonly title: string;
  /** Paragraphs separated by a blank line. */
  readonly text: string;
  /** The human highlights, one sentence each. */
  readonly highlights: readonly string[];
  /**
   * 'delayed' when the article opens with a scene, a person or background and holds the main news until
   * paragraph 2–5 (feature style); absent for the inverted pyramid, where the lead carries the news.
   */
  readonly lede?: 'delayed';
};

/** An article body from its paragraphs, separated by a blank line as the pipeline reads them. */
export const p = (...paragraphs: readonly string[]): string => paragraphs.join('\n\n');
