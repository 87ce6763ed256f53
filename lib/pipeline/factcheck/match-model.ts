import * as z from '../../zod';
import { type FeatureVector, RERANK_FEATURES, type RerankFeature } from './rerank-features';
import { BACKGROUND_ENCODING, type Background, decodeBackground, type PackedBackground } from './term-rarity';

/**
 * The re-ranker: a linear model over the features of a (query, fact-check) pair, trained pairwise on
 * CheckThat! 2022 2A train (RankNet's logistic loss on feature differences, Burges et al., ICML 2005), and a
 * Platt scaling of its score (Platt 1999) fitted on dev, so that `score` reads as the probability that the
 * fact-check checks the query's claim. eval/train-match.ts writes it to lib/models/factcheck-match.json.
 */
export type MatchModel = {
  /** First-stage candidates re-ranked per query. */
  readonly candidates: number;
  readonly weights: Readonly<Record<RerankFeature, number>>;
  /** Probability = 1 / (1 + exp(-(slope · score + intercept))). */
  readonly calibration: { readonly slope: number; readonly intercept: number };
  /** A fact-check is a match at this probability or above (chosen on dev; see eval/train-match.ts). */
  readonly threshold: number;
  /** Term counts of the training library, blended with the library's own (see term-rarity.ts). */
  readonly background: Background;
};

/** The model file does not have the shape this code expects. */
export class MatchModelError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'MatchModelError';
  }
}

const finite = z.number().check(z.refine(Number.isFinite, 'must be a finite number'));

const modelSchema = z.object({
  candidates: z.int().check(z.minimum(1), z.maximum(1000)),
  weights: z.record(z.string(), finite),
  calibration: z.object({ slope: finite, intercept: finite }),
  threshold: finite.check(z.minimum(0), z.maximum(1)),
  background: z.object({
    documents: z.int().check(z.minimum(0)),
    encoding: z.literal(BACKGROUND_ENCODING),
    data: z.string(),
  }),
});

/** Validates a parsed model file; every feature must have a weight. */
export function parseMatchModel(raw: unknown): MatchModel {
  const parsed = z.safeParse(modelSchema, raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new MatchModelError(
      `fact-check match model: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`,
    );
  }
  const weights = {} as Record<RerankFeature, number>;
  for (const name of RERANK_FEATURES) {
    const w = parsed.data.weights[name];
    if (w === undefined)
      throw new MatchModelError(`fact-check match model has no weight for feature "${name}"`);
    weights[name] = w;
  }
  const df = decodeBackground(parsed.data.background.data);
  if (df === undefined) throw new MatchModelError('fact-check match model: background counts are malformed');
  return { ...parsed.data, weights, background: { documents: parsed.data.background.documents, df } };
}

/** The JSON form of a model (what lib/models/factcheck-match.json holds), with its background encoded (encodeBackground). */
export function toModelJson(model: MatchModel, packed: PackedBackground): unknown {
  const { background, ...rest } = model;
  return { ...rest, background: { documents: background.documents, ...packed } };
}

/** The linear score w·x of a feature vector (the ranking score; no intercept, as pairwise training has none). */
export function scoreLinear(model: Pick<MatchModel, 'weights'>, features: FeatureVector): number {
  let z = 0;
  for (const name of RERANK_FEATURES) z += model.weights[name] * features[name];
  return z;
}

/** The calibrated probability of a ranking score. */
export function calibrate(model: Pick<MatchModel, 'calibration'>, score: number): number {
  const { slope, intercept } = model.calibration;
  return 1 / (1 + Math.exp(-(slope * score + intercept)));
}
