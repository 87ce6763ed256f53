/**
 * `npm run upload -- FILE [KEY]`: uploads a file into the running local stack's input bucket
 * (key: KEY, or the file name), waits for processArticle's result and prints it.
 * Uses the same environment variables as `npm start`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { z } from 'zod';
import { LOCAL_DEFAULTS } from './defaults';
import { readLocalConfig } from './local-config';
import { toResultRow } from './result-view';
import { LOCAL_CREDENTIALS, LOCAL_REGION } from './servers';
import { contentTypeFor, resultUrl } from './upload-files';

/** processArticle's timeout (60 s) plus Lambda's two retries, locally a few seconds apart. */
const RESULT_TIMEOUT_MS = 200_000;
const RESULT_POLL_MS = 250;

const resultSourceSchema = z.looseObject({ source: z.looseObject({ etag: z.string().optional() }) });

async function main(): Promise<void> {
  // Lambda runs nodejs22.x; the SDK's reminder about the local Node version is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const [file, keyArgument] = process.argv.slice(2);
  if (!file || file === '--help' || !existsSync(file)) {
    console.error('usage: npm run upload -- FILE [KEY]   (npm start must be running)');
    process.exit(2);
  }
  const config = readLocalConfig(process.env);
  const key = keyArgument ?? basename(file);
  const s3Endpoint = `http://${LOCAL_DEFAULTS.host}:${config.FACTSUM_S3_PORT}`;
  const client = new S3Client({
    region: LOCAL_REGION,
    endpoint: s3Endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
  });
  const put = await client.send(
    new PutObjectCommand({
      Bucket: config.INPUT_BUCKET,
      Key: key,
      Body: readFileSync(file),
      ContentType: contentTypeFor(file),
    }),
  );
  const etag = put.ETag?.replace(/^"|"$/g, '');
  console.log(`uploaded ${file} → s3://${config.INPUT_BUCKET}/${key}; waiting for its result …`);

  const deadline = Date.now() + RESULT_TIMEOUT_MS;
  while (Date.now() < deadline) {
    const result = await readJson(client, config.RESULTS_BUCKET, `${key}.json`);
    const source = resultSourceSchema.safeParse(result);
    // A result of an earlier upload under the same key does not count.
    if (result !== undefined && (!etag || !source.success || source.data.source.etag === etag)) {
      const row = toResultRow(key, result);
      const api = `http://${LOCAL_DEFAULTS.host}:${config.FACTSUM_API_PORT}`;
      console.log(
        `${row.status}: ${row.title || key}${row.claims !== '-' ? ` (${row.claims} claim${row.claims === '1' ? '' : 's'})` : ''}`,
      );
      if (row.firstSentence) console.log(`  ${row.firstSentence}`);
      console.log(`  s3://${config.RESULTS_BUCKET}/${key}.json`);
      console.log(`  ${resultUrl(api, key)}`);
      client.destroy();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, RESULT_POLL_MS));
  }
  client.destroy();
  console.error(
    `no result after ${RESULT_TIMEOUT_MS / 1000} s: see ${config.FACTSUM_DATA_DIR}/logs/offline.log`,
  );
  process.exit(1);
}

async function readJson(client: S3Client, bucket: string, key: string): Promise<unknown | undefined> {
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return JSON.parse((await response.Body?.transformToString('utf-8')) ?? '');
  } catch (error) {
    if (
      error instanceof NoSuchKey ||
      (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)
    ) {
      return undefined;
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  const refused = error instanceof Error && /ECONNREFUSED/.test(`${error.message} ${String(error.cause)}`);
  console.error(refused ? 'factsum: nothing listens on the S3 port: is `npm start` running?' : error);
  process.exit(1);
});
