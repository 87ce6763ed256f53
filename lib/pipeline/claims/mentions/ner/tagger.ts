import type { SentenceFeatures } from './features';
import { LABEL_COUNT, NER_LABELS, type NerModel, type PackedWeights } from './model';

/** An entity span over token indices [start, end) with its CoNLL type. */
export type TokenSpan = {
  readonly start: number;
  readonly end: number;
  readonly type: 'PER' | 'ORG' | 'LOC' | 'MISC';
};

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Bits set in a 32-bit word. */
function popcount(word: number): number {
  let x = word - ((word >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/**
 * modelEmissions over packed weights: a slot without weights is skipped (adding zeros changes no score), a
 * slot with weights is read at its rank. The weights are whole numbers of steps, so every sum is exact in a
 * float and equals the dense table's.
 */
function packedEmissions(
  packed: PackedWeights,
  hashBits: number,
  features: SentenceFeatures,
  scores = new Float32Array((features.offsets.length - 1) * LABEL_COUNT),
): Float32Array {
  const mask = (1 << hashBits) - 1;
  const { index, rows } = packed;
  const { hashes, offsets } = features;
  const n = offsets.length - 1;
  // LABEL_COUNT is 9 (the order of NER_LABELS is part of the model file): one integer sum per label, kept in
  // locals rather than read and written back in the float array once per feature.
  for (let i = 0; i < n; i++) {
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    let s8 = 0;
    const last = offsets[i + 1] ?? 0;
    for (let f = offsets[i] ?? 0; f < last; f++) {
      const slot = (hashes[f] ?? 0) & mask;
      const word = (slot >>> 5) << 1;
      const bits = index[word] ?? 0;
      const bit = slot & 31;
      if (((bits >>> bit) & 1) === 0) continue;
      const base = ((index[word + 1] ?? 0) + (bit === 0 ? 0 : popcount(bits << (32 - bit)))) * 9;
      s0 += rows[base] ?? 0;
      s1 += rows[base + 1] ?? 0;
      s2 += rows[base + 2] ?? 0;
      s3 += rows[base + 3] ?? 0;
      s4 += rows[base + 4] ?? 0;
      s5 += rows[base + 5] ?? 0;
      s6 += rows[base + 6] ?? 0;
      s7 += rows[base + 7] ?? 0;
      s8 += rows[base + 8] ?? 0;
    }
    const at = i * 9;
    scores[at] = s0;
    scores[at + 1] = s1;
    scores[at + 2] = s2;
    scores[at + 3] = s3;
    scores[at + 4] = s4;
    scores[at + 5] = s5;
    scores[at + 6] = s6;
    scores[at + 7] = s7;
    scores[at + 8] = s8;
  }
  return scores;
}

/** Emission scores, LABEL_COUNT per token, from a model: one row of weights per feature hash. */
export function modelEmissions(model: NerModel, features: SentenceFeatures): Float32Array {
  if (model.packed !== undefined && LABEL_COUNT === 9)
    return packedEmissions(model.packed, model.hashBits, features);
  const mask = (1 << model.hashBits) - 1;
  const { weights } = model;
  const { hashes, offsets } = features;
  const n = offsets.length - 1;
  const scores = new Float32Array(n * LABEL_COUNT);
  for (let i = 0; i < n; i++) {
    const at = i * LABEL_COUNT;
    const last = offsets[i + 1] ?? 0;
    for (let f = offsets[i] ?? 0; f < last; f++) {
      const base = ((hashes[f] ?? 0) & mask) * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) scores[at + y] = (scores[at + y] ?? 0) + (weights[base + y] ?? 0);
    }
  }
  return scores;
}

/**
 * Scratch arrays of the tagger, reused from sentence to sentence (allocating typed arrays per sentence cost
 * more than the work in them). Each call overwrites what it reads before reading it, and nothing keeps them.
 */
let scratchEmissions = new Float32Array(64 * LABEL_COUNT);
let scratchBack = new Uint8Array(64 * LABEL_COUNT);
const scratchBest = new Float64Array(LABEL_COUNT);
const scratchNext = new Float64Array(LABEL_COUNT);

/** Label indices of a sentence's features under a model: emissions, then viterbi. */
export function tagFeatures(model: NerModel, features: SentenceFeatures): Uint8Array {
  const n = features.offsets.length - 1;
  if (n <= 0) return new Uint8Array(0);
  if (model.packed === undefined || LABEL_COUNT !== 9)
    return viterbi(modelEmissions(model, features), model.transitions, n);
  if (scratchEmissions.length < n * LABEL_COUNT) scratchEmissions = new Float32Array(n * LABEL_COUNT * 2);
  return viterbi(
    packedEmissions(model.packed, model.hashBits, features, scratchEmissions),
    model.transitions,
    n,
  );
}

/**
 * The best label sequence under emission and constrained transition scores (constrainTransitions): first-order
 * Viterbi, linear in the number of tokens. transitions[LABEL_COUNT * LABEL_COUNT + y] scores a sentence
 * starting with y.
 */
export function viterbi(emissions: Float32Array, transitions: Float64Array, n: number): Uint8Array {
  const L = LABEL_COUNT;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  if (scratchBack.length < n * L) scratchBack = new Uint8Array(n * L * 2);
  const back = scratchBack;
  let best = scratchBest;
  let next = scratchNext;
  for (let y = 0; y < L; y++) best[y] = (emissions[y] ?? 0) + (transitions[L * L + y] ?? 0);
  for (let i = 1; i < n; i++) {
    for (let y = 0; y < L; y++) {
      let top = Number.NEGATIVE_INFINITY;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        const s = (best[p] ?? 0) + (transitions[p * L + y] ?? 0);
        if (s > top) {
          top = s;
          arg = p;
        }
      }
      next[y] = top + (emissions[i * L + y] ?? 0);
      back[i * L + y] = arg;
    }
    [best, next] = [next, best];
  }
  let arg = 0;
  for (let y = 1; y < L; y++) if ((best[y] ?? 0) > (best[arg] ?? 0)) arg = y;
  for (let i = n - 1; i >= 0; i--) {
    labels[i] = arg;
    arg = back[i * L + arg] ?? 0;
  }
  return labels;
}

/** Entity spans of an IOB2 label sequence (label indices into NER_LABELS). */
export function labelsToSpans(labels: ArrayLike<number>): TokenSpan[] {
  const spans: TokenSpan[] = [];
  let i = 0;
  while (i < labels.length) {
    const y = labels[i] ?? 0;
    if (y === 0) {
      i++;
      continue;
    }
    const type = TYPES[(y - 1) >> 1] ?? 'MISC';
    const inside = y % 2 === 1 ? y + 1 : y;
    let j = i + 1;
    while (j < labels.length && labels[j] === inside) j++;
    spans.push({ start: i, end: j, type });
    i = j;
  }
  return spans;
}

/** The label index of a CoNLL tag such as "B-PER"; 0 (O) for anything else. */
export function labelIndex(tag: string): number {
  const labels: readonly string[] = NER_LABELS;
  return Math.max(0, labels.indexOf(tag));
}
