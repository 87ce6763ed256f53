/**
 * Training and tuning the fact-check re-ranker (lib/pipeline/factcheck/match-model.ts) on CheckThat! 2022 2A:
 * first-stage candidates and their features per query, pairwise logistic regression, Platt scaling and the
 * match threshold. Shared by eval/train-match.ts (which writes the model) and eval/match.ts (which reports it).
 */
import type { FactCheckIndex, FactCheckRecord } from '../lib/pipeline/factcheck';
import { MAX_MATCHES_PER_CLAIM } from '../lib/pipeline/factcheck/match-claims';
import { calibrate, type MatchModel, scoreLinear } from '../lib/pipeline/factcheck/match-model';
import {
  computeFeatures,
  type FeatureVector,
  RERANK_FEATURES,
  type RecordView,
  type RerankFeature,
  viewQuery,
  viewRecord,
} from '../lib/pipeline/factcheck/rerank-features';
import type { Candidate } from '../lib/pipeline/factcheck/search-index';
import type { TermRarity } from '../lib/pipeline/factcheck/term-rarity';
import { retrievalTerms } from '../lib/pipeline/factcheck/terms';
import type { Query } from './clef-data';
import { seededRandom, shuffled } from './reference/seeded-random';

/** One query's first-stage candidates, their features and which of them are gold. */
export type Prepared = {
  readonly query: Query;
  readonly candidates: readonly Candidate[];
  readonly features: readonly FeatureVector[];
  readonly gold: readonly boolean[];
};

/** A cached record-view function over an index (the features of a record never change). */
export function cachedViews(index: FactCheckIndex): (position: number) => RecordView {
  const cache = new Map<number, RecordView>();
  return (position) => {
    let view = cache.get(position);
    if (view === undefined) {
      view = viewRecord(index.records[position] ?? { id: '', claimReviewed: '' });
      cache.set(position, view);
    }
    return view;
  };
}

/**
 * Candidates and features of each query; with `withoutGold`, as if the library lacked the query's fact-check
 * (the gold records dropped from the candidates before the features are computed): an unrelated query.
 */
export function prepare(
  index: FactCheckIndex,
  queries: readonly Query[],
  depth: number,
  views: (position: number) => RecordView,
  rarity: TermRarity,
  withoutGold = false,
): Prepared[] {
  return queries.map((query) => {
    const found = index.search(query.text, depth + (withoutGold ? query.gold.size : 0));
    const isGold = (c: Candidate) => query.gold.has(index.records[c.position]?.id ?? '');
    const candidates = withoutGold ? found.filter((c) => !isGold(c)).slice(0, depth) : found;
    const features = computeFeatures(viewQuery(query.text), candidates, views, rarity);
    return { query, candidates, features, gold: candidates.map(isGold) };
  });
}

const vectorOf = (f: FeatureVector): number[] => RERANK_FEATURES.map((name) => f[name]);

export type PairwiseOptions = {
  /** Features the model may use; the others get weight 0. */
  readonly use: ReadonlySet<RerankFeature>;
  readonly l2: number;
  readonly epochs: number;
  readonly rate: number;
  readonly seed: number;
};

/**
 * Pairwise logistic regression (RankNet's loss, Burges et al., ICML 2005): for each training query, every
 * (gold, other candidate) pair should score gold higher. Plain SGD over shuffled pairs, seeded; weights
 * rounded to 4 decimals.
 */
export function trainPairwise(
  prepared: readonly Prepared[],
  options: PairwiseOptions,
): Record<RerankFeature, number> {
  const pairs: number[][] = [];
  for (const p of prepared) {
    p.gold.forEach((g, i) => {
      const features = p.features[i];
      if (!g || features === undefined) return;
      const gold = vectorOf(features);
      p.features.forEach((f, j) => {
        if (p.gold[j]) return;
        const other = vectorOf(f);
        pairs.push(gold.map((x, k) => x - (other[k] ?? 0)));
      });
    });
  }
  const w = new Float64Array(RERANK_FEATURES.length);
  const mask = RERANK_FEATURES.map((name) => (options.use.has(name) ? 1 : 0));
  const random = seededRandom(options.seed);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rate = options.rate / (1 + epoch);
    for (const d of shuffled(pairs, random)) {
      let z = 0;
      d.forEach((x, k) => {
        z += (w[k] ?? 0) * x;
      });
      const g = 1 / (1 + Math.exp(z)); // −∂loss/∂z of log(1 + e^(−z))
      d.forEach((x, k) => {
        w[k] = ((w[k] ?? 0) + rate * (g * x - options.l2 * (w[k] ?? 0))) * (mask[k] ?? 0);
      });
    }
  }
  return Object.fromEntries(
    RERANK_FEATURES.map((name, k) => [name, Math.round((w[k] ?? 0) * 1e4) / 1e4]),
  ) as Record<RerankFeature, number>;
}

