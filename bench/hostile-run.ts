/**
 * One hostile input through the same pure stages the service runs on an upload: prepareArticle (decode →
 * extract → clean → fingerprint), the dedup signature, bands and figures, analyzeArticle (segment → summary →
 * claims), the claim keys the corpus index would write, and the result document as JSON. Shared by
 * bench/hostile.ts and test/unit/hostile-scaling.test.ts.
 */
import { performance } from 'node:perf_hooks';
import { analyzeArticle, prepareArticle } from '../lib/pipeline/analyze';
import { toIndexedClaims } from '../lib/pipeline/corpus';
import { figuresFingerprint } from '../lib/pipeline/dedup/figures';
import { bandKeys, minhashSignature } from '../lib/pipeline/dedup/minhash';
import { buildProcessedResult, buildRejectedResult } from '../lib/pipeline/result';

/** Upload limit as deployed (serverless.yml's maxInputBytes default, 5 MiB). */
export const MAX_INPUT_BYTES = 5 * 1024 * 1024;
const UPLOADED_AT = '2026-01-01T00:00:00.000Z';
const clock = (): number => performance.now();

export type HostileRun = {
  readonly bytes: number;
  readonly status: 'processed' | 'rejected';
  readonly resultBytes: number;
  readonly claims: number;
  readonly truncated: number;
  readonly timings: Readonly<Record<string, number>>;
};

/** Runs `bytes` (named `fileName`) through the pipeline as the service would, returning what it produced. */
export function runHostile(bytes: Uint8Array, fileName: string): HostileRun {
  const prepared = prepareArticle(bytes, { maxBytes: MAX_INPUT_BYTES, clock, fileName });
  if (prepared.kind === 'rejected') {
    const json = JSON.stringify(buildRejectedResult({ key: fileName }, prepared));
    return {
      bytes: bytes.length,
      status: 'rejected',
      resultBytes: Buffer.byteLength(json),
      claims: 0,
      truncated: 0,
      timings: prepared.timings,
    };
  }
  const t0 = performance.now();
  bandKeys(minhashSignature(prepared.article.text));
  figuresFingerprint(prepared.article.text);
  const signature = performance.now() - t0;
  const analysis = analyzeArticle(prepared.article, { uploadedAt: UPLOADED_AT, clock });
  const t1 = performance.now();
  toIndexedClaims({ id: `bench/${fileName}`, uploadedAt: UPLOADED_AT }, analysis.claims);
  const keys = performance.now() - t1;
  const result = buildProcessedResult({ key: fileName }, prepared, analysis, { kind: 'unique' });
  const json = JSON.stringify(result);
  return {
    bytes: bytes.length,
    status: 'processed',
    resultBytes: Buffer.byteLength(json),
    claims: analysis.claims.length,
    truncated: result.limits?.truncated.length ?? 0,
    timings: { ...prepared.timings, signature, ...analysis.timings, 'claim keys': keys },
  };
}

/** CPU seconds (user + system) that `fn` took in this process. */
export function cpuSeconds(fn: () => void): number {
  const before = process.cpuUsage();
  fn();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1e6;
}
