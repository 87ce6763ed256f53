import type { Claim, Sentence, SentenceScore } from './types';

export type ClaimOptions = {
  /** ISO date that relative dates resolve against. */
  readonly referenceDate: string;
  readonly referenceSource: 'published' | 'uploaded';
};

/** Scores one sentence for check-worthiness (placeholder). */
export function scoreSentence(text: string): SentenceScore {
  const score = /\d/.test(text) ? 0.7 : 0.2;
  return { text, score, checkworthy: score >= 0.5, types: /\d/.test(text) ? ['numeric'] : [] };
}

/** Lists the check-worthy claims of an article (placeholder). */
export function extractClaims(_text: string, sentences: readonly Sentence[], _options: ClaimOptions): Claim[] {
  return sentences
    .map((s) => ({ s, sc: scoreSentence(s.text) }))
    .filter(({ sc }) => sc.checkworthy)
    .map(({ s, sc }) => ({
      ...s,
      score: sc.score,
      checkworthy: true,
      types: sc.types,
      entities: [],
      numbers: [],
      dates: [],
      hedged: false,
    }));
}
