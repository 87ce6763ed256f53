/**
 * Runs in a child process of bench/run.ts: factsum's stages beside published npm packages doing the same
 * job, on the same articles in the same process. Peers are optional dev dependencies: a missing one gives
 * a "peer not installed" row instead of a failure. Prints one line `BENCH_RESULT <json>`.
 */
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { prepareArticle } from '../lib/pipeline/analyze';
import { minhashSignature, SIGNATURE_SIZE } from '../lib/pipeline/dedup/minhash';
import { summarize } from '../lib/pipeline/summary/summarize';
import { segmentSentences } from '../lib/pipeline/text/segment';
import { loadBbcArticles, syntheticArticle, wrapAsHtml } from './corpus';

const MAX_BYTES = 5 * 1024 * 1024;
/** Articles per comparison: enough for a stable rate, few enough that the slowest peer ends in seconds. */
const EXTRACT_ARTICLES = 120;
const SUMMARY_ARTICLES = 200;
const MINHASH_ARTICLES = 1000;
/** Timed rounds per contender; the best round is kept (the machine is shared and noisy). */
const ROUNDS = 3;
/** Shortest round: passes over the articles repeat until this long has passed. */
const MIN_ROUND_MS = 1000;

const clock = (): number => performance.now();
const load = createRequire(import.meta.url);

/** One contender's result on one stage. */
export type PeerRow = {
  readonly stage: string;
  readonly contender: string;
  readonly perSecond?: number;
  readonly note?: string;
};

