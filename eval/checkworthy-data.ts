/**
 * Loading and cross-validating the ClaimBuster crowdsourced set (Arslan et al., ICWSM 2020) for the
 * check-worthiness model; shared by eval/train-checkworthy.ts and eval/claims.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  type CheckworthyFeatures,
  DENSE_FEATURES,
  extractCheckworthyFeatures,
  HASH_BITS,
} from '../lib/pipeline/checkworthy-features';

export const CLAIMBUSTER_CSV = resolve(import.meta.dirname, '../../shared/data/claimbuster/crowdsourced.csv');

export type Example = {
  readonly text: string;
  readonly label: 0 | 1;
  readonly features: CheckworthyFeatures;
};

/** RFC 4180 CSV rows (quoted fields may hold commas, doubled quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Examples from crowdsourced.csv: positive = Verdict 1 (check-worthy factual), negative = -1 and 0. */
export function loadClaimBuster(path = CLAIMBUSTER_CSV): Example[] | undefined {
  if (!existsSync(path)) return undefined;
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8'));
  if (header === undefined) return [];
  const textCol = header.indexOf('Text');
  const verdictCol = header.indexOf('Verdict');
  if (textCol < 0 || verdictCol < 0) throw new Error(`unexpected header: ${header.join(',')}`);
  const out: Example[] = [];
  for (const r of rows) {
    const text = r[textCol]?.trim() ?? '';
    const verdict = r[verdictCol]?.trim();
    if (text === '' || verdict === undefined || verdict === '') continue;
    out.push({ text, label: verdict === '1' ? 1 : 0, features: extractCheckworthyFeatures(text) });
  }
  return out;
}

/** Mulberry32 PRNG: a fixed seed makes folds and SGD order reproducible. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], rand: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a !== undefined && b !== undefined) {
      items[i] = b;
      items[j] = a;
    }
  }
  return items;
}

/** Stratified k-fold assignment: fold index per example, classes spread evenly. */
export function stratifiedFolds(labels: readonly (0 | 1)[], k: number, seed: number): number[] {
  const rand = mulberry32(seed);
  const folds = new Array<number>(labels.length).fill(0);
  for (const cls of [0, 1] as const) {
    const idx = shuffle(
      labels.flatMap((l, i) => (l === cls ? [i] : [])),
      rand,
    );
    idx.forEach((i, n) => {
      folds[i] = n % k;
    });
  }
  return folds;
}

export type TrainedWeights = { bias: number; dense: number[]; hashed: Float64Array };

/** Hyper-parameters of the logistic regression. */
export type TrainOptions = {
  readonly epochs: number;
  readonly learningRate: number;
  readonly l2: number;
  readonly seed: number;
};

/**
 * L2-regularised logistic regression trained by SGD with AdaGrad step sizes (Duchi et al. 2011), classes
 * weighted inversely to their frequency so that the 0.5 threshold sits near the balanced decision.
 */
export function trainLogistic(examples: readonly Example[], options: TrainOptions): TrainedWeights {
  const size = 1 << HASH_BITS;
  const w: TrainedWeights = {
    bias: 0,
    dense: new Array<number>(DENSE_FEATURES.length).fill(0),
    hashed: new Float64Array(size),
  };
  const gHashed = new Float64Array(size);
  const gDense = new Array<number>(DENSE_FEATURES.length).fill(0);
  let gBias = 0;
  const pos = examples.filter((e) => e.label === 1).length;
  const neg = examples.length - pos;
  const weightOf = (label: 0 | 1): number =>
    label === 1 ? examples.length / (2 * Math.max(1, pos)) : examples.length / (2 * Math.max(1, neg));
  const order = examples.map((_, i) => i);
  const rand = mulberry32(options.seed);
  const eps = 1e-8;
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    shuffle(order, rand);
    for (const i of order) {
      const e = examples[i];
      if (e === undefined) continue;
      let z = w.bias;
      for (const [slot, v] of e.features.hashed) z += (w.hashed[slot] ?? 0) * v;
      DENSE_FEATURES.forEach((name, d) => {
        z += (w.dense[d] ?? 0) * e.features.dense[name];
      });
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - e.label) * weightOf(e.label);
      for (const [slot, v] of e.features.hashed) {
        const grad = g * v + options.l2 * (w.hashed[slot] ?? 0);
        gHashed[slot] = (gHashed[slot] ?? 0) + grad * grad;
        w.hashed[slot] =
          (w.hashed[slot] ?? 0) - (options.learningRate * grad) / Math.sqrt((gHashed[slot] ?? 0) + eps);
      }
      DENSE_FEATURES.forEach((name, d) => {
        const grad = g * e.features.dense[name] + options.l2 * (w.dense[d] ?? 0);
        gDense[d] = (gDense[d] ?? 0) + grad * grad;
        w.dense[d] = (w.dense[d] ?? 0) - (options.learningRate * grad) / Math.sqrt((gDense[d] ?? 0) + eps);
      });
      gBias += g * g;
      w.bias -= (options.learningRate * g) / Math.sqrt(gBias + eps);
    }
  }
  return w;
}

