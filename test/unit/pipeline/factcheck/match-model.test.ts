import { describe, expect, it } from 'vitest';
import modelJson from '../../../../lib/models/factcheck-match.json';
import { MATCH_MODEL } from '../../../../lib/pipeline/factcheck';
import {
  MatchModelError,
  parseMatchModel,
  toModelJson,
} from '../../../../lib/pipeline/factcheck/match-model';
import {
  BACKGROUND_ENCODING,
  decodeBackground,
  encodeBackground,
} from '../../../../lib/pipeline/factcheck/term-rarity';
import { packModelBytes } from '../../../../lib/pipeline/model-bytes';

const packJson = (value: unknown) => packModelBytes(Buffer.from(JSON.stringify(value), 'utf8'));

describe('fact-check match model file', () => {
  it('ships its background in the brotli encoding', () => {
    expect(modelJson.background.encoding).toBe(BACKGROUND_ENCODING);
    expect(MATCH_MODEL.background.df.size).toBeGreaterThan(10_000);
  });

  it('writes what it reads: toModelJson of the shipped model is the shipped file', () => {
    const json = toModelJson(MATCH_MODEL, encodeBackground(MATCH_MODEL.background.df));
    expect(json).toEqual(modelJson);
    expect(parseMatchModel(json)).toEqual(MATCH_MODEL);
  });

  it('rejects a background in another encoding, such as the plain groups record it replaced', () => {
    const { encoding: _encoding, data: _data, ...background } = modelJson.background;
    expect(() =>
      parseMatchModel({ ...modelJson, background: { ...background, groups: { '2': 'otter' } } }),
    ).toThrow(MatchModelError);
    expect(() =>
      parseMatchModel({
        ...modelJson,
        background: { ...modelJson.background, encoding: 'df-groups-json/base64' },
      }),
    ).toThrow(MatchModelError);
  });

  it('rejects malformed background data', () => {
    const withData = (data: string) => ({ ...modelJson, background: { ...modelJson.background, data } });
    expect(() => parseMatchModel(withData('bm90IGJyb3RsaQ=='))).toThrow(MatchModelError);
    expect(() => parseMatchModel(withData(packJson({ '0': 'otter' })))).toThrow(MatchModelError);
  });
});

describe('background document frequencies', () => {
  it('round-trips, terms grouped by count, other scripts too', () => {
    const df = new Map([
      ['otter', 2],
      ['council', 40],
      ['zürich', 2],
      ['東京', 3],
      ['aldwyn', 2],
    ]);
    const packed = encodeBackground(df);
    expect(packed.encoding).toBe(BACKGROUND_ENCODING);
    expect(decodeBackground(packed.data)).toEqual(df);
    // Groups by ascending count, terms sorted: the map reads back in that order.
    expect([...(decodeBackground(packed.data) ?? new Map())]).toEqual([
      ['aldwyn', 2],
      ['otter', 2],
      ['zürich', 2],
      ['東京', 3],
      ['council', 40],
    ]);
    expect(decodeBackground(encodeBackground(new Map()).data)).toEqual(new Map());
  });

  it.each([
    ['not brotli', Buffer.from('{"2":"otter"}').toString('base64')],
    ['not JSON', packModelBytes(Buffer.from('2 otter'))],
    ['not a record', packJson(['otter'])],
    ['a group that is not a string', packJson({ '2': ['otter'] })],
    ['a count below 1', packJson({ '0': 'otter' })],
    ['a count that is not an integer', packJson({ '2.5': 'otter' })],
  ])('is undefined for %s', (_name, data) => {
    expect(decodeBackground(data)).toBeUndefined();
  });
});
