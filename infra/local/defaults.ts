import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: where serverless.yml and node_modules are. */
export const SERVICE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Defaults of `npm start`; every one can be overridden (environment variables: infra/local/local-config.ts). */
export const LOCAL_DEFAULTS = {
  host: '127.0.0.1',
  /** The port the issue and README promise for the S3 endpoint. */
  s3Port: 4569,
  /** Next to S3's, away from DynamoDB Local's 8000 which a developer may already run. */
  dynamoPort: 4570,
  /** serverless-offline's default HTTP port. */
  httpPort: 3000,
  /** serverless-offline's default Lambda port. */
  lambdaPort: 3002,
  inputBucket: 'factsum-articles',
  resultsBucket: 'factsum-results',
  indexTable: 'factsum-index',
  /** serverless.yml's `params.local`: the stage whose functions talk path-style to s3rver. */
  stage: 'local',
  dataDir: join(SERVICE_DIR, '.data'),
} as const;
