/**
 * A two-stage logistic block classifier: stage 1 scores each block from its own and its neighbours'
 * shallow features (block-features.ts); stage 2 adds the stage-1 probabilities of the surrounding
 * blocks, so that a short line inside a run of article prose is kept and a long line inside a run of
 * links is dropped (the "neighbouring blocks" idea of Kohlschütter et al. 2010, stacked). The weights
 * are fitted by eval/train-boilerplate.ts and shipped as lib/models/boilerplate.json.
 */
import { blockFeatures, FEATURE_NAMES } from './block-features';

/** Context features that stage 2 adds to stage 1's. */
export const CONTEXT_NAMES: readonly string[] = ['p', 'prevP', 'nextP', 'windowP2', 'windowP5', 'runP'];

export type BlockModel = {
  readonly features: readonly string[];
  readonly stage1: readonly number[];
  readonly stage2: readonly number[];
  /** A block is article text when its stage-2 probability is at least this. */
  readonly threshold: number;
};

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export function dot(weights: readonly number[], x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i += 1) z += (weights[i] ?? 0) * (x[i] ?? 0);
  return z;
}

/** Mean of p over [i − radius, i + radius] without i, by prefix sums (linear in all). */
function windowMeans(p: readonly number[], radius: number): number[] {
  const prefix: number[] = [0];
  for (let i = 0; i < p.length; i += 1) prefix.push((prefix[i] ?? 0) + (p[i] ?? 0));
  return p.map((value, i) => {
    const lo = Math.max(0, i - radius);
    const hi = Math.min(p.length - 1, i + radius);
    const count = hi - lo;
    return count === 0 ? 0 : ((prefix[hi + 1] ?? 0) - (prefix[lo] ?? 0) - value) / count;
  });
}

/**
 * The stage-2 rows: stage-1 features plus the stage-1 probabilities around each block. `runP`: the
 * mean probability of the block's run of consecutive blocks on the same side of 0.5.
 */
export function contextRows(rows: readonly (readonly number[])[], p: readonly number[]): number[][] {
  const w2 = windowMeans(p, 2);
  const w5 = windowMeans(p, 5);
  const runMean: number[] = new Array<number>(p.length).fill(0);
  let start = 0;
  for (let i = 1; i <= p.length; i += 1) {
    if (i === p.length || (p[i] ?? 0) >= 0.5 !== (p[start] ?? 0) >= 0.5) {
      let sum = 0;
      for (let j = start; j < i; j += 1) sum += p[j] ?? 0;
      for (let j = start; j < i; j += 1) runMean[j] = sum / (i - start);
      start = i;
    }
  }
  return rows.map((row, i) => [
    ...row,
    p[i] ?? 0,
    p[i - 1] ?? 0,
    p[i + 1] ?? 0,
    w2[i] ?? 0,
    w5[i] ?? 0,
    runMean[i] ?? 0,
  ]);
}

/** The probability that each block is article text (headline or body). */
export function blockProbabilities(blocks: readonly string[], model: BlockModel): number[] {
  const rows = blockFeatures(blocks);
  const p1 = rows.map((row) => sigmoid(dot(model.stage1, row)));
  return contextRows(rows, p1).map((row) => sigmoid(dot(model.stage2, row)));
}

/** Checks a model file against the features this code computes. */
export function parseBlockModel(json: unknown): BlockModel {
  const model = json as BlockModel;
  const names = model?.features;
  if (
    !Array.isArray(names) ||
    names.length !== FEATURE_NAMES.length ||
    names.some((name, i) => name !== FEATURE_NAMES[i]) ||
    model.stage1?.length !== FEATURE_NAMES.length ||
    model.stage2?.length !== FEATURE_NAMES.length + CONTEXT_NAMES.length ||
    typeof model.threshold !== 'number'
  )
    throw new Error(
      'lib/models/boilerplate.json does not match the block features; run npm run train:boilerplate',
    );
  return model;
}
