import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULTS } from '../../lib/app/settings';
import { LOCAL_STACK } from '../../lib/local/local-stack';

/** The repository root: where serverless.yml and node_modules are. */
export const SERVICE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/** Defaults of `npm start`; every one can be overridden (environment variables: infra/local/local-config.ts). */
export const LOCAL_DEFAULTS = {
  host: LOCAL_STACK.host,
  s3Port: LOCAL_STACK.s3Port,
  dynamoPort: LOCAL_STACK.dynamoPort,
  /** serverless-offline's default HTTP port. */
  httpPort: 3000,
  /** serverless-offline's default Lambda port. */
  lambdaPort: 3002,
  inputBucket: DEFAULTS.inputBucket,
  resultsBucket: DEFAULTS.resultsBucket,
  indexTable: DEFAULTS.indexTable,
  /** The fact-check library's bucket; `npm start` publishes examples/factchecks.jsonld into it once. */
  factcheckBucket: DEFAULTS.factcheckBucket,
  /** serverless.yml's `params.local`: the stage whose functions talk path-style to s3rver. */
  stage: 'local',
  dataDir: join(SERVICE_DIR, '.data'),
} as const;
