import * as z from '../zod';
import { SUMMARY_FEATURES, type SummaryFeature } from './summary-features';

/**
 * A linear sentence-salience model: logistic regression over the named features of summary-features.ts
 * (Kupiec et al. 1995 trained a naive Bayes over the same kind of features; a logistic regression drops the
 * independence assumption). Trained by eval/train-summary.ts and shipped as lib/models/summary-weights.json.
 */
export type SummaryModel = {
  readonly bias: number;
  readonly weights: Readonly<Record<SummaryFeature, number>>;
  /**
   * Log-odds added to the lead sentences on top of the learned score (full for the first sentence, fading to
   * 0 at LEAD_SPAN). Not learned: it is the inverted-pyramid prior of human-written news, which the machine-
   * selected BBC references under-reward; eval/train-summary.ts sets it and eval/summary.ts shows its cost.
   */
  readonly leadPrior: number;
  /** MMR trade-off between salience and novelty (Carbonell & Goldstein 1998), tuned on the training split. */
  readonly mmrLambda: number;
};

/** The model file does not have the shape this code expects. */
export class SummaryModelError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'SummaryModelError';
  }
}

/** zod 4 numbers reject NaN and ±Infinity, so every weight is finite (`.finite()` was a no-op). */
const finite = z.number();

const ModelSchema = z.object({
  bias: finite,
  // An enum-keyed record is exhaustive in zod 4: a missing feature weight is an error, not a silent 0.
  weights: z.record(z.enum(SUMMARY_FEATURES), finite),
  leadPrior: finite.check(z.minimum(0)),
  mmrLambda: finite.check(z.minimum(0), z.maximum(1)),
});

/** Validates a parsed model file without trusting its type; throws SummaryModelError when malformed. */
export function parseSummaryModel(raw: unknown): SummaryModel {
  const parsed = ModelSchema.safeParse(raw);
  if (!parsed.success)
    throw new SummaryModelError(`summary model is malformed: ${parsed.error.message}`, {
      cause: parsed.error,
    });
  return parsed.data;
}

/** The lead prior fades linearly to 0 over this many sentences: Lead-3 is the news convention. */
const LEAD_SPAN = 3;

/**
 * The salience log-odds w·x + b of every sentence, plus the lead prior: `features` holds one row of
 * SUMMARY_FEATURES.length values per sentence (SummaryFeatureMatrix.values), summed in feature order.
 */
export function scoreSentenceLogits(model: SummaryModel, features: Float64Array): number[] {
  const width = SUMMARY_FEATURES.length;
  const weights = SUMMARY_FEATURES.map((name) => model.weights[name]);
  const n = Math.floor(features.length / width);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let z = model.bias + model.leadPrior * Math.max(0, 1 - i / LEAD_SPAN);
    const row = i * width;
    for (let f = 0; f < width; f++) z += (weights[f] ?? 0) * (features[row + f] ?? 0);
    out.push(z);
  }
  return out;
}
