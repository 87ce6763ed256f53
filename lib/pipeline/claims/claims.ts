import modelJson from '../../models/checkworthy.json';
import type { Claim, Sentence, SentenceScore } from '../types';
import { findAttribution } from './attribution';
import {
  type CheckworthyFeatures,
  checkworthyFeaturesOf,
  extractCheckworthyFeatures,
  type SentenceMentions,
} from './checkworthy-features';
import { parseCheckworthyModel, predictCheckworthy } from './checkworthy-model';
import { extractFrames } from './frames';
import { isHedged } from './hedges';
import { extractDates } from './mentions/dates';
import { extractArticleEntities } from './mentions/entities';
import { extractNumbers } from './mentions/numbers';

export type ClaimOptions = {
  /** ISO date that relative dates resolve against. */
  readonly referenceDate: string;
  readonly referenceSource: 'published' | 'uploaded';
};

/**
 * A sentence is check-worthy at or above this probability. The model is trained with balanced class
 * weights, so 0.5 is the balanced decision; in ClaimBuster 5-fold CV grouped by debate (eval/claims.ts) the
 * best threshold of 0.2-0.8 (0.54) gains only 0.001 macro-F1 over it, so it is not tuned on the test folds.
 */
export const CHECKWORTHY_THRESHOLD = 0.5;

/** Validated once at module load: a malformed model file fails loudly, not silently. */
const MODEL = parseCheckworthyModel(modelJson);

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Scores one sentence for check-worthiness: a logistic-regression probability (0..1, 3 decimals) over word
 * n-grams and claim cues, trained on ClaimBuster (Arslan et al. 2020; see eval/train-checkworthy.ts).
 */
export function scoreSentence(text: string): SentenceScore {
  return scoreFeatures(text, extractCheckworthyFeatures(text));
}

function scoreFeatures(text: string, features: CheckworthyFeatures): SentenceScore {
  const score = round3(predictCheckworthy(MODEL, features));
  return { text, score, checkworthy: score >= CHECKWORTHY_THRESHOLD, types: features.types };
}

/**
 * The article's check-worthy sentences, in document order, with entities, numbers, dates (relative ones
 * resolved against `options.referenceDate`), attribution and hedging.
 */
export function extractClaims(text: string, sentences: readonly Sentence[], options: ClaimOptions): Claim[] {
  const ordered = [...sentences].sort((a, b) => a.start - b.start);
  const reference = { date: options.referenceDate, source: options.referenceSource };
  // Dates, numbers and attribution are found once per sentence, for its score and for its claim: dates are
  // resolved against the reference from the start, which changes their values but none of their spans, and
  // the score reads only their spans and count (as extractCheckworthyFeatures finds them without a reference).
  const mentions: SentenceMentions[] = ordered.map((s) => {
    const dates = extractDates(s.text, reference);
    return { dates, numbers: extractNumbers(s.text, dates), attribution: findAttribution(s.text) };
  });
  const scores = ordered.map((s, i) => {
    const found = mentions[i];
    return found === undefined
      ? scoreSentence(s.text)
      : scoreFeatures(s.text, checkworthyFeaturesOf(s.text, found));
  });
  // Entities are tagged and resolved over the whole article (a claim's "Sharaa" is named in full elsewhere),
  // but only claims keep them.
  const entities = extractArticleEntities(text, ordered);
  const claims: Claim[] = [];
  ordered.forEach((s, i) => {
    const scored = scores[i];
    const found = mentions[i];
    if (scored === undefined || found === undefined || !scored.checkworthy) return;
    const { dates, numbers, attribution } = found;
    const claimEntities = entities[i] ?? [];
    claims.push({
      text: s.text,
      start: s.start,
      end: s.end,
      score: scored.score,
      checkworthy: true,
      types: scored.types,
      entities: claimEntities,
      numbers: numbers.map((n) => n.mention),
      dates: dates.map((d) => d.mention),
      ...(attribution !== undefined ? { attribution } : {}),
      hedged: isHedged(s.text),
      frames: extractFrames({ text: s.text, offset: s.start, entities: claimEntities, dates }),
    });
  });
  return claims;
}
