/**
 * The structured averaged perceptron behind lib/models/ner.json (Collins 2002: Viterbi decoding, update
 * towards the gold sequence and away from the predicted one, weights averaged over all updates), over the
 * hashed features of lib/pipeline/claims/mentions/ner/features.ts. Used by eval/train-entities.ts.
 */

import { commonWordHash, type SentenceFeatures } from '../lib/pipeline/claims/mentions/ner/features';
import { constrainTransitions, LABEL_COUNT, type NerModel } from '../lib/pipeline/claims/mentions/ner/model';
import {
  ALL_POST_RULES,
  applyPostRules,
  type PostRules,
} from '../lib/pipeline/claims/mentions/ner/post-rules';
import { prepareDocument, tagPrepared } from '../lib/pipeline/claims/mentions/ner/tag-text';
import { labelIndex, labelsToSpans, viterbi } from '../lib/pipeline/claims/mentions/ner/tagger';
import { type NerToken, tokenizeForNer } from '../lib/pipeline/claims/mentions/ner/tokens';
import type { ConllDocument, GoldSpan } from './conll-data';
import { seededRandom, shuffled } from './reference/seeded-random';

/** One sentence ready for training: feature slots per token (masked to the table) and gold label indices. */
export type TrainingSentence = {
  /** Feature slots per token, in the compressed-row layout of SentenceFeatures. */
  readonly slots: Int32Array;
  readonly offsets: Uint32Array;
  readonly gold: Uint8Array;
};

/** A prepared document: tokens and features per sentence, with gold spans for scoring. */
export type PreparedConll = {
  readonly tokens: readonly (readonly NerToken[])[];
  readonly features: readonly SentenceFeatures[];
  readonly openers: readonly Uint8Array[];
  readonly gold: readonly (readonly GoldSpan[])[];
};

/** Token labels of a sentence from gold character spans: B on the token that starts a span, I inside it. */
function projectLabels(tokens: readonly NerToken[], gold: readonly GoldSpan[]): Uint8Array {
  const labels = new Uint8Array(tokens.length);
  for (const span of gold) {
    tokens.forEach((t, i) => {
      if (t.start === span.start) labels[i] = labelIndex(`B-${span.type}`);
      else if (t.start > span.start && t.start < span.end) labels[i] = labelIndex(`I-${span.type}`);
    });
  }
  return labels;
}

/** Tokenises and featurises CoNLL documents through the run-time code path, with a list of common words. */
export function prepareConll(docs: readonly ConllDocument[], common: ReadonlySet<number>): PreparedConll[] {
  return docs.map((d) => ({ ...prepareDocument(d.text, d.sentences, common), gold: d.gold }));
}

/**
 * The common words of documents: hashes of words written in lower case (as the tagger tokenises them) at
 * least `minCount` times. A capitalised "Intelligence" at the start of a sentence is then known to be a word.
 */
export function collectCommonWords(docs: readonly ConllDocument[], minCount: number): Set<number> {
  const counts = new Map<string, number>();
  for (const d of docs)
    for (const s of d.sentences)
      for (const t of tokenizeForNer(d.text, s.start, s.end)) {
        const first = t.text[0] ?? '';
        if (first === first.toUpperCase()) continue;
        counts.set(t.text, (counts.get(t.text) ?? 0) + 1);
      }
  return new Set([...counts].filter(([, n]) => n >= minCount).map(([w]) => commonWordHash(w.toLowerCase())));
}

/**
 * Training sentences of prepared documents for a table of 2^hashBits slots, keeping only slots seen at least
 * `minCount` times in these documents.
 */
export function toTrainingSentences(
  docs: readonly PreparedConll[],
  hashBits: number,
  minCount: number,
): TrainingSentence[] {
  const mask = (1 << hashBits) - 1;
  const counts = new Uint32Array(1 << hashBits);
  for (const d of docs)
    for (const f of d.features)
      for (const h of f.hashes) {
        const slot = h & mask;
        counts[slot] = (counts[slot] ?? 0) + 1;
      }
  return docs.flatMap((d) =>
    d.tokens.map((tokens, i) => {
      const f = d.features[i] ?? { hashes: new Uint32Array(0), offsets: new Uint32Array(1) };
      const n = f.offsets.length - 1;
      const slots: number[] = [];
      const offsets = new Uint32Array(n + 1);
      for (let t = 0; t < n; t++) {
        offsets[t] = slots.length;
        for (let k = f.offsets[t] ?? 0; k < (f.offsets[t + 1] ?? 0); k++) {
          const slot = (f.hashes[k] ?? 0) & mask;
          if ((counts[slot] ?? 0) >= minCount) slots.push(slot);
        }
      }
      offsets[n] = slots.length;
      return { slots: Int32Array.from(slots), offsets, gold: projectLabels(tokens, d.gold[i] ?? []) };
    }),
  );
}

/** The perceptron's state: current and summed weights, for averaging (Daumé's trick: avg = w - u / c). */
export class Perceptron {
  readonly weights: Float32Array;
  readonly #summed: Float64Array;
  readonly transitions = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  readonly #summedTransitions = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  #clock = 1;

