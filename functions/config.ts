import type { SummaryOptions } from '../lib/pipeline';
import type { SummaryRule } from '../lib/service/summary-options';
import * as z from '../lib/zod';

/** Default input limit: 5 MiB, far above any news article, small enough for one Lambda's memory. */
export const DEFAULT_MAX_INPUT_BYTES = 5 * 1024 * 1024;

const envSchema = z.object({
  INPUT_BUCKET: z._default(z.string().check(z.minLength(1)), 'factsum-articles'),
  RESULTS_BUCKET: z._default(z.string().check(z.minLength(1)), 'factsum-results'),
  INDEX_TABLE: z._default(z.string().check(z.minLength(1)), 'factsum-index'),
  /** Only keys under this prefix are processed; '' processes every key of the input bucket. */
  INPUT_PREFIX: z._default(z.string(), ''),
  MAX_INPUT_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), DEFAULT_MAX_INPUT_BYTES),
  SUMMARY_SENTENCES: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(50))),
  SUMMARY_WORDS: z.optional(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(5000))),
  SUMMARY_RATIO: z.optional(z.coerce.number().check(z.gt(0), z.maximum(1))),
  /** JSON: [{"prefix":"briefs/","maxSentences":1}, …] — summary length by key prefix. */
  SUMMARY_RULES: z.optional(z.string()),
  NEAR_DUP_THRESHOLD: z.optional(z.coerce.number().check(z.gt(0), z.maximum(1))),
  AWS_REGION: z.optional(z.string().check(z.minLength(1))),
  AWS_ENDPOINT_URL_S3: z.optional(z.url()),
  AWS_ENDPOINT_URL_DYNAMODB: z.optional(z.url()),
  FACTSUM_S3_FORCE_PATH_STYLE: z.optional(z.enum(['true', 'false'])),
});

const summaryRulesSchema = z.array(
  z.strictObject({
    prefix: z.string(),
    maxSentences: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(50))),
    maxWords: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(5000))),
    ratio: z.optional(z.number().check(z.gt(0), z.maximum(1))),
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

/** The deployment's environment variables are invalid: the function cannot start. */
export class ConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** SUMMARY_RULES as JSON rules, with a precise error when it is not. */
function parseSummaryRules(text: string): readonly SummaryRule[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new ConfigError('SUMMARY_RULES is not valid JSON', { cause: error });
  }
  const rules = summaryRulesSchema.safeParse(raw);
  if (!rules.success) {
    throw new ConfigError(`SUMMARY_RULES: ${z.prettifyError(rules.error)}`, { cause: rules.error });
  }
  return rules.data;
}

/** Reads the handlers' configuration from environment variables; throws on invalid values. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): FunctionConfig {
  const checked = envSchema.safeParse(env);
  if (!checked.success) {
    throw new ConfigError(`Invalid function configuration: ${z.prettifyError(checked.error)}`, {
      cause: checked.error,
    });
  }
  const parsed = checked.data;
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
    summaryRules: parsed.SUMMARY_RULES ? parseSummaryRules(parsed.SUMMARY_RULES) : [],
    ...(parsed.NEAR_DUP_THRESHOLD ? { nearThreshold: parsed.NEAR_DUP_THRESHOLD } : {}),
    ...(parsed.AWS_REGION ? { region: parsed.AWS_REGION } : {}),
    ...(parsed.AWS_ENDPOINT_URL_S3 ? { s3Endpoint: parsed.AWS_ENDPOINT_URL_S3 } : {}),
    ...(parsed.AWS_ENDPOINT_URL_DYNAMODB ? { dynamoEndpoint: parsed.AWS_ENDPOINT_URL_DYNAMODB } : {}),
    forcePathStyle: parsed.FACTSUM_S3_FORCE_PATH_STYLE === 'true',
  };
}
