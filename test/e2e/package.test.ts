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

/**
 * The per-article work budget the queue settings are sized for (docs/operations.md, sizing): at most 10 s
 * of CPU for any input up to MAX_INPUT_BYTES, and the messages of a batch share one vCPU.
 */
const ARTICLE_WORK_BUDGET_SECONDS = 10;

/** What the function timeout must leave beside a batch's CPU: S3/DynamoDB calls that stall and are retried. */
const IO_ALLOWANCE_SECONDS = 30;

/** Lambda keeps this much of an account's concurrency unreserved; 1,000 is the default account limit. */
const UNRESERVED_MINIMUM = 100;
const DEFAULT_ACCOUNT_CONCURRENCY = 1000;

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

/** What execFile's rejection carries besides the message. */
const commandOutputSchema = z.looseObject({ stdout: z.string(), stderr: z.string() });

const outDirs: string[] = [];

/** Runs `osls package` into a temp dir, offline and without AWS credentials, and reads the template. */
async function packageService(
  env: Readonly<Record<string, string>> = {},
  stage = 'test',
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
  // The template under test is the default one unless a case sets the mode: not the caller's shell's.
  if (!('FACTSUM_API_AUTH' in env)) delete childEnv.FACTSUM_API_AUTH;
  // The build folder goes even when packaging fails (a refused configuration is a test case here).
  try {
    await run(
      process.execPath,
      [
        join(SERVICE_DIR, 'node_modules', 'osls', 'bin', 'serverless.js'),
        'package',
        '--stage',
        stage,
        '--package',
        dir,
      ],
      { cwd: SERVICE_DIR, env: childEnv, timeout: PACKAGE_TIMEOUT_MS, killSignal: 'SIGKILL' },
    );
  } finally {
    rmSync(join(SERVICE_DIR, childEnv.FACTSUM_ESBUILD_WORK_FOLDER), { recursive: true, force: true });
  }
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

/** One resource by logical id; fails the test when it is missing. */
function resource(template: Template, id: string): [string, Template['Resources'][string]] {
  const found = template.Resources[id];
  if (found === undefined) throw new Error(`the template has no resource ${id}`);
  return [id, found];
}

const policyDocumentSchema = z.looseObject({
  Statement: z.array(z.looseObject({ Effect: z.string() })),
});

/** The statements of a policy document (queue or bucket policy). */
function policyStatements(document: unknown) {
  return policyDocumentSchema.parse(document).Statement;
}

/** What one role allows, by resource (CloudFormation references as their JSON). */
function roleActions(template: Template, roleId: string): Map<string, string[]> {
  const [, role] = resource(template, roleId);
  const byResource = new Map<string, string[]>();
  for (const policy of policiesSchema.parse(role.Properties?.Policies ?? [])) {
    for (const statement of policy.PolicyDocument.Statement) {
      if (statement.Effect !== 'Allow') continue;
      for (const target of asArray(statement.Resource)) {
        const key = typeof target === 'string' ? target : JSON.stringify(target);
        byResource.set(key, [...(byResource.get(key) ?? []), ...asArray(statement.Action)]);
      }
    }
  }
  return byResource;
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

  it('queues every ObjectCreated and ObjectRemoved event of the input bucket, and only of it, for processArticle', () => {
    const buckets = resourcesOfType(packaged.template, 'AWS::S3::Bucket');
    const notified = buckets.filter(
      ([, bucket]) => bucket.Properties?.NotificationConfiguration !== undefined,
    );
    expect(notified.map(([, bucket]) => bucket.Properties?.BucketName)).toEqual(['factsum-articles']);
    expect(notified[0]?.[1].Properties?.NotificationConfiguration).toEqual({
      QueueConfigurations: [
        { Event: 's3:ObjectCreated:*', Queue: { 'Fn::GetAtt': ['ArticleQueue', 'Arn'] } },
        { Event: 's3:ObjectRemoved:*', Queue: { 'Fn::GetAtt': ['ArticleQueue', 'Arn'] } },
      ],
    });
    // S3 never invokes the function directly any more: no permission for s3.amazonaws.com.
    const permissions = resourcesOfType(packaged.template, 'AWS::Lambda::Permission').filter(
      ([, permission]) => permission.Properties?.Principal === 's3.amazonaws.com',
    );
    expect(permissions).toHaveLength(0);
    const mappings = resourcesOfType(packaged.template, 'AWS::Lambda::EventSourceMapping');
    expect(mappings).toHaveLength(1);
    expect(mappings[0]?.[1].Properties).toMatchObject({
      EventSourceArn: { 'Fn::GetAtt': ['ArticleQueue', 'Arn'] },
      FunctionName: { 'Fn::GetAtt': ['ProcessArticleLambdaFunction', 'Arn'] },
      FunctionResponseTypes: ['ReportBatchItemFailures'],
    });
  });

  it('lets only the input bucket of this account send to the queue', () => {
    const [, policy] = resource(packaged.template, 'ArticleQueuePolicy');
    const statements = policyStatements(policy.Properties?.PolicyDocument);
    const allow = statements.filter((statement) => statement.Effect === 'Allow');
    expect(allow).toHaveLength(1);
    expect(allow[0]).toMatchObject({
      Principal: { Service: 's3.amazonaws.com' },
      Action: 'sqs:SendMessage',
      Condition: {
        ArnEquals: { 'aws:SourceArn': 'arn:aws:s3:::factsum-articles' },
        StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
      },
    });
    expect(resource(packaged.template, 'InputBucket')[1]).toMatchObject({
      DependsOn: ['ArticleQueuePolicy'],
    });
  });

  it('sends a message to the DLQ after a bounded number of receives, with a visibility timeout of 6 × the function timeout', () => {
    const [, queue] = resource(packaged.template, 'ArticleQueue');
    const [, lambda] = resource(packaged.template, 'ProcessArticleLambdaFunction');
    const timeout = z.number().parse(lambda.Properties?.Timeout);
    expect(queue.Properties?.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
    expect(queue.Properties?.RedrivePolicy).toEqual({
      deadLetterTargetArn: { 'Fn::GetAtt': ['ArticleDeadLetterQueue', 'Arn'] },
      maxReceiveCount: 5,
    });
    for (const name of ['ArticleQueue', 'ArticleDeadLetterQueue']) {
      expect(resource(packaged.template, name)[1].Properties?.SqsManagedSseEnabled).toBe(true);
    }
  });

  it('fits a batch of worst-case inputs into the function timeout, and the timeout six times into the visibility timeout', () => {
    const [, mapping] = resourcesOfType(packaged.template, 'AWS::Lambda::EventSourceMapping')[0] ?? [];
    const batchSize = z.number().parse(mapping?.Properties?.BatchSize);
    const [, lambda] = resource(packaged.template, 'ProcessArticleLambdaFunction');
    const timeout = z.number().parse(lambda.Properties?.Timeout);
    const [, queue] = resource(packaged.template, 'ArticleQueue');
    expect(batchSize * ARTICLE_WORK_BUDGET_SECONDS + IO_ALLOWANCE_SECONDS).toBeLessThanOrEqual(timeout);
    expect(queue.Properties?.VisibilityTimeout).toBeGreaterThanOrEqual(6 * timeout);
  });

  it('reserves concurrency for each function, so that a burst on the API cannot starve processArticle', () => {
    const reserved = Object.fromEntries(
      resourcesOfType(packaged.template, 'AWS::Lambda::Function').map(([id, lambda]) => [
        id,
        z.number().check(z.int(), z.positive()).parse(lambda.Properties?.ReservedConcurrentExecutions),
      ]),
    );
    const processArticle = z.number().parse(reserved.ProcessArticleLambdaFunction);
    expect(Object.keys(reserved).sort()).toEqual(['ApiLambdaFunction', 'ProcessArticleLambdaFunction']);
    // The queue's poller never asks for more invocations than processArticle may run: it would be throttled.
    const [, mapping] = resourcesOfType(packaged.template, 'AWS::Lambda::EventSourceMapping')[0] ?? [];
    expect(mapping?.Properties?.ScalingConfig).toEqual({ MaximumConcurrency: processArticle });
    // Deployable in an account with the default limit.
    const total = Object.values(reserved).reduce((sum, value) => sum + value, 0);
    expect(total).toBeLessThanOrEqual(DEFAULT_ACCOUNT_CONCURRENCY - UNRESERVED_MINIMUM);
  });

  it("locks down the framework's deployment bucket like the data buckets", () => {
    const [, bucket] = resource(packaged.template, 'ServerlessDeploymentBucket');
    expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties?.BucketEncryption).toMatchObject({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties?.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    });
    const [, policy] = resource(packaged.template, 'ServerlessDeploymentBucketPolicy');
    expect(policy.Properties?.Bucket).toEqual({ Ref: 'ServerlessDeploymentBucket' });
    expect(policyStatements(policy.Properties?.PolicyDocument)).toContainEqual(
      expect.objectContaining({
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Condition: { Bool: { 'aws:SecureTransport': false } },
      }),
    );
  });

  it('gives each function its own role, scoped to the exact buckets, prefixes, table and queue it uses', () => {
    const functions = resourcesOfType(packaged.template, 'AWS::Lambda::Function');
    expect(Object.fromEntries(functions.map(([id, lambda]) => [id, lambda.Properties?.Role]))).toEqual({
      ProcessArticleLambdaFunction: { 'Fn::GetAtt': ['ProcessArticleRole', 'Arn'] },
      ApiLambdaFunction: { 'Fn::GetAtt': ['ApiRole', 'Arn'] },
    });
    expect(
      resourcesOfType(packaged.template, 'AWS::IAM::Role')
        .map(([id]) => id)
        .sort(),
    ).toEqual(['ApiRole', 'ProcessArticleRole']);
    for (const statement of statementsOf(packaged.template)) {
      expect(statement.Effect).toBe('Allow');
      for (const action of asArray(statement.Action)) expect(action).not.toMatch(/\*/);
      for (const resource of asArray(statement.Resource)) {
        if (typeof resource === 'string') {
          expect(resource).toMatch(/^arn:aws:s3:::factsum-(articles|results|factchecks)(\/(uploads\/)?\*)?$/);
        } else {
          expect(JSON.stringify(resource)).toMatch(
            /^\{"Fn::GetAtt":\["(IndexTable|ArticleQueue|ProcessArticleLogGroup|ApiLogGroup)","Arn"\]\}$/,
          );
        }
      }
    }
    const processor = roleActions(packaged.template, 'ProcessArticleRole');
    expect(processor.get('arn:aws:s3:::factsum-articles/*')).toEqual(['s3:GetObject', 's3:GetObjectVersion']);
    expect(processor.get('arn:aws:s3:::factsum-results/*')).toEqual([
      's3:GetObject',
      's3:PutObject',
      's3:DeleteObject',
    ]);
    expect(processor.get('{"Fn::GetAtt":["ArticleQueue","Arn"]}')).toEqual([
      'sqs:ReceiveMessage',
      'sqs:DeleteMessage',
      'sqs:ChangeMessageVisibility',
      'sqs:GetQueueAttributes',
    ]);
    expect(processor.get('{"Fn::GetAtt":["IndexTable","Arn"]}')).toEqual(
      expect.arrayContaining(['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query']),
    );
    // The fact-check library is read-only to both functions: only `factsum library import` writes it.
    expect(processor.get('arn:aws:s3:::factsum-factchecks/*')).toEqual(['s3:GetObject', 's3:ListBucket']);
    const api = roleActions(packaged.template, 'ApiRole');
    // The API reads results and the index, and may only sign uploads under uploads/: it never
    // reads inputs, writes results or writes the index.
    expect(api.get('arn:aws:s3:::factsum-results/*')).toEqual(['s3:GetObject']);
    expect(api.get('arn:aws:s3:::factsum-articles/uploads/*')).toEqual(['s3:PutObject']);
    expect(api.has('arn:aws:s3:::factsum-articles/*')).toBe(false);
    expect(api.get('{"Fn::GetAtt":["IndexTable","Arn"]}')).toEqual([
      'dynamodb:GetItem',
      'dynamodb:BatchGetItem',
      'dynamodb:Query',
    ]);
    expect(api.has('{"Fn::GetAtt":["ArticleQueue","Arn"]}')).toBe(false);
    expect(api.get('arn:aws:s3:::factsum-factchecks/*')).toEqual(['s3:GetObject', 's3:ListBucket']);
  });

  it.each(['InputBucket', 'ResultsBucket'])('%s blocks public access and encrypts by default', (name) => {
    const [, bucket] = resource(packaged.template, name);
    expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.Properties?.BucketEncryption).toMatchObject({
      ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
    });
    expect(bucket.Properties?.OwnershipControls).toEqual({
      Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }],
    });
  });

  it.each([
    ['InputBucketPolicy', 'InputBucket', 'factsum-articles'],
    ['ResultsBucketPolicy', 'ResultsBucket', 'factsum-results'],
  ])('%s denies requests without TLS and writes with other encryption', (policyName, bucketName, bucket) => {
    const [, policy] = resource(packaged.template, policyName);
    expect(policy.Properties?.Bucket).toEqual({ Ref: bucketName });
    const statements = policyStatements(policy.Properties?.PolicyDocument);
    expect(statements.every((statement) => statement.Effect === 'Deny')).toBe(true);
    expect(statements).toContainEqual(
      expect.objectContaining({
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 's3:PutObject',
        Condition: {
          Null: { 's3:x-amz-server-side-encryption': 'false' },
          StringNotEquals: { 's3:x-amz-server-side-encryption': ['AES256', 'aws:kms', 'aws:kms:dsse'] },
        },
      }),
    );
    expect(statements).toContainEqual(
      expect.objectContaining({
        Action: 's3:PutObject',
        Condition: { Null: { 's3:x-amz-server-side-encryption-customer-algorithm': 'false' } },
      }),
    );
  });

  it('versions the input bucket and expires old versions', () => {
    const [, bucket] = resource(packaged.template, 'InputBucket');
    expect(bucket.Properties?.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(JSON.stringify(bucket.Properties?.LifecycleConfiguration)).toContain(
      'NoncurrentVersionExpiration',
    );
  });

  it('requires IAM authorisation on every HTTP API route and throttles the stage', () => {
    const routes = resourcesOfType(packaged.template, 'AWS::ApiGatewayV2::Route');
    expect(routes.map(([, route]) => route.Properties?.RouteKey)).toEqual(
      expect.arrayContaining(['POST /uploads']),
    );
    for (const [, route] of routes) expect(route.Properties?.AuthorizationType).toBe('AWS_IAM');
    const [, stage] = resource(packaged.template, 'HttpApiStage');
    expect(stage.Properties?.DefaultRouteSettings).toEqual({
      ThrottlingRateLimit: 50,
      ThrottlingBurstLimit: 100,
    });
  });

  it('alarms on a non-empty DLQ and on the error rate of both functions', () => {
    const alarms = new Map(resourcesOfType(packaged.template, 'AWS::CloudWatch::Alarm'));
    expect(alarms.get('DeadLetterQueueNotEmptyAlarm')?.Properties).toMatchObject({
      Namespace: 'AWS/SQS',
      MetricName: 'ApproximateNumberOfMessagesVisible',
      Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': ['ArticleDeadLetterQueue', 'QueueName'] } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
      AlarmActions: [{ Ref: 'AlarmTopic' }],
    });
    for (const [alarm, lambda] of [
      ['ProcessArticleErrorRateAlarm', 'ProcessArticleLambdaFunction'],
      ['ApiErrorRateAlarm', 'ApiLambdaFunction'],
    ]) {
      const text = JSON.stringify(alarms.get(alarm ?? '')?.Properties);
      expect(text).toContain('"MetricName":"Errors"');
      expect(text).toContain('"MetricName":"Invocations"');
      expect(text).toContain(`{"Ref":"${lambda}"}`);
    }
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
            // What lets the functions refuse FACTSUM_API_AUTH=none outside the local stage at start.
            FACTSUM_STAGE: 'test',
            FACTSUM_API_AUTH: 'iam',
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
    'refuses to package an unauthenticated API on any stage but local',
    async () => {
      const failure = await packageService({ FACTSUM_API_AUTH: 'none' }, 'dev').then(
        () => undefined,
        (error: unknown) => commandOutputSchema.parse(error),
      );
      // osls prints its error on stdout.
      expect(`${failure?.stdout}${failure?.stderr}`).toContain(
        'Cannot resolve variable at "custom.apiAuthMode"',
      );
    },
    PACKAGE_TIMEOUT_MS,
  );

  it(
    'packages the local stage without authorisation, and tells the functions their stage and mode',
    async () => {
      const { template } = await packageService({ FACTSUM_API_AUTH: 'none' }, 'local');
      const routes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route');
      expect(routes.length).toBeGreaterThan(0);
      for (const [, route] of routes) expect(route.Properties?.AuthorizationType).toBeUndefined();
      for (const [, lambda] of resourcesOfType(template, 'AWS::Lambda::Function')) {
        expect(lambda.Properties?.Environment).toMatchObject({
          Variables: { FACTSUM_STAGE: 'local', FACTSUM_API_AUTH: 'none' },
        });
      }
    },
    PACKAGE_TIMEOUT_MS,
  );

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
