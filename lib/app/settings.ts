import type { SummaryOptions } from '../pipeline';
// The dedup stage alone: the settings load (in the CLI's main thread too) without every pipeline stage's models.
import { DEFAULT_NEAR_THRESHOLD } from '../pipeline/dedup';
import type { SummaryRule } from '../service';
import * as z from '../zod';

/**
 * factsum's settings, defined and validated once for every entry point: the Lambda handlers, the API, the CLI
 * (`analyze`, `backfill`) and the local stack. Environment variables and command-line flags both come through
 * here, so a limit means the same thing wherever it is set.
 */

/** The defaults every entry point starts from (serverless.yml sets the same names). */
export const DEFAULTS = {
  inputBucket: 'factsum-articles',
  resultsBucket: 'factsum-results',
  indexTable: 'factsum-index',
  factcheckBucket: 'factsum-factchecks',
  /** 5 MiB: far above any news article, small enough for one Lambda's memory and time budget. */
  maxInputBytes: 5 * 1024 * 1024,
  nearThreshold: DEFAULT_NEAR_THRESHOLD,
} as const;

/**
 * Bounds of a requested summary length, the same for SUMMARY_* settings, prefix rules, object metadata, the
 * API's query and the CLI's flags: 50 sentences or 5,000 words is longer than any article worth summarising.
 */
export const SUMMARY_LIMITS = { maxSentences: 50, maxWords: 5000 } as const;

const sentencesSchema = z.number().check(z.int(), z.minimum(1), z.maximum(SUMMARY_LIMITS.maxSentences));
const wordsSchema = z.number().check(z.int(), z.minimum(1), z.maximum(SUMMARY_LIMITS.maxWords));
const ratioSchema = z.number().check(z.gt(0), z.maximum(1));

/** A summary length as numbers: each part optional, each within SUMMARY_LIMITS. */
export const summaryLengthSchema = z.strictObject({
  maxSentences: z.optional(sentencesSchema),
  maxWords: z.optional(wordsSchema),
  ratio: z.optional(ratioSchema),
});

/** A summary length from text (environment, query string, flags, metadata): numbers in the same bounds. */
export const summaryLengthTextSchema = z.object({
  sentences: z.optional(numberText(/^\d{1,4}$/, sentencesSchema)),
  words: z.optional(numberText(/^\d{1,5}$/, wordsSchema)),
  ratio: z.optional(numberText(/^(?:0?\.\d{1,6}|1(?:\.0*)?)$/, ratioSchema)),
});

/** A number written as text of a given shape, then checked as a number. */
function numberText(shape: RegExp, schema: z.ZodMiniNumber<number>) {
  return z.pipe(z.pipe(z.string().check(z.regex(shape)), z.transform(Number)), schema);
}

/** The summary options of a validated length; undefined when none of its parts is set. */
export function toSummaryOptions(length: {
  readonly sentences?: number;
  readonly words?: number;
  readonly ratio?: number;
}): SummaryOptions | undefined {
  const options = {
    ...(length.sentences === undefined ? {} : { maxSentences: length.sentences }),
    ...(length.words === undefined ? {} : { maxWords: length.words }),
    ...(length.ratio === undefined ? {} : { ratio: length.ratio }),
  };
  return Object.keys(options).length > 0 ? options : undefined;
}

const summaryRulesSchema = z.array(z.extend(summaryLengthSchema, { prefix: z.string() }));

/** Where the API's callers authenticate: IAM (SigV4), a JWT issuer, or nothing (the local stack only). */
export type ApiAuth = 'iam' | 'jwt' | 'none';

const envSchema = z.object({
  INPUT_BUCKET: z._default(z.string().check(z.minLength(3)), DEFAULTS.inputBucket),
  RESULTS_BUCKET: z._default(z.string().check(z.minLength(3)), DEFAULTS.resultsBucket),
  INDEX_TABLE: z._default(z.string().check(z.minLength(3)), DEFAULTS.indexTable),
  /** Only keys under this prefix are processed; '' processes every key of the input bucket. */
  INPUT_PREFIX: z._default(z.string(), ''),
  MAX_INPUT_BYTES: z._default(z.coerce.number().check(z.int(), z.positive()), DEFAULTS.maxInputBytes),
  SUMMARY_SENTENCES: z.optional(z.string()),
  SUMMARY_WORDS: z.optional(z.string()),
  SUMMARY_RATIO: z.optional(z.string()),
  /** JSON: [{"prefix":"briefs/","maxSentences":1}, …] — summary length by key prefix. */
  SUMMARY_RULES: z.optional(z.string()),
  NEAR_DUP_THRESHOLD: z._default(z.coerce.number().check(z.gt(0), z.maximum(1)), DEFAULTS.nearThreshold),
  AWS_REGION: z.optional(z.string().check(z.minLength(1))),
  AWS_ENDPOINT_URL_S3: z.optional(z.url()),
  AWS_ENDPOINT_URL_DYNAMODB: z.optional(z.url()),
  FACTSUM_S3_FORCE_PATH_STYLE: z._default(z.enum(['true', 'false']), 'false'),
  FACTSUM_STAGE: z.optional(z.string().check(z.minLength(1))),
  FACTSUM_API_AUTH: z._default(z.enum(['iam', 'jwt', 'none']), 'iam'),
  /** Where the fact-check library lives (`factsum library import --bucket`); unset: claims get no fact-checks. */
  FACTCHECK_BUCKET: z.optional(z.string().check(z.minLength(3))),
  FACTCHECK_PREFIX: z._default(z.string(), 'factchecks/'),
  FACTCHECK_RECHECK_SECONDS: z._default(z.coerce.number().check(z.int(), z.positive()), 60),
});

