/**
 * Doubling each hostile input (bench/hostile-corpus.ts) no more than about doubles the CPU time the pipeline
 * spends on it: a ratio measured in one process, not an absolute time, so that it holds on a slow or loaded
 * machine. Quadratic work shows as a ratio near 4.
 *
 * Robustness on a shared 2-core CI machine: CPU time of this process (process.cpuUsage), not wall time; the
 * minimum of several runs at each size (noise only ever adds time); sizes large enough that a run takes well
 * over 50 ms, so fixed costs and timer resolution do not decide the ratio; a warm-up run first (JIT); and a
 * garbage collection before each run when the process exposes one.
 *
 * The work budget's caps change regimes at fixed sizes (the summary's graph goes from dense to k-nearest
 * neighbours past 257 sentences; claims stop at 400,000 characters): a doubling that straddles such a step
 * can cost a constant factor more once. So a ratio over the limit is measured again one doubling later, and
 * the case passes when either doubling stays under it; quadratic work fails both (a ratio near 4 each time).
 */
import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../../bench/hostile-corpus';
import { cpuSeconds, runHostile } from '../../bench/hostile-run';

/** Linear work doubles; n·log n a little more; allowance for noise and for GC that grows with the heap. */
const MAX_RATIO = 2.6;
const RUNS = 3;
/** Smallest size per case: large enough that each run takes > 50 ms of CPU here. */
const BASE_BYTES = 96 * 1024;
/** Runs under this much CPU at the base size are too short to time; the size is doubled until they are not. */
const MIN_SECONDS = 0.06;
const MAX_BASE_BYTES = 1024 * 1024;

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Whole measurements repeated when a case fails: other test files running on the other core slow memory-heavy
 * work by a varying factor (a fresh-clone CI run read deep JSON at 3.7× and 3.9× per doubling; alone, at the
 * same sizes, 2.0× and 2.2×). Quadratic work fails every attempt; a load spike rarely hits three in a row.
 */
const RETRIES = 2;

/** Repetitions at most, for an input whose one run is too short to time alone. */
const MAX_REPEATS = 16;

/**
 * CPU seconds of one run, the minimum of several measurements. A run shorter than MIN_SECONDS is repeated
 * within each measurement (time divided by the repetitions): alone it is at the mercy of one GC pause or
 * timer tick, which on a busy machine made a linear case read 3.6× per doubling at 0.02 s.
 */
function minSeconds(bytes: Uint8Array, fileName: string): number {
  const once = cpuSeconds(() => {
    runHostile(bytes, fileName);
  });
  const repeats = Math.min(MAX_REPEATS, Math.max(1, Math.ceil(MIN_SECONDS / Math.max(once, 1e-4))));
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < RUNS; i++) {
    gc?.();
    const seconds = cpuSeconds(() => {
      for (let r = 0; r < repeats; r++) runHostile(bytes, fileName);
    });
    best = Math.min(best, seconds / repeats);
  }
  return best;
}

describe('hostile inputs scale linearly', () => {
  for (const c of HOSTILE_CASES) {
    it(`${c.name}: doubling the input at most ${MAX_RATIO}× its CPU time`, {
      timeout: 240_000,
      retry: RETRIES,
    }, () => {
      const encode = (n: number): Uint8Array => new TextEncoder().encode(c.make(n));
      runHostile(encode(4096), c.fileName);
      let n = BASE_BYTES;
      let small = minSeconds(encode(n), c.fileName);
      while (small < MIN_SECONDS && n * 2 <= MAX_BASE_BYTES) {
        n *= 2;
        small = minSeconds(encode(n), c.fileName);
      }
      const times = [small, minSeconds(encode(2 * n), c.fileName)];
      if ((times[1] ?? 0) / small >= MAX_RATIO) times.push(minSeconds(encode(4 * n), c.fileName));
      const ratios = times.slice(1).map((t, i) => t / (times[i] ?? 1));
      expect(
        Math.min(...ratios),
        `${c.name}: ${times.map((t, i) => `${n * 2 ** i} bytes ${t.toFixed(3)} s`).join(', ')}`,
      ).toBeLessThan(MAX_RATIO);
    });
  }
});
