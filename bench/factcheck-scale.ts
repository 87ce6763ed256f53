/**
 * How large a fact-check library the in-memory index serves: import (parse a JSON Lines feed, validate, build
 * and serialise the index) and load (read the file, parse, validate, open) time and memory for synthetic
 * libraries of 10k, 100k and 1M records, plus match time per claim on the loaded index (after a warm-up). Each size is built in one
 * fresh process and loaded in another (a cold start), so the figures do not share a heap.
 *
 *   npx tsx bench/factcheck-scale.ts                  10k, 100k, 1M
 *   npx tsx bench/factcheck-scale.ts --sizes 10000    chosen sizes
 *
 * Synthetic records: seeded, Zipf-distributed words from a 50,000-word invented vocabulary; claim ~14 words,
 * title ~9, subtitle ~18, URL, date, rating, publisher (CheckThat! 2022's Snopes claims have about these
 * lengths). Prints a Markdown table.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { seededRandom } from '../eval/reference/seeded-random';
import { importFeed, loadIndex, matchClaims, mergeFeeds, serializeIndex } from '../lib/pipeline/factcheck';

const ROOT = resolve(import.meta.dirname, '..');
const MIB = 1024 * 1024;
const DEFAULT_SIZES = [10_000, 100_000, 1_000_000];
const VOCABULARY = 50_000;
/** The most frequent ranks stand for function words, which retrieval drops as stopwords: not drawn. */
const SKIPPED_RANKS = 150;
const QUERIES = 100;
/** Heap a child may use: more than any Lambda function has (10,240 MB is the maximum), to see where it breaks. */
const CHILD_HEAP_MB = 12_000;
const CHILD_TIMEOUT_MS = 30 * 60_000;

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'to',
  'sha',
  'vel',
  'dor',
  'pi',
  'na',
  'qu',
  'est',
  'bri',
  'an',
  'ul',
];

/** The invented word of rank `i`: distinct for every i. */
function wordOf(i: number): string {
  let n = i + 1;
  let word = '';
  while (n > 0) {
    word += SYLLABLES[n % SYLLABLES.length];
    n = Math.floor(n / SYLLABLES.length);
  }
  return word;
}

/** A sampler of Zipf(1)-distributed word ranks (natural text's word frequencies, roughly). */
function zipfSampler(random: () => number): () => number {
  const cumulative = new Float64Array(VOCABULARY);
  let total = 0;
  for (let i = 0; i < VOCABULARY; i++) {
    total += i < SKIPPED_RANKS ? 0 : 1 / (i + 1);
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let lo = 0;
    let hi = VOCABULARY - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) < target) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

function sentence(sample: () => number, random: () => number, mean: number): string {
  const length = Math.max(3, Math.round(mean * (0.6 + 0.8 * random())));
  return Array.from({ length }, () => wordOf(sample())).join(' ');
}

/** A JSON Lines feed of `count` synthetic records, seeded by `seed`. */
function syntheticFeed(count: number, seed: number): string {
  const random = seededRandom(seed);
  const sample = zipfSampler(random);
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    lines.push(
      JSON.stringify({
        id: `syn-${i}`,
        claim: sentence(sample, random, 14),
        title: sentence(sample, random, 9),
        subtitle: sentence(sample, random, 18),
        rating: random() < 0.5 ? 'False' : 'Mostly true',
        publisher: 'Synthetic Desk',
        url: `https://factcheck.example/synthetic/${i}`,
        date: `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`,
      }),
    );
  }
  return `${lines.join('\n')}\n`;
}

type ImportRow = {
  size: number;
  feedMB: number;
  importMs: number;
  importCpuMs: number;
  indexMB: number;
  peakRssMB: number;
};
type LoadRow = { loadMs: number; loadCpuMs: number; heapMB: number; rssMB: number; matchMs: number };

