import { z } from 'zod';
import type { SummaryOptions } from '../lib/pipeline/summarize';
import type { SummaryRule } from '../lib/service/summary-options';

/** Default input limit: 5 MiB, far above any news article, small enough for one Lambda's memory. */
export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

const envSchema = z.object({
  INPUT_BUCKET: z.string().min(1).default('factsum-articles'),
  RESULTS_BUCKET: z.string().min(1).default('factsum-results'),
  INDEX_TABLE: z.string().min(1).default('factsum-index'),
  /** Only keys under this prefix are processed; '' processes every key of the input bucket. */
  INPUT_PREFIX: z.string().default(''),
  MAX_INPUT_BYTES: z.coerce.number().int().positive().default(DEFAULT_MAX_INPUT_BYTES),
  SUMMARY_SENTENCES: z.coerce.number().int().min(1).max(50).optional(),
  SUMMARY_WORDS: z.coerce.number().int().min(1).max(5000).optional(),
  SUMMARY_RATIO: z.coerce.number().gt(0).max(1).optional(),
  /** JSON: [{"prefix":"briefs/","maxSentences":1}, …] — summary length by key prefix. */
  SUMMARY_RULES: z.string().optional(),
  NEAR_DUP_THRESHOLD: z.coerce.number().gt(0).max(1).optional(),
  AWS_REGION: z.string().min(1).optional(),
  AWS_ENDPOINT_URL_S3: z.url().optional(),
  AWS_ENDPOINT_URL_DYNAMODB: z.url().optional(),
  FACTSUM_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
});

const summaryRulesSchema = z.array(
  z.strictObject({
    prefix: z.string(),
    maxSentences: z.number().int().min(1).max(50).optional(),
    maxWords: z.number().int().min(1).max(5000).optional(),
    ratio: z.number().gt(0).max(1).optional(),
  }),
);

/** What the handlers need to know about their deployment. */
export type FunctionConfig = {
  readonly inputBucket: string;
  readonly resultsBucket: string;
  readonly indexTable: string;
  /** Only input keys under this prefix are processed ('' for all); presigned uploads go below it. */
  readonly inputPrefix: string;
  readonly maxInputBytes: number;
  /** The bucket's default summary length (sentences, words, ratio). */
  readonly summary: SummaryOptions;
  readonly summaryRules: readonly SummaryRule[];
  /** Estimated Jaccard similarity from which an article is a near-duplicate; the pipeline's default when unset. */
  readonly nearThreshold?: number;
  readonly region?: string;
  readonly s3Endpoint?: string;
  readonly dynamoEndpoint?: string;
  readonly forcePathStyle: boolean;
};

/** Reads the handlers' configuration from environment variables; throws on invalid values. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): FunctionConfig {
  const parsed = envSchema.parse(env);
  return {
    inputBucket: parsed.INPUT_BUCKET,
    resultsBucket: parsed.RESULTS_BUCKET,
    indexTable: parsed.INDEX_TABLE,
    inputPrefix: parsed.INPUT_PREFIX,
    maxInputBytes: parsed.MAX_INPUT_BYTES,
    summary: {
      ...(parsed.SUMMARY_SENTENCES ? { maxSentences: parsed.SUMMARY_SENTENCES } : {}),
      ...(parsed.SUMMARY_WORDS ? { maxWords: parsed.SUMMARY_WORDS } : {}),
      ...(parsed.SUMMARY_RATIO ? { ratio: parsed.SUMMARY_RATIO } : {}),
    },
    summaryRules: parsed.SUMMARY_RULES ? summaryRulesSchema.parse(JSON.parse(parsed.SUMMARY_RULES)) : [],
    ...(parsed.NEAR_DUP_THRESHOLD ? { nearThreshold: parsed.NEAR_DUP_THRESHOLD } : {}),
    ...(parsed.AWS_REGION ? { region: parsed.AWS_REGION } : {}),
    ...(parsed.AWS_ENDPOINT_URL_S3 ? { s3Endpoint: parsed.AWS_ENDPOINT_URL_S3 } : {}),
    ...(parsed.AWS_ENDPOINT_URL_DYNAMODB ? { dynamoEndpoint: parsed.AWS_ENDPOINT_URL_DYNAMODB } : {}),
    forcePathStyle: parsed.FACTSUM_S3_FORCE_PATH_STYLE === 'true',
  };
}
