/**
 * factsum's benchmark: speed, memory and cold start, side by side with peers, in one run.
 *
 *   npm run bench                 everything below
 *   npm run bench -- --skip-stack without the local stack (no servers started)
 *
 * 1. Pipeline without I/O on the BBC articles (../shared/data; skipped when absent): throughput through
 *    processObjectCreated with in-memory ports, per-stage times, p50/p99 per article, peak RSS.
 * 2. Synthetic long articles (10k and 100k words): time and peak RSS, each in a fresh process.
 *    Hostile inputs (bench/hostile-corpus.ts) just under MAX_INPUT_BYTES, one fresh process per case, two at a
 *    time (about a minute): CPU seconds, seconds per MiB, result size (more sizes: npm run bench:hostile).
 * 3. The local stack (upload → result object) at concurrency 1 and 8.
 * 4. Function bundles: size raw and gzipped, cold import beside `node -e 0`.
 * 5. Peers on the same articles: @mozilla/readability on jsdom, node-summarizer, minhash (npm).
 * 6. `factsum analyze` over the BBC folder with --jobs 1 and --jobs 2, each file alone and --corpus (bench/cli.ts).
 *
 * Prints Markdown tables, says which floors are missed, and writes bench/results/<timestamp>.json.
 * The machine is shared: rates vary between runs, ratios less so.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { type BundleResult, benchBundles } from './bundles';
import { benchCli, type CliBenchResult, formatCliTable } from './cli';
import { loadBbcArticles, syntheticArticle } from './corpus';
import {
  BUDGET_SECONDS,
  benchHostileParallel,
  formatHostile,
  type HostileRow,
  LARGEST,
  secondsPerMib,
} from './hostile';
import type { PeerRow } from './peers-worker';
import { benchLocalStack, type StackResult } from './stack-bench';
import { fmt, fmtBytes, formatTable, median } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const MIB = 1024 * 1024;

/** The speed, size and cold-start floors factsum holds itself to (docs/benchmarks.md). */
const FLOOR_ARTICLES_PER_SECOND = 200;
const FLOOR_LONG_MS = 2000;
const FLOOR_LONG_RSS = 256 * MIB;
const FLOOR_BUNDLE_BYTES = 1_000_000;
const FLOOR_COLD_RATIO = 2;
/** `factsum analyze --jobs 2` over `--jobs 1` on two cores. */
const FLOOR_CLI_SPEEDUP = 1.6;
/** Uploads per concurrency level through the local stack: bounded, a few minutes at most. */
const STACK_PLAN = [
  { concurrency: 1, uploads: 40 },
  { concurrency: 8, uploads: 80 },
] as const;

type Stage = { name: string; meanMs: number; p50Ms: number; p99Ms: number; share: number };
type PipelineResult = {
  skipped?: string;
  articles: number;
  medianSet: {
    count: number;
    bytesFrom: number;
    bytesTo: number;
    ratesPerSecond: number[];
    /** Articles per second of the process's CPU time (older result files lack it). */
    ratesPerCpuSecond?: number[];
    p50Ms: number;
    p99Ms: number;
  };
  corpus: { ratesPerSecond: number[]; p50Ms: number; p99Ms: number; maxMs: number };
  stages: Stage[];
  peakRssBytes: number;
};
type LongResult = {
  words: number;
  bytes: number;
  totalMs: number;
  stages: Record<string, number>;
  baselineRssBytes: number;
  peakRssBytes: number;
};

const out: string[] = [];
const floors: { floor: string; value: string; met: boolean; why?: string }[] = [];
function print(line = ''): void {
  out.push(line);
  console.log(line);
}

/** Runs a worker script in a fresh Node process and returns the JSON it printed. */
function runWorker<T>(script: string, args: readonly string[] = []): T {
  const run = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'bench', script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * MIB,
  });
  const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
  if (run.status !== 0 || line === undefined) {
    throw new Error(`bench/${script} ${args.join(' ')} failed (${run.status}): ${run.stderr.slice(-2000)}`);
  }
  return JSON.parse(line.slice('BENCH_RESULT '.length)) as T;
}

function floor(floorText: string, value: string, met: boolean, why?: string): void {
  floors.push({ floor: floorText, value, met, ...(why && !met ? { why } : {}) });
}

