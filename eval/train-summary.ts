/**
 * Trains the summary salience model: an L2-regularised logistic regression (fitted by Newton's method /
 * IRLS, so the result is deterministic without a seed) over the features of lib/pipeline/summary/features.ts,
 * on the TRAINING split of BBC News Summary only (eval/bbc-data.ts). Label: the sentence is part of the
 * reference summary. The MMR trade-off is then picked on the training split by mean ROUGE-1 + ROUGE-2.
 * Last, the lead prior (SummaryModel.leadPrior / leadSpan / leadShareLimit) is picked on the DEV half of
 * the self-written human-highlight articles (eval/summary-highlights.ts) at three sentences, among the
 * settings that cost the BBC training split at most LEAD_PRIOR_BBC_COST ROUGE-1 points: the BBC references
 * are machine-selected and cannot teach what human highlights reward. The test half is never looked at here.
 * Writes lib/models/summary-weights.json. Skips cleanly without ../shared/data.
 * Run: npx tsx eval/train-summary.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  extractSummaryFeatures,
  SUMMARY_FEATURES,
  type SummaryFeature,
} from '../lib/pipeline/summary/features';
import { parseSummaryModel, type SummaryModel } from '../lib/pipeline/summary/model';
import { selectSummary } from '../lib/pipeline/summary/select-summary';
import { segmentSentences } from '../lib/pipeline/text/segment';
import { BBC_ROOT, type BbcItem, labelSentences, loadBbc } from './bbc-data';
import { rouge } from './rouge';
import { ALL_HIGHLIGHT_ITEMS, highlightSplit } from './summary-highlights';

const OUT = resolve(import.meta.dirname, '../lib/models/summary-weights.json');

/** L2 penalty on the feature weights (not the bias); mild, since 17 weights meet ~25,000 sentences. */
const L2 = 1;
/** Newton's method converges in a handful of steps on a convex loss; this is a safety bound. */
const MAX_NEWTON_STEPS = 50;
const NEWTON_TOLERANCE = 1e-9;
/** MMR trade-offs tried on the training split: from novelty-heavy to pure salience. */
const MMR_GRID = [0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 1] as const;
/** Lead prior strengths tried (log-odds on the first sentence); 0 switches it off. */
const LEAD_PRIOR_GRID = [0, 1, 2, 3, 4, 6, 8] as const;
/** Sentences over which the prior fades to 0. */
const LEAD_SPAN_GRID = [3, 5] as const;
/** Summary share of the article at which the prior has faded to 0 (1: it never fully fades). */
const LEAD_SHARE_GRID = [0.3, 0.4, 0.5, 0.6, 1] as const;
/** Largest ROUGE-1 loss (points) on the BBC training split a lead prior may cost. */
const LEAD_PRIOR_BBC_COST = 0.5;
/** Summary length of the human-highlight check (the Lead-3 convention of CNN/DailyMail). */
const HIGHLIGHT_SENTENCES = 3;
/** Weights are stored with this many decimals: enough for the scores' 3, small and diff-friendly. */
const WEIGHT_DECIMALS = 4;

type Example = { readonly x: readonly number[]; readonly y: number };

function examplesOf(items: readonly BbcItem[]): Example[] {
  const out: Example[] = [];
  for (const it of items) {
    const sentences = segmentSentences(it.body);
    const labels = labelSentences(sentences, it.reference);
    const { features } = extractSummaryFeatures({ title: it.title, text: it.body }, sentences);
    features.forEach((f, i) => {
      out.push({ x: [1, ...SUMMARY_FEATURES.map((name) => f[name])], y: labels[i] ?? 0 });
    });
  }
  return out;
}

/** Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite here). */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++)
      if (Math.abs(m[r]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = r;
    const top = m[pivot];
    const cur = m[col];
    if (top === undefined || cur === undefined) throw new Error('matrix shape');
    m[col] = top;
    m[pivot] = cur;
    const p = top[col] ?? 0;
    if (p === 0) throw new Error('singular Hessian');
    for (let r = 0; r < n; r++) {
      const row = m[r];
      if (r === col || row === undefined) continue;
      const f = (row[col] ?? 0) / p;
      if (f !== 0) for (let c = col; c <= n; c++) row[c] = (row[c] ?? 0) - f * (top[c] ?? 0);
    }
  }
  return m.map((row, i) => (row[n] ?? 0) / (row[i] ?? 1));
}

/** Maximum-likelihood logistic regression with an L2 penalty on all but the first (bias) weight. */
function fitLogistic(examples: readonly Example[]): number[] {
  const d = examples[0]?.x.length ?? 0;
  let w = new Array<number>(d).fill(0);
  for (let step = 0; step < MAX_NEWTON_STEPS; step++) {
    const grad = w.map((wi, j): number => (j === 0 ? 0 : L2 * wi));
    const hess = Array.from({ length: d }, (_, i) =>
      Array.from({ length: d }, (_, j): number => (i === j && i > 0 ? L2 : 0)),
    );
    for (const { x, y } of examples) {
      let z = 0;
      for (let j = 0; j < d; j++) z += (w[j] ?? 0) * (x[j] ?? 0);
      const p = 1 / (1 + Math.exp(-z));
      const r = p * (1 - p);
      for (let i = 0; i < d; i++) {
        const xi = x[i] ?? 0;
        grad[i] = (grad[i] ?? 0) + (p - y) * xi;
        const row = hess[i];
        if (row === undefined || xi === 0) continue;
        for (let j = 0; j < d; j++) row[j] = (row[j] ?? 0) + r * xi * (x[j] ?? 0);
      }
    }
    const delta = solve(hess, grad);
    w = w.map((wi, j) => wi - (delta[j] ?? 0));
    if (delta.reduce((a, v) => a + Math.abs(v), 0) < NEWTON_TOLERANCE) break;
  }
  return w;
}

