/**
 * Runs in a child process of bench/run.ts, so that its peak RSS is the pipeline's alone:
 *   pipeline-worker.ts bbc           end-to-end throughput and per-stage times on the BBC articles
 *   pipeline-worker.ts long <words>  one synthetic article of <words> words: time per stage and peak RSS
 * Prints one line `BENCH_RESULT <json>`.
 */
import { performance } from 'node:perf_hooks';
import { createMemoryPorts } from '../lib/app/wiring';
import { analyzeArticle, prepareArticle } from '../lib/pipeline/analyze';
import { bandKeys, DEFAULT_NEAR_THRESHOLD, minhashSignature } from '../lib/pipeline/dedup/minhash';
import { processObjectCreated } from '../lib/service';
import { type BenchArticle, loadBbcArticles, medianLengthArticles, syntheticArticle } from './corpus';
import { median, peakRssBytes, percentile, sum } from './stats';

/** Upload limit as deployed (serverless.yml's maxInputBytes default, 5 MiB). */
const MAX_BYTES = 5 * 1024 * 1024;
const BUCKET = 'bench';
const UPLOADED_AT = '2026-01-01T00:00:00.000Z';
/** Full passes over the corpus; the machine is shared, so the best and the median are both shown. */
const CORPUS_PASSES = 2;
/** Articles around the median length, and passes over them, for the per-core floor. */
const MEDIAN_SET = 200;
const MEDIAN_PASSES = 5;
/** The stages, in pipeline order, under the names the report uses. */
export const STAGES = [
  'decode',
  'detect',
  'extract',
  'clean',
  'fingerprint',
  'dedup signature',
  'segment',
  'summary',
  'claims',
] as const;

const clock = (): number => performance.now();

/** Per-article latencies (ms) and wall time of one pass through processObjectCreated with fresh in-memory ports. */
async function servicePass(
  articles: readonly BenchArticle[],
  pass: number,
): Promise<{ latencies: number[]; wallMs: number; cpuMs: number }> {
  const deps = createMemoryPorts({ clock });
  const refs = articles.map((a, i) => {
    const ref = { bucket: BUCKET, key: `p${pass}/${i}/${a.id}` };
    deps.objects.put(ref, a.bytes, { contentType: 'text/plain' });
    return ref;
  });
  const latencies: number[] = [];
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  for (const [i, ref] of refs.entries()) {
    const t0 = performance.now();
    await processObjectCreated(
      { ...ref, eventTime: new Date(Date.parse(UPLOADED_AT) + i).toISOString() },
      deps,
      { maxBytes: MAX_BYTES, nearThreshold: DEFAULT_NEAR_THRESHOLD },
    );
    latencies.push(performance.now() - t0);
  }
  // CPU time of the process (this thread and V8's helpers, GC included): on a shared machine wall time
  // counts the other processes' turns as well, CPU time only this one's work.
  const cpu = process.cpuUsage(cpuBefore);
  return { latencies, wallMs: performance.now() - started, cpuMs: (cpu.user + cpu.system) / 1000 };
}

/** Per-stage times (ms) of each article, calling the stages directly (no dedup index, no stores). */
function stageTimes(articles: readonly BenchArticle[]): Record<string, number[]> {
  const times: Record<string, number[]> = Object.fromEntries(STAGES.map((s) => [s, []]));
  const push = (name: string, ms: number): void => {
    times[name]?.push(ms);
  };
  for (const a of articles) {
    const prepared = prepareArticle(a.bytes, { maxBytes: MAX_BYTES, clock, fileName: `${a.id}` });
    for (const [name, ms] of Object.entries(prepared.timings)) push(name, ms);
    if (prepared.kind !== 'prepared') continue;
    const t0 = performance.now();
    bandKeys(minhashSignature(prepared.article.text));
    push('dedup signature', performance.now() - t0);
    const analysis = analyzeArticle(prepared.article, { uploadedAt: UPLOADED_AT, clock });
    for (const [name, ms] of Object.entries(analysis.timings)) push(name, ms);
  }
  return times;
}

