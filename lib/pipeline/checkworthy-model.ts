import {
  type CheckworthyFeatures,
  DENSE_FEATURES,
  type DenseFeature,
  HASH_BITS,
} from './checkworthy-features';

/** A logistic-regression check-worthiness model over hashed n-grams and named dense features. */
export type CheckworthyModel = {
  readonly hashBits: number;
  readonly bias: number;
  readonly dense: ReadonlyMap<DenseFeature, number>;
  /** Weights of the n-gram slots the model kept (the rest are 0). */
  readonly hashed: ReadonlyMap<number, number>;
};

/** The model file does not have the shape this code expects. */
export class CheckworthyModelError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'CheckworthyModelError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Validates a parsed model file (lib/models/checkworthy.json) without trusting its type. */
export function parseCheckworthyModel(raw: unknown): CheckworthyModel {
  if (!isRecord(raw)) throw new CheckworthyModelError('model is not an object');
  const { hashBits, bias, dense, hashed } = raw;
  if (hashBits !== HASH_BITS)
    throw new CheckworthyModelError(`model hashBits ${String(hashBits)} != ${HASH_BITS}`);
  if (!isNumber(bias)) throw new CheckworthyModelError('model bias is not a number');
  const { slots, weights: slotWeights } = isRecord(hashed)
    ? hashed
    : { slots: undefined, weights: undefined };
  if (
    !Array.isArray(slots) ||
    !Array.isArray(slotWeights) ||
    slots.length !== slotWeights.length ||
    !slots.every((s) => Number.isInteger(s) && s >= 0 && s < 1 << HASH_BITS) ||
    !slotWeights.every(isNumber)
  ) {
    throw new CheckworthyModelError('model hashed weights are missing or malformed');
  }
  const table = new Map<number, number>();
  slots.forEach((slot, i) => {
    const w = slotWeights[i];
    if (isNumber(slot) && isNumber(w)) table.set(slot, w);
  });
  if (!isRecord(dense)) throw new CheckworthyModelError('model dense weights are missing');
  const weights = new Map<DenseFeature, number>();
  for (const name of DENSE_FEATURES) {
    const w = dense[name];
    if (!isNumber(w)) throw new CheckworthyModelError(`model has no weight for feature "${name}"`);
    weights.set(name, w);
  }
  return { hashBits, bias, dense: weights, hashed: table };
}

/** The linear score w·x + b (log-odds) of a feature vector. */
export function scoreLogit(model: CheckworthyModel, features: CheckworthyFeatures): number {
  let z = model.bias;
  for (const [slot, v] of features.hashed) z += (model.hashed.get(slot) ?? 0) * v;
  for (const name of DENSE_FEATURES) z += (model.dense.get(name) ?? 0) * features.dense[name];
  return z;
}

/** Probability that a sentence is check-worthy (logistic function of the logit). */
export function predictCheckworthy(model: CheckworthyModel, features: CheckworthyFeatures): number {
  return 1 / (1 + Math.exp(-scoreLogit(model, features)));
}
