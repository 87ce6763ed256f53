/**
 * `npm start`: the whole service on 127.0.0.1 with no AWS account. Starts the local stack,
 * uploads examples/ into an empty input bucket, prints what was processed and how to go on,
 * then prints one line per new upload until Ctrl-C. Settings: infra/local/local-config.ts.
 */
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SERVICE_DIR } from './defaults';
import { type LocalConfig, readLocalConfig } from './local-config';
import { formatResultTable, toResultRow } from './result-view';
import type { BridgeDelivery, BridgeFailure } from './s3-lambda-bridge';
import { seedFactCheckLibrary } from './seed-library';
import { type LocalStack, startLocalStack } from './stack';
import { listFilesForUpload, resultUrl, uploadFile } from './upload-files';

/** Spacing between example uploads, so that no two share an event time (millisecond resolution). */
const UPLOAD_SPACING_MS = 2;

/** A second Ctrl-C while stopping means "now": exit without waiting. */
const FORCED_EXIT_CODE = 130;

async function main(): Promise<void> {
  // Lambda runs nodejs22.x; the SDK's reminder about the local Node version is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  const config = readLocalConfig(process.env);
  const logFile = join(config.FACTSUM_DATA_DIR, 'logs', 'offline.log');
  mkdirSync(join(config.FACTSUM_DATA_DIR, 'logs'), { recursive: true });
  let watching = false;
  let stack: LocalStack | undefined;

  console.log(`factsum: starting the local stack (data in ${display(config.FACTSUM_DATA_DIR)}) …`);
  const starting = startLocalStack({
    dataDir: config.FACTSUM_DATA_DIR,
    s3Port: config.FACTSUM_S3_PORT,
    dynamoPort: config.FACTSUM_DYNAMO_PORT,
    httpPort: config.FACTSUM_API_PORT,
    lambdaPort: config.FACTSUM_LAMBDA_PORT,
    inputBucket: config.INPUT_BUCKET,
    resultsBucket: config.RESULTS_BUCKET,
    indexTable: config.INDEX_TABLE,
    ...(config.MAX_INPUT_BYTES !== undefined ? { maxInputBytes: config.MAX_INPUT_BYTES } : {}),
    offlineLogFile: logFile,
    ...(config.FACTSUM_VERBOSE === 'true'
      ? { onOfflineOutput: (line: string) => console.log(`  | ${line}`) }
      : {}),
    onDelivered: (delivery) => {
      if (watching && stack) void printProcessed(stack, delivery);
    },
    onFailed: (failure) => printFailure(failure, logFile),
  });
  handleSignals(() => starting);
  try {
    stack = await starting;
  } catch (error) {
    console.error(`factsum: the local stack did not start: ${explainStartError(error, config)}`);
    process.exit(1);
  }

  const existing = await stack.listKeys(stack.inputBucket);
  if (config.FACTSUM_SEED_EXAMPLES === 'true') {
    const seeded = await seedFactCheckLibrary(stack, config.FACTSUM_EXAMPLES_DIR);
    if (seeded > 0)
      console.log(`factsum: published ${seeded} example fact-check(s) to s3://${stack.factcheckBucket}`);
  }
  if (existing.length === 0 && config.FACTSUM_SEED_EXAMPLES === 'true') {
    const files = listFilesForUpload(config.FACTSUM_EXAMPLES_DIR);
    console.log(
      `factsum: the input bucket is empty; uploading ${files.length} file(s) from ${display(config.FACTSUM_EXAMPLES_DIR)} …`,
    );
    // One at a time, in name order: the upload order is the corpus order that dedup relies on.
    for (const file of files) {
      await uploadFile(stack.s3Client, stack.inputBucket, file.key, file.path);
      // Event times have millisecond resolution; distinct ones keep that order unambiguous.
      await new Promise((resolve) => setTimeout(resolve, UPLOAD_SPACING_MS));
    }
  } else {
    const redriven = await stack.redriveUnprocessed();
    console.log(
      `factsum: found ${existing.length} object(s) in s3://${stack.inputBucket}` +
        (redriven > 0 ? `; ${redriven} without a result are processed now` : ''),
    );
  }
  await stack.bridge.idle();
  await printSummary(stack);
  watching = true;
  console.log('\nfactsum: watching for uploads (Ctrl-C to stop) …');
}

