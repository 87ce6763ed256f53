import * as z from '../../zod';
import { SUMMARY_FEATURES, type SummaryFeature } from './features';
import { HEADLINE_GATED, TRUST_FEATURES, type TrustFeature } from './trust-features';

/**
 * A linear sentence-salience model: logistic regression over the named features of features.ts
 * (Kupiec et al. 1995 trained a naive Bayes over the same kind of features; a logistic regression drops the
 * independence assumption), plus a position-trust layer over trust-features.ts that learns when news puts
 * its substance in the lede and when a lead sentence is furniture. Trained by eval/train-summary.ts and
 * shipped as lib/models/summary-weights.json.
 */
export type SummaryModel = {
  readonly bias: number;
  readonly weights: Readonly<Record<SummaryFeature, number>>;
  /**
   * Log-odds added to each sentence: trust weights times trust features (the `salience` feature is the
   * salience log-odds itself, so its weight rescales content against position). Fitted on real news with
   * human summaries at three sentences (eval/train-summary.ts). It applies in full to summaries of up to
   * `fullShare` of the article's sentences and fades out linearly to 0 at `zeroShare`: a three-sentence
   * highlight of a long story is its lede, a summary of 40% of the story is a condensed article.
   */
  readonly trust: {
    readonly weights: Readonly<Record<TrustFeature, number>>;
    readonly fullShare: number;
    readonly zeroShare: number;
    /**
     * Summaries of at most this many sentences of an article whose opening reads as a real lede are the lede
     * and the sentences after it, in order, as Lead-k takes them (whatever share of the article they are):
     * news highlights of one to three sentences are what the inverted pyramid's top already says. 0: never.
     */
    readonly fullSentences: number;
  };
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
  trust: z
    .object({
      weights: z.record(z.enum(TRUST_FEATURES), finite),
      fullShare: finite.check(z.minimum(0), z.maximum(1)),
      zeroShare: finite.check(z.minimum(0), z.maximum(1)),
      fullSentences: z.int().check(z.minimum(0)),
    })
    .check(z.refine((t) => t.fullShare < t.zeroShare, 'trust.fullShare must be below trust.zeroShare')),
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
 * The lede earns full position trust when it repeats at least this share of the headline's content terms,
 * less as the square of its share below it.
 * A delayed lede (a scene, a person, a quote; the news comes paragraphs later) rarely repeats the headline:
 * on the self-written highlight set, openers of inverted-pyramid stories repeat 72% of it, delayed ledes 11%.
 */
const LEDE_TITLE_SHARE = 0.5;

/** What decides how much of the trust layer an article gets. */
export type TrustContext = {
  /** Share of the title's content terms the detected lede repeats (its `title` feature). */
  readonly ledeTitleShare: number;
  /** Whether the article has a title with content terms; without one, the lede cannot be judged. */
  readonly hasTitle: boolean;
  /** Sentences asked for over the article's sentences. */
  readonly budgetShare: number;
};

/** How much of the trust layer applies: `fade` to all of it, `gate` on top to its position features. */
export type TrustScale = { readonly fade: number; readonly gate: number };

/**
 * The trust layer's scale for a summary: in full up to the model's fullShare of the article, then faded out
 * linearly to 0 at its zeroShare (a long summary is a condensed article, not its highlights), and its
 * position features scaled down when a headline exists that the lede does not repeat (a delayed lede).
 */
export function trustScale(model: SummaryModel, context: TrustContext): TrustScale {
  const { fullShare, zeroShare } = model.trust;
  // Squared, so that a lede repeating a tenth of the headline keeps 4% of the trust, not 20%: the trust
  // weights are large (Lead-3 from the lede), and on the self-written highlight articles the linear gate left
  // delayed ledes at ROUGE-1 33.6 against 37.1 squared (inverted-pyramid articles 43.1 either way).
  const gate = context.hasTitle ? Math.min(1, context.ledeTitleShare / LEDE_TITLE_SHARE) ** 2 : 1;
  const fade = Math.min(1, Math.max(0, (zeroShare - context.budgetShare) / (zeroShare - fullShare)));
  return { fade, gate };
}

/** One feature's share of a sentence's log-odds, for explaining a pick. */
export type Contribution = { readonly feature: SummaryFeature | TrustFeature; readonly logit: number };

/**
 * Each feature's contribution to sentence i's log-odds: salience weights times features, then the trust
 * layer's terms scaled as scoreSentenceLogits scales them (the `salience` trust term folded into nothing: it
 * rescales the salience terms, so each of them carries its share).
 */
export function contributions(
  model: SummaryModel,
  features: Float64Array,
  trust: Float64Array,
  scale: TrustScale,
  i: number,
): Contribution[] {
  const width = SUMMARY_FEATURES.length;
  const trustWidth = TRUST_FEATURES.length;
  const salienceScale = 1 + scale.fade * scale.gate * model.trust.weights.salience;
  const out: Contribution[] = SUMMARY_FEATURES.map((name, f) => ({
    feature: name,
    logit: salienceScale * model.weights[name] * (features[i * width + f] ?? 0),
  }));
  TRUST_FEATURES.forEach((name, f) => {
    if (name === 'salience') return;
    const s = scale.fade * (HEADLINE_GATED.has(name) ? scale.gate : 1);
    out.push({ feature: name, logit: s * model.trust.weights[name] * (trust[i * trustWidth + f] ?? 0) });
  });
  return out;
}

/** The salience log-odds w·x + b of every sentence: `features` holds one row of SUMMARY_FEATURES per sentence. */
export function scoreSalience(model: SummaryModel, features: Float64Array): number[] {
  const width = SUMMARY_FEATURES.length;
  const weights = SUMMARY_FEATURES.map((name) => model.weights[name]);
  const n = Math.floor(features.length / width);
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    let z = model.bias;
    const row = i * width;
    for (let f = 0; f < width; f++) z += (weights[f] ?? 0) * (features[row + f] ?? 0);
    out.push(z);
  }
  return out;
}

/**
 * The log-odds of every sentence: its salience log-odds plus the trust layer (one row of TRUST_FEATURES per
 * sentence in `trust`), scaled by `scale` (see trustScale), summed in feature order.
 */
export function scoreSentenceLogits(
  model: SummaryModel,
  salience: readonly number[],
  trust: Float64Array,
  scale: TrustScale,
): number[] {
  const width = TRUST_FEATURES.length;
  const weights = TRUST_FEATURES.map(
    (name) => model.trust.weights[name] * scale.fade * (HEADLINE_GATED.has(name) ? scale.gate : 1),
  );
  return salience.map((_, i) => {
    let z = salience[i] ?? 0;
    for (let f = 0; f < width; f++) z += (weights[f] ?? 0) * (trust[i * width + f] ?? 0);
    return z;
  });
}
