/**
 * Article-body extraction quality and speed on trafilatura's evaluation pages.
 *
 * For every page of ../shared/data/trafilatura-eval (evaldata.json + html/), runs factsum's text
 * stages (decode → detect format → parse → clean) and, in the same run, Mozilla Readability alone
 * on linkedom and (when the `jsdom` package can be imported) on jsdom. Scores snippets as
 * trafilatura's evaluation does: a `with` snippet is a true positive when it occurs in the extracted
 * text (after whitespace normalisation), otherwise a false negative; a `without` snippet found in the
 * text is a false positive. The extracted text is the article body without its title, as in
 * trafilatura's own comparison. Prints precision, recall, F1 and pages per second for each extractor,
 * then F1 per language (detected from each page's text). Run: npm run eval:extract
 * (VERBOSE=1 lists factsum's misses and false positives). Skips cleanly when the data is absent.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Readability } from '@mozilla/readability';
import { z } from 'zod';
import { cleanArticle } from '../lib/pipeline/clean/clean';
import { decodeBytes } from '../lib/pipeline/decode/decode';
import { detectFormat } from '../lib/pipeline/extract/detect-format';
import { parseHtmlDocument } from '../lib/pipeline/extract/html/dom';
import { detectLanguage } from '../lib/pipeline/extract/language';
import { parseDocument } from '../lib/pipeline/extract/parse-document';

const DATA = resolve(__dirname, '../../shared/data/trafilatura-eval');
/** The largest evaluation page is about 1.5 MB; the cap only guards against a corrupt file. */
const MAX_BYTES = 20 * 1024 * 1024;
/** Languages with fewer pages than this are pooled as "other" in the per-language table. */
const MIN_PAGES_PER_LANGUAGE = 5;
const VERBOSE = process.env.VERBOSE === '1';

const EvalData = z.record(
  z.string(),
  z.object({
    file: z.string(),
    with: z.array(z.string()).default([]),
    without: z.array(z.string()).default([]),
  }),
);

type Page = {
  readonly url: string;
  readonly file: string;
  readonly with: readonly string[];
  readonly without: readonly string[];
  readonly bytes: Uint8Array;
  readonly html: string;
};

type Extractor = {
  readonly name: string;
  /** Extracted text, or undefined when the extractor gave up on the page. */
  readonly extract: (page: Page) => string | undefined;
};

type Counts = { tp: number; fn: number; fp: number; tn: number };

type Row = {
  readonly name: string;
  readonly counts: Counts;
  readonly empty: number;
  readonly seconds: number;
  readonly byLanguage: Map<string, Counts>;
};

