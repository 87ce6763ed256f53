import { rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsCommand,
  NoSuchKey,
  type S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { LOCAL_DEFAULTS, SERVICE_DIR } from './defaults';
import { startFaultProxy } from './fault-proxy';
import { invokeLambda } from './lambda-invoke';
import { localHandlerEnv, provisionLocalStore } from './local-store';
import {
  type BridgeDelivery,
  type BridgeFailure,
  DEFAULT_CONCURRENCY,
  type S3LambdaBridge,
  startS3LambdaBridge,
} from './s3-lambda-bridge';
import { startServerlessOffline } from './serverless-offline';
import {
  LOCAL_CREDENTIALS,
  LOCAL_REGION,
  type LocalDynamo,
  type LocalS3,
  startLocalDynamo,
  startLocalS3,
} from './servers';

export type LocalStackOptions = {
  /** s3rver keeps objects in `<dataDir>/s3`, dynalite its tables in `<dataDir>/dynamo`. */
  readonly dataDir?: string;
  /** Each port: 0 picks a free one. */
  readonly s3Port?: number;
  readonly dynamoPort?: number;
  readonly httpPort?: number;
  readonly lambdaPort?: number;
  readonly inputBucket?: string;
  readonly resultsBucket?: string;
  readonly indexTable?: string;
  /** The fact-check library's bucket (created, and handed to the functions). */
  readonly factcheckBucket?: string;
  readonly maxInputBytes?: number;
  /** How many S3 events are delivered at once. */
  readonly bridgeConcurrency?: number;
  readonly bridgeRetryDelaysMs?: readonly number[];
  /** serverless-offline's output goes here (appended). */
  readonly offlineLogFile?: string;
  readonly onOfflineOutput?: (line: string) => void;
  readonly onDelivered?: (delivery: BridgeDelivery) => void;
  readonly onFailed?: (failure: BridgeFailure) => void;
};

export type LocalStack = {
  readonly region: string;
  readonly credentials: typeof LOCAL_CREDENTIALS;
  readonly inputBucket: string;
  readonly resultsBucket: string;
  readonly indexTable: string;
  readonly factcheckBucket: string;
  readonly endpoints: {
    readonly s3: string;
    readonly dynamo: string;
    /** The HTTP API: POST /analyze, GET /results/{key+}. */
    readonly api: string;
    /** serverless-offline's Lambda Invoke API. */
    readonly lambda: string;
  };
  /** The name the Invoke API knows processArticle by. */
  readonly processArticleName: string;
  /** An S3 client for the local S3 server (path-style, local credentials). */
  readonly s3Client: S3Client;
  readonly bridge: S3LambdaBridge;
  /** Lists the keys of a bucket (ListObjects v1: s3rver's v2 pagination needs OpenSSL's legacy provider). */
  listKeys(
    bucket: string,
  ): Promise<
    { readonly key: string; readonly lastModified?: Date; readonly eTag?: string; readonly size?: number }[]
  >;
  /** Reads `<key>.json` from the results bucket; undefined while it does not exist. */
  readResult(key: string): Promise<unknown | undefined>;
  /** Delivers an ObjectCreated event for every input object that has no result yet; returns how many. */
  redriveUnprocessed(): Promise<number>;
  /** Stops the bridge, serverless-offline and both servers. Safe to call twice. */
  stop(): Promise<void>;
};

/**
 * Starts the local stack that `npm start` and the e2e tests share: s3rver and dynalite on disk,
 * the buckets and the table, serverless-offline running serverless.yml, and the bridge that
 * turns the input bucket's object events into S3 event notifications for processArticle.
 * Everything listens on 127.0.0.1. If a step fails, what was started is stopped again.
 */
export async function startLocalStack(options: LocalStackOptions = {}): Promise<LocalStack> {
  const dataDir = resolve(options.dataDir ?? LOCAL_DEFAULTS.dataDir);
  const inputBucket = options.inputBucket ?? LOCAL_DEFAULTS.inputBucket;
  const resultsBucket = options.resultsBucket ?? LOCAL_DEFAULTS.resultsBucket;
  const indexTable = options.indexTable ?? LOCAL_DEFAULTS.indexTable;
  const factcheckBucket = options.factcheckBucket ?? LOCAL_DEFAULTS.factcheckBucket;
  const region = LOCAL_REGION;
  const stops: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    // Reverse order: the bridge before the function, the function before the servers it uses.
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error: unknown) => console.error('factsum: error while stopping:', error));
    }
  };

  try {
    // s3rver listens on a free port behind a proxy on the public one that lets one request per key through
    // at a time: S3 makes every PUT visible atomically, while s3rver writes objects in place, so two
    // functions rewriting one result (a demotion, a claim link) could otherwise leave a torn file.
    const s3: LocalS3 = await startLocalS3({ port: 0, directory: join(dataDir, 's3'), buckets: [] });
    stops.push(() => s3.close());
    const s3Front = await startFaultProxy({
      target: s3.endpoint,
      atomicPerKey: true,
      conditional: { credentials: LOCAL_CREDENTIALS, region },
      port: options.s3Port ?? LOCAL_DEFAULTS.s3Port,
    });
    stops.push(() => s3Front.close());
    const dynamo: LocalDynamo = await startLocalDynamo({
      port: options.dynamoPort ?? LOCAL_DEFAULTS.dynamoPort,
      directory: join(dataDir, 'dynamo'),
    });
    stops.push(() => dynamo.close());

    const store = {
      s3Endpoint: s3Front.endpoint,
      dynamoEndpoint: dynamo.endpoint,
      inputBucket,
      resultsBucket,
      indexTable,
      factcheckBucket,
      region,
    };
    const { s3: s3Client, dynamo: dynamoClient } = await provisionLocalStore(store);
    stops.push(async () => {
      s3Client.destroy();
      dynamoClient.destroy();
    });

    const httpPort = await resolvePort(options.httpPort ?? LOCAL_DEFAULTS.httpPort);
    const lambdaPort = await resolvePort(options.lambdaPort ?? LOCAL_DEFAULTS.lambdaPort);
    // One build folder per running stack: `osls package` deletes `.esbuild` when it is done.
    const esbuildWorkFolder = join('.data', 'esbuild', `${httpPort}`);
    stops.push(async () => rmSync(join(SERVICE_DIR, esbuildWorkFolder), { recursive: true, force: true }));
    const offline = await startServerlessOffline({
      serviceDir: SERVICE_DIR,
      stage: LOCAL_DEFAULTS.stage,
      host: LOCAL_DEFAULTS.host,
      httpPort,
      lambdaPort,
      esbuildWorkFolder,
      env: {
        // The functions read these (AWS_* reach them as is; the rest through serverless.yml's params).
        ...localHandlerEnv(store),
        ...(options.maxInputBytes !== undefined ? { MAX_INPUT_BYTES: String(options.maxInputBytes) } : {}),
      },
      ...(options.offlineLogFile ? { logFile: options.offlineLogFile } : {}),
      ...(options.onOfflineOutput ? { onOutput: options.onOfflineOutput } : {}),
    });
    stops.push(() => offline.stop());

    const processArticleName = offline.functionName('processArticle');
    const bridge = startS3LambdaBridge({
      s3,
      inputBucket,
      region,
      concurrency: options.bridgeConcurrency ?? DEFAULT_CONCURRENCY,
      ...(options.bridgeRetryDelaysMs ? { retryDelaysMs: options.bridgeRetryDelaysMs } : {}),
      invoke: (event, signal) =>
        invokeLambda({ endpoint: offline.lambdaEndpoint, functionName: processArticleName, event, signal }),
      describeObject: async (bucket, key) => {
        const head = await s3Client.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
        return {
          ...(head.ETag ? { eTag: unquote(head.ETag) } : {}),
          ...(head.ContentLength !== undefined ? { size: head.ContentLength } : {}),
        };
      },
      ...(options.onDelivered ? { onDelivered: options.onDelivered } : {}),
      ...(options.onFailed ? { onFailed: options.onFailed } : {}),
    });
    stops.push(() => bridge.close());

    const listKeys: LocalStack['listKeys'] = async (bucket) => {
      const keys: { key: string; lastModified?: Date; eTag?: string; size?: number }[] = [];
      let marker: string | undefined;
      for (;;) {
        const page = await s3Client.send(
          new ListObjectsCommand({ Bucket: bucket, ...(marker ? { Marker: marker } : {}) }),
        );
        for (const object of page.Contents ?? []) {
          if (object.Key === undefined) continue;
          keys.push({
            key: object.Key,
            ...(object.LastModified ? { lastModified: object.LastModified } : {}),
            ...(object.ETag ? { eTag: unquote(object.ETag) } : {}),
            ...(object.Size !== undefined ? { size: object.Size } : {}),
          });
        }
        const last = page.Contents?.at(-1)?.Key;
        if (!page.IsTruncated || last === undefined) return keys;
        marker = page.NextMarker ?? last;
      }
    };

    let stopped: Promise<void> | undefined;
    return {
      region,
      credentials: LOCAL_CREDENTIALS,
      inputBucket,
      resultsBucket,
      indexTable,
      factcheckBucket,
      endpoints: {
        s3: s3Front.endpoint,
        dynamo: dynamo.endpoint,
        api: offline.httpEndpoint,
        lambda: offline.lambdaEndpoint,
      },
      processArticleName,
      s3Client,
      bridge,
      listKeys,
      async readResult(key) {
        try {
          const response = await s3Client.send(
            new GetObjectCommand({ Bucket: resultsBucket, Key: `${key}.json` }),
          );
          const text = (await response.Body?.transformToString('utf-8')) ?? '';
          return JSON.parse(text);
        } catch (error) {
          if (isNotFound(error)) return undefined;
          throw error;
        }
      },
      async redriveUnprocessed() {
        const results = new Set((await listKeys(resultsBucket)).map((object) => object.key));
        let count = 0;
        for (const object of await listKeys(inputBucket)) {
          if (results.has(`${object.key}.json`)) continue;
          count++;
          bridge.deliver({
            eventName: 'ObjectCreated:Put',
            // The upload time, not now: the pipeline orders the corpus by it.
            eventTime: (object.lastModified ?? new Date()).toISOString(),
            s3: {
              bucket: { name: inputBucket },
              object: {
                key: object.key,
                ...(object.size !== undefined ? { size: object.size } : {}),
                ...(object.eTag ? { eTag: object.eTag } : {}),
              },
            },
          });
        }
        return count;
      },
      stop() {
        stopped ??= stopAll();
        return stopped;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** A port for a server: the given one, or a free one when 0 (for servers that cannot report theirs). */
async function resolvePort(port: number): Promise<number> {
  if (port !== 0) return port;
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, LOCAL_DEFAULTS.host, () => {
      const address = server.address();
      const free = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolvePromise(free));
    });
  });
}

function unquote(eTag: string): string {
  return eTag.replace(/^"|"$/g, '');
}

function isNotFound(error: unknown): boolean {
  return (
    error instanceof NoSuchKey ||
    (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
  );
}
