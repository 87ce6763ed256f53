import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { processObjectCreated } from '../lib/service/process-object';
import { createArticleEventHandler } from './article-events';
import { loadConfig } from './config';
import { createDeps } from './deps';
import { logger, metrics } from './observability';

const config = loadConfig(process.env);
const deps = createDeps(config);

/**
 * Input bucket → (SQS) → read → pipeline → `<key>.json` in the results bucket. Bad input yields a
 * `rejected` result (no retry); infrastructure faults fail the message (SQS redelivers it, then the
 * DLQ takes it) or, for a direct S3 invocation, the invocation (Lambda retries, then the failure queue).
 */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(
    createArticleEventHandler({
      inputBucket: config.inputBucket,
      inputPrefix: config.inputPrefix,
      process: (event) =>
        processObjectCreated(event, deps, {
          maxBytes: config.maxInputBytes,
          summary: config.summary,
          summaryRules: config.summaryRules,
          ...(config.nearThreshold ? { nearThreshold: config.nearThreshold } : {}),
        }),
    }),
  );