/** Everything a deployment (or a local run) is configured with, validated. */
export type Settings = {
  readonly inputBucket: string;
  readonly resultsBucket: string;
  readonly indexTable: string;
  /** Only input keys under this prefix are processed ('' for all); presigned uploads go below it. */
  readonly inputPrefix: string;
  readonly maxInputBytes: number;
  /** The bucket's default summary length; undefined follows the article's length. */
  readonly summary?: SummaryOptions;
  readonly summaryRules: readonly SummaryRule[];
  /** Estimated Jaccard similarity from which an article is a near-duplicate. */
  readonly nearThreshold: number;
  readonly region?: string;
  readonly s3Endpoint?: string;
  readonly dynamoEndpoint?: string;
  readonly forcePathStyle: boolean;
  readonly stage?: string;
  readonly apiAuth: ApiAuth;
  /** The fact-check library: its bucket (none: no matching), key prefix, and how often a new version is looked for. */
  readonly factChecks: { readonly bucket?: string; readonly prefix: string; readonly recheckSeconds: number };
};

/** The settings are invalid: the function (or command) cannot start. */
export class ConfigError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the settings from environment variables; throws ConfigError naming what is wrong. */
export function loadSettings(env: Readonly<Record<string, string | undefined>>): Settings {
  const checked = envSchema.safeParse(env);
  if (!checked.success) {
    throw new ConfigError(`Invalid configuration: ${z.prettifyError(checked.error)}`, {
      cause: checked.error,
    });
  }
  const parsed = checked.data;
  if (parsed.INPUT_BUCKET === parsed.RESULTS_BUCKET) {
    // A result written into the input bucket would trigger the function again, forever.
    throw new ConfigError('INPUT_BUCKET and RESULTS_BUCKET must differ');
  }
  if (
    parsed.FACTSUM_API_AUTH === 'none' &&
    parsed.FACTSUM_STAGE !== undefined &&
    parsed.FACTSUM_STAGE !== 'local'
  ) {
    throw new ConfigError(`FACTSUM_API_AUTH=none is for the local stage only, not '${parsed.FACTSUM_STAGE}'`);
  }
  const summary = parseSummaryEnv(parsed);
  return {
    inputBucket: parsed.INPUT_BUCKET,
    resultsBucket: parsed.RESULTS_BUCKET,
    indexTable: parsed.INDEX_TABLE,
    inputPrefix: parsed.INPUT_PREFIX,
    maxInputBytes: parsed.MAX_INPUT_BYTES,
    ...(summary === undefined ? {} : { summary }),
    summaryRules: parsed.SUMMARY_RULES ? parseSummaryRules(parsed.SUMMARY_RULES) : [],
    nearThreshold: parsed.NEAR_DUP_THRESHOLD,
    forcePathStyle: parsed.FACTSUM_S3_FORCE_PATH_STYLE === 'true',
    apiAuth: parsed.FACTSUM_API_AUTH,
    factChecks: {
      prefix: parsed.FACTCHECK_PREFIX,
      recheckSeconds: parsed.FACTCHECK_RECHECK_SECONDS,
      ...(parsed.FACTCHECK_BUCKET ? { bucket: parsed.FACTCHECK_BUCKET } : {}),
    },
    ...(parsed.AWS_REGION ? { region: parsed.AWS_REGION } : {}),
    ...(parsed.AWS_ENDPOINT_URL_S3 ? { s3Endpoint: parsed.AWS_ENDPOINT_URL_S3 } : {}),
    ...(parsed.AWS_ENDPOINT_URL_DYNAMODB ? { dynamoEndpoint: parsed.AWS_ENDPOINT_URL_DYNAMODB } : {}),
    ...(parsed.FACTSUM_STAGE ? { stage: parsed.FACTSUM_STAGE } : {}),
  };
}

/** SUMMARY_SENTENCES / _WORDS / _RATIO through the one summary-length check. */
function parseSummaryEnv(parsed: {
  readonly SUMMARY_SENTENCES?: string;
  readonly SUMMARY_WORDS?: string;
  readonly SUMMARY_RATIO?: string;
}): SummaryOptions | undefined {
  const length = summaryLengthTextSchema.safeParse({
    ...(parsed.SUMMARY_SENTENCES ? { sentences: parsed.SUMMARY_SENTENCES } : {}),
    ...(parsed.SUMMARY_WORDS ? { words: parsed.SUMMARY_WORDS } : {}),
    ...(parsed.SUMMARY_RATIO ? { ratio: parsed.SUMMARY_RATIO } : {}),
  });
  if (!length.success) {
    throw new ConfigError(
      `SUMMARY_SENTENCES, SUMMARY_WORDS or SUMMARY_RATIO: ${z.prettifyError(length.error)}`,
      {
        cause: length.error,
      },
    );
  }
  return toSummaryOptions(length.data);
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
