import * as z from '../../zod';
import { SUMMARY_FEATURES, type SummaryFeature } from './features';

/**
 * A linear sentence-salience model: logistic regression over the named features of summary-features.ts
 * (Kupiec et al. 1995 trained a naive Bayes over the same kind of features; a logistic regression drops the
 * independence assumption). Trained by eval/train-summary.ts and shipped as lib/models/summary-weights.json.
 */
export type SummaryModel = {
  readonly bias: number;
  readonly weights: Readonly<Record<SummaryFeature, number>>;
  /**
   * Log-odds added to the first sentence on top of the learned score, fading linearly to 0 at `leadSpan`:
   * the inverted-pyramid prior of human-written news, which the machine-selected BBC references cannot
   * teach. eval/train-summary.ts picks it on the dev half of the human-highlight articles; see leadWeight
   * for when it applies in full.
   */
  readonly leadPrior: number;
  /** Sentences over which the lead prior fades to 0. */
  readonly leadSpan: number;
  /**
   * Summary length, as a share of the article's sentences, at which the lead prior has faded to 0: a
   * three-sentence highlight of a long story is its lead, a summary of 40% of the story is not.
   */
  readonly leadShareLimit: number;
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
  leadSpan: finite.check(z.minimum(1)),
  leadShareLimit: finite.check(z.gt(0), z.maximum(1)),
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

/**
 * The opener earns the full lead prior when it repeats at least this share of the headline's content terms.
 * A delayed lede (a scene, a person, a quote; the news comes paragraphs later) rarely repeats the headline:
 * on the self-written highlight set, openers of inverted-pyramid stories repeat 72% of it, delayed ledes 11%.
 */
const OPENER_TITLE_SHARE = 0.5;

/** What decides how much of the lead prior an article gets. */
export type LeadContext = {
  /** Share of the title's content terms the first sentence repeats (the `title` feature of sentence 0). */
  readonly openerTitleShare: number;
  /** Whether the article has a title with content terms; without one, the opener cannot be judged. */
  readonly hasTitle: boolean;
  /** Sentences asked for over the article's sentences. */
  readonly budgetShare: number;
};

/**
 * The lead prior an article's first sentence gets: the model's leadPrior, scaled down when the opener does
 * not repeat the headline (a delayed lede) and faded out as the summary grows towards leadShareLimit of
 * the article (a long summary is a condensed article, not its highlights).
 */
export function leadWeight(model: SummaryModel, context: LeadContext): number {
  const gate = context.hasTitle ? Math.min(1, context.openerTitleShare / OPENER_TITLE_SHARE) : 1;
  const fade = Math.max(0, 1 - context.budgetShare / model.leadShareLimit);
  return model.leadPrior * gate * fade;
}

/**
 * The salience log-odds w·x + b of every sentence, plus the lead prior `lead` (see leadWeight) fading over
 * the model's leadSpan: `features` holds one row of SUMMARY_FEATURES.length values per sentence
 * (SummaryFeatureMatrix.values), summed in feature order.
 */
export function scoreSentenceLogits(model: SummaryModel, features: Float64Array, lead: number): number[] {
  const width = SUMMARY_FEATURES.length;
  const weights = SUMMARY_FEATURES.map((name) => model.weights[name]);
  const n = Math.floor(features.length / width);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let z = model.bias + lead * Math.max(0, 1 - i / model.leadSpan);
    const row = i * width;
    for (let f = 0; f < width; f++) z += (weights[f] ?? 0) * (features[row + f] ?? 0);
    out.push(z);
  }
  return out;
}
