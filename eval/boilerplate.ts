/**
 * Boilerplate removal on real news pages: the development half of L3S-GN1 (see eval/l3s-data.ts).
 *
 * For every page, the copied page text goes through factsum as plain text and the original page as
 * HTML (decode → parse → clean, as `factsum analyze --format text|html` does). The output (title +
 * article text) is scored as a bag of words against the labelled headline + full text: supplemental
 * text (captions, datelines) is neither rewarded nor penalised. Printed per system: micro precision,
 * recall and F1, macro F1, the share of pages (of those that have any) where a labelled related-content
 * or comment line of 5+ words survives whole, and the share of boilerplate, related and comment tokens
 * that survive. Baselines in the same run: keep everything, keep lines of 10+ words, and Mozilla
 * Readability on linkedom for the HTML.
 *
 * The shipped block models (lib/models/boilerplate.json) are fitted on these same pages, so the
 * in-sample rows flatter them; the "cross-validated" rows use, for each page, models fitted by
 * eval/train-boilerplate.ts's procedure on the pages of the other four folds (folds group pages by
 * site, so no site is in both). These are the figures to quote. factsum runs the block classifier on
 * text inputs only (the HTML model is fitted and scored at block level by eval/train-boilerplate.ts,
 * but not used: see lib/pipeline/clean/clean.ts), so its two HTML rows differ only in that the
 * cross-validated row skips decoding (two pages with NUL bytes are rejected as BINARY by the other). factsum runs the block classifier on
 * text inputs only, so its two HTML rows agree (the HTML model is fitted and scored at block level by
 * eval/train-boilerplate.ts, but not used: see lib/pipeline/clean/clean.ts).
 * Run: npm run eval:boilerplate (VERBOSE=1 lists the worst pages). Skips cleanly when the data is absent.
 */
import { Readability } from '@mozilla/readability';
import { type PreparedArticle, prepareArticle } from '../lib/pipeline/analyze';
import { cleanArticle } from '../lib/pipeline/clean/clean';
import type { BlockModels } from '../lib/pipeline/clean/page-copy';
import { parseHtmlDocument } from '../lib/pipeline/extract/html/dom';
import { parseDocument } from '../lib/pipeline/extract/parse-document';
import type { InputFormat } from '../lib/pipeline/types';
import { bag, type L3sPage, l3sAvailable, loadL3sPages, squash, tokens } from './l3s-data';
import { allPageBlocks, crossValidatedModels, foldOf } from './train-boilerplate';

const VERBOSE = process.env.VERBOSE === '1';
const MAX_BYTES = 20 * 1024 * 1024;
/** A related or comment line "survives" when one of at least this many words is found whole in the output. */
const MIN_SURVIVAL_WORDS = 5;

export type PageScore = {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
  readonly bad: number;
  readonly badKept: number;
  /** Whether the page has a related/comment line of 5+ words, and whether one survived. */
  readonly hasRelated: boolean;
  readonly relatedSurvived: boolean;
};

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** Scores one output (title + text) against a page's labels. */
export function scorePage(page: L3sPage, output: string): PageScore {
  const predicted = bag([output]);
  const reference = bag([page.headline, ...page.body]);
  const supplemental = bag([...page.supplemental, ...page.headlines.slice(1)]);
  const all = bag(page.text.split('\n'));
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let bad = 0;
  let badKept = 0;
  for (const [word, count] of all) {
    const b = Math.max(0, count - (reference.get(word) ?? 0) - (supplemental.get(word) ?? 0));
    bad += b;
  }
  for (const [word, count] of predicted) {
    const r = reference.get(word) ?? 0;
    tp += Math.min(count, r);
    const excess = Math.max(0, count - r - (supplemental.get(word) ?? 0));
    fp += excess;
    const b = Math.max(0, (all.get(word) ?? 0) - r - (supplemental.get(word) ?? 0));
    badKept += Math.min(excess, b);
  }
  for (const [word, count] of reference) fn += Math.max(0, count - (predicted.get(word) ?? 0));
  const lines = [...page.related, ...page.comments].filter(
    (line) => tokens(line).length >= MIN_SURVIVAL_WORDS,
  );
  const out = squash(output);
  return {
    tp,
    fp,
    fn,
    bad,
    badKept,
    hasRelated: lines.length > 0,
    relatedSurvived: lines.some((line) => out.includes(squash(line))),
  };
}

export type SystemRow = { readonly name: string; readonly scores: PageScore[]; readonly errors: number };

export function summarise(row: SystemRow): {
  precision: number;
  recall: number;
  f1: number;
  macroF1: number;
  survivalPages: number;
  withRelated: number;
  survivalTokens: number;
} {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let bad = 0;
  let badKept = 0;
  let macro = 0;
  let withRelated = 0;
  let survived = 0;
  for (const s of row.scores) {
    tp += s.tp;
    fp += s.fp;
    fn += s.fn;
    bad += s.bad;
    badKept += s.badKept;
    const p = s.tp + s.fp === 0 ? 0 : s.tp / (s.tp + s.fp);
    const r = s.tp + s.fn === 0 ? 0 : s.tp / (s.tp + s.fn);
    macro += f1(p, r);
    if (s.hasRelated) {
      withRelated += 1;
      if (s.relatedSurvived) survived += 1;
    }
  }
  const precision = tp + fp === 0 ? 0 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 0 : tp / (tp + fn);
  return {
    precision,
    recall,
    f1: f1(precision, recall),
    macroF1: row.scores.length === 0 ? 0 : macro / row.scores.length,
    survivalPages: withRelated === 0 ? 0 : survived / withRelated,
    withRelated,
    survivalTokens: bad === 0 ? 0 : badKept / bad,
  };
}