function reportPipeline(p: PipelineResult): void {
  print('## Pipeline without I/O (processObjectCreated, in-memory ports, one core)');
  print();
  if (p.skipped) {
    print(`Skipped: ${p.skipped}.`);
    print();
    return;
  }
  const m = p.medianSet;
  const medianRate = median(m.ratesPerSecond);
  const bestMedianRate = Math.max(...m.ratesPerSecond);
  const cpuRate = m.ratesPerCpuSecond === undefined ? undefined : median(m.ratesPerCpuSecond);
  print(
    formatTable(
      ['articles', 'articles/s (median of passes)', 'best pass', 'p50 ms', 'p99 ms'],
      [
        [
          `${m.count} around the median length (${m.bytesFrom}–${m.bytesTo} bytes)`,
          fmt(medianRate),
          fmt(bestMedianRate),
          fmt(m.p50Ms, 2),
          fmt(m.p99Ms, 2),
        ],
        [
          `all ${p.articles} BBC articles`,
          fmt(median(p.corpus.ratesPerSecond)),
          fmt(Math.max(...p.corpus.ratesPerSecond)),
          fmt(p.corpus.p50Ms, 2),
          fmt(p.corpus.p99Ms, 2),
        ],
      ],
    ),
  );
  print();
  if (cpuRate !== undefined)
    print(
      `Median-length articles per CPU-second of the process (median of passes; CPU time is what the per-core floor is about and what other processes on a shared machine do not inflate): ${fmt(cpuRate)}/s.`,
    );
  print();
  print(`Peak RSS of the pipeline process (all passes, tsx loaded): ${fmtBytes(p.peakRssBytes)}.`);
  print();
  print(
    formatTable(
      ['stage (stages called directly)', 'mean ms', 'p50 ms', 'p99 ms', 'share'],
      p.stages.map((s) => [
        s.name,
        fmt(s.meanMs, 3),
        fmt(s.p50Ms, 3),
        fmt(s.p99Ms, 3),
        `${fmt(s.share * 100)}%`,
      ]),
    ),
  );
  print();
  const top = [...p.stages].sort((a, b) => b.share - a.share).slice(0, 3);
  floor(
    `≥ ${FLOOR_ARTICLES_PER_SECOND} median-length articles/s per core, no I/O`,
    `${fmt(medianRate)}/s wall (best pass ${fmt(bestMedianRate)})${cpuRate === undefined ? '' : `, ${fmt(cpuRate)}/s per CPU-second`}`,
    Math.max(medianRate, cpuRate ?? 0) >= FLOOR_ARTICLES_PER_SECOND,
    `largest stages: ${top.map((s) => `${s.name} ${fmt(s.share * 100)}%`).join(', ')}`,
  );
}

function reportLong(results: readonly LongResult[]): void {
  print('## Long synthetic articles (one fresh process each, after a short warm-up)');
  print();
  const names = [...new Set(results.flatMap((r) => Object.keys(r.stages)))];
  print(
    formatTable(
      ['words', 'bytes', 'total ms', ...names.map((n) => `${n} ms`), 'RSS before', 'peak RSS'],
      results.map((r) => [
        String(r.words),
        String(r.bytes),
        fmt(r.totalMs, 0),
        ...names.map((n) => fmt(r.stages[n], 0)),
        fmtBytes(r.baselineRssBytes),
        fmtBytes(r.peakRssBytes),
      ]),
    ),
  );
  print();
  const longest = results.at(-1);
  if (longest !== undefined) {
    const slowest = Object.entries(longest.stages).sort((a, b) => b[1] - a[1])[0];
    floor(
      `${longest.words}-word article < ${FLOOR_LONG_MS} ms`,
      `${fmt(longest.totalMs, 0)} ms`,
      longest.totalMs < FLOOR_LONG_MS,
      slowest ? `slowest stage: ${slowest[0]} ${fmt(slowest[1], 0)} ms` : undefined,
    );
    floor(
      `${longest.words}-word article within 256 MiB`,
      `peak RSS ${fmtBytes(longest.peakRssBytes)} (process before: ${fmtBytes(longest.baselineRssBytes)})`,
      longest.peakRssBytes < FLOOR_LONG_RSS,
      'peak RSS includes the tsx loader and the loaded models (see "RSS before")',
    );
  }
}

