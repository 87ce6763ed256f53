/**
 * Function bundles as serverless.yml builds them (serverless-esbuild: bundled, minified, keepNames,
 * node20, CommonJS, @aws-sdk/* external, linkedom's CSS parser aliased to a stub and htmlparser2 to its
 * Parser class alone), their size raw and gzipped, what fills them, and the cold import time of each in
 * a fresh `node` process beside `node -e 0` in the same run.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import ALIASES from '../infra/bundle/aliases.json';
import { median } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
/** Fresh processes per measured command; they alternate, so that noise hits every row alike. */
const COLD_RUNS = 15;
/** Input groups shown per bundle in the "what fills it" column. */
const TOP_INPUTS = 5;

export type BundleRow = {
  readonly name: string;
  readonly rawBytes: number;
  readonly gzipBytes: number;
  readonly top: readonly { readonly input: string; readonly bytes: number }[];
  readonly coldImportMs: number;
};

export type ImportRow = { readonly name: string; readonly coldMs: number };

export type BundleResult = {
  readonly nodeBaselineMs: number;
  readonly bundles: readonly BundleRow[];
  /** Single dependencies required alone, to see what dominates a cold import. */
  readonly parts: readonly ImportRow[];
};

/** `node_modules/<pkg>` or the first two path segments of a project file: the unit sizes are summed by. */
function groupOf(input: string): string {
  const parts = input.split('/');
  if (parts[0] === 'node_modules') return parts.slice(0, parts[1]?.startsWith('@') ? 3 : 2).join('/');
  return parts.slice(0, 2).join('/');
}

function topInputs(meta: Metafile, output: string): { input: string; bytes: number }[] {
  const groups = new Map<string, number>();
  for (const [input, info] of Object.entries(meta.outputs[output]?.inputs ?? {})) {
    const group = groupOf(input);
    groups.set(group, (groups.get(group) ?? 0) + info.bytesInOutput);
  }
  return [...groups]
    .map(([input, bytes]) => ({ input, bytes }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, TOP_INPUTS);
}

/** Wall time of `node <args>` in a fresh process, in ms. */
function timeNode(args: readonly string[], env: NodeJS.ProcessEnv): number {
  const started = performance.now();
  const run = spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], cwd: ROOT });
  const ms = performance.now() - started;
  if (run.status !== 0)
    throw new Error(`node ${args.join(' ')} failed: ${run.stderr.toString().slice(0, 500)}`);
  return ms;
}

/** Builds functions/*.ts handlers with serverless.yml's esbuild settings and measures them. */
export async function benchBundles(): Promise<BundleResult> {
  const outdir = mkdtempSync(join(tmpdir(), 'factsum-bundles-'));
  try {
    const handlers = ['process-article', 'api'];
    const result = await build({
      // The pure pipeline as a third entry: what factsum's own code costs to load, without the AWS SDK.
      entryPoints: [
        ...handlers.map((h) => join(ROOT, 'functions', `${h}.ts`)),
        join(ROOT, 'lib/pipeline/analyze.ts'),
      ],
      bundle: true,
      minify: true,
      sourcemap: true,
      keepNames: true,
      target: 'node20',
      platform: 'node',
      format: 'cjs',
      external: ['@aws-sdk/*'],
      alias: ALIASES,
      outdir,
      entryNames: '[name]',
      metafile: true,
      logLevel: 'silent',
      absWorkingDir: ROOT,
    });
    // Lambda-like environment: the SDK comes from the runtime (here: the project's node_modules).
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_PATH: join(ROOT, 'node_modules'),
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'bench',
      AWS_SECRET_ACCESS_KEY: 'bench',
      INPUT_BUCKET: 'factsum-articles',
      RESULTS_BUCKET: 'factsum-results',
      INDEX_TABLE: 'factsum-index',
    };
    const commands = new Map<string, string[]>([['node -e 0', ['-e', '0']]]);
    for (const h of handlers) commands.set(h, ['-e', `require(${JSON.stringify(join(outdir, `${h}.js`))})`]);
    const parts = [
      'zod',
      'linkedom',
      '@mozilla/readability',
      '@aws-sdk/client-s3',
      '@aws-sdk/client-dynamodb',
      '@aws-sdk/lib-dynamodb',
    ];
    for (const p of parts) commands.set(`require('${p}')`, ['-e', `require(${JSON.stringify(p)})`]);
    commands.set('the three AWS SDK packages the handlers load', [
      '-e',
      parts
        .filter((p) => p.startsWith('@aws-sdk/'))
        .map((p) => `require(${JSON.stringify(p)})`)
        .join(';'),
    ]);
    commands.set('factsum pipeline alone (lib/pipeline/analyze.ts bundled, no AWS SDK)', [
      '-e',
      `require(${JSON.stringify(join(outdir, 'analyze.js'))})`,
    ]);
    commands.set('checkworthy.json (JSON.parse)', [
      '-e',
      `JSON.parse(require('fs').readFileSync(${JSON.stringify(join(ROOT, 'lib/models/checkworthy.json'))}, 'utf8'))`,
    ]);
    const samples = new Map<string, number[]>();
    for (let run = 0; run < COLD_RUNS; run++) {
      for (const [name, args] of commands) {
        const list = samples.get(name) ?? [];
        list.push(timeNode(args, env));
        samples.set(name, list);
      }
    }
    const coldOf = (name: string): number => median(samples.get(name) ?? []);
    const outputs = readdirSync(outdir);
    const bundles = handlers.map((h): BundleRow => {
      const file = `${h}.js`;
      if (!outputs.includes(file)) throw new Error(`esbuild wrote no ${file}`);
      const bytes = readFileSync(join(outdir, file));
      const output = Object.keys(result.metafile.outputs).find((o) => o.endsWith(`/${file}`)) ?? file;
      return {
        name: h,
        rawBytes: bytes.length,
        gzipBytes: gzipSync(bytes, { level: 9 }).length,
        top: topInputs(result.metafile, output),
        coldImportMs: coldOf(h),
      };
    });
    return {
      nodeBaselineMs: coldOf('node -e 0'),
      bundles,
      parts: [...commands.keys()]
        .filter((name) => name !== 'node -e 0' && !handlers.includes(name))
        .map((name) => ({ name, coldMs: coldOf(name) })),
    };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
