/**
 * Hostile inputs through the pipeline (bench/hostile-corpus.ts): CPU seconds, seconds per MiB, peak RSS, heap
 * growth and result size per case and size, and the worst seconds per MiB. Each case runs in a fresh process
 * (its sizes smallest first), so the peak RSS is that case's.
 *
 *   npm run bench:hostile                        every case at 256 KiB, 1 MiB and 5 MiB (MAX_INPUT_BYTES)
 *   npm run bench:hostile -- --sizes 1048576     other sizes (bytes, comma-separated)
 *   npm run bench:hostile -- --case dots         one case
 *   npm run bench:hostile -- --cli               also time `factsum analyze` on each case at the largest size
 *
 * `npm run bench` runs the same at 1 MiB and 5 MiB (bench/run.ts). The budget it checks: at most 10 s of CPU
 * for any input up to 5 MiB on one vCPU (serverless.yml custom.queue, docs/operations.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HOSTILE_CASES, hostileCase } from './hostile-corpus';
import { cpuSeconds, MAX_INPUT_BYTES, runHostile } from './hostile-run';
import { fmt, fmtBytes, formatTable } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const MIB = 1024 * 1024;
/** CPU seconds any input up to MAX_INPUT_BYTES may take (the queue function's per-article budget). */
export const BUDGET_SECONDS = 10;
/**
 * The largest size asked of a case: the limit less 1 KiB, since a case's fixed text (title, closing tags,
 * the body after a padded heading) comes on top of `n`, and an input cut at the limit would lose it.
 */
export const LARGEST = MAX_INPUT_BYTES - 1024;
export const DEFAULT_SIZES = [256 * 1024, MIB, LARGEST] as const;

export type HostileRow = {
  readonly name: string;
  readonly family: string;
  readonly bytes: number;
  readonly seconds: number;
  readonly status: string;
  readonly resultBytes: number;
  readonly claims: number;
  readonly truncated: number;
  readonly heapDeltaBytes: number;
  readonly peakRssBytes: number;
  /** CPU seconds (user + system) of `factsum analyze` on the same input, process start to exit, with --cli. */
  readonly cliSeconds?: number;
};

/** The input of `name` at about `size` bytes, never over MAX_INPUT_BYTES (it is cut at a character). */
function inputOf(name: string, size: number): Uint8Array {
  const encoded = new TextEncoder().encode(hostileCase(name).make(size));
  if (encoded.length <= MAX_INPUT_BYTES) return encoded;
  let end = MAX_INPUT_BYTES;
  // Back up to a UTF-8 character boundary (continuation bytes are 10xxxxxx).
  while (end > 0 && ((encoded[end] ?? 0) & 0xc0) === 0x80) end -= 1;
  return encoded.subarray(0, end);
}

/** Worker: one case at each size, in this (fresh) process. */
function worker(name: string, sizes: readonly number[]): HostileRow[] {
  const c = hostileCase(name);
  // Warm-up on a small input, so that module loading and the JIT are not timed.
  runHostile(inputOf(name, 2048), c.fileName);
  const rows: HostileRow[] = [];
  for (const size of sizes) {
    const bytes = inputOf(name, size);
    const heapBefore = process.memoryUsage().heapUsed;
    let run: ReturnType<typeof runHostile> | undefined;
    const seconds = cpuSeconds(() => {
      run = runHostile(bytes, c.fileName);
    });
    if (run === undefined) throw new Error('no run');
    rows.push({
      name,
      family: c.family,
      bytes: bytes.length,
      seconds,
      status: run.status,
      resultBytes: run.resultBytes,
      claims: run.claims,
      truncated: run.truncated,
      heapDeltaBytes: process.memoryUsage().heapUsed - heapBefore,
      peakRssBytes: process.resourceUsage().maxRSS * 1024,
    });
  }
  return rows;
}

/**
 * CPU seconds of `factsum analyze <file>` in a fresh process (the CLI path, start to exit, loading included),
 * read from bash's `times` (children's user and system time): wall time on a shared machine says little.
 */
function cliSeconds(name: string, size: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'factsum-hostile-'));
  try {
    const file = join(dir, hostileCase(name).fileName);
    writeFileSync(file, inputOf(name, size));
    const run = spawnSync(
      'bash',
      [
        '-c',
        '"$@" > /dev/null || exit 1; times',
        '_',
        process.execPath,
        join(ROOT, 'bin', 'factsum.cjs'),
        'analyze',
        file,
      ],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MIB },
    );
    if (run.status !== 0) throw new Error(`factsum analyze failed: ${run.stderr.slice(-500)}`);
    // `times` prints the shell's user/system time, then its children's: "0m8.185s 0m1.623s".
    const children = run.stdout.trim().split('\n').at(-1) ?? '';
    const seconds = [...children.matchAll(/(\d+)m([\d.]+)s/g)].map((m) => Number(m[1]) * 60 + Number(m[2]));
    return seconds.reduce((a, b) => a + b, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs every case (or `only`) at `sizes`, one fresh process per case. */
export function benchHostile(
  sizes: readonly number[],
  options: { only?: string; cli?: boolean; onRow?: (row: HostileRow) => void } = {},
): HostileRow[] {
  const names = options.only === undefined ? HOSTILE_CASES.map((c) => c.name) : [options.only];
  const rows: HostileRow[] = [];
  for (const name of names) {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'bench', 'hostile.ts'), '--worker', name, sizes.join(',')],
      { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * MIB },
    );
    const line = run.stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
    if (run.status !== 0 || line === undefined)
      throw new Error(`hostile case ${name} failed (${run.status}): ${run.stderr.slice(-2000)}`);
    const caseRows = JSON.parse(line.slice('BENCH_RESULT '.length)) as HostileRow[];
    if (options.cli) {
      const last = caseRows.at(-1);
      if (last !== undefined)
        caseRows[caseRows.length - 1] = { ...last, cliSeconds: cliSeconds(name, last.bytes) };
    }
    for (const row of caseRows) options.onRow?.(row);
    rows.push(...caseRows);
  }
  return rows;
}

