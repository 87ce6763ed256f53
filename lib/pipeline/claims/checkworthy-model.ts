import { packModelBytes, unpackModelBytes } from '../model-bytes';
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
  /** Weight of every n-gram slot (0 where the model kept none): an array lookup on the hot path. */
  readonly hashed: Float64Array;
  /** How many slots have a weight. */
  readonly hashedCount: number;
};

/**
 * The compact encoding of the kept n-gram weights: per slot in ascending order, the gap to the
 * previous slot and the weight in thousandths (the trainer rounds to 3 decimals, so this is exact),
 * each as a LEB128 varint (the weight zigzag-encoded), then brotli and base64 (lib/pipeline/model-bytes.ts).
 * The varints alone are about a third of the size of JSON arrays, brotli takes them to 58%, and it all decodes
 * in a few milliseconds: bundle size and cold start.
 */
export const COMPACT_ENCODING = 'gap-varint+milli-zigzag-varint/brotli/base64';

/** Weights are stored in thousandths. */
const WEIGHT_SCALE = 1000;

/** Encodes kept slots (ascending) and their weights in the compact form. */
export function encodeHashedWeights(slots: readonly number[], weights: readonly number[]): string {
  const bytes: number[] = [];
  const varint = (value: number) => {
    let v = value;
    while (v >= 0x80) {
      bytes.push((v & 0x7f) | 0x80);
      v = Math.floor(v / 128);
    }
    bytes.push(v);
  };
  let previous = 0;
  slots.forEach((slot, i) => {
    varint(slot - previous);
    previous = slot;
    const milli = Math.round((weights[i] ?? 0) * WEIGHT_SCALE);
    varint(milli >= 0 ? milli * 2 : -milli * 2 - 1);
  });
  return packModelBytes(Uint8Array.from(bytes));
}

/** Decodes the compact form into a slot table; undefined when the data is malformed. */
function decodeHashedWeights(data: string, count: number, size: number): Float64Array | undefined {
  const bytes = unpackModelBytes(data);
  if (bytes === undefined) return undefined;
  const table = new Float64Array(size);
  let at = 0;
  const varint = (): number | undefined => {
    let value = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) return undefined;
      value += (byte & 0x7f) * scale;
      if (byte < 0x80) return value;
      scale *= 128;
    }
  };
  let slot = 0;
  for (let i = 0; i < count; i++) {
    const gap = varint();
    const zigzag = varint();
    if (gap === undefined || zigzag === undefined) return undefined;
    slot += gap;
    if (slot >= size) return undefined;
    table[slot] = (zigzag % 2 === 0 ? zigzag / 2 : -(zigzag + 1) / 2) / WEIGHT_SCALE;
  }
  return at === bytes.length ? table : undefined;
}

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
  const size = 1 << HASH_BITS;
  let table: Float64Array | undefined;
  let hashedCount = 0;
  if (isRecord(hashed) && hashed.encoding === COMPACT_ENCODING) {
    const { count, data } = hashed;
    if (Number.isInteger(count) && typeof count === 'number' && typeof data === 'string') {
      table = decodeHashedWeights(data, count, size);
      hashedCount = count;
    }
  } else {
    // The plain form {slots, weights}, as small test models are written.
    const { slots, weights: slotWeights } = isRecord(hashed)
      ? hashed
      : { slots: undefined, weights: undefined };
    if (
      Array.isArray(slots) &&
      Array.isArray(slotWeights) &&
      slots.length === slotWeights.length &&
      slots.every((s) => Number.isInteger(s) && s >= 0 && s < size) &&
      slotWeights.every(isNumber)
    ) {
      table = new Float64Array(size);
      slots.forEach((slot, i) => {
        const w = slotWeights[i];
        if (isNumber(slot) && isNumber(w) && table) table[slot] = w;
      });
      hashedCount = slots.length;
    }
  }
  if (table === undefined) throw new CheckworthyModelError('model hashed weights are missing or malformed');
  if (!isRecord(dense)) throw new CheckworthyModelError('model dense weights are missing');
  const weights = new Map<DenseFeature, number>();
  for (const name of DENSE_FEATURES) {
    const w = dense[name];
    if (!isNumber(w)) throw new CheckworthyModelError(`model has no weight for feature "${name}"`);
    weights.set(name, w);
  }
  return { hashBits, bias, dense: weights, hashed: table, hashedCount };
}

/** The linear score w·x + b (log-odds) of a feature vector. */
export function scoreLogit(model: CheckworthyModel, features: CheckworthyFeatures): number {
  let z = model.bias;
  for (const [slot, v] of features.hashed) z += (model.hashed[slot] ?? 0) * v;
  for (const name of DENSE_FEATURES) z += (model.dense.get(name) ?? 0) * features.dense[name];
  return z;
}

/** Probability that a sentence is check-worthy (logistic function of the logit). */
export function predictCheckworthy(model: CheckworthyModel, features: CheckworthyFeatures): number {
  return 1 / (1 + Math.exp(-scoreLogit(model, features)));
}
