import middy from '@middy/core';
import { processObjectCreated } from '../lib/service/process-object';
import { loadConfig } from './config';
import { createDeps } from './deps';
import { describeError, logJson } from './log';
import { parseS3Event } from './s3-event';

const config = loadConfig(process.env);
const deps = createDeps(config);

export type ProcessReport = {
  readonly results: readonly { readonly key: string; readonly status: string; readonly outcome: string }[];
  readonly ignored: number;
};

/**
 * S3 ObjectCreated → read → pipeline → `<key>.json` in the results bucket. Bad input yields a
 * `rejected` result and a normal return (no retry); infrastructure faults throw (Lambda retries).
 */
async function processArticle(event: unknown): Promise<ProcessReport> {
  const results: { key: string; status: string; outcome: string }[] = [];
  let ignored = 0;
  for (const record of parseS3Event(event)) {
    if (record.kind === 'ignored') {
      ignored++;
      logJson('info', 'record ignored', { reason: record.reason });
      continue;
    }
    const { bucket, key } = record.event;
    // Results live in another bucket; anything else reaching this function would risk a loop.
    if (bucket !== config.inputBucket) {
      ignored++;
      logJson('warn', 'record from an unexpected bucket ignored', {
        bucket,
        key,
        inputBucket: config.inputBucket,
      });
      continue;
    }
    try {
      const outcome = await processObjectCreated(record.event, deps, {
        maxBytes: config.maxInputBytes,
        summary: config.summary,
        summaryRules: config.summaryRules,
        ...(config.nearThreshold ? { nearThreshold: config.nearThreshold } : {}),
      });
      const status = outcome.kind === 'missing' ? 'missing' : outcome.result.status;
      logJson('info', 'article processed', { bucket, key, outcome: outcome.kind, status });
      results.push({ key, status, outcome: outcome.kind });
    } catch (error) {
      logJson('error', 'article failed; the invocation will be retried', {
        bucket,
        key,
        ...describeError(error),
      });
      throw error;
    }
  }
  return { results, ignored };
}

export const handler = middy().handler(processArticle);
