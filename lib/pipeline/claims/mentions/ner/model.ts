import * as z from '../../../../zod';
import { packModelBytes, unpackModelBytes } from '../../../model-bytes';

/** CoNLL-2003 tags in IOB2; index 0 is O. The order is part of the model file. */
export const NER_LABELS = [
  'O',
  'B-PER',
  'I-PER',
  'B-ORG',
  'I-ORG',
  'B-LOC',
  'I-LOC',
  'B-MISC',
  'I-MISC',
] as const;
export type NerLabel = (typeof NER_LABELS)[number];
export const LABEL_COUNT = NER_LABELS.length;

/**
 * A linear sequence tagger: per feature slot, one weight per label, and label-to-label transition weights
 * (a structured perceptron, Collins 2002, decoded with Viterbi). Slots are FNV hashes of feature strings
 * (features.ts) modulo 2^hashBits.
 */
export type NerModel = {
  readonly hashBits: number;
  /**
   * LABEL_COUNT weights per slot, every slot: one memory access per feature, and emission scoring is bound by
   * those accesses. A shipped model keeps its quantised weights as bytes in units of its step (2^18 × 9 bytes,
   * 2.3 MiB, small enough to stay in cache far better than floats); `transitions` are divided by the step
   * to match, which changes no decision (Viterbi's best path does not move when every score is scaled).
   * The trainer evaluates unquantised floats through the same code.
   */
  readonly weights: Int8Array | Float32Array;
  /**
   * transitions[from * LABEL_COUNT + to], row LABEL_COUNT for the start of a sentence, with IOB2's
   * constraint folded in (constrainTransitions).
   */
  readonly transitions: Float64Array;
  /** How many slots have a weight. */
  readonly slotCount: number;
  /** Hashes of common lower-case words (features.ts commonWordHash). */
  readonly common: ReadonlySet<number>;
  /** The same byte weights with the empty slots left out (packWeights), for scoring; a shipped model has them. */
  readonly packed?: PackedWeights;
};

/**
 * Byte weights of the non-empty slots only, found by rank in a bitmap of the slots. 9 in 10 slots of the
 * shipped model are empty, so the bitmap with its running counts (64 KiB) and the kept rows (about 200 KiB)
 * stay in cache where the dense table (2.3 MiB) did not: scoring a token costs about 25 random reads of it.
 */
export type PackedWeights = {
  /**
   * Per 32 slots, two words: a bit per slot that has weights (bit s % 32 for slot s), then how many slots
   * before those 32 have weights.
   */
  readonly index: Uint32Array;
  /** LABEL_COUNT weights per non-empty slot, in slot order. */
  readonly rows: Int8Array;
};

/** Packs a dense table of byte weights (LABEL_COUNT per slot) into its non-empty rows and their index. */
export function packWeights(weights: Int8Array, hashBits: number): PackedWeights {
  const slots = 1 << hashBits;
  const index = new Uint32Array(Math.max(1, slots >>> 5) * 2);
  let kept = 0;
  for (let slot = 0; slot < slots; slot++) {
    if ((slot & 31) === 0) index[(slot >>> 5) * 2 + 1] = kept;
    let any = false;
    for (let y = 0; y < LABEL_COUNT; y++) if (weights[slot * LABEL_COUNT + y] !== 0) any = true;
    if (!any) continue;
    index[(slot >>> 5) * 2] = ((index[(slot >>> 5) * 2] ?? 0) | (1 << (slot & 31))) >>> 0;
    kept++;
  }
  const rows = new Int8Array(kept * LABEL_COUNT);
  let row = 0;
  for (let slot = 0; slot < slots; slot++) {
    if ((((index[(slot >>> 5) * 2] ?? 0) >>> (slot & 31)) & 1) === 0) continue;
    rows.set(weights.subarray(slot * LABEL_COUNT, (slot + 1) * LABEL_COUNT), row * LABEL_COUNT);
    row++;
  }
  return { index, rows };
}