/** The module, or undefined when the package is not installed. */
function optionalRequire(name: string): unknown {
  try {
    return load(name);
  } catch {
    return undefined;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
type Constructor = new (...args: never[]) => unknown;
const isConstructor = (v: unknown): v is Constructor => typeof v === 'function';

/**
 * Items per second of `fn` over `items`: the best of ROUNDS rounds after one warm-up round. A round makes
 * whole passes over the items until MIN_ROUND_MS have passed, so that a fast contender is timed long enough
 * for the JIT to have compiled all of its code, not only a simple one's few functions.
 */
async function rate<T>(items: readonly T[], fn: (item: T) => unknown | Promise<unknown>): Promise<number> {
  let best = 0;
  for (let round = 0; round <= ROUNDS; round++) {
    const started = performance.now();
    let done = 0;
    do {
      for (const item of items) await fn(item);
      done += items.length;
    } while (performance.now() - started < MIN_ROUND_MS);
    const perSecond = (done / (performance.now() - started)) * 1000;
    if (round > 0) best = Math.max(best, perSecond);
  }
  return best;
}

/** Calls a method by name on an object whose type the package does not declare. */
function call(target: unknown, method: string, ...args: unknown[]): unknown {
  if (!isRecord(target)) throw new TypeError(`not an object (calling ${method})`);
  const fn = target[method];
  if (typeof fn !== 'function') throw new TypeError(`no method ${method}`);
  return fn.apply(target, args);
}

async function main(): Promise<void> {
  const bbc = loadBbcArticles();
  const texts =
    bbc?.map((a) => new TextDecoder('windows-1252').decode(a.bytes)) ??
    Array.from({ length: 300 }, (_, i) => syntheticArticle(400, i + 1));
  const source = bbc ? 'BBC' : 'synthetic 400-word';
  const rows: PeerRow[] = [];

  // Extraction: an HTML news page → clean article text.
  const pages = texts.slice(0, EXTRACT_ARTICLES).map((t) => new TextEncoder().encode(wrapAsHtml(t)));
  const pageStrings = pages.map((p) => new TextDecoder().decode(p));
  rows.push({
    stage: 'extraction (HTML page → clean text)',
    contender: 'factsum prepareArticle (decode → extract → clean)',
    perSecond: await rate(pages, (p) =>
      prepareArticle(p, { maxBytes: MAX_BYTES, clock, contentType: 'text/html', fileName: 'page.html' }),
    ),
  });
  const jsdom = optionalRequire('jsdom');
  const readability = optionalRequire('@mozilla/readability');
  const JSDOM = isRecord(jsdom) ? jsdom.JSDOM : undefined;
  const Readability = isRecord(readability) ? readability.Readability : undefined;
  if (isConstructor(JSDOM) && isConstructor(Readability)) {
    const version = isRecord(load('jsdom/package.json')) ? String(load('jsdom/package.json').version) : '?';
    rows.push({
      stage: 'extraction (HTML page → clean text)',
      contender: `@mozilla/readability on jsdom ${version}`,
      perSecond: await rate(pageStrings, (html) => {
        const dom = new (JSDOM as new (html: string) => { window: { document: unknown; close(): void } })(
          html,
        );
        const parsed = call(new (Readability as new (doc: unknown) => unknown)(dom.window.document), 'parse');
        dom.window.close();
        return parsed;
      }),
    });
  } else {
    rows.push({
      stage: 'extraction (HTML page → clean text)',
      contender: '@mozilla/readability on jsdom',
      note: 'peer not installed (npm install --no-save jsdom@29.1.1)',
    });
  }

  // Summaries: clean text → a few sentences (factsum includes sentence segmentation, as the peers do).
  const articles = texts.flatMap((t) => {
    const p = prepareArticle(new TextEncoder().encode(t), { maxBytes: MAX_BYTES, clock, fileName: 'a.txt' });
    return p.kind === 'prepared' ? [p.article] : [];
  });
  const summaryArticles = articles.slice(0, SUMMARY_ARTICLES);
  rows.push({
    stage: 'summary (clean text → summary)',
    contender: 'factsum segment + summarize',
    perSecond: await rate(summaryArticles, (a) => summarize(a, segmentSentences(a.text))),
  });
  // In the pipeline segmentation is a stage of its own (its sentences serve claims too): for reference.
  const segmented = summaryArticles.map((a) => ({ article: a, sentences: segmentSentences(a.text) }));
  rows.push({
    stage: 'summary (clean text → summary)',
    contender: 'factsum summarize alone (sentences from the segment stage)',
    perSecond: await rate(segmented, ({ article, sentences }) => summarize(article, sentences)),
    note: 'for reference: the peers split sentences themselves, so the row above is the comparison',
  });
  const summarizer = optionalRequire('node-summarizer');
  const Manager = isRecord(summarizer) ? summarizer.SummarizerManager : undefined;
  if (isConstructor(Manager)) {
    const make = (text: string): unknown =>
      new (Manager as new (text: string, sentences: number) => unknown)(text, 3);
    rows.push({
      stage: 'summary (clean text → summary)',
      contender: 'node-summarizer getSummaryByFrequency',
      perSecond: await rate(summaryArticles, (a) => call(make(a.text), 'getSummaryByFrequency')),
    });
    rows.push({
      stage: 'summary (clean text → summary)',
      contender: 'node-summarizer getSummaryByRank (TextRank)',
      perSecond: await rate(summaryArticles.slice(0, 30), (a) => call(make(a.text), 'getSummaryByRank')),
    });
  } else {
    rows.push({
      stage: 'summary (clean text → summary)',
      contender: 'node-summarizer',
      note: 'peer not installed (npm install --no-save node-summarizer)',
    });
  }

  // Dedup signatures: clean text → a MinHash signature of 2-word shingles, same signature length.
  const bodies = Array.from(
    { length: MINHASH_ARTICLES },
    (_, i) => articles[i % articles.length]?.text ?? '',
  );
  rows.push({
    stage: `MinHash signature (${SIGNATURE_SIZE} slots)`,
    contender: 'factsum minhashSignature',
    perSecond: await rate(bodies, (text) => minhashSignature(text)),
  });
  const minhash = optionalRequire('minhash');
  const Minhash = isRecord(minhash) ? minhash.Minhash : undefined;
  if (isConstructor(Minhash)) {
    const Peer = Minhash as new (config: { numPerm: number }) => unknown;
    rows.push({
      stage: `MinHash signature (${SIGNATURE_SIZE} slots)`,
      contender: 'minhash (npm) with the same 2-word shingles',
      perSecond: await rate(bodies, (text) => {
        const m = new Peer({ numPerm: SIGNATURE_SIZE });
        const words =
          text
            .normalize('NFKC')
            .toLowerCase()
            .match(/[\p{L}\p{N}]+/gu) ?? [];
        for (let i = 0; i + 1 < words.length; i++) call(m, 'update', `${words[i]} ${words[i + 1]}`);
        return m;
      }),
    });
  } else {
    rows.push({
      stage: `MinHash signature (${SIGNATURE_SIZE} slots)`,
      contender: 'minhash (npm)',
      note: 'peer not installed (npm install --no-save minhash)',
    });
  }
  process.stdout.write(`BENCH_RESULT ${JSON.stringify({ source, rows })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
