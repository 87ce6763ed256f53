import { describe, expect, it } from 'vitest';
import { createScratch, type Scratch } from '../../../../lib/pipeline/text/scratch';

/** Carves arrays of many sizes (some past one shared buffer) and fills each with its own marker. */
function carveAndFill(scratch: Scratch): (Float64Array | Int32Array | Uint8Array)[] {
  const arrays = [0, 1, 3, 8, 100, 1000, 5000, 20_000].flatMap((length) => [
    scratch.float64(length),
    scratch.int32(length),
    scratch.uint8(length),
  ]);
  arrays.forEach((a, k) => {
    a.fill((k % 200) + 1);
  });
  return arrays;
}

describe('scratch', () => {
  it('hands out zeroed, separate arrays of the requested lengths', () => {
    const arrays = carveAndFill(createScratch());
    // Every array kept its own marker: no two overlap.
    arrays.forEach((a, k) => {
      expect(a.every((v) => v === (k % 200) + 1)).toBe(true);
    });
    expect(arrays.map((a) => a.length).slice(0, 6)).toEqual([0, 0, 0, 1, 1, 1]);
  });
});