function reportHostile(rows: readonly HostileRow[]): void {
  print('## Hostile inputs (bench/hostile-corpus.ts; CPU seconds, one process per case)');
  print();
  print(formatHostile(rows));
  print();
  const slowest = [...rows].sort((a, b) => b.seconds - a.seconds)[0];
  const worst = [...rows].sort((a, b) => secondsPerMib(b) - secondsPerMib(a))[0];
  if (slowest !== undefined && worst !== undefined) {
    floor(
      `every hostile input up to 5 MiB within ${BUDGET_SECONDS} s of CPU`,
      `slowest ${fmt(slowest.seconds, 2)} s (${slowest.name}); worst ${fmt(secondsPerMib(worst), 2)} s/MiB`,
      slowest.seconds <= BUDGET_SECONDS,
      `${slowest.name} at ${fmtBytes(slowest.bytes)}`,
    );
    const biggest = [...rows].sort((a, b) => b.resultBytes - a.resultBytes)[0];
    if (biggest !== undefined)
      floor(
        'hostile result JSON ≤ 1.5× the input + 1 MiB',
        `largest ${fmtBytes(biggest.resultBytes)} (${biggest.name}, input ${fmtBytes(biggest.bytes)})`,
        rows.every((r) => r.resultBytes <= 1.5 * r.bytes + MIB),
      );
  }
}

function reportStack(s: StackResult): void {
  print('## Local stack: upload → result object (s3rver, dynalite, serverless-offline, bridge)');
  print();
  print(`Stack start: ${fmt(s.startMs, 0)} ms; first upload (cold function): ${fmt(s.coldFirstMs, 0)} ms.`);
  print();
  print(
    formatTable(
      ['concurrency', 'uploads', 'completed', 'failed', 'articles/s', 'p50 ms', 'p99 ms'],
      s.runs.map((r) => [
        String(r.concurrency),
        String(r.uploads),
        String(r.completed),
        String(r.failed),
        fmt(r.perSecond),
        fmt(r.p50Ms, 0),
        fmt(r.p99Ms, 0),
      ]),
    ),
  );
  print();
}

function reportBundles(b: BundleResult): void {
  print('## Function bundles (esbuild with serverless.yml settings) and cold import');
  print();
  print(
    formatTable(
      ['bundle', 'raw', 'gzip -9', 'cold import ms (median)', '× node -e 0', 'largest inputs'],
      [
        ['node -e 0', '–', '–', fmt(b.nodeBaselineMs, 0), '1.00', ''],
        ...b.bundles.map((x) => [
          x.name,
          fmtBytes(x.rawBytes),
          fmtBytes(x.gzipBytes),
          fmt(x.coldImportMs, 0),
          fmt(x.coldImportMs / b.nodeBaselineMs, 2),
          x.top.map((t) => `${t.input} ${fmt(t.bytes / 1024, 0)} KiB`).join(', '),
        ]),
      ],
    ),
  );
  print();
  print(
    formatTable(
      ['loaded alone in a fresh process', 'cold ms (median)', '× node -e 0'],
      b.parts.map((p) => [p.name, fmt(p.coldMs, 0), fmt(p.coldMs / b.nodeBaselineMs, 2)]),
    ),
  );
  print();
  for (const x of b.bundles) {
    floor(
      `${x.name} bundle < 1 MB minified`,
      fmtBytes(x.rawBytes),
      x.rawBytes < FLOOR_BUNDLE_BYTES,
      `largest inputs: ${x.top
        .slice(0, 3)
        .map((t) => `${t.input} ${fmt(t.bytes / 1024, 0)} KiB`)
        .join(', ')}`,
    );
    floor(
      `${x.name} cold import < ${FLOOR_COLD_RATIO}× node -e 0`,
      `${fmt(x.coldImportMs / b.nodeBaselineMs, 2)}× (${fmt(x.coldImportMs, 0)} vs ${fmt(b.nodeBaselineMs, 0)} ms)`,
      x.coldImportMs < FLOOR_COLD_RATIO * b.nodeBaselineMs,
      'see the "loaded alone" table for what the time goes to',
    );
  }
}