/** CPU time of this process so far (user + system), in ms: steadier than wall time on a shared machine. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Child, phase 1: import a synthetic feed and write the index file. */
function childImport(size: number, file: string): ImportRow {
  const feed = syntheticFeed(size, size);
  const started = performance.now();
  const cpu = cpuMs();
  const { records } = mergeFeeds([importFeed(feed, { source: 'synthetic.jsonl' })]);
  const { text } = serializeIndex(records);
  const importMs = performance.now() - started;
  const importCpuMs = cpuMs() - cpu;
  writeFileSync(file, text);
  return {
    size,
    feedMB: Buffer.byteLength(feed) / MIB,
    importMs,
    importCpuMs,
    indexMB: statSync(file).size / MIB,
    peakRssMB: process.resourceUsage().maxRSS / 1024,
  };
}

/** Child, phase 2: a cold load of the index file, its heap, and match latency on it. */
function childLoad(file: string): LoadRow {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const baseline = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpu = cpuMs();
  const index = loadIndex(readFileSync(file, 'utf8'));
  const loadMs = performance.now() - started;
  const loadCpuMs = cpuMs() - cpu;
  gc?.();
  const heapMB = (process.memoryUsage().heapUsed - baseline) / MIB;
  const claims = index.records
    .slice(0, QUERIES)
    .map((r) => ({ text: `${r.claimReviewed} ${r.title ?? ''}` }));
  matchClaims(claims.slice(0, 10), index);
  const matchCpu = cpuMs();
  matchClaims(claims, index);
  const matchMs = (cpuMs() - matchCpu) / claims.length;
  return { loadMs, loadCpuMs, heapMB, rssMB: process.resourceUsage().maxRSS / 1024, matchMs };
}

function runChild(args: string[]): { ok: true; value: unknown } | { ok: false; reason: string } {
  const run = spawnSync(
    process.execPath,
    [
      `--max-old-space-size=${CHILD_HEAP_MB}`,
      '--expose-gc',
      '--import',
      'tsx',
      'bench/factcheck-scale.ts',
      ...args,
    ],
    { cwd: ROOT, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS, maxBuffer: 16 * MIB },
  );
  const last = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status === 0 && last.startsWith('{')) return { ok: true, value: JSON.parse(last) };
  const error = run.stderr.split('\n').find((line) => /Error|heap|Invalid string length/i.test(line));
  return { ok: false, reason: (error ?? `exit ${run.status ?? run.signal}`).trim().slice(0, 120) };
}

function main(): void {
  const [mode, arg, file] = process.argv.slice(2);
  if (mode === '--child-import' && file !== undefined) {
    console.log(JSON.stringify(childImport(Number(arg), file)));
    return;
  }
  if (mode === '--child-load' && arg !== undefined) {
    console.log(JSON.stringify(childLoad(arg)));
    return;
  }
  const sizes = mode === '--sizes' && arg !== undefined ? arg.split(',').map(Number) : DEFAULT_SIZES;
  const dir = mkdtempSync(join(tmpdir(), 'factsum-fc-scale-'));
  console.log(
    '| records | feed (JSONL) | import: parse, validate, build, serialise (CPU / wall) | index file | import peak RSS | cold load: read, parse, validate, open (CPU / wall) | heap after load | load peak RSS | match, CPU ms per claim |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const size of sizes) {
    const file = join(dir, `index-${size}.json`);
    const imported = runChild(['--child-import', String(size), file]);
    if (!imported.ok) {
      console.log(`| ${size.toLocaleString('en')} | | failed: ${imported.reason} | | | | | | |`);
      continue;
    }
    const i = imported.value as ImportRow;
    const loaded = runChild(['--child-load', file]);
    const l = loaded.ok ? (loaded.value as LoadRow) : undefined;
    console.log(
      `| ${size.toLocaleString('en')} | ${i.feedMB.toFixed(0)} MB | ${(i.importCpuMs / 1000).toFixed(1)} s / ${(i.importMs / 1000).toFixed(1)} s | ${i.indexMB.toFixed(0)} MB | ${i.peakRssMB.toFixed(0)} MB | ${
        l
          ? `${(l.loadCpuMs / 1000).toFixed(2)} s / ${(l.loadMs / 1000).toFixed(2)} s | ${l.heapMB.toFixed(0)} MB | ${l.rssMB.toFixed(0)} MB | ${l.matchMs.toFixed(1)}`
          : `failed: ${loaded.ok ? '' : loaded.reason} | | |`
      } |`,
    );
    rmSync(file, { force: true });
  }
  rmSync(dir, { recursive: true, force: true });
}

main();
