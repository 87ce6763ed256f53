import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { SERVICE_DIR } from '../../infra/local/defaults';

const run = promisify(execFile);

/** Bundling both functions and writing the template takes a few seconds; a cold machine more. */
const PACKAGE_TIMEOUT_MS = 150_000;

const templateSchema = z.looseObject({
  Resources: z.record(
    z.string(),
    z.looseObject({ Type: z.string(), Properties: z.record(z.string(), z.unknown()).optional() }),
  ),
});
type Template = z.infer<typeof templateSchema>;

const statementSchema = z.looseObject({
  Effect: z.string(),
  Action: z.union([z.string(), z.array(z.string())]),
  Resource: z.unknown(),
});
type Statement = z.infer<typeof statementSchema>;

const policiesSchema = z.array(
  z.looseObject({ PolicyDocument: z.looseObject({ Statement: z.array(statementSchema) }) }),
);

const outDirs: string[] = [];

/** Runs `osls package` into a temp dir, offline and without AWS credentials, and reads the template. */
async function packageService(
  env: Readonly<Record<string, string>> = {},
): Promise<{ dir: string; template: Template }> {
  const dir = mkdtempSync(join(tmpdir(), 'factsum-package-'));
  outDirs.push(dir);
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const name of ['AWS_PROFILE', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN']) {
    if (!(name in env)) delete childEnv[name];
  }
  // Its own build folder: the default `.esbuild` may belong to a concurrent `npm run package`.
  childEnv.FACTSUM_ESBUILD_WORK_FOLDER = join('.data', 'esbuild', `package-${process.pid}-${outDirs.length}`);
  childEnv.SLS_TELEMETRY_DISABLED = '1';
  await run(
    process.execPath,
    [
      join(SERVICE_DIR, 'node_modules', 'osls', 'bin', 'serverless.js'),
      'package',
      '--stage',
      'test',
      '--package',
      dir,
    ],
    { cwd: SERVICE_DIR, env: childEnv, timeout: PACKAGE_TIMEOUT_MS, killSignal: 'SIGKILL' },
  );
  rmSync(join(SERVICE_DIR, childEnv.FACTSUM_ESBUILD_WORK_FOLDER), { recursive: true, force: true });
  const template = templateSchema.parse(
    JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')),
  );
  return { dir, template };
}

function resourcesOfType(template: Template, type: string) {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}