async function benchBbc(): Promise<unknown> {
  const articles = loadBbcArticles();
  if (articles === undefined) return { skipped: 'BBC articles not found' };
  // Warm-up: the JIT compiles the hot paths before anything is timed.
  await servicePass(articles.slice(0, 300), -1);
  stageTimes(articles.slice(0, 100));

  const passes: { latencies: number[]; wallMs: number }[] = [];
  for (let p = 0; p < CORPUS_PASSES; p++) passes.push(await servicePass(articles, p));
  const rates = passes.map((p) => (articles.length / p.wallMs) * 1000);
  const latencies = passes.flatMap((p) => p.latencies);

  const middle = medianLengthArticles(articles, MEDIAN_SET);
  const medianRates: number[] = [];
  const medianCpuRates: number[] = [];
  const medianLatencies: number[] = [];
  for (let p = 0; p < MEDIAN_PASSES; p++) {
    const pass = await servicePass(middle, 100 + p);
    medianRates.push((middle.length / pass.wallMs) * 1000);
    medianCpuRates.push((middle.length / pass.cpuMs) * 1000);
    medianLatencies.push(...pass.latencies);
  }

  const stages = stageTimes(articles);
  const stageTotal = sum(Object.values(stages).map(sum));
  return {
    articles: articles.length,
    medianSet: {
      count: middle.length,
      bytesFrom: middle[0]?.bytes.length,
      bytesTo: middle.at(-1)?.bytes.length,
      ratesPerSecond: medianRates,
      ratesPerCpuSecond: medianCpuRates,
      p50Ms: percentile(medianLatencies, 50),
      p99Ms: percentile(medianLatencies, 99),
    },
    corpus: {
      ratesPerSecond: rates,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      maxMs: percentile(latencies, 100),
    },
    stages: STAGES.map((name) => {
      const values = stages[name] ?? [];
      return {
        name,
        meanMs: values.length ? sum(values) / values.length : 0,
        p50Ms: median(values),
        p99Ms: percentile(values, 99),
        share: stageTotal > 0 ? sum(values) / stageTotal : 0,
      };
    }),
    peakRssBytes: peakRssBytes(),
  };
}

/** One long synthetic article through every stage, after a warm-up on a short one. */
function benchLong(words: number): unknown {
  const warm = new TextEncoder().encode(syntheticArticle(600, 7));
  for (let i = 0; i < 20; i++) {
    const p = prepareArticle(warm, { maxBytes: MAX_BYTES, clock, fileName: 'warm.txt' });
    if (p.kind === 'prepared') {
      minhashSignature(p.article.text);
      analyzeArticle(p.article, { uploadedAt: UPLOADED_AT, clock });
    }
  }
  const baselineRss = process.memoryUsage().rss;
  const bytes = new TextEncoder().encode(syntheticArticle(words));
  const started = performance.now();
  const prepared = prepareArticle(bytes, { maxBytes: MAX_BYTES, clock, fileName: 'long.txt' });
  if (prepared.kind !== 'prepared') return { words, bytes: bytes.length, rejected: prepared.error };
  const t0 = performance.now();
  bandKeys(minhashSignature(prepared.article.text));
  const signatureMs = performance.now() - t0;
  const analysis = analyzeArticle(prepared.article, { uploadedAt: UPLOADED_AT, clock });
  const totalMs = performance.now() - started;
  return {
    words: prepared.article.wordCount,
    bytes: bytes.length,
    totalMs,
    stages: { ...prepared.timings, 'dedup signature': signatureMs, ...analysis.timings },
    claims: analysis.claims.length,
    summarySentences: analysis.summary.sentences.length,
    baselineRssBytes: baselineRss,
    peakRssBytes: peakRssBytes(),
  };
}

async function main(): Promise<void> {
  const [mode, arg] = process.argv.slice(2);
  const result = mode === 'long' ? benchLong(Number(arg)) : await benchBbc();
  process.stdout.write(`BENCH_RESULT ${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