/**
 * The compact encoding of the kept rows: per slot in ascending order, the gap to the previous slot, then per
 * non-zero weight one varint packing its label, its value as a multiple of `step` (zigzag) and whether it is
 * the row's last ((zigzag * LABEL_COUNT + label) * 2 + last), all LEB128 varints, then brotli and base64
 * (lib/pipeline/model-bytes.ts; brotli takes the shipped model's varints to 66%). A weight of up to ±3 steps
 * takes one byte with its label: a bit mask of labels per row cost more than the weights it marked.
 * Quantised, so lossy by at most step/2 per weight.
 */
export const NER_ENCODING = 'gap-varint+label-zigzag-last-varint/brotli/base64';

/** Common words: their hashes in ascending order as gaps, LEB128 varints, then brotli and base64. */
export const COMMON_ENCODING = 'gap-varint/brotli/base64';

/** Whether label `to` may follow label `from` in IOB2 (LABEL_COUNT stands for the start): I-X only after B-X or I-X. */
function allowed(from: number, to: number): boolean {
  if (to === 0 || to % 2 === 1) return true;
  return from === to || from === to - 1;
}

/**
 * Transition scores with IOB2's constraint folded in (-Infinity where I-X would follow anything but B-X or
 * I-X), so that Viterbi's inner loop is additions only. Computed once per model.
 */
export function constrainTransitions(transitions: ArrayLike<number>): Float64Array {
  const out = new Float64Array((LABEL_COUNT + 1) * LABEL_COUNT);
  for (let from = 0; from <= LABEL_COUNT; from++)
    for (let to = 0; to < LABEL_COUNT; to++)
      out[from * LABEL_COUNT + to] = allowed(from, to)
        ? (transitions[from * LABEL_COUNT + to] ?? 0)
        : Number.NEGATIVE_INFINITY;
  return out;
}

/** The model file does not have the shape this code expects. */
export class NerModelError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'NerModelError';
  }
}

const ModelFileSchema = z.object({
  hashBits: z.number().check(z.int(), z.minimum(8), z.maximum(24)),
  labels: z.array(z.string()),
  step: z.number().check(z.gt(0)),
  transitions: z.array(z.number()),
  rows: z.object({ encoding: z.literal(NER_ENCODING), count: z.number().check(z.int()), data: z.string() }),
  common: z.object({
    encoding: z.literal(COMMON_ENCODING),
    count: z.number().check(z.int()),
    data: z.string(),
  }),
});

/** The parts of a model that the trainer writes. */
export type NerModelFile = z.infer<typeof ModelFileSchema>;

/** Appends `value` (a non-negative integer) as a LEB128 varint. */
function pushVarint(bytes: number[], value: number): void {
  let v = value;
  while (v >= 0x80) {
    bytes.push((v & 0x7f) | 0x80);
    v = Math.floor(v / 128);
  }
  bytes.push(v);
}

/** Largest weight in steps: a signed byte. */
const MAX_STEPS = 127;

/** Rounds halves away from zero: Math.round rounds them up, which would keep +step/2 and drop -step/2. */
const roundHalfAway = (x: number): number => Math.sign(x) * Math.round(Math.abs(x));

const zigzag = (q: number): number => (q >= 0 ? q * 2 : -q * 2 - 1);
const unzigzag = (z: number): number => (z % 2 === 0 ? z / 2 : -(z + 1) / 2);

/**
 * Encodes a dense weight table (LABEL_COUNT weights per slot), transitions and common words as a model
 * file, quantising weights to multiples of `step`; weights that round to 0 are dropped, and slots left with
 * none are not stored.
 */
export function encodeNerModel(
  hashBits: number,
  weights: Float32Array,
  transitions: Float32Array,
  step: number,
  common: ReadonlySet<number>,
): NerModelFile {
  const bytes: number[] = [];
  let previous = 0;
  let count = 0;
  for (let slot = 0; slot < 1 << hashBits; slot++) {
    const kept: [number, number][] = [];
    for (let y = 0; y < LABEL_COUNT; y++) {
      // The decoder keeps weights as signed bytes; the trained model's largest is 10 steps.
      const q = Math.max(
        -MAX_STEPS,
        Math.min(MAX_STEPS, roundHalfAway((weights[slot * LABEL_COUNT + y] ?? 0) / step)),
      );
      if (q !== 0) kept.push([y, q]);
    }
    if (kept.length === 0) continue;
    pushVarint(bytes, slot - previous);
    previous = slot;
    kept.forEach(([y, q], i) => {
      pushVarint(bytes, (zigzag(q) * LABEL_COUNT + y) * 2 + (i === kept.length - 1 ? 1 : 0));
    });
    count++;
  }
  return {
    hashBits,
    labels: [...NER_LABELS],
    step,
    // Only 90 of them: kept to 0.01 rather than quantised, at no cost in size.
    transitions: [...transitions].map((t) => Math.round(t * 100) / 100),
    rows: { encoding: NER_ENCODING, count, data: packModelBytes(Uint8Array.from(bytes)) },
    common: encodeCommon(common),
  };
}

