/**
 * Trains the fact-check re-ranker on CheckThat! 2022 task 2A English (../shared/data/clef2022-2a): pairwise
 * logistic regression on the train queries' first-stage candidates, its L2 strength chosen by MAP@5 on dev,
 * Platt scaling and the match threshold fitted on dev (dev queries with their fact-check in the library, and
 * the same queries with it removed: claims with no counterpart). Dev-test is not read. Writes
 * lib/models/factcheck-match.json; seeded, so the same data gives the same file. Skips cleanly without the data.
 * Run: npx tsx eval/train-match.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MatchModel } from '../lib/pipeline/factcheck/match-model';
import { buildIndexBody, openIndex } from '../lib/pipeline/factcheck/search-index';
import { CLEF_DIR, loadClef, rankingMetrics } from './clef-data';
import {
  cachedViews,
  chooseThreshold,
  fitPlatt,
  prepare,
  rankingsOf,
  thresholdMetrics,
  trainPairwise,
} from './match-training';

const OUT = resolve(import.meta.dirname, '../lib/models/factcheck-match.json');
/** First-stage candidates re-ranked: recall at 50 is 0.97 on dev, and deeper lists cost time for little. */
export const CANDIDATES = 50;
const L2_GRID = [0, 1e-4, 1e-3, 1e-2] as const;
const EPOCHS = 8;
const RATE = 0.05;
const SEED = 20_220_402;

function main(): void {
  const data = loadClef();
  if (data === undefined) {
    console.log(`train-match skipped: ${CLEF_DIR} not found`);
    return;
  }
  const index = openIndex('training', buildIndexBody(data.records));
  const views = cachedViews(index);
  const train = prepare(index, data.train, CANDIDATES, views);
  const dev = prepare(index, data.dev, CANDIDATES, views);
  const devUnrelated = prepare(index, data.dev, CANDIDATES, views, true);
  console.log(
    `library ${index.records.length} fact-checks; train ${train.length} queries, dev ${dev.length}`,
  );
  let best: { l2: number; map5: number; weights: MatchModel['weights'] } | undefined;
  for (const l2 of L2_GRID) {
    const weights = trainPairwise(train, { l2, epochs: EPOCHS, rate: RATE, seed: SEED });
    const m = rankingMetrics(
      data.dev,
      rankingsOf(index, dev, {
        weights,
        candidates: CANDIDATES,
        calibration: { slope: 1, intercept: 0 },
        threshold: 0.5,
      }),
    );
    console.log(`L2 ${l2}: dev MAP@1 ${m.map1.toFixed(3)} MAP@5 ${m.map5.toFixed(3)}`);
    if (best === undefined || m.map5 > best.map5) best = { l2, map5: m.map5, weights };
  }
  if (best === undefined) return;
  const calibration = fitPlatt(dev, best.weights);
  const draft: MatchModel = { candidates: CANDIDATES, weights: best.weights, calibration, threshold: 0.5 };
  const threshold = chooseThreshold(draft, dev, devUnrelated);
  const model: MatchModel = { ...draft, threshold };
  const t = thresholdMetrics(model, dev, devUnrelated, threshold);
  console.log(
    `chose L2 ${best.l2}; calibration slope ${calibration.slope} intercept ${calibration.intercept}; threshold ${threshold}: dev precision ${t.precision.toFixed(3)} recall ${t.recall.toFixed(3)} F1 ${t.f1.toFixed(3)}, unrelated queries with a match ${t.unrelatedWithMatch.toFixed(3)}`,
  );
  writeFileSync(OUT, `${JSON.stringify(model)}\n`);
  console.log(`wrote ${OUT}`);
}

main();
