/**
 * Fits the block classifier of lib/pipeline/clean/block-model.ts on the development half of L3S-GN1
 * (eval/l3s-data.ts; the held-out half is never read) and writes lib/models/boilerplate.json.
 *
 * Each page's copied text goes through factsum's text parser and the cleaning steps before the
 * classifier (clean.ts `articleBlocks`); each block is labelled by the assessors' runs it contains:
 * article text (headline or full text) when they cover at least half its words, skipped when
 * supplemental text (captions, datelines) does, boilerplate otherwise (navigation, related links,
 * comments, unlabelled text). Both stages are L2-regularised logistic regressions fitted by full-batch
 * gradient descent (Adam), each block weighted by its word count (the evaluation counts words); stage 2
 * is fitted on stage 1's in-sample probabilities. The threshold maximises word-level F1 on the
 * training pages. Deterministic: no randomness anywhere.
 *
 * Also prints block-level figures cross-validated over five folds that group pages by site, so no site
 * is both trained and tested on. Run: npm run train:boilerplate (npx tsx eval/train-boilerplate.ts).
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { blockFeatures, FEATURE_NAMES } from '../lib/pipeline/clean/block-features';
import { type BlockModel, CONTEXT_NAMES, contextRows, dot, sigmoid } from '../lib/pipeline/clean/block-model';
import { articleBlocks, classifiedBlocks } from '../lib/pipeline/clean/clean';
import type { BlockModels } from '../lib/pipeline/clean/page-copy';
import { parseDocument } from '../lib/pipeline/extract/parse-document';
import { type L3sPage, l3sAvailable, loadL3sPages, squash, tokens } from './l3s-data';

const OUT = resolve(__dirname, '../lib/models/boilerplate.json');
export const FOLDS = 5;
const L2 = 1e-3;
const STEPS = 400;
const LEARNING_RATE = 0.05;
/** Words beyond this do not add to a block's weight: one huge block should not dominate the fit. */
const MAX_WEIGHT_WORDS = 80;

/** The cross-validation fold of a site: a hash of its domain, so folds never split a site. */
export function foldOf(page: L3sPage): number {
  return (createHash('sha1').update(page.domain).digest()[0] ?? 0) % FOLDS;
}

export type PageBlocks = {
  readonly blocks: readonly string[];
  /** 1 article text, 0 boilerplate, -1 not used (supplemental). */
  readonly labels: readonly number[];
  readonly words: readonly number[];
};

export type Mode = 'text' | 'html';

/**
 * The blocks of a page as factsum's text path (the copied text) or HTML path (the original) hands
 * them to the classifier, with labels from the runs; undefined when the HTML cannot be parsed.
 */
export function pageBlocks(page: L3sPage, mode: Mode): PageBlocks | undefined {
  const doc = parseDocument(mode === 'text' ? page.text : page.html, mode);
  if (doc.kind !== 'parsed') return undefined;
  const all = classifiedBlocks(doc, articleBlocks(doc).blocks);
  const runs: { key: string; words: number; kind: 'content' | 'neutral' | 'bad' }[] = [];
  const addRuns = (list: readonly string[], kind: 'content' | 'neutral' | 'bad'): void => {
    for (const run of list) {
      const words = tokens(run).length;
      if (words > 0) runs.push({ key: squash(run), words, kind });
    }
  };
  addRuns([page.headline, ...page.headlines.slice(1), ...page.body], 'content');
  addRuns(page.supplemental, 'neutral');
  addRuns([...page.related, ...page.comments], 'bad');
  const labels: number[] = [];
  const words: number[] = [];
  for (const block of all) {
    const key = squash(block);
    const total = tokens(block).length;
    let content = 0;
    let neutral = 0;
    for (const run of runs) {
      // One-word runs ("|", "AP") are found inside too many blocks to say anything.
      if ((run.words < 2 && run.key !== key) || !key.includes(run.key)) continue;
      if (run.kind === 'content') content += run.words;
      else if (run.kind === 'neutral') neutral += run.words;
    }
    words.push(total);
    if (total === 0) labels.push(-1);
    else if (content * 2 >= total) labels.push(1);
    else if (neutral * 2 >= total) labels.push(-1);
    else labels.push(0);
  }
  return { blocks: all, labels, words };
}

type Data = { rows: number[][]; y: number[]; w: number[] };

