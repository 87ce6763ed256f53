/**
 * Runs `work` over the items with up to `window` of them started ahead of the one being consumed, and
 * yields the results in item order: parallel work, output in input order, and at most `window` results
 * held back while an earlier one is still running.
 */
export async function* mapInOrder<T, R>(
  items: readonly T[],
  window: number,
  work: (item: T, index: number) => Promise<R>,
): AsyncGenerator<R> {
  const started = new Map<number, Promise<R>>();
  let next = 0;
  for (let at = 0; at < items.length; at++) {
    for (; next < items.length && next < at + Math.max(window, 1); next++) {
      const item = items[next];
      if (item === undefined) continue;
      const promise = work(item, next);
      // Awaited in order below; a failure is reported then, not as an unhandled rejection now.
      promise.catch(() => undefined);
      started.set(next, promise);
    }
    const promise = started.get(at);
    started.delete(at);
    if (promise !== undefined) yield await promise;
  }
}
