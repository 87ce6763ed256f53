import { describe, expect, it } from 'vitest';
import { mapInOrder } from '../../../lib/cli/in-order';

/** Resolves after `turns` trips through the event loop: later items can finish first. */
function later<T>(turns: number, value: T): Promise<T> {
  return turns === 0
    ? Promise.resolve(value)
    : new Promise((r) => setImmediate(() => r(later(turns - 1, value))));
}

describe('mapInOrder', () => {
  it.each([
    { window: 1, items: [3, 0, 2, 1] },
    { window: 3, items: [3, 0, 2, 1, 0, 5] },
    { window: 10, items: [5, 4, 3, 2, 1, 0] },
    { window: 2, items: [] },
  ])('yields in item order whatever finishes first (window $window)', async ({ window, items }) => {
    const out: number[] = [];
    for await (const value of mapInOrder(items, window, (turns, index) => later(turns, index)))
      out.push(value);
    expect(out).toEqual(items.map((_, index) => index));
  });

  it('starts at most `window` items ahead of the one being consumed', async () => {
    let running = 0;
    let most = 0;
    const items = Array.from({ length: 20 }, (_, i) => i % 3);
    for await (const _ of mapInOrder(items, 4, async (turns) => {
      running++;
      most = Math.max(most, running);
      await later(turns, 0);
      running--;
    })) {
      // consumed one by one
    }
    expect(most).toBeLessThanOrEqual(4);
    expect(most).toBeGreaterThan(1);
  });

  it('reports a failure when its item is reached, after the items before it', async () => {
    const out: number[] = [];
    const run = async () => {
      for await (const value of mapInOrder([0, 1, 2], 3, async (_, index) => {
        if (index === 1) throw new Error('item 1 failed');
        return index;
      }))
        out.push(value);
    };
    await expect(run()).rejects.toThrow('item 1 failed');
    expect(out).toEqual([0]);
  });
});
