import { describe, expect, it } from 'vitest';
import modelJson from '../../../../lib/models/checkworthy.json';
import {
  DENSE_FEATURES,
  extractCheckworthyFeatures,
  fnv1a,
} from '../../../../lib/pipeline/claims/checkworthy-features';
import {
  CheckworthyModelError,
  COMPACT_ENCODING,
  encodeHashedWeights,
  parseCheckworthyModel,
  predictCheckworthy,
} from '../../../../lib/pipeline/claims/checkworthy-model';
import { unpackModelBytes } from '../../../../lib/pipeline/model-bytes';

const dense = Object.fromEntries(DENSE_FEATURES.map((n) => [n, 0]));
const valid = { hashBits: 18, bias: 0, dense, hashed: { slots: [1], weights: [0.5] } };

describe('parseCheckworthyModel', () => {
  it('accepts the shipped model', () => {
    expect(modelJson.hashed.encoding).toBe(COMPACT_ENCODING);
    expect(parseCheckworthyModel(modelJson).hashedCount).toBeGreaterThan(0);
  });

  it('writes what it reads: the shipped weights encode to the shipped data', () => {
    const model = parseCheckworthyModel(modelJson);
    const slots: number[] = [];
    const weights: number[] = [];
    model.hashed.forEach((w, slot) => {
      if (w !== 0) {
        slots.push(slot);
        weights.push(w);
      }
    });
    expect(slots).toHaveLength(model.hashedCount);
    expect(encodeHashedWeights(slots, weights)).toBe(modelJson.hashed.data);
  });

  it.each([
    ['not an object', 'model'],
    ['null', null],
    ['wrong hash size', { ...valid, hashBits: 10 }],
    ['bias not a number', { ...valid, bias: '1' }],
    ['missing dense feature', { ...valid, dense: { numeric: 1 } }],
    ['slot out of range', { ...valid, hashed: { slots: [1 << 18], weights: [1] } }],
    ['lengths differ', { ...valid, hashed: { slots: [1, 2], weights: [1] } }],
    ['weight not finite', { ...valid, hashed: { slots: [1], weights: [null] } }],
  ])('rejects %s', (_name, raw) => {
    expect(() => parseCheckworthyModel(raw)).toThrow(CheckworthyModelError);
  });

  it('reads the compact encoding back exactly', () => {
    const slots = [0, 3, 200, 70_000, (1 << 18) - 1];
    const weights = [1.5, -0.001, 0, -12.345, 3];
    const compact = {
      ...valid,
      hashed: { encoding: COMPACT_ENCODING, count: 5, data: encodeHashedWeights(slots, weights) },
    };
    const model = parseCheckworthyModel(compact);
    expect(slots.map((slot) => model.hashed[slot])).toEqual(weights);
    expect(model.hashedCount).toBe(5);
    expect(() => parseCheckworthyModel({ ...compact, hashed: { ...compact.hashed, count: 6 } })).toThrow(
      CheckworthyModelError,
    );
  });

  it('rejects compact data that is not brotli, such as the plain base64 varints it replaced', () => {
    const data = encodeHashedWeights([1, 5], [0.5, -2]);
    const plain = unpackModelBytes(data)?.toString('base64') ?? '';
    expect(plain).not.toBe('');
    const withData = (d: string) => ({ ...valid, hashed: { encoding: COMPACT_ENCODING, count: 2, data: d } });
    expect(parseCheckworthyModel(withData(data)).hashedCount).toBe(2);
    expect(() => parseCheckworthyModel(withData(plain))).toThrow(CheckworthyModelError);
    expect(() =>
      parseCheckworthyModel({
        ...valid,
        hashed: { encoding: 'gap-varint+milli-zigzag-varint/base64', count: 2, data: plain },
      }),
    ).toThrow(CheckworthyModelError);
  });

  it('a zero model predicts 0.5', () => {
    const model = parseCheckworthyModel({ ...valid, hashed: { slots: [], weights: [] } });
    expect(predictCheckworthy(model, extractCheckworthyFeatures('Anything at all.'))).toBe(0.5);
  });
});

describe('features', () => {
  it.each([
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
  ])('fnv1a(%j) is the reference value', (text, hash) => {
    expect(fnv1a(text)).toBe(hash);
  });

  it('n-gram values are L2-normalised and digits are folded', () => {
    const a = extractCheckworthyFeatures('Sales rose 12% in 2003.');
    const b = extractCheckworthyFeatures('Sales rose 97% in 1988.');
    expect([...a.hashed.entries()]).toEqual([...b.hashed.entries()]);
    const sq = [...a.hashed.values()].reduce((s, v) => s + v * v, 0);
    expect(sq).toBeCloseTo(1, 9);
  });
});