/** Encodes the common-word hashes in the compact form. */
function encodeCommon(common: ReadonlySet<number>): NerModelFile['common'] {
  const bytes: number[] = [];
  let previous = -1;
  for (const h of [...common].sort((a, b) => a - b)) {
    pushVarint(bytes, h - previous);
    previous = h;
  }
  return { encoding: COMMON_ENCODING, count: common.size, data: packModelBytes(Uint8Array.from(bytes)) };
}

/** Decodes the common-word hashes; undefined when malformed. */
function decodeCommon(data: string, count: number): Set<number> | undefined {
  const bytes = unpackModelBytes(data);
  if (bytes === undefined) return undefined;
  const out = new Set<number>();
  let value = -1;
  let at = 0;
  for (let i = 0; i < count; i++) {
    let gap = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined) return undefined;
      gap += (byte & 0x7f) * scale;
      if (byte < 0x80) break;
      scale *= 128;
    }
    if (gap === 0) return undefined;
    value += gap;
    out.add(value);
  }
  return at === bytes.length ? out : undefined;
}

/** Reads the varint-coded rows as bytes in units of the step; undefined when malformed or out of a byte's range. */
function decodeRows(data: string, count: number, hashBits: number): NerModel | undefined {
  const bytes = unpackModelBytes(data);
  if (bytes === undefined) return undefined;
  const weights = new Int8Array((1 << hashBits) * LABEL_COUNT);
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
  for (let r = 0; r < count; r++) {
    const gap = varint();
    if (gap === undefined || (r > 0 && gap === 0)) return undefined;
    slot += gap;
    if (slot >= 1 << hashBits) return undefined;
    for (let last = 0; last === 0; ) {
      const packed = varint();
      if (packed === undefined) return undefined;
      last = packed % 2;
      const y = Math.floor(packed / 2) % LABEL_COUNT;
      const q = unzigzag(Math.floor(packed / 2 / LABEL_COUNT));
      if (q === 0 || q < -MAX_STEPS || q > MAX_STEPS) return undefined;
      weights[slot * LABEL_COUNT + y] = q;
    }
  }
  if (at !== bytes.length) return undefined;
  return { hashBits, weights, transitions: new Float64Array(0), slotCount: count, common: new Set() };
}

/** Validates a parsed model file (lib/models/ner.json) and decodes it; throws NerModelError when malformed. */
export function parseNerModel(raw: unknown): NerModel {
  const parsed = ModelFileSchema.safeParse(raw);
  if (!parsed.success)
    throw new NerModelError(`NER model is malformed: ${parsed.error.message}`, { cause: parsed.error });
  const file = parsed.data;
  if (file.labels.join(' ') !== NER_LABELS.join(' '))
    throw new NerModelError(`NER model labels ${file.labels.join(' ')} are not ${NER_LABELS.join(' ')}`);
  if (file.transitions.length !== (LABEL_COUNT + 1) * LABEL_COUNT)
    throw new NerModelError('NER model transitions have the wrong length');
  const model = decodeRows(file.rows.data, file.rows.count, file.hashBits);
  if (model === undefined) throw new NerModelError('NER model rows are malformed');
  const common = decodeCommon(file.common.data, file.common.count);
  if (common === undefined) throw new NerModelError('NER model common words are malformed');
  const transitions = constrainTransitions(file.transitions.map((t) => t / file.step));
  const packed = model.weights instanceof Int8Array ? packWeights(model.weights, file.hashBits) : undefined;
  return { ...model, transitions, common, ...(packed ? { packed } : {}) };
}