/** Weighted L2-regularised logistic regression by full-batch Adam; deterministic. */
function fitLogistic(data: Data, dims: number): number[] {
  const weights = new Array<number>(dims).fill(0);
  const m = new Array<number>(dims).fill(0);
  const v = new Array<number>(dims).fill(0);
  const totalWeight = data.w.reduce((a, b) => a + b, 0) || 1;
  for (let step = 1; step <= STEPS; step += 1) {
    const grad = new Array<number>(dims).fill(0);
    for (let i = 0; i < data.rows.length; i += 1) {
      const row = data.rows[i] as number[];
      const error = (sigmoid(dot(weights, row)) - (data.y[i] ?? 0)) * (data.w[i] ?? 0);
      for (let j = 0; j < dims; j += 1) grad[j] = (grad[j] ?? 0) + error * (row[j] ?? 0);
    }
    for (let j = 0; j < dims; j += 1) {
      const g = (grad[j] ?? 0) / totalWeight + (j === 0 ? 0 : L2 * (weights[j] ?? 0));
      m[j] = 0.9 * (m[j] ?? 0) + 0.1 * g;
      v[j] = 0.999 * (v[j] ?? 0) + 0.001 * g * g;
      const mHat = (m[j] ?? 0) / (1 - 0.9 ** step);
      const vHat = (v[j] ?? 0) / (1 - 0.999 ** step);
      weights[j] = (weights[j] ?? 0) - (LEARNING_RATE * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return weights.map((x) => Math.round(x * 10_000) / 10_000);
}

function collect(pages: readonly PageBlocks[], rowsOf: (page: PageBlocks) => number[][]): Data {
  const data: Data = { rows: [], y: [], w: [] };
  for (const page of pages) {
    const rows = rowsOf(page);
    page.labels.forEach((label, i) => {
      if (label < 0) return;
      data.rows.push(rows[i] as number[]);
      data.y.push(label);
      data.w.push(1 + Math.min(page.words[i] ?? 0, MAX_WEIGHT_WORDS));
    });
  }
  return data;
}

function stage2Rows(page: PageBlocks, stage1: readonly number[]): number[][] {
  const rows = blockFeatures(page.blocks);
  return contextRows(
    rows,
    rows.map((row) => sigmoid(dot(stage1, row))),
  );
}

/** Word-level counts of a threshold's choices: kept article words, kept other words, lost article words. */
function wordCounts(pages: readonly PageBlocks[], probabilities: readonly number[][], threshold: number) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  pages.forEach((page, k) => {
    page.labels.forEach((label, i) => {
      if (label < 0) return;
      const keep = (probabilities[k]?.[i] ?? 0) >= threshold;
      const words = page.words[i] ?? 0;
      if (keep && label === 1) tp += words;
      else if (keep) fp += words;
      else if (label === 1) fn += words;
    });
  });
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function modelProbabilities(model: BlockModel, page: PageBlocks): number[] {
  return stage2Rows(page, model.stage1).map((row) => sigmoid(dot(model.stage2, row)));
}

/** Fits both stages and the threshold on the given pages. */
export function fitBlockModel(pages: readonly PageBlocks[]): BlockModel {
  const stage1 = fitLogistic(
    collect(pages, (page) => blockFeatures(page.blocks)),
    FEATURE_NAMES.length,
  );
  const stage2 = fitLogistic(
    collect(pages, (page) => stage2Rows(page, stage1)),
    FEATURE_NAMES.length + CONTEXT_NAMES.length,
  );
  const partial: BlockModel = { features: FEATURE_NAMES, stage1, stage2, threshold: 0.5 };
  const probabilities = pages.map((page) => modelProbabilities(partial, page));
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.2; t <= 0.8001; t += 0.05) {
    const { f1 } = wordCounts(pages, probabilities, t);
    if (f1 > bestF1 + 1e-9) {
      bestF1 = f1;
      best = Math.round(t * 100) / 100;
    }
  }
  return { ...partial, threshold: best };
}

export type ModeBlocks = {
  readonly text: (PageBlocks | undefined)[];
  readonly html: (PageBlocks | undefined)[];
};

export function allPageBlocks(pages: readonly L3sPage[]): ModeBlocks {
  return { text: pages.map((p) => pageBlocks(p, 'text')), html: pages.map((p) => pageBlocks(p, 'html')) };
}

function present(list: readonly (PageBlocks | undefined)[], keep: (i: number) => boolean): PageBlocks[] {
  return list.filter((b, i): b is PageBlocks => b !== undefined && keep(i));
}

/** Per fold, the models fitted on the other folds' pages. */
export function crossValidatedModels(pages: readonly L3sPage[], blocks: ModeBlocks): BlockModels[] {
  const folds = pages.map(foldOf);
  return Array.from({ length: FOLDS }, (_, fold) => ({
    text: fitBlockModel(present(blocks.text, (i) => folds[i] !== fold)),
    html: fitBlockModel(present(blocks.html, (i) => folds[i] !== fold)),
  }));
}

function report(label: string, pages: readonly PageBlocks[], decisions: readonly number[][]): void {
  const s = wordCounts(pages, decisions, 0.5);
  console.log(`${label}: word precision ${s.p.toFixed(3)}, recall ${s.r.toFixed(3)}, F1 ${s.f1.toFixed(3)}`);
}

function main(): void {
  if (!l3sAvailable()) {
    console.log('train:boilerplate: ../shared/data/l3s-gn1 not found, skipping.');
    return;
  }
  const pages = loadL3sPages();
  const blocks = allPageBlocks(pages);
  const folds = pages.map(foldOf);
  const models = crossValidatedModels(pages, blocks);
  const shipped: Record<Mode, BlockModel> = {
    text: fitBlockModel(present(blocks.text, () => true)),
    html: fitBlockModel(present(blocks.html, () => true)),
  };
  for (const mode of ['text', 'html'] as const) {
    const cvPages: PageBlocks[] = [];
    const cvDecisions: number[][] = [];
    blocks[mode].forEach((page, i) => {
      if (page === undefined) return;
      const model = (models[folds[i] ?? 0] as BlockModels)[mode];
      cvPages.push(page);
      cvDecisions.push(modelProbabilities(model, page).map((p) => (p >= model.threshold ? 1 : 0)));
    });
    report(
      `${mode} blocks, ${FOLDS}-fold by site (thresholds ${models.map((m) => m[mode].threshold).join(', ')})`,
      cvPages,
      cvDecisions,
    );
    const model = shipped[mode];
    report(
      `${mode} blocks, in sample (threshold ${model.threshold})`,
      cvPages,
      cvPages.map((page) => modelProbabilities(model, page).map((p) => (p >= model.threshold ? 1 : 0))),
    );
  }
  writeFileSync(OUT, `${JSON.stringify(shipped, null, 1)}\n`);
  console.log(`wrote ${OUT}`);
}

if (require.main === module) main();
