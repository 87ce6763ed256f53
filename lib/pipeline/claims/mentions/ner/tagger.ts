import type { SentenceFeatures } from './features';
import { LABEL_COUNT, NER_LABELS, type NerModel } from './model';

/** An entity span over token indices [start, end) with its CoNLL type. */
export type TokenSpan = {
  readonly start: number;
  readonly end: number;
  readonly type: 'PER' | 'ORG' | 'LOC' | 'MISC';
};

const TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;

/** Emission scores, LABEL_COUNT per token, from a model: one row of weights per feature hash. */
export function modelEmissions(model: NerModel, features: SentenceFeatures): Float32Array {
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
 * The best label sequence under emission and constrained transition scores (constrainTransitions): first-order
 * Viterbi, linear in the number of tokens. transitions[LABEL_COUNT * LABEL_COUNT + y] scores a sentence
 * starting with y.
 */
export function viterbi(emissions: Float32Array, transitions: Float64Array, n: number): Uint8Array {
  const L = LABEL_COUNT;
  const labels = new Uint8Array(n);
  if (n === 0) return labels;
  const back = new Uint8Array(n * L);
  let best = new Float64Array(L);
  let next = new Float64Array(L);
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