async function printSummary(stack: LocalStack): Promise<void> {
  const objects = await stack.listKeys(stack.inputBucket);
  const rows = [];
  for (const object of objects) {
    const result = await stack.readResult(object.key);
    rows.push(
      result === undefined
        ? { key: object.key, status: 'no result', title: '', firstSentence: 'see the log', claims: '-' }
        : toResultRow(object.key, result),
    );
  }
  const api = stack.endpoints.api;
  const s3 = stack.endpoints.s3;
  const sample = objects.find((object) => !object.key.includes(' '))?.key ?? objects[0]?.key;
  const lines = [
    '',
    rows.length > 0 ? formatResultTable(rows) : '(no articles yet)',
    '',
    'Results (one JSON object per upload):',
    ...alignColumns(
      objects.map((object) => [`s3://${stack.resultsBucket}/${object.key}.json`, resultUrl(api, object.key)]),
    ),
    '',
    'Reports (HTML, open in a browser; s3rver serves GET without credentials) and the corpus index:',
    ...objects.map((object) => `  ${s3}/${stack.resultsBucket}/${encodeKeyPath(object.key)}.html`),
    `  ${api}/`,
    '',
    'Endpoints:',
    `  S3        ${s3}   (credentials S3RVER / S3RVER, region ${stack.region}, path-style)`,
    `  DynamoDB  ${stack.endpoints.dynamo}`,
    `  HTTP API  ${api}   (GET / corpus index, POST /analyze, GET /results/{key})`,
    '',
    'Upload another article (its result appears here and in the results bucket):',
    '  npm run upload -- path/to/article.txt',
    `  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER aws --endpoint-url ${s3} s3 cp path/to/article.txt s3://${stack.inputBucket}/article.txt`,
    '',
    'Analyse a file without storing it, and read a stored result:',
    `  curl -s -X POST --data-binary @${sample ? `examples/${sample}` : 'path/to/article.txt'} ${api}/analyze`,
    `  curl -s ${sample ? resultUrl(api, sample) : `${api}/results/article.txt`}`,
  ];
  console.log(lines.join('\n'));
}

async function printProcessed(stack: LocalStack, delivery: BridgeDelivery): Promise<void> {
  try {
    const result = await stack.readResult(delivery.key);
    const row = toResultRow(delivery.key, result);
    const summary = row.firstSentence.length > 80 ? `${row.firstSentence.slice(0, 79)}…` : row.firstSentence;
    console.log(
      `${new Date().toISOString()}  ${row.status.padEnd(9)} ${delivery.key} → s3://${stack.resultsBucket}/${delivery.key}.json` +
        `${row.title ? `  “${row.title}”` : ''}${row.claims !== '-' ? `  ${plural(Number(row.claims), 'claim')}` : ''}${summary ? `  ${summary}` : ''}`,
    );
    console.log(`  report: ${stack.endpoints.s3}/${stack.resultsBucket}/${encodeKeyPath(delivery.key)}.html`);
  } catch (error) {
    console.error(`factsum: processed ${delivery.key}, but reading its result failed:`, error);
  }
}

function printFailure(failure: BridgeFailure, logFile: string): void {
  const reason = failure.error instanceof Error ? failure.error.message : String(failure.error);
  console.error(
    `factsum: processArticle failed for s3://${failure.bucket}/${failure.key} after ${failure.attempts} attempts: ${reason}` +
      ` (details: ${display(logFile)})`,
  );
}

/** Ctrl-C, SIGTERM and SIGHUP stop everything; a second Ctrl-C exits at once. */
function handleSignals(stack: () => Promise<LocalStack>): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(FORCED_EXIT_CODE);
    stopping = true;
    console.log(`\nfactsum: ${signal}, stopping …`);
    stack()
      .then((started) => started.stop())
      .catch(() => undefined)
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Closing the terminal: without a handler Node exits at once and leaves the child running.
  process.on('SIGHUP', stop);
}

function explainStartError(error: unknown, config: LocalConfig): string {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EADDRINUSE') {
    return (
      `a port is in use (S3 ${config.FACTSUM_S3_PORT}, DynamoDB ${config.FACTSUM_DYNAMO_PORT}, ` +
      `API ${config.FACTSUM_API_PORT}, Lambda ${config.FACTSUM_LAMBDA_PORT}). Is another npm start running? ` +
      'Set FACTSUM_S3_PORT, FACTSUM_DYNAMO_PORT, FACTSUM_API_PORT or FACTSUM_LAMBDA_PORT to move it.'
    );
  }
  return error instanceof Error ? error.message : String(error);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** A key as a URL path: each segment percent-encoded, slashes kept. */
function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** Two-column lines, the second column aligned. */
function alignColumns(pairs: readonly (readonly [string, string])[]): string[] {
  const width = Math.max(0, ...pairs.map(([first]) => [...first].length));
  return pairs.map(([first, second]) => `  ${first}${' '.repeat(width - [...first].length)}   ${second}`);
}

/** A path relative to the repository when it is inside it. */
function display(path: string): string {
  const inside = relative(SERVICE_DIR, path);
  return inside.startsWith('..') ? path : inside || '.';
}

main().catch((error: unknown) => {
  console.error('factsum:', error);
  process.exit(1);
});
