import { resolve } from 'node:path';
import { z } from 'zod';
import { LOCAL_DEFAULTS, SERVICE_DIR } from './defaults';

const port = z.coerce.number().int().min(0).max(65_535);

/**
 * The environment variables of `npm start` and `npm run upload`, each with its default.
 * The README lists them; keep the two in step.
 */
const localEnvSchema = z.object({
  FACTSUM_DATA_DIR: z.string().min(1).default(LOCAL_DEFAULTS.dataDir),
  FACTSUM_S3_PORT: port.default(LOCAL_DEFAULTS.s3Port),
  FACTSUM_DYNAMO_PORT: port.default(LOCAL_DEFAULTS.dynamoPort),
  FACTSUM_API_PORT: port.default(LOCAL_DEFAULTS.httpPort),
  FACTSUM_LAMBDA_PORT: port.default(LOCAL_DEFAULTS.lambdaPort),
  INPUT_BUCKET: z.string().min(3).default(LOCAL_DEFAULTS.inputBucket),
  RESULTS_BUCKET: z.string().min(3).default(LOCAL_DEFAULTS.resultsBucket),
  INDEX_TABLE: z.string().min(3).default(LOCAL_DEFAULTS.indexTable),
  MAX_INPUT_BYTES: z.coerce.number().int().positive().optional(),
  FACTSUM_EXAMPLES_DIR: z.string().min(1).default(resolve(SERVICE_DIR, 'examples')),
  /** `false` skips uploading examples/ into an empty input bucket. */
  FACTSUM_SEED_EXAMPLES: z.enum(['true', 'false']).default('true'),
  /** `true` echoes serverless-offline's output (function logs) to the terminal. */
  FACTSUM_VERBOSE: z.enum(['true', 'false']).default('false'),
});

export type LocalConfig = z.infer<typeof localEnvSchema>;

/** Reads the local stack's settings from environment variables; throws a readable error on bad values. */
export function readLocalConfig(env: Readonly<Record<string, string | undefined>>): LocalConfig {
  const parsed = localEnvSchema.safeParse(env);
  if (!parsed.success) throw new Error(`Invalid environment: ${z.prettifyError(parsed.error)}`);
  if (parsed.data.INPUT_BUCKET === parsed.data.RESULTS_BUCKET) {
    // A result written into the input bucket would trigger the function again, forever.
    throw new Error('INPUT_BUCKET and RESULTS_BUCKET must differ');
  }
  return parsed.data;
}
