/**
 * Trains the fact-check re-ranker on CheckThat! 2022 task 2A English (../shared/data/clef2022-2a): pairwise
 * logistic regression on the train queries' first-stage candidates, its L2 strength and feature set chosen by
 * MAP@5 on dev; Platt scaling and the match threshold fitted on dev (dev queries with their fact-check in the
 * library, and the same queries with it removed: claims with no counterpart). Dev-test is not read. The
 * background term counts are the document frequencies of the library's fact-checks. Writes
 * lib/models/factcheck-match.json; seeded, so the same data gives the same file. Skips cleanly without the data.
 * Run: npx tsx eval/train-match.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type MatchModel, toModelJson } from '../lib/pipeline/factcheck/match-model';
import { RERANK_FEATURES, type RerankFeature } from '../lib/pipeline/factcheck/rerank-features';
import { buildIndex, type FactCheckIndex } from '../lib/pipeline/factcheck/search-index';
import { type Background, createTermRarity, encodeBackground } from '../lib/pipeline/factcheck/term-rarity';
import { CLEF_DIR, loadClef, type Query, rankingMetrics } from './clef-data';
import {
  cachedViews,
  chooseThreshold,
  countTerms,
  fitPlatt,
  type Prepared,
  prepare,
  rankingsOf,
  smallLibrary,
  thresholdMetrics,
  trainPairwise,
} from './match-training';

const OUT = resolve(import.meta.dirname, '../lib/models/factcheck-match.json');
/**
 * First-stage candidates re-ranked: the gold is in MiniSearch's top 20 for 95% of dev queries and in its top 100
 * for 97.5%; deeper lists cost time for little.
 */
const CANDIDATES = 50;
const L2_GRID = [0, 1e-4, 1e-3] as const;
/** Features that read the first stage's score and rank: they assume the answer is in the library. */
const LIST_FEATURES: readonly RerankFeature[] = ['first', 'firstLog', 'rank', 'gapNext'];
/**
 * The shipped model uses the pair features only. The list features add about 0.005 MAP@5 on dev (within the
 * noise of 199 queries), but they read "best of its list" as evidence of a match, which holds when the library
 * has the answer (as in CheckThat!) and not for a claim nobody has checked, nor in a library of ten records,
 * where every list is short: there they made unrelated sentences of the example articles match. Both are
 * trained and printed, so the comparison stays in view.
 */
const SHIPPED = 'pair only (no first-stage score or rank)';
const FEATURE_SETS: Readonly<Record<string, ReadonlySet<RerankFeature>>> = {
  'all (with first-stage score and rank)': new Set(RERANK_FEATURES),
  [SHIPPED]: new Set(RERANK_FEATURES.filter((f) => !LIST_FEATURES.includes(f))),
};
/** Background terms must occur in at least two fact-checks: singletons are most of the vocabulary and say little. */
const BACKGROUND_MIN_DF = 2;
/** Random other fact-checks in the small library that checks the threshold's stability. */
const SMALL_LIBRARY = 300;
const EPOCHS = 8;
const RATE = 0.05;
const SEED = 20_220_402;

type Split = {
  readonly index: FactCheckIndex;
  readonly withGold: Prepared[];
  readonly withoutGold: Prepared[];
};

function prepareBoth(index: FactCheckIndex, queries: readonly Query[], background: Background): Split {
  const views = cachedViews(index);
  const rarity = createTermRarity(
    { documents: index.records.length, documentFrequency: index.documentFrequency },
    background,
  );
  return {
    index,
    withGold: prepare(index, queries, CANDIDATES, views, rarity),
    withoutGold: prepare(index, queries, CANDIDATES, views, rarity, true),
  };
}

function main(): void {
  const data = loadClef();
  if (data === undefined) {
    console.log(`train-match skipped: ${CLEF_DIR} not found`);
    return;
  }
  const backgroundDf = countTerms(data.records, BACKGROUND_MIN_DF);
  const background: Background = { documents: data.records.length, df: backgroundDf };
  const index = buildIndex(data.records);
  const views = cachedViews(index);
  const rarity = createTermRarity(
    { documents: index.records.length, documentFrequency: index.documentFrequency },
    background,
  );
  const train = prepare(index, data.train, CANDIDATES, views, rarity);
  const dev = prepareBoth(index, data.dev, background);
  const smallWith = prepareBoth(
    buildIndex(smallLibrary(data.records, data.dev, SMALL_LIBRARY, true, SEED)),
    data.dev,
    background,
  );
  const smallWithout = prepareBoth(
    buildIndex(smallLibrary(data.records, data.dev, SMALL_LIBRARY, false, SEED)),
    data.dev,
    background,
  );
  console.log(
    `library ${index.records.length} fact-checks; train ${train.length} queries, dev ${dev.withGold.length}`,
  );
  let best: { name: string; l2: number; map5: number; model: MatchModel } | undefined;
  for (const [name, use] of Object.entries(FEATURE_SETS)) {
    for (const l2 of L2_GRID) {
      const weights = trainPairwise(train, { use, l2, epochs: EPOCHS, rate: RATE, seed: SEED });
      const calibration = fitPlatt([...dev.withGold, ...dev.withoutGold], weights);
      const draft: MatchModel = { candidates: CANDIDATES, weights, calibration, threshold: 0.5, background };
      const threshold = chooseThreshold(draft, dev.withGold, dev.withoutGold);
      const model = { ...draft, threshold };
      const m = rankingMetrics(data.dev, rankingsOf(index, dev.withGold, model));
      const big = thresholdMetrics(model, dev.withGold, dev.withoutGold, threshold);
      const small = thresholdMetrics(model, smallWith.withGold, smallWithout.withoutGold, threshold);
      console.log(
        `${name}, L2 ${l2}: dev MAP@1 ${m.map1.toFixed(3)} MAP@5 ${m.map5.toFixed(3)}; threshold ${threshold}: precision ${big.precision.toFixed(3)} recall ${big.recall.toFixed(3)} unrelated-with-match ${big.unrelatedWithMatch.toFixed(3)}; ${SMALL_LIBRARY}-record library: precision ${small.precision.toFixed(3)} recall ${small.recall.toFixed(3)} unrelated-with-match ${small.unrelatedWithMatch.toFixed(3)}`,
      );
      if (name === SHIPPED && (best === undefined || m.map5 > best.map5 + 1e-9)) {
        best = { name, l2, map5: m.map5, model };
      }
    }
  }
  if (best === undefined) return;
  console.log(`chose ${best.name}, L2 ${best.l2}`);
  writeFileSync(OUT, `${JSON.stringify(toModelJson(best.model, encodeBackground(backgroundDf)))}\n`);
  console.log(`wrote ${OUT}`);
}

main();