const round = (x: number): number => Number(x.toFixed(WEIGHT_DECIMALS));

type LeadPrior = { readonly leadPrior: number; readonly leadSpan: number; readonly leadShareLimit: number };
const NO_LEAD_PRIOR: LeadPrior = { leadPrior: 0, leadSpan: 3, leadShareLimit: 1 };

function toModel(w: readonly number[], mmrLambda: number, lead: LeadPrior): SummaryModel {
  const weights = Object.fromEntries(SUMMARY_FEATURES.map((name, j) => [name, round(w[j + 1] ?? 0)]));
  // Validated like the shipped file, so that training can never write a model the pipeline rejects.
  return parseSummaryModel({ bias: round(w[0] ?? 0), weights, ...lead, mmrLambda });
}

type Scored = {
  readonly title: string;
  readonly body: string;
  readonly reference: string;
  readonly k: number;
};

/** Mean ROUGE-1 and ROUGE-2 F1 of a model's k-sentence summaries over the given items. */
function meanRouge(model: SummaryModel, items: readonly Scored[]): { r1: number; r2: number } {
  let r1 = 0;
  let r2 = 0;
  for (const it of items) {
    const picked = selectSummary(model, { title: it.title, text: it.body }, segmentSentences(it.body), {
      maxSentences: it.k,
    });
    const r = rouge(picked.map((s) => s.text).join(' '), it.reference);
    r1 += r.r1;
    r2 += r.r2;
  }
  return { r1: r1 / Math.max(1, items.length), r2: r2 / Math.max(1, items.length) };
}

/**
 * The lead prior with the best ROUGE-1 + ROUGE-2 on the dev highlights among those that cost the BBC
 * training split at most LEAD_PRIOR_BBC_COST ROUGE-1 points (ties: the weaker prior, listed first).
 */
function pickLeadPrior(w: readonly number[], mmrLambda: number, train: readonly BbcItem[]): LeadPrior {
  const dev: Scored[] = ALL_HIGHLIGHT_ITEMS.filter((it) => highlightSplit(it.title) === 'dev').map((it) => ({
    title: it.title,
    body: it.text,
    reference: it.highlights.join(' '),
    k: HIGHLIGHT_SENTENCES,
  }));
  const bbcBase = meanRouge(toModel(w, mmrLambda, NO_LEAD_PRIOR), train).r1;
  let best = { lead: NO_LEAD_PRIOR, score: Number.NEGATIVE_INFINITY };
  for (const leadPrior of LEAD_PRIOR_GRID)
    for (const leadSpan of LEAD_SPAN_GRID)
      for (const leadShareLimit of LEAD_SHARE_GRID) {
        if (leadPrior === 0 && (leadSpan !== LEAD_SPAN_GRID[0] || leadShareLimit !== 1)) continue;
        const lead = { leadPrior, leadSpan, leadShareLimit };
        const model = toModel(w, mmrLambda, lead);
        const cost = 100 * (bbcBase - meanRouge(model, train).r1);
        if (cost > LEAD_PRIOR_BBC_COST) continue;
        const h = meanRouge(model, dev);
        const score = h.r1 + h.r2;
        console.log(
          `  lead ${leadPrior} span ${leadSpan} share ${leadShareLimit}: dev highlights R-1 ${(100 * h.r1).toFixed(2)} ` +
            `R-2 ${(100 * h.r2).toFixed(2)}, BBC train cost ${cost.toFixed(2)}`,
        );
        if (score > best.score) best = { lead, score };
      }
  return best.lead;
}

function main(): void {
  const items = loadBbc();
  if (items === undefined) {
    console.log(`train-summary skipped: ${BBC_ROOT} not found`);
    return;
  }
  const train = items.filter((it) => it.split === 'train');
  const examples = examplesOf(train);
  const positives = examples.filter((e) => e.y === 1).length;
  console.log(
    `BBC train split: ${train.length} articles, ${examples.length} sentences, ${positives} in references`,
  );
  const w = fitLogistic(examples);
  let best = { lambda: 1, score: Number.NEGATIVE_INFINITY };
  for (const lambda of MMR_GRID) {
    const r = meanRouge(toModel(w, lambda, NO_LEAD_PRIOR), train);
    console.log(`  mmrLambda ${lambda}: train R-1 ${(100 * r.r1).toFixed(2)} R-2 ${(100 * r.r2).toFixed(2)}`);
    if (r.r1 + r.r2 > best.score) best = { lambda, score: r.r1 + r.r2 };
  }
  const lead = pickLeadPrior(w, best.lambda, train);
  const model = toModel(w, best.lambda, lead);
  console.log(`bias ${model.bias}`);
  for (const name of SUMMARY_FEATURES)
    console.log(`  ${name.padEnd(18)} ${model.weights[name satisfies SummaryFeature]}`);
  const json = JSON.stringify(model, null, 1);
  writeFileSync(OUT, `${json}\n`);
  console.log(
    `wrote ${OUT} (mmrLambda ${best.lambda}, lead prior ${lead.leadPrior} over ${lead.leadSpan} sentences, ` +
      `faded out at ${lead.leadShareLimit} of the article; ${json.length} bytes)`,
  );
}

main();