/**
 * The same as benchHostile without --cli, `jobs` cases at a time (each still in its own process): CPU seconds
 * are the process's own, so running two on two cores changes them little and halves the wall time.
 */
export async function benchHostileParallel(sizes: readonly number[], jobs: number): Promise<HostileRow[]> {
  const names = HOSTILE_CASES.map((c) => c.name);
  const results: HostileRow[][] = new Array(names.length);
  let next = 0;
  const runOne = (name: string): Promise<HostileRow[]> =>
    new Promise((done, fail) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'bench', 'hostile.ts'), '--worker', name, sizes.join(',')],
        { cwd: ROOT },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on('close', (code) => {
        const line = stdout.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
        if (code !== 0 || line === undefined)
          fail(new Error(`hostile case ${name} failed (${code}): ${stderr.slice(-2000)}`));
        else done(JSON.parse(line.slice('BENCH_RESULT '.length)) as HostileRow[]);
      });
    });
  const lane = async (): Promise<void> => {
    while (next < names.length) {
      const at = next++;
      results[at] = await runOne(names[at] ?? '');
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, lane));
  return results.flat();
}

/** Seconds per MiB of a row. */
export function secondsPerMib(row: HostileRow): number {
  return row.seconds / (row.bytes / MIB);
}

/** The table of all rows, and a line on the worst case. */
export function formatHostile(rows: readonly HostileRow[]): string {
  const table = formatTable(
    [
      'case',
      'family',
      'bytes',
      'CPU s',
      's/MiB',
      'peak RSS',
      'heap Δ',
      'result JSON',
      'claims',
      'cuts',
      ...(rows.some((r) => r.cliSeconds !== undefined) ? ['CLI s'] : []),
    ],
    rows.map((r) => [
      r.name,
      r.family,
      String(r.bytes),
      fmt(r.seconds, 2),
      fmt(secondsPerMib(r), 2),
      fmtBytes(r.peakRssBytes),
      fmtBytes(Math.max(0, r.heapDeltaBytes)),
      fmtBytes(r.resultBytes),
      String(r.claims),
      r.status === 'rejected' ? 'rejected' : String(r.truncated),
      ...(rows.some((x) => x.cliSeconds !== undefined) ? [fmt(r.cliSeconds, 2)] : []),
    ]),
  );
  return `${table}\n\n${summaryLine(rows)}`;
}

/** The worst seconds per MiB (over inputs of at least 1 MiB, where fixed costs no longer dominate) and the slowest input. */
export function summaryLine(rows: readonly HostileRow[]): string {
  const large = rows.filter((r) => r.bytes >= MIB);
  const pool = large.length > 0 ? large : rows;
  const worst = [...pool].sort((a, b) => secondsPerMib(b) - secondsPerMib(a))[0];
  const slowest = [...rows].sort((a, b) => b.seconds - a.seconds)[0];
  const biggest = [...rows].sort((a, b) => b.resultBytes / b.bytes - a.resultBytes / a.bytes)[0];
  if (worst === undefined || slowest === undefined || biggest === undefined) return 'No rows.';
  return [
    `Worst: ${fmt(secondsPerMib(worst), 2)} s/MiB (${worst.name}, ${fmtBytes(worst.bytes)}).`,
    `Slowest input: ${fmt(slowest.seconds, 2)} s of CPU (${slowest.name}, ${fmtBytes(slowest.bytes)}); budget ${BUDGET_SECONDS} s.`,
    `Largest result: ${fmt(biggest.resultBytes / biggest.bytes, 2)}× its input (${biggest.name}).`,
  ].join(' ');
}

function main(): void {
  const args = process.argv.slice(2);
  const value = (flag: string): string | undefined => {
    const at = args.indexOf(flag);
    return at < 0 ? undefined : args[at + 1];
  };
  const workerName = value('--worker');
  if (workerName !== undefined) {
    const sizes = (args[args.indexOf('--worker') + 2] ?? '').split(',').map(Number);
    process.stdout.write(`BENCH_RESULT ${JSON.stringify(worker(workerName, sizes))}\n`);
    return;
  }
  const sizes = value('--sizes')?.split(',').map(Number) ?? [...DEFAULT_SIZES];
  const only = value('--case');
  console.log(
    `# Hostile inputs — sizes ${sizes.map(fmtBytes).join(', ')}; CPU seconds, one case per process\n`,
  );
  const rows = benchHostile(sizes, {
    ...(only === undefined ? {} : { only }),
    cli: args.includes('--cli'),
    onRow: (r) =>
      console.error(
        `${r.name} ${fmtBytes(r.bytes)}: ${fmt(r.seconds, 2)} s, result ${fmtBytes(r.resultBytes)}`,
      ),
  });
  console.log(formatHostile(rows));
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('bench/hostile.ts')) main();