function statementsOf(template: Template): Statement[] {
  const statements: Statement[] = [];
  for (const [, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    const policies = policiesSchema.parse(role.Properties?.Policies ?? []);
    for (const policy of policies) statements.push(...policy.PolicyDocument.Statement);
  }
  return statements;
}

const asArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** The actions a statement allows on `resource` (a plain ARN string). */
function actionsOn(template: Template, arn: string): string[] {
  return statementsOf(template)
    .filter((statement) => statement.Effect === 'Allow' && asArray(statement.Resource).includes(arn))
    .flatMap((statement) => asArray(statement.Action));
}

let packaged: { dir: string; template: Template };

beforeAll(async () => {
  packaged = await packageService();
}, PACKAGE_TIMEOUT_MS);

afterAll(() => {
  for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
});

describe('osls package', () => {
  it('builds one bundle per function', () => {
    expect(existsSync(join(packaged.dir, 'processArticle.zip'))).toBe(true);
    expect(existsSync(join(packaged.dir, 'api.zip'))).toBe(true);
  });

  it('declares the input and results buckets and the index table', () => {
    const buckets = resourcesOfType(packaged.template, 'AWS::S3::Bucket').map(
      ([, bucket]) => bucket.Properties?.BucketName,
    );
    expect(buckets).toEqual(expect.arrayContaining(['factsum-articles', 'factsum-results']));
    const tables = resourcesOfType(packaged.template, 'AWS::DynamoDB::Table');
    expect(tables).toHaveLength(1);
    expect(tables[0]?.[1].Properties).toMatchObject({
      TableName: 'factsum-index',
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    });
  });

  it('notifies processArticle of every ObjectCreated event of the input bucket, and only of it', () => {
    const buckets = resourcesOfType(packaged.template, 'AWS::S3::Bucket');
    const notified = buckets.filter(
      ([, bucket]) => bucket.Properties?.NotificationConfiguration !== undefined,
    );
    expect(notified.map(([, bucket]) => bucket.Properties?.BucketName)).toEqual(['factsum-articles']);
    expect(notified[0]?.[1].Properties?.NotificationConfiguration).toEqual({
      LambdaConfigurations: [
        { Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['ProcessArticleLambdaFunction', 'Arn'] } },
      ],
    });
    const permissions = resourcesOfType(packaged.template, 'AWS::Lambda::Permission').filter(
      ([, permission]) => permission.Properties?.Principal === 's3.amazonaws.com',
    );
    expect(permissions).toHaveLength(1);
    expect(permissions[0]?.[1].Properties).toMatchObject({
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['ProcessArticleLambdaFunction', 'Arn'] },
    });
    expect(JSON.stringify(permissions[0]?.[1].Properties?.SourceArn)).toContain(':s3:::factsum-articles');
  });

  it('scopes every S3 and DynamoDB permission to the service own buckets and table', () => {
    const statements = statementsOf(packaged.template).filter((statement) =>
      asArray(statement.Action).some((action) => /^(s3|dynamodb):/.test(action)),
    );
    expect(statements.length).toBeGreaterThan(0);
    for (const statement of statements) {
      for (const resource of asArray(statement.Resource)) {
        if (typeof resource === 'string') {
          expect(resource).toMatch(/^arn:aws:s3:::factsum-(articles|results)(\/\*)?$/);
        } else {
          // CloudFormation references: only the index table (and its indexes).
          expect(JSON.stringify(resource)).toContain('"IndexTable","Arn"');
        }
      }
    }
    expect(actionsOn(packaged.template, 'arn:aws:s3:::factsum-articles/*')).toContain('s3:GetObject');
    expect(actionsOn(packaged.template, 'arn:aws:s3:::factsum-results/*')).toEqual(
      expect.arrayContaining(['s3:GetObject', 's3:PutObject']),
    );
    // Inputs are never modified, and results never land in the input bucket.
    expect(actionsOn(packaged.template, 'arn:aws:s3:::factsum-articles/*')).not.toContain('s3:PutObject');
    const dynamoActions = statements
      .flatMap((statement) => asArray(statement.Action))
      .filter((a) => a.startsWith('dynamodb:'));
    expect(dynamoActions).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
    );
  });

  it('runs both functions on nodejs22.x with the bucket and table names in their environment', () => {
    const functions = resourcesOfType(packaged.template, 'AWS::Lambda::Function');
    expect(functions.map(([id]) => id).sort()).toEqual(['ApiLambdaFunction', 'ProcessArticleLambdaFunction']);
    for (const [, lambda] of functions) {
      expect(lambda.Properties).toMatchObject({
        Runtime: 'nodejs22.x',
        Environment: {
          Variables: {
            INPUT_BUCKET: 'factsum-articles',
            RESULTS_BUCKET: 'factsum-results',
            INDEX_TABLE: 'factsum-index',
          },
        },
      });
    }
  });

  it('exposes POST /analyze and GET /results/{key+} on the HTTP API', () => {
    const routes = resourcesOfType(packaged.template, 'AWS::ApiGatewayV2::Route').map(
      ([, route]) => route.Properties?.RouteKey,
    );
    expect(routes).toEqual(expect.arrayContaining(['GET /results/{key+}', 'POST /analyze']));
  });

  it(
    'takes the bucket and table names from the environment',
    async () => {
      const { template } = await packageService({
        INPUT_BUCKET: 'acme-factsum-in',
        RESULTS_BUCKET: 'acme-factsum-out',
        INDEX_TABLE: 'acme-factsum-index',
      });
      const buckets = resourcesOfType(template, 'AWS::S3::Bucket').map(
        ([, bucket]) => bucket.Properties?.BucketName,
      );
      expect(buckets).toEqual(expect.arrayContaining(['acme-factsum-in', 'acme-factsum-out']));
      expect(actionsOn(template, 'arn:aws:s3:::acme-factsum-in/*')).toContain('s3:GetObject');
      expect(actionsOn(template, 'arn:aws:s3:::acme-factsum-out/*')).toContain('s3:PutObject');
      expect(JSON.stringify(template)).not.toContain('factsum-articles');
    },
    PACKAGE_TIMEOUT_MS,
  );
});