function normalize(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

function emptyCounts(): Counts {
  return { tp: 0, fn: 0, fp: 0, tn: 0 };
}

function add(into: Counts, from: Counts): void {
  into.tp += from.tp;
  into.fn += from.fn;
  into.fp += from.fp;
  into.tn += from.tn;
}

function scores(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function loadPages(): Page[] {
  const parsed = EvalData.parse(JSON.parse(readFileSync(join(DATA, 'evaldata.json'), 'utf8')));
  const pages: Page[] = [];
  for (const [url, item] of Object.entries(parsed)) {
    const bytes = new Uint8Array(readFileSync(join(DATA, 'html', item.file)));
    const decoded = decodeBytes(bytes, { maxBytes: MAX_BYTES });
    // The baselines get the text factsum decoded (their own decoding is not what is compared).
    const html = decoded.kind === 'decoded' ? decoded.text : new TextDecoder().decode(bytes);
    pages.push({ url, file: item.file, with: item.with, without: item.without, bytes, html });
  }
  return pages;
}

function extractWithFactsum(page: Page): string | undefined {
  const decoded = decodeBytes(page.bytes, { maxBytes: MAX_BYTES });
  if (decoded.kind !== 'decoded') return undefined;
  const parsed = parseDocument(decoded.text, detectFormat(decoded.text, { fileName: page.file }));
  if (parsed.kind !== 'parsed') return undefined;
  const article = cleanArticle(parsed);
  return 'text' in article ? article.text : undefined;
}

/** Readability's own result: the text content of the article it picked. */
function readabilityText(document: unknown): string | undefined {
  // Readability is typed against the DOM lib, which the project does not load; both DOMs provide it.
  const reader = new Readability(document);
  return reader.parse()?.textContent ?? undefined;
}

function extractWithReadabilityOnLinkedom(page: Page): string | undefined {
  try {
    return readabilityText(parseHtmlDocument(page.html));
  } catch {
    return undefined;
  }
}

type JsdomModule = {
  readonly JSDOM: new (
    html: string,
    options: { readonly virtualConsole: unknown },
  ) => { readonly window: { readonly document: unknown } };
  readonly VirtualConsole: new () => unknown;
};

function isJsdomModule(value: unknown): value is JsdomModule {
  return (
    typeof value === 'object' &&
    value !== null &&
    'JSDOM' in value &&
    typeof value.JSDOM === 'function' &&
    'VirtualConsole' in value &&
    typeof value.VirtualConsole === 'function'
  );
}

/** jsdom is an optional dev dependency: the row is skipped when it cannot be imported. */
async function loadJsdom(): Promise<JsdomModule | undefined> {
  const specifier = 'jsdom';
  try {
    const loaded: unknown = await import(specifier);
    return isJsdomModule(loaded) ? loaded : undefined;
  } catch {
    return undefined;
  }
}

function scorePage(page: Page, text: string | undefined, verbose: boolean): Counts {
  const haystack = normalize(text ?? '');
  const counts = emptyCounts();
  for (const snippet of page.with) {
    if (haystack.includes(normalize(snippet))) counts.tp += 1;
    else {
      counts.fn += 1;
      if (verbose) console.log(`  MISS ${page.file}: ${normalize(snippet).slice(0, 110)}`);
    }
  }
  for (const snippet of page.without) {
    if (haystack.includes(normalize(snippet))) {
      counts.fp += 1;
      if (verbose) console.log(`  FP   ${page.file}: ${normalize(snippet).slice(0, 110)}`);
    } else counts.tn += 1;
  }
  return counts;
}

function run(extractor: Extractor, pages: readonly Page[], languages: ReadonlyMap<string, string>): Row {
  const counts = emptyCounts();
  const byLanguage = new Map<string, Counts>();
  let empty = 0;
  let seconds = 0;
  for (const page of pages) {
    const started = performance.now();
    let text: string | undefined;
    try {
      text = extractor.extract(page);
    } catch (error) {
      console.log(`  ${extractor.name} threw on ${page.file}: ${String(error)}`);
    }
    seconds += (performance.now() - started) / 1000;
    if (text === undefined || text.trim() === '') empty += 1;
    const scored = scorePage(page, text, VERBOSE && extractor.name === 'factsum');
    add(counts, scored);
    const language = languages.get(page.file) ?? 'other';
    const bucket = byLanguage.get(language) ?? emptyCounts();
    add(bucket, scored);
    byLanguage.set(language, bucket);
  }
  return { name: extractor.name, counts, empty, seconds, byLanguage };
}

/** Each page's language, detected from its decoded markup's visible text, for the breakdown. */
function pageLanguages(pages: readonly Page[]): Map<string, string> {
  const detected = new Map<string, string>();
  for (const page of pages) {
    const visible = page.html
      .replace(/<(script|style)\b[^>]*>[^<]*(?:<(?!\/\1)[^<]*)*<\/\1\s*>/gi, ' ')
      .replace(/<[^>]*>/g, ' ');
    detected.set(page.file, detectLanguage(visible) ?? 'other');
  }
  const counts = new Map<string, number>();
  for (const language of detected.values()) counts.set(language, (counts.get(language) ?? 0) + 1);
  for (const [file, language] of detected)
    if ((counts.get(language) ?? 0) < MIN_PAGES_PER_LANGUAGE) detected.set(file, 'other');
  return detected;
}

const pad = (text: string, width: number): string => text.padEnd(width);
const num = (value: number): string => value.toFixed(3).padStart(9);

function printTable(rows: readonly Row[], pages: number): void {
  console.log(
    `${pad('extractor', 24)}${'precision'.padStart(9)} ${'recall'.padStart(9)} ${'F1'.padStart(9)} ${'pages/s'.padStart(9)} ${'empty'.padStart(6)}`,
  );
  for (const row of rows) {
    const s = scores(row.counts);
    const rate = (pages / row.seconds).toFixed(1).padStart(9);
    console.log(
      `${pad(row.name, 24)}${num(s.precision)} ${num(s.recall)} ${num(s.f1)} ${rate} ${String(row.empty).padStart(6)}`,
    );
  }
}

function printLanguages(rows: readonly Row[], languages: ReadonlyMap<string, string>): void {
  const pagesPer = new Map<string, number>();
  for (const language of languages.values()) pagesPer.set(language, (pagesPer.get(language) ?? 0) + 1);
  const ordered = [...pagesPer.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  console.log(`\nF1 by language (detected from the page text)`);
  console.log(`${pad('language', 10)}${'pages'.padStart(6)}${rows.map((r) => r.name.padStart(24)).join('')}`);
  for (const [language, count] of ordered) {
    const cells = rows.map((r) =>
      scores(r.byLanguage.get(language) ?? emptyCounts())
        .f1.toFixed(3)
        .padStart(24),
    );
    console.log(`${pad(language, 10)}${String(count).padStart(6)}${cells.join('')}`);
  }
}

async function main(): Promise<void> {
  if (!existsSync(join(DATA, 'evaldata.json'))) {
    console.log(`eval:extract skipped: ${DATA} is absent.`);
    return;
  }
  const pages = loadPages();
  const languages = pageLanguages(pages);
  const extractors: Extractor[] = [
    { name: 'factsum', extract: extractWithFactsum },
    { name: 'readability (linkedom)', extract: extractWithReadabilityOnLinkedom },
  ];
  const jsdom = await loadJsdom();
  if (jsdom === undefined) console.log('readability (jsdom) skipped: the jsdom package is not installed.');
  else
    extractors.push({
      name: 'readability (jsdom)',
      // A virtual console of its own keeps jsdom's CSS parse warnings out of the table.
      extract: (page) =>
        readabilityText(
          new jsdom.JSDOM(page.html, { virtualConsole: new jsdom.VirtualConsole() }).window.document,
        ),
    });
  const rows = extractors.map((extractor) => run(extractor, pages, languages));
  const withCount = pages.reduce((sum, p) => sum + p.with.length, 0);
  const withoutCount = pages.reduce((sum, p) => sum + p.without.length, 0);
  console.log(
    `\ntrafilatura-eval: ${pages.length} pages, ${withCount} "with" and ${withoutCount} "without" snippets`,
  );
  printTable(rows, pages.length);
  console.log(
    '(empty: pages with no extracted text; pages/s includes parsing the DOM, and for factsum decoding too)',
  );
  printLanguages(rows, languages);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
