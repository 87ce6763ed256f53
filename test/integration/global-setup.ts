import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startFaultProxy } from '../../infra/local/fault-proxy';
import { LOCAL_CREDENTIALS, LOCAL_REGION, startLocalDynamo, startLocalS3 } from '../../infra/local/servers';

declare module 'vitest' {
  export interface ProvidedContext {
    s3Endpoint: string;
    dynamoEndpoint: string;
  }
}

/**
 * Starts s3rver and dynalite on free ports on 127.0.0.1 for the integration tests. s3rver sits behind the
 * local stack's S3 front (infra/local/fault-proxy.ts): one request per key at a time and conditional writes
 * honoured, as S3 behaves and s3rver alone does not.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'factsum-it-'));
  const s3 = await startLocalS3({ port: 0, directory: join(dir, 's3'), buckets: [] });
  const s3Front = await startFaultProxy({
    target: s3.endpoint,
    atomicPerKey: true,
    conditional: { credentials: LOCAL_CREDENTIALS, region: LOCAL_REGION },
  });
  const dynamo = await startLocalDynamo({ port: 0 });
  project.provide('s3Endpoint', s3Front.endpoint);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await s3Front.close();
    await s3.close();
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
