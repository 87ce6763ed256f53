import { describe, expect, it } from 'vitest';
import { createScratch } from '../../../../lib/pipeline/text/scratch';

/** Array sizes from empty to past one shared buffer (16 KB), in every element type. */
const LENGTHS = [0, 1, 3, 8, 100, 1000, 5000, 20_000];

describe('scratch', () => {
  it('hands out zeroed arrays of the requested lengths, even after earlier arrays were written', () => {
    const scratch = createScratch();
    const lengths: number[] = [];
    for (const length of LENGTHS) {
      for (const carve of [scratch.float64, scratch.int32, scratch.uint8]) {
        const array = carve(length);
        // Checked before anything is written to it: a reused region would still hold the last array's marker.
        expect(array.every((v) => v === 0)).toBe(true);
        lengths.push(array.length);
        array.fill(7);
      }
    }
    expect(lengths).toEqual(LENGTHS.flatMap((length) => [length, length, length]));
  });

  it('never hands out overlapping arrays', () => {
    const scratch = createScratch();
    const arrays = LENGTHS.flatMap((length) => [
      scratch.float64(length),
      scratch.int32(length),
      scratch.uint8(length),
    ]);
    arrays.forEach((a, k) => {
      a.fill((k % 200) + 1);
    });
    arrays.forEach((a, k) => {
      expect(a.every((v) => v === (k % 200) + 1)).toBe(true);
    });
  });
});
