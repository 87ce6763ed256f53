import { describe, expect, it } from 'vitest';
import shippedJson from '../../../../../../lib/models/ner.json';
import {
  COMMON_ENCODING,
  encodeNerModel,
  LABEL_COUNT,
  NER_ENCODING,
  NerModelError,
  type NerModelFile,
  parseNerModel,
} from '../../../../../../lib/pipeline/claims/mentions/ner/model';
import { packModelBytes, unpackModelBytes } from '../../../../../../lib/pipeline/model-bytes';

const HASH_BITS = 8;

/** A tiny weight table with a few non-zero weights, some of them not multiples of the step. */
function tinyTable(): Float32Array {
  const weights = new Float32Array((1 << HASH_BITS) * LABEL_COUNT);
  weights[3 * LABEL_COUNT + 1] = 4.1;
  weights[3 * LABEL_COUNT + 8] = -2;
  weights[200 * LABEL_COUNT] = 0.4; // rounds to 0 at step 1: dropped
  weights[255 * LABEL_COUNT + 4] = 120; // needs a two-byte varint
  weights[254 * LABEL_COUNT + 2] = 900; // beyond a byte: clamped to 127 steps
  return weights;
}

describe('NER model encoding', () => {
  it('round-trips quantised weights and drops the ones that round to zero', () => {
    const transitions = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT).fill(-1.2);
    const model = parseNerModel(
      encodeNerModel(HASH_BITS, tinyTable(), transitions, 1, new Set([7, 300, 16_000_000])),
    );
    expect(model.slotCount).toBe(3);
    const weight = (slot: number, label: number) => model.weights[slot * LABEL_COUNT + label];
    expect([weight(3, 1), weight(3, 8), weight(255, 4), weight(254, 2)]).toEqual([4, -2, 120, 127]);
    expect(model.weights[200 * LABEL_COUNT]).toBe(0);
    expect(model.transitions[0]).toBeCloseTo(-1.2);
    // I-PER (2) may not follow O (0): the constraint is folded into the transitions.
    expect(model.transitions[2]).toBe(Number.NEGATIVE_INFINITY);
    expect([...model.common]).toEqual([7, 300, 16_000_000]);
  });

  it('writes what it reads: the shipped weights and common words encode to the shipped data', () => {
    expect([shippedJson.rows.encoding, shippedJson.common.encoding]).toEqual([NER_ENCODING, COMMON_ENCODING]);
    const model = parseNerModel(shippedJson);
    const file = encodeNerModel(
      shippedJson.hashBits,
      Float32Array.from(model.weights, (q) => q * shippedJson.step),
      new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT),
      shippedJson.step,
      model.common,
    );
    expect(file.rows).toEqual(shippedJson.rows);
    expect(file.common).toEqual(shippedJson.common);
  });

  it('keeps weights in units of the step, transitions scaled to match', () => {
    const transitions = new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT).fill(-3);
    const model = parseNerModel(encodeNerModel(HASH_BITS, tinyTable(), transitions, 2, new Set()));
    expect(model.weights[3 * LABEL_COUNT + 1]).toBe(2); // 4.1 / 2, rounded
    expect(model.transitions[0]).toBeCloseTo(-1.5);
  });

  it.each<[string, (file: NerModelFile) => unknown]>([
    ['not an object', () => 'model'],
    ['wrong labels', (f) => ({ ...f, labels: ['O', 'B-PER'] })],
    ['short transitions', (f) => ({ ...f, transitions: [0, 1] })],
    ['truncated rows', (f) => ({ ...f, rows: { ...f.rows, data: packModelBytes(Uint8Array.of(3, 0x80)) } })],
    [
      'a weight of zero steps',
      (f) => ({ ...f, rows: { ...f.rows, count: 1, data: packModelBytes(Uint8Array.of(3, 1)) } }),
    ],
    [
      'rows not brotli',
      (f) => ({ ...f, rows: { ...f.rows, data: unpackModelBytes(f.rows.data)?.toString('base64') ?? '' } }),
    ],
    [
      'common words not brotli',
      (f) => ({
        ...f,
        common: { ...f.common, data: unpackModelBytes(f.common.data)?.toString('base64') ?? '' },
      }),
    ],
    [
      'rows in the plain encoding',
      (f) => ({ ...f, rows: { ...f.rows, encoding: 'gap-varint+label-zigzag-last-varint/base64' } }),
    ],
    [
      'common words in the plain encoding',
      (f) => ({ ...f, common: { ...f.common, encoding: 'gap-varint/base64' } }),
    ],
    ['more rows than data', (f) => ({ ...f, rows: { ...f.rows, count: 99 } })],
    ['more common words than data', (f) => ({ ...f, common: { ...f.common, count: 9 } })],
    ['no common words', ({ common: _common, ...f }) => f],
  ])('rejects a malformed file: %s', (_name, corrupt) => {
    const file = encodeNerModel(
      HASH_BITS,
      tinyTable(),
      new Float32Array((LABEL_COUNT + 1) * LABEL_COUNT),
      1,
      new Set([5]),
    );
    expect(() => parseNerModel(corrupt(file))).toThrow(NerModelError);
  });
});