  constructor(readonly hashBits: number) {
    this.weights = new Float32Array((1 << hashBits) * LABEL_COUNT);
    this.#summed = new Float64Array((1 << hashBits) * LABEL_COUNT);
  }

  #emissions(s: TrainingSentence): Float32Array {
    const n = s.offsets.length - 1;
    const scores = new Float32Array(n * LABEL_COUNT);
    for (let i = 0; i < n; i++) {
      const at = i * LABEL_COUNT;
      for (let k = s.offsets[i] ?? 0; k < (s.offsets[i + 1] ?? 0); k++) {
        const base = (s.slots[k] ?? 0) * LABEL_COUNT;
        for (let y = 0; y < LABEL_COUNT; y++)
          scores[at + y] = (scores[at + y] ?? 0) + (this.weights[base + y] ?? 0);
      }
    }
    return scores;
  }

  #bump(index: number, by: number, transition: boolean): void {
    if (transition) {
      this.transitions[index] = (this.transitions[index] ?? 0) + by;
      this.#summedTransitions[index] = (this.#summedTransitions[index] ?? 0) + this.#clock * by;
    } else {
      this.weights[index] = (this.weights[index] ?? 0) + by;
      this.#summed[index] = (this.#summed[index] ?? 0) + this.#clock * by;
    }
  }

  /** One perceptron step on a sentence; returns whether the prediction was wrong. */
  learn(s: TrainingSentence): boolean {
    const n = s.offsets.length - 1;
    let wrong = false;
    if (n > 0) {
      const predicted = viterbi(this.#emissions(s), constrainTransitions(this.transitions), n);
      for (let i = 0; i < n; i++) {
        const g = s.gold[i] ?? 0;
        const p = predicted[i] ?? 0;
        const gPrev = i === 0 ? LABEL_COUNT : (s.gold[i - 1] ?? 0);
        const pPrev = i === 0 ? LABEL_COUNT : (predicted[i - 1] ?? 0);
        if (g !== p) {
          wrong = true;
          for (let k = s.offsets[i] ?? 0; k < (s.offsets[i + 1] ?? 0); k++) {
            const slot = s.slots[k] ?? 0;
            this.#bump(slot * LABEL_COUNT + g, 1, false);
            this.#bump(slot * LABEL_COUNT + p, -1, false);
          }
        }
        if (g !== p || gPrev !== pPrev) {
          this.#bump(gPrev * LABEL_COUNT + g, 1, true);
          this.#bump(pPrev * LABEL_COUNT + p, -1, true);
        }
      }
    }
    this.#clock++;
    return wrong;
  }

  /** The averaged weights and transitions. */
  averaged(): { weights: Float32Array; transitions: Float32Array } {
    const c = this.#clock;
    const weights = Float32Array.from(this.weights, (w, i) => w - (this.#summed[i] ?? 0) / c);
    const transitions = Float32Array.from(
      this.transitions,
      (w, i) => w - (this.#summedTransitions[i] ?? 0) / c,
    );
    return { weights, transitions };
  }
}

/** Runs `epochs` passes in a seeded shuffled order, calling `after` with the epoch number after each. */
export function trainEpochs(
  perceptron: Perceptron,
  sentences: readonly TrainingSentence[],
  epochs: number,
  after?: (epoch: number, mistakes: number) => void,
): void {
  const random = seededRandom(20031);
  for (let e = 1; e <= epochs; e++) {
    let mistakes = 0;
    for (const s of shuffled(sentences, random)) if (perceptron.learn(s)) mistakes++;
    after?.(e, mistakes);
  }
}

/** A model over a dense table, for scoring before compression: every slot is its own row. */
export function denseModel(
  hashBits: number,
  weights: Float32Array,
  transitions: Float32Array,
  common: ReadonlySet<number>,
): NerModel {
  let slotCount = 0;
  for (let slot = 0; slot < 1 << hashBits; slot++)
    if (weights.subarray(slot * LABEL_COUNT, (slot + 1) * LABEL_COUNT).some((w) => w !== 0)) slotCount++;
  return { hashBits, weights, transitions: constrainTransitions(transitions), slotCount, common };
}

/** Predicted character spans of every sentence of prepared documents under a model. */
export function predictConll(
  model: NerModel,
  docs: readonly PreparedConll[],
  rules: PostRules = ALL_POST_RULES,
): GoldSpan[][][] {
  return docs.map((d) =>
    d.tokens.map((tokens, i) => {
      const features = d.features[i];
      const labels = features === undefined ? new Uint8Array(0) : tagPrepared(model, features);
      const openers = d.openers[i] ?? new Uint8Array(tokens.length);
      const spans = applyPostRules(tokens, labelsToSpans(labels), rules, openers);
      return spans.flatMap((s) => {
        const first = tokens[s.start];
        const last = tokens[s.end - 1];
        return first && last ? [{ start: first.start, end: last.end, type: s.type }] : [];
      });
    }),
  );
}
