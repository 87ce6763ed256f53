/**
 * `factsum analyze` over the BBC set (1,824 files in ../shared/data; skipped when absent), as a user runs it:
 * the whole command from process start to exit, with `--jobs 1` and `--jobs 2`, each file alone and with
 * `--corpus`. Runs alternate between the settings, so that a change in the machine's load hits both; the
 * one-minute load average before each run is shown beside it (the machine is shared). Also checks that the
 * lines of every run are those of the first `--jobs 1` run of the same mode, timings aside.
 *
 *   npx tsx bench/cli.ts            this table alone (npm run bench includes it)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BBC_ARTICLES } from './corpus';
import { fmt, formatTable, median } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
/** Runs of each setting: the machine is shared, so the median and the best of a few are shown. */
const PASSES = 3;
const SETTINGS = [
  { mode: 'each file alone', flags: ['--jobs', '1'] },
  { mode: 'each file alone', flags: ['--jobs', '2'] },
  { mode: '--corpus', flags: ['--corpus', '--jobs', '1'] },
  { mode: '--corpus', flags: ['--corpus', '--jobs', '2'] },
] as const;

export type CliRow = {
  readonly mode: string;
  readonly flags: string;
  readonly files: number;
  readonly seconds: number[];
  readonly load: number[];
  readonly identical: boolean;
};
export type CliBenchResult = { readonly skipped?: string; readonly rows: CliRow[] };

/** The lines of a run with timings taken out, as one string to compare. */
function linesWithoutTimings(path: string): string {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const { timings: _timings, ...rest } = JSON.parse(line);
      return JSON.stringify(rest);
    })
    .join('\n');
}

/** One run of the command; wall seconds and the lines it wrote. */
function runOnce(flags: readonly string[], out: string): { seconds: number; load: number } {
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  const run = spawnSync(
    process.execPath,
    ['bin/factsum.cjs', 'analyze', '--quiet', '--out', out, ...flags, BBC_ARTICLES],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0)
    throw new Error(`factsum analyze ${flags.join(' ')} failed: ${run.stderr.slice(-2000)}`);
  return { seconds, load };
}

/** The BBC set through `factsum analyze` with each setting, PASSES times, alternating. */
export function benchCli(): CliBenchResult {
  if (!existsSync(BBC_ARTICLES)) return { skipped: `${BBC_ARTICLES} not found`, rows: [] };
  const dir = mkdtempSync(join(tmpdir(), 'factsum-bench-cli-'));
  try {
    const rows = SETTINGS.map((s) => ({
      ...s,
      seconds: [] as number[],
      load: [] as number[],
      identical: true,
    }));
    const reference = new Map<string, string>();
    let files = 0;
    for (let pass = 0; pass < PASSES; pass++) {
      for (const row of rows) {
        const out = join(dir, 'out.jsonl');
        const { seconds, load } = runOnce(row.flags, out);
        row.seconds.push(seconds);
        row.load.push(load);
        const lines = linesWithoutTimings(out);
        files = lines.split('\n').length;
        const first = reference.get(row.mode);
        if (first === undefined) reference.set(row.mode, lines);
        else row.identical &&= first === lines;
      }
    }
    return {
      rows: rows.map((row) => ({ ...row, flags: row.flags.join(' '), files })),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The table: files/s (median and best of the passes) per setting, speed-up over --jobs 1 of the same mode. */
export function formatCliTable(result: CliBenchResult): string {
  if (result.skipped) return `Skipped: ${result.skipped}.`;
  const rate = (row: CliRow, seconds: number) => row.files / seconds;
  const baseline = (row: CliRow) =>
    result.rows.find((r) => r.mode === row.mode && r.flags.endsWith('--jobs 1'));
  return formatTable(
    [
      'files',
      'command',
      'files/s (median)',
      'best',
      '× --jobs 1 (median)',
      'runs (s)',
      'load avg before',
      'same lines',
    ],
    result.rows.map((row) => {
      const base = baseline(row);
      return [
        String(row.files),
        `factsum analyze ${row.flags}`,
        fmt(rate(row, median(row.seconds))),
        fmt(rate(row, Math.min(...row.seconds))),
        base === undefined ? '' : fmt(median(base.seconds) / median(row.seconds), 2),
        row.seconds.map((s) => fmt(s, 1)).join(', '),
        row.load.map((l) => fmt(l, 1)).join(', '),
        row.identical ? 'yes' : '**NO**',
      ];
    }),
  );
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  console.log(`# factsum analyze on the BBC set — ${cpus().length} cores, Node ${process.version}\n`);
  console.log(formatCliTable(benchCli()));
}
