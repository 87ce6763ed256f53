/**
 * The same path as a user's upload through the local stack (s3rver → bridge → serverless-offline's
 * processArticle → result object in the results bucket), at a given concurrency. Starts and stops its
 * own stack on free ports in a temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { BridgeDelivery, BridgeFailure } from '../infra/local/s3-lambda-bridge';
import { startLocalStack } from '../infra/local/stack';
import { percentile } from './stats';

/** An upload that has no result after this long counts as failed (a cold worker takes a few seconds). */
const RESULT_TIMEOUT_MS = 60_000;

/** One concurrency level's outcome. */
export type StackRun = {
  readonly concurrency: number;
  readonly uploads: number;
  readonly completed: number;
  readonly failed: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
};

export type StackResult = {
  /** The first upload: worker start and module load inside serverless-offline. */
  readonly coldFirstMs: number;
  readonly runs: readonly StackRun[];
  readonly startMs: number;
};

/** Uploads the documents at each concurrency and times upload → result object. */
export async function benchLocalStack(
  documents: readonly Uint8Array[],
  plan: readonly { readonly concurrency: number; readonly uploads: number }[],
): Promise<StackResult> {
  const dataDir = mkdtempSync(join(tmpdir(), 'factsum-bench-'));
  const waiting = new Map<string, { resolve: () => void; reject: (error: Error) => void }>();
  const started = performance.now();
  const maxConcurrency = Math.max(1, ...plan.map((p) => p.concurrency));
  const stack = await startLocalStack({
    dataDir,
    s3Port: 0,
    dynamoPort: 0,
    httpPort: 0,
    lambdaPort: 0,
    bridgeConcurrency: maxConcurrency,
    offlineLogFile: join(dataDir, 'offline.log'),
    onDelivered: (delivery: BridgeDelivery) => waiting.get(delivery.key)?.resolve(),
    onFailed: (failure: BridgeFailure) =>
      waiting.get(failure.key)?.reject(new Error(`delivery failed after ${failure.attempts} attempts`)),
  });
  const startMs = performance.now() - started;
  let next = 0;
  const nextDocument = (): Uint8Array => documents[next++ % documents.length] ?? new Uint8Array();

  /** Uploads one document and resolves with the time until its result object can be read. */
  const uploadAndWait = async (key: string, body: Uint8Array): Promise<number> => {
    const t0 = performance.now();
    const delivered = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no result for ${key}`)), RESULT_TIMEOUT_MS);
      waiting.set(key, {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
    });
    await stack.s3Client.send(
      new PutObjectCommand({ Bucket: stack.inputBucket, Key: key, Body: body, ContentType: 'text/plain' }),
    );
    await delivered;
    // The function returned after writing; reading the result back is part of "upload → result".
    if ((await stack.readResult(key)) === undefined) throw new Error(`result of ${key} is missing`);
    waiting.delete(key);
    return performance.now() - t0;
  };

  try {
    const coldFirstMs = await uploadAndWait('bench/cold/0.txt', nextDocument());
    // Warm every worker that the highest concurrency will use, so that cold starts stay out of the runs.
    await Promise.all(
      Array.from({ length: maxConcurrency }, (_, i) => uploadAndWait(`bench/warm/${i}.txt`, nextDocument())),
    );
    const runs: StackRun[] = [];
    for (const { concurrency, uploads } of plan) {
      const latencies: number[] = [];
      let failed = 0;
      let issued = 0;
      const runStarted = performance.now();
      const worker = async (): Promise<void> => {
        while (issued < uploads) {
          const key = `bench/c${concurrency}/${issued++}.txt`;
          try {
            latencies.push(await uploadAndWait(key, nextDocument()));
          } catch {
            failed++;
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      const wallMs = performance.now() - runStarted;
      runs.push({
        concurrency,
        uploads,
        completed: latencies.length,
        failed,
        perSecond: (latencies.length / wallMs) * 1000,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
      });
    }
    return { coldFirstMs, runs, startMs };
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