/** factsum's output for a page: title + text, or '' when the page is rejected. */
export function factsumOutput(input: string, format: InputFormat): { output: string; rejected?: string } {
  const result = prepareArticle(new TextEncoder().encode(input), {
    maxBytes: MAX_BYTES,
    format,
    clock: () => 0,
  });
  if (result.kind === 'rejected') return { output: '', rejected: result.error.code };
  const article = (result as PreparedArticle).article;
  return { output: `${article.title}\n\n${article.text}` };
}

function readabilityOutput(html: string): string {
  try {
    const article = new Readability(parseHtmlDocument(html)).parse();
    return `${article?.title ?? ''}\n\n${article?.textContent ?? ''}`;
  } catch {
    return '';
  }
}

const MIN_RULE_WORDS = 10;

function runSystem(
  name: string,
  pages: readonly L3sPage[],
  output: (page: L3sPage) => { output: string; rejected?: string },
): SystemRow {
  const scores: PageScore[] = [];
  let errors = 0;
  const worst: { id: string; f: number; note: string }[] = [];
  for (const page of pages) {
    const result = output(page);
    if (result.rejected !== undefined) errors += 1;
    const score = scorePage(page, result.output);
    scores.push(score);
    if (VERBOSE) {
      const p = score.tp / Math.max(1, score.tp + score.fp);
      const r = score.tp / Math.max(1, score.tp + score.fn);
      worst.push({
        id: page.id.slice(0, 8),
        f: f1(p, r),
        note: `${result.rejected ?? ''} p=${p.toFixed(2)} r=${r.toFixed(2)}`,
      });
    }
  }
  if (VERBOSE) {
    worst.sort((a, b) => a.f - b.f || a.id.localeCompare(b.id));
    console.log(
      `${name}: worst pages ${worst
        .slice(0, 15)
        .map((w) => `${w.id} ${w.f.toFixed(2)} ${w.note}`)
        .join('; ')}`,
    );
  }
  return { name, scores, errors };
}

function fixed(x: number): string {
  return x.toFixed(3);
}

function percent(x: number): string {
  return `${(100 * x).toFixed(1)}%`;
}

export function printTable(title: string, rows: readonly SystemRow[]): void {
  console.log(`\n${title}\n`);
  console.log(
    '| system | precision | recall | F1 (micro) | F1 (macro) | pages with related/comments surviving | boilerplate tokens surviving | rejected |',
  );
  console.log('|---|---|---|---|---|---|---|---|');
  for (const row of rows) {
    const s = summarise(row);
    console.log(
      `| ${row.name} | ${fixed(s.precision)} | ${fixed(s.recall)} | ${fixed(s.f1)} | ${fixed(s.macroF1)} | ${percent(s.survivalPages)} of ${s.withRelated} | ${percent(s.survivalTokens)} | ${row.errors} |`,
    );
  }
}

export const BASELINES = {
  everything: (page: L3sPage) => ({ output: page.text }),
  tenWords: (page: L3sPage) => ({
    output: page.text
      .split('\n')
      .filter((line) => tokens(line).length >= MIN_RULE_WORDS)
      .join('\n'),
  }),
  readability: (page: L3sPage) => ({ output: readabilityOutput(page.html) }),
};

/** factsum's output for a page with given block models (the cross-validation folds'). */
function factsumWith(
  input: string,
  format: InputFormat,
  models: BlockModels,
): { output: string; rejected?: string } {
  const parsed = parseDocument(input, format);
  if (parsed.kind !== 'parsed') return { output: '', rejected: parsed.code };
  const article = cleanArticle(parsed, { blockModels: models });
  if ('kind' in article) return { output: '', rejected: article.code };
  return { output: `${article.title}\n\n${article.text}` };
}

function main(): void {
  if (!l3sAvailable()) {
    console.log('eval:boilerplate: ../shared/data/l3s-gn1 not found, skipping.');
    return;
  }
  const pages = loadL3sPages();
  console.log(
    `L3S-GN1 development half: ${pages.length} pages from ${new Set(pages.map((p) => p.domain)).size} sites`,
  );
  // Cross-validation: for each page, the models fitted on the pages of the other folds (sites).
  const folds = pages.map(foldOf);
  const models = crossValidatedModels(pages, allPageBlocks(pages));
  const fold = (page: L3sPage): BlockModels => models[folds[pages.indexOf(page)] ?? 0] as BlockModels;
  printTable('Plain text (the copied page text, --format text)', [
    runSystem('keep everything', pages, BASELINES.everything),
    runSystem('keep lines of 10+ words', pages, BASELINES.tenWords),
    runSystem('factsum, cross-validated by site', pages, (page) =>
      factsumWith(page.text, 'text', fold(page)),
    ),
    runSystem('factsum, shipped model (fitted on these pages)', pages, (page) =>
      factsumOutput(page.text, 'text'),
    ),
  ]);
  printTable('HTML (the original page, --format html)', [
    runSystem('keep everything (page text)', pages, BASELINES.everything),
    runSystem('@mozilla/readability (linkedom)', pages, BASELINES.readability),
    runSystem('factsum, cross-validated by site', pages, (page) =>
      factsumWith(page.html, 'html', fold(page)),
    ),
    runSystem('factsum, shipped model (fitted on these pages)', pages, (page) =>
      factsumOutput(page.html, 'html'),
    ),
  ]);
}

if (require.main === module) main();
