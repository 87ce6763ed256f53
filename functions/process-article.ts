import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import { loadSettings } from '../lib/app/settings';
import { createAwsPorts, serviceConfigOf } from '../lib/app/wiring';
import { processObjectCreated, processObjectRemoved } from '../lib/service';
import { createArticleEventHandler } from './article-events';
import { logger, metrics } from './observability';

const settings = loadSettings(process.env);
const ports = createAwsPorts(settings);
const config = serviceConfigOf(settings);

/**
 * Input bucket → (SQS) → the service core → `<key>.json` and `<key>.html` in the results bucket; a delete takes
 * them away. Bad input yields a `rejected` result (no retry); infrastructure faults fail the message (SQS
 * redelivers it, then the DLQ takes it) or, for a direct S3 invocation, the invocation.
 */
export const handler = middy()
  .use(injectLambdaContext(logger))
  .use(logMetrics(metrics, { captureColdStartMetric: true }))
  .handler(
    createArticleEventHandler({
      inputBucket: settings.inputBucket,
      inputPrefix: settings.inputPrefix,
      created: (event) => processObjectCreated(event, ports, config),
      removed: (event) => processObjectRemoved(event, ports, config),
    }),
  );
