/**
 * Trains the check-worthiness model (logistic regression over hashed word uni/bigrams and hand-made
 * features) on ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020; positive class Verdict 1), prints
 * its 5-fold CV metrics grouped by debate, and writes lib/models/checkworthy.json. Seeded: the same data
 * gives the same file. Skips cleanly without ../shared/data. Run: npx tsx eval/train-checkworthy.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHECKWORTHY_THRESHOLD } from '../lib/pipeline/claims/claims';
import {
  binaryMetrics,
  CLAIMBUSTER_CSV,
  CV_FOLDS,
  CV_SEED,
  crossValidate,
  fitFactsum,
  groupedFolds,
  loadClaimBuster,
  pruneWeights,
  rocAuc,
  TRAIN_OPTIONS,
  toModelJson,
  trainLogistic,
} from './checkworthy-data';

const OUT = resolve(import.meta.dirname, '../lib/models/checkworthy.json');

function main(): void {
  const examples = loadClaimBuster();
  if (examples === undefined) {
    console.log(`train-checkworthy skipped: ${CLAIMBUSTER_CSV} not found`);
    return;
  }
  const labels = examples.map((e) => e.label);
  console.log(
    `ClaimBuster crowdsourced: ${examples.length} sentences, ${labels.filter((l) => l === 1).length} check-worthy (Verdict 1)`,
  );
  const folds = groupedFolds(
    examples.map((e) => e.group),
    CV_FOLDS,
    CV_SEED,
  );
  const probs = crossValidate(examples, folds, fitFactsum());
  const m = binaryMetrics(
    labels,
    probs.map((p) => (p >= CHECKWORTHY_THRESHOLD ? 1 : 0)),
  );
  console.log(
    `${CV_FOLDS}-fold CV grouped by debate, threshold ${CHECKWORTHY_THRESHOLD}: P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} macro-F1 ${m.macroF1.toFixed(3)} ROC-AUC ${rocAuc(labels, probs).toFixed(3)}`,
  );
  const json = JSON.stringify(toModelJson(pruneWeights(trainLogistic(examples, TRAIN_OPTIONS))));
  writeFileSync(OUT, `${json}\n`);
  console.log(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} KB)`);
}

main();