/** Platt scaling (Platt 1999): slope and intercept of a logistic fit of gold-or-not on the ranking score. */
export function fitPlatt(
  prepared: readonly Prepared[],
  weights: Readonly<Record<RerankFeature, number>>,
): MatchModel['calibration'] {
  const points: [number, number][] = [];
  for (const p of prepared) {
    p.features.forEach((f, i) => {
      points.push([scoreLinear({ weights }, f), p.gold[i] ? 1 : 0]);
    });
  }
  let slope = 1;
  let intercept = 0;
  for (let step = 0; step < 3000; step++) {
    let gs = 0;
    let gi = 0;
    for (const [s, y] of points) {
      const d = 1 / (1 + Math.exp(-(slope * s + intercept))) - y;
      gs += d * s;
      gi += d;
    }
    slope -= (0.5 * gs) / points.length;
    intercept -= (2 * gi) / points.length;
  }
  return { slope: Math.round(slope * 1e4) / 1e4, intercept: Math.round(intercept * 1e4) / 1e4 };
}

/**
 * Weight of recall against precision when the threshold is chosen (F-beta, beta 0.5): a wrong "already
 * fact-checked" under a claim misleads a reviewer more than a missing one, which they would look up anyway.
 */
export const THRESHOLD_BETA = 0.5;

/**
 * What a reviewer sees at a threshold, as matchClaims shows it (at most MAX_MATCHES_PER_CLAIM per claim, best
 * first): the precision of shown matches, the share of queries whose fact-check is shown (recall), F-beta,
 * and the share of queries without a counterpart in the library that still get a match.
 */
export function thresholdMetrics(
  model: MatchModel,
  withGold: readonly Prepared[],
  withoutGold: readonly Prepared[],
  threshold: number,
): { precision: number; recall: number; fBeta: number; unrelatedWithMatch: number } {
  const shownOf = (p: Prepared) =>
    p.features
      .map((f, i) => ({ prob: calibrate(model, scoreLinear(model, f)), gold: p.gold[i] ?? false }))
      .filter((hit) => hit.prob >= threshold)
      .sort((a, b) => b.prob - a.prob)
      .slice(0, MAX_MATCHES_PER_CLAIM);
  let shown = 0;
  let right = 0;
  let found = 0;
  for (const p of withGold) {
    const hits = shownOf(p);
    shown += hits.length;
    right += hits.filter((h) => h.gold).length;
    if (hits.some((h) => h.gold)) found++;
  }
  let unrelated = 0;
  for (const p of withoutGold) {
    const hits = shownOf(p).length;
    shown += hits;
    if (hits > 0) unrelated++;
  }
  const precision = shown === 0 ? 1 : right / shown;
  const recall = withGold.length === 0 ? 0 : found / withGold.length;
  const b2 = THRESHOLD_BETA * THRESHOLD_BETA;
  const fBeta = precision + recall === 0 ? 0 : ((1 + b2) * precision * recall) / (b2 * precision + recall);
  return {
    precision,
    recall,
    fBeta,
    unrelatedWithMatch: withoutGold.length === 0 ? 0 : unrelated / withoutGold.length,
  };
}

/** The threshold (a multiple of 0.01) with the best F-beta of shown matches; ties go to the higher threshold. */
export function chooseThreshold(
  model: MatchModel,
  withGold: readonly Prepared[],
  withoutGold: readonly Prepared[],
): number {
  let best = 0.5;
  let bestScore = -1;
  for (let t = 1; t < 100; t++) {
    const threshold = t / 100;
    const { fBeta } = thresholdMetrics(model, withGold, withoutGold, threshold);
    if (fBeta >= bestScore) {
      bestScore = fBeta;
      best = threshold;
    }
  }
  return best;
}

/** Rankings (record ids, best first) of prepared queries by the first stage, or by a model's score. */
export function rankingsOf(
  index: FactCheckIndex,
  prepared: readonly Prepared[],
  model?: MatchModel,
): string[][] {
  return prepared.map((p) => {
    const order = p.candidates.map((c, i) => ({
      id: index.records[c.position]?.id ?? '',
      score: model === undefined || p.features[i] === undefined ? -i : scoreLinear(model, p.features[i]),
      i,
    }));
    return order.sort((a, b) => b.score - a.score || a.i - b.i).map((o) => o.id);
  });
}

/** Document frequencies of the records' terms (claim, title, subtitle), for the model's background. */
export function countTerms(records: readonly FactCheckRecord[], minimum: number): Map<string, number> {
  const df = new Map<string, number>();
  for (const r of records) {
    for (const term of new Set(retrievalTerms(`${r.claimReviewed} ${r.title ?? ''} ${r.subtitle ?? ''}`))) {
      df.set(term, (df.get(term) ?? 0) + 1);
    }
  }
  for (const [term, n] of df) if (n < minimum) df.delete(term);
  return df;
}

/**
 * A small library for queries: `others` records drawn at random (seeded) from those that are no query's
 * fact-check, plus, with `withGold`, the queries' own fact-checks. How the threshold behaves when the library
 * is a few hundred records rather than fourteen thousand.
 */
export function smallLibrary(
  records: readonly FactCheckRecord[],
  queries: readonly Query[],
  others: number,
  withGold: boolean,
  seed: number,
): FactCheckRecord[] {
  const gold = new Set(queries.flatMap((q) => [...q.gold]));
  const pool = records.filter((r) => !gold.has(r.id));
  const drawn = shuffled(pool, seededRandom(seed)).slice(0, others);
  return withGold ? [...drawn, ...records.filter((r) => gold.has(r.id))] : drawn;
}