function reportCli(result: CliBenchResult): void {
  print('## factsum analyze on the BBC folder (whole command, process start to exit)');
  print();
  print(formatCliTable(result));
  print();
  for (const mode of new Set(result.rows.map((r) => r.mode))) {
    const seconds = (jobs: string) =>
      result.rows.find((r) => r.mode === mode && r.flags.endsWith(`--jobs ${jobs}`))?.seconds ?? [];
    const one = median(seconds('1'));
    const two = median(seconds('2'));
    const identical = result.rows.filter((r) => r.mode === mode).every((r) => r.identical);
    floor(
      `analyze ${mode}: --jobs 2 ≥ ${FLOOR_CLI_SPEEDUP}× --jobs 1, same lines`,
      `${fmt(one / two, 2)}× (median ${fmt(one, 1)} s → ${fmt(two, 1)} s), lines ${identical ? 'identical' : 'DIFFER'}`,
      one / two >= FLOOR_CLI_SPEEDUP && identical,
      'the machine is shared: see the load averages beside the runs',
    );
  }
}

function reportPeers(p: { source: string; rows: PeerRow[] }): void {
  print(`## Peers, same process, same ${p.source} articles (best of rounds)`);
  print();
  const stages = [...new Set(p.rows.map((r) => r.stage))];
  const rows: string[][] = [];
  for (const stage of stages) {
    const inStage = p.rows.filter((r) => r.stage === stage);
    const ours = inStage.find((r) => r.contender.startsWith('factsum'));
    for (const r of inStage) {
      const isOurs = r.contender.startsWith('factsum');
      const ratio =
        isOurs || r.perSecond === undefined || ours?.perSecond === undefined
          ? ''
          : `${fmt(ours.perSecond / r.perSecond, 2)}×`;
      rows.push([
        stage,
        r.contender,
        r.perSecond === undefined ? '–' : fmt(r.perSecond),
        ratio,
        r.note ?? '',
      ]);
      if (!isOurs && r.perSecond !== undefined && ours?.perSecond !== undefined) {
        floor(
          `faster than ${r.contender} (${stage})`,
          `${fmt(ours.perSecond / r.perSecond, 2)}×`,
          ours.perSecond > r.perSecond,
          stage.startsWith('summary')
            ? 'the peer scores sentences by word frequency only; factsum segments with abbreviation rules, then computes LexRank, TextRank overlap, centroid and 21 features per sentence'
            : undefined,
        );
      } else if (!isOurs && r.perSecond === undefined) {
        floor(`faster than ${r.contender} (${stage})`, 'not measured', false, r.note);
      }
    }
  }
  print(formatTable(['stage', 'contender', 'per second', 'factsum ÷ peer', 'note'], rows));
  print();
}

async function main(): Promise<void> {
  const skipStack = process.argv.includes('--skip-stack');
  const startedAt = new Date();
  print(`# factsum benchmark — ${startedAt.toISOString()}`);
  print();
  print(
    `Node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}); command: npm run bench`,
  );
  print();

  const pipeline = runWorker<PipelineResult>('pipeline-worker.ts', ['bbc']);
  reportPipeline(pipeline);
  const long = [10_000, 100_000].map((words) =>
    runWorker<LongResult>('pipeline-worker.ts', ['long', String(words)]),
  );
  reportLong(long);
  const hostile = await benchHostileParallel([LARGEST], 2);
  reportHostile(hostile);

  let stack: StackResult | { skipped: string } = { skipped: '--skip-stack' };
  if (!skipStack) {
    const bbc = loadBbcArticles();
    const documents =
      bbc?.map((a) => a.bytes) ??
      Array.from({ length: 200 }, (_, i) => new TextEncoder().encode(syntheticArticle(400, i + 1)));
    try {
      const result = await benchLocalStack(documents, STACK_PLAN);
      reportStack(result);
      stack = result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      print(`## Local stack\n\nFailed to run: ${message}\n`);
      stack = { skipped: `failed: ${message}` };
    }
  }

  const cli = benchCli();
  reportCli(cli);

  const bundles = await benchBundles();
  reportBundles(bundles);
  const peers = runWorker<{ source: string; rows: PeerRow[] }>('peers-worker.ts');
  reportPeers(peers);

  print('## Floors');
  print();
  print(
    formatTable(
      ['floor', 'measured', 'met', 'why (when missed)'],
      floors.map((f) => [f.floor, f.value, f.met ? 'yes' : '**MISSED**', f.why ?? '']),
    ),
  );
  print();
  const missed = floors.filter((f) => !f.met).length;
  print(missed === 0 ? 'All floors met.' : `${missed} floor(s) missed: see the table above.`);

  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt, node: process.version, pipeline, long, hostile, stack, cli, bundles, peers, floors }, null, 2)}\n`,
  );
  console.log(`\nWrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
