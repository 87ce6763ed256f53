import { LOCAL_STACK } from '../local/local-stack';

// The help apart from the command, so that `factsum help` loads no AWS SDK.

/** The local stack's endpoints. */
export const LOCAL = {
  s3Endpoint: `http://${LOCAL_STACK.host}:${LOCAL_STACK.s3Port}`,
  dynamoEndpoint: `http://${LOCAL_STACK.host}:${LOCAL_STACK.dynamoPort}`,
} as const;

/** Objects processed at once: enough to hide S3/DynamoDB latency, few enough not to throttle a small table. */
export const DEFAULT_CONCURRENCY = 4;

export const BACKFILL_HELP = `factsum backfill: re-run the pipeline over objects already in a bucket.

Usage:
  factsum backfill --bucket BUCKET [--prefix PREFIX] [options]

Options:
  --bucket NAME            input bucket to read (required)
  --prefix PREFIX          only keys starting with PREFIX
  --results-bucket NAME    where results go (default: $RESULTS_BUCKET or factsum-results)
  --table NAME             index table (default: $INDEX_TABLE or factsum-index)
  --local                  use the local stack of 'npm start' (S3 ${LOCAL.s3Endpoint}, DynamoDB ${LOCAL.dynamoEndpoint})
  --concurrency N          objects in flight (default ${DEFAULT_CONCURRENCY})
  --checkpoint FILE        remember the last key done in FILE and resume after it on the next run
  --force                  recompute results that already exist for the same object version
  --queue QUEUE_URL        do not process here: send each object to the article queue (SQS) as the
                           ObjectCreated notification S3 would have sent, so the deployed processArticle
                           functions fan the backfill out (a million objects are a million messages)

Without --local, endpoints and credentials come from the usual AWS environment (AWS_PROFILE,
AWS_REGION, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL_DYNAMODB). Objects are processed in key order with
their LastModified time as upload time, so the corpus order (and every dedup verdict) is the one
their uploads would have given. Objects whose result is already there for the same ETag are
skipped, so a second run (or a resumed one) does not analyse anything twice. The settings the functions
read (SUMMARY_SENTENCES, SUMMARY_RULES, NEAR_DUP_THRESHOLD, MAX_INPUT_BYTES, ...) apply here too, and every
object gets the same result, report and claim links an upload gives it. The last line on stdout counts
the objects by outcome; with --concurrency above 1 a later copy can be written as processed before its
earlier copy, which then demotes it: those are counted as "demoted" (processed − demoted stand as canonical).`;
