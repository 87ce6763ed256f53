import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startLocalDynamo, startLocalS3 } from '../../infra/local/servers';

declare module 'vitest' {
  export interface ProvidedContext {
    s3Endpoint: string;
    dynamoEndpoint: string;
  }
}

/** Starts s3rver and dynalite on free ports on 127.0.0.1 for the integration tests. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'factsum-it-'));
  const s3 = await startLocalS3({ port: 0, directory: join(dir, 's3'), buckets: [] });
  const dynamo = await startLocalDynamo({ port: 0 });
  project.provide('s3Endpoint', s3.endpoint);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await s3.close();
    await dynamo.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
