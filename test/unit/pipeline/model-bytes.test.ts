import { describe, expect, it } from 'vitest';
import { packModelBytes, unpackModelBytes } from '../../../lib/pipeline/model-bytes';

describe('model bytes (brotli, then base64)', () => {
  it.each([
    ['no bytes', new Uint8Array(0)],
    ['every byte value', Uint8Array.from({ length: 256 }, (_, i) => i)],
    ['a long repetitive run', new Uint8Array(100_000).fill(0x81)],
  ])('round-trips %s', (_name, bytes) => {
    const data = packModelBytes(bytes);
    expect(data).toMatch(/^[A-Za-z0-9+/]*={0,2}$/);
    expect([...(unpackModelBytes(data) ?? [])]).toEqual([...bytes]);
  });

  it('compresses what repeats', () => {
    expect(packModelBytes(new Uint8Array(100_000).fill(7)).length).toBeLessThan(100);
  });

  it.each([
    ['plain base64 (the encoding before brotli)', Buffer.from([3, 1, 4, 1, 5, 9]).toString('base64')],
    [
      'a truncated stream',
      packModelBytes(Uint8Array.from({ length: 1000 }, (_, i) => (i * 7919) % 251)).slice(0, 40),
    ],
  ])('returns undefined for %s', (_name, data) => {
    expect(unpackModelBytes(data)).toBeUndefined();
  });
});
