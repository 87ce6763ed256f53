/**
 * Trains the check-worthiness model (logistic regression over hashed word uni/bigrams and hand-made
 * features) on ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020; positive class Verdict 1), prints
 * stratified 5-fold CV metrics and writes lib/models/checkworthy.json. Skips cleanly without ../shared/data.
 * Run: npx tsx eval/train-checkworthy.ts
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { CHECKWORTHY_THRESHOLD } from '../lib/pipeline/claims';
import {
  binaryMetrics,
  CLAIMBUSTER_CSV,
  CV_FOLDS,
  crossValidate,
  loadClaimBuster,
  pruneWeights,
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
  const positives = examples.filter((e) => e.label === 1).length;
  console.log(
    `ClaimBuster crowdsourced: ${examples.length} sentences, ${positives} check-worthy (Verdict 1)`,
  );
  const probs = crossValidate(examples);
  const m = binaryMetrics(
    examples.map((e) => e.label),
    probs.map((p) => (p >= CHECKWORTHY_THRESHOLD ? 1 : 0)),
  );
  console.log(
    `${CV_FOLDS}-fold stratified CV at threshold ${CHECKWORTHY_THRESHOLD}: P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)} macro-F1 ${m.macroF1.toFixed(3)}`,
  );
  const json = JSON.stringify(toModelJson(pruneWeights(trainLogistic(examples, TRAIN_OPTIONS))));
  writeFileSync(OUT, `${json}\n`);
  console.log(`wrote ${OUT} (${(json.length / 1024).toFixed(0)} KB)`);
}

main();
