import { describe, expect, it } from 'vitest';
import { createArticleScratch, summaryScratchBytes } from '../../../../lib/pipeline/summary/article-scratch';
import { summarize } from '../../../../lib/pipeline/summary/summarize';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';

describe('createArticleScratch', () => {
  it('carves zeroed, disjoint arrays and falls back to own arrays past its size', () => {
    const scratch = createArticleScratch(64);
    const a = scratch.float64(4);
    const b = scratch.int32(4);
    a.fill(1);
    expect([...b]).toEqual([0, 0, 0, 0]);
    // 32 + 16 bytes used; 40 more do not fit in 64: an array of its own, still zeroed.
    const c = scratch.uint8(40);
    expect(c.buffer).not.toBe(a.buffer);
    expect(c.every((x) => x === 0)).toBe(true);
  });

  it('hands out the reused buffer zeroed again', () => {
    const first = createArticleScratch(256, true).float64(16);
    first.fill(7);
    const second = createArticleScratch(256, true).float64(16);
    expect(second.buffer).toBe(first.buffer);
    expect(second.every((x) => x === 0)).toBe(true);
  });

  it('grows with the article', () => {
    expect(summaryScratchBytes(30, 4000)).toBeGreaterThan(summaryScratchBytes(15, 2000));
  });
});

describe('summarize with the reused scratch', () => {
  // Self-written text: two different articles summarised in turn must not see each other's arrays.
  const a =
    'The council of Merlow voted on Monday to close the old bridge for repairs. The repairs will take six months. ' +
    'Drivers will use the ring road while the bridge is closed. Shops near the bridge fear a quiet summer.';
  const b =
    'A new library opened in Fennick on Saturday with ten thousand books. The library was paid for by a local ' +
    'charity. Children queued from early morning to see the reading room. The mayor said more branches would follow. ' +
    'The old library will become a community hall.';
  it('gives the same summary whatever was summarised before', () => {
    const first = summarize({ title: 'Merlow bridge to close', text: a }, segmentSentences(a));
    summarize({ title: 'Fennick library opens', text: b }, segmentSentences(b));
    const again = summarize({ title: 'Merlow bridge to close', text: a }, segmentSentences(a));
    expect(again).toEqual(first);
  });
});