/** Probability under raw trained weights (same arithmetic as lib/pipeline/checkworthy-model.ts). */
export function predictRaw(w: TrainedWeights, f: CheckworthyFeatures): number {
  let z = w.bias;
  for (const [slot, v] of f.hashed) z += (w.hashed[slot] ?? 0) * v;
  DENSE_FEATURES.forEach((name, d) => {
    z += (w.dense[d] ?? 0) * f.dense[name];
  });
  return 1 / (1 + Math.exp(-z));
}

export type BinaryMetrics = {
  precision: number;
  recall: number;
  f1: number;
  macroF1: number;
  accuracy: number;
};

/** Precision/recall/F1 of the positive class, macro-F1 over both classes, accuracy. */
export function binaryMetrics(labels: readonly (0 | 1)[], predicted: readonly (0 | 1)[]): BinaryMetrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  labels.forEach((l, i) => {
    const p = predicted[i];
    if (l === 1 && p === 1) tp++;
    else if (l === 0 && p === 1) fp++;
    else if (l === 1 && p === 0) fn++;
    else tn++;
  });
  const f = (a: number, b: number, c: number): { p: number; r: number; f: number } => {
    const p = a + b === 0 ? 0 : a / (a + b);
    const r = a + c === 0 ? 0 : a / (a + c);
    return { p, r, f: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
  };
  const posM = f(tp, fp, fn);
  const negM = f(tn, fn, fp);
  return {
    precision: posM.p,
    recall: posM.r,
    f1: posM.f,
    macroF1: (posM.f + negM.f) / 2,
    accuracy: (tp + tn) / Math.max(1, labels.length),
  };
}

/** Default hyper-parameters; chosen by 5-fold CV on ClaimBuster among a handful of settings. */
export const TRAIN_OPTIONS: TrainOptions = { epochs: 10, learningRate: 0.2, l2: 1e-5, seed: 20240501 };
/** n-gram weights kept in the shipped model (largest |w|): keeps lib/models/checkworthy.json < 300 KB. */
export const KEEP_WEIGHTS = 14_000;
/** Decimals kept per weight: finer steps do not change any decision at the 3-decimal score precision. */
const WEIGHT_DECIMALS = 3;

const roundTo = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;

/** Keeps the KEEP_WEIGHTS largest n-gram weights (ties by slot), rounded, as the shipped model does. */
export function pruneWeights(w: TrainedWeights, keep = KEEP_WEIGHTS): TrainedWeights {
  const ranked = [...w.hashed.keys()]
    .filter((slot) => roundTo(w.hashed[slot] ?? 0, WEIGHT_DECIMALS) !== 0)
    .sort((a, b) => Math.abs(w.hashed[b] ?? 0) - Math.abs(w.hashed[a] ?? 0) || a - b)
    .slice(0, keep);
  const hashed = new Float64Array(w.hashed.length);
  for (const slot of ranked) hashed[slot] = roundTo(w.hashed[slot] ?? 0, WEIGHT_DECIMALS);
  return {
    bias: roundTo(w.bias, WEIGHT_DECIMALS),
    dense: w.dense.map((x) => roundTo(x, WEIGHT_DECIMALS)),
    hashed,
  };
}

/** The JSON document lib/pipeline/checkworthy-model.ts reads. */
export function toModelJson(w: TrainedWeights): object {
  const slots: number[] = [];
  const weights: number[] = [];
  w.hashed.forEach((v, slot) => {
    if (v !== 0) {
      slots.push(slot);
      weights.push(v);
    }
  });
  const dense: Record<string, number> = {};
  DENSE_FEATURES.forEach((name, d) => {
    dense[name] = w.dense[d] ?? 0;
  });
  return { hashBits: HASH_BITS, bias: w.bias, dense, hashed: { slots, weights } };
}
export const CV_FOLDS = 5;
export const CV_SEED = 7;

/** Out-of-fold probabilities for every example under stratified k-fold CV. */
export function crossValidate(examples: readonly Example[], options: TrainOptions = TRAIN_OPTIONS): number[] {
  const folds = stratifiedFolds(
    examples.map((e) => e.label),
    CV_FOLDS,
    CV_SEED,
  );
  const probs = new Array<number>(examples.length).fill(0);
  for (let k = 0; k < CV_FOLDS; k++) {
    const w = pruneWeights(
      trainLogistic(
        examples.filter((_, i) => folds[i] !== k),
        options,
      ),
    );
    examples.forEach((e, i) => {
      if (folds[i] === k) probs[i] = predictRaw(w, e.features);
    });
  }
  return probs;
}
