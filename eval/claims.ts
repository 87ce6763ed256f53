/**
 * Check-worthiness quality on ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020), binary: Verdict 1
 * vs the rest. 5-fold cross-validation grouped by debate (`File_id`: no debate in both train and test), for
 * factsum's model and, on the same folds in the same run, a TF-IDF + linear SVM baseline. Prints precision,
 * recall and F1 of the check-worthy class, macro-F1, ROC-AUC, single-thread throughput and model size, then
 * extractClaims throughput on BBC News articles. Run: npm run eval:claims. Skips cleanly without
 * ../shared/data.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHECKWORTHY_THRESHOLD, extractClaims, scoreSentence } from '../lib/pipeline/claims/claims';
import { segmentSentences } from '../lib/pipeline/text/segment';
import {
  binaryMetrics,
  CLAIMBUSTER_CSV,
  CV_FOLDS,
  CV_SEED,
  crossValidate,
  decideTfidfSvm,
  fitFactsum,
  fitTfidfSvm,
  groupedFolds,
  loadClaimBuster,
  rocAuc,
  tfidfSvmBytes,
  trainTfidfSvm,
} from './checkworthy-data';

const BBC = resolve(import.meta.dirname, '../../shared/data/bbc-news-summary/articles');
const MODEL_FILE = resolve(import.meta.dirname, '../lib/models/checkworthy.json');
/** Sentences scored before timing starts, so that the JIT has compiled the hot paths (a warm Lambda). */
const WARM_UP = 2_000;

const f3 = (x: number): string => x.toFixed(3);

/** Sentences per second of `score` over `texts` on this thread, after a warm-up pass. */
function throughput(texts: readonly string[], score: (text: string) => unknown): number {
  for (const t of texts.slice(0, WARM_UP)) score(t);
  const started = performance.now();
  for (const t of texts) score(t);
  return texts.length / ((performance.now() - started) / 1000);
}

function main(): void {
  const examples = loadClaimBuster();
  if (examples === undefined) {
    console.log(`eval:claims skipped: ${CLAIMBUSTER_CSV} not found`);
    return;
  }
  const labels = examples.map((e) => e.label);
  const folds = groupedFolds(
    examples.map((e) => e.group),
    CV_FOLDS,
    CV_SEED,
  );
  console.log(
    `ClaimBuster crowdsourced: ${examples.length} sentences, ${labels.filter((l) => l === 1).length} positive (Verdict 1), ${new Set(examples.map((e) => e.group)).size} debates; ${CV_FOLDS}-fold CV grouped by debate (File_id), fold sizes ${Array.from({ length: CV_FOLDS }, (_, k) => folds.filter((f) => f === k).length).join('/')}\n`,
  );

  const texts = examples.map((e) => e.text);
  const ours = crossValidate(examples, folds, fitFactsum());
  const oursSpeed = throughput(texts, scoreSentence);
  const oursBytes = statSync(MODEL_FILE).size;

  const theirs = crossValidate(examples, folds, fitTfidfSvm());
  const full = trainTfidfSvm(examples);
  const theirSpeed = throughput(texts, (t) => decideTfidfSvm(full, t));

  const rows = [
    '| model | decision | precision (pos) | recall (pos) | F1 (pos) | macro-F1 | ROC-AUC | sentences/s (1 core) | model size |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const row = (
    name: string,
    decision: string,
    scores: readonly number[],
    cut: number,
    speed: number,
    bytes: number,
  ): void => {
    const m = binaryMetrics(
      labels,
      scores.map((s) => (s >= cut ? 1 : 0)),
    );
    rows.push(
      `| ${name} | ${decision} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${f3(m.macroF1)} | ${f3(rocAuc(labels, scores))} | ${speed.toFixed(0)} | ${(bytes / 1024).toFixed(0)} KB |`,
    );
  };
  row(
    'factsum (logistic regression, n-grams + claim features)',
    `p ≥ ${CHECKWORTHY_THRESHOLD}`,
    ours,
    CHECKWORTHY_THRESHOLD,
    oursSpeed,
    oursBytes,
  );
  row(
    'baseline (TF-IDF 1-2 grams + linear SVM, C = 1)',
    'w·x + b ≥ 0',
    theirs,
    0,
    theirSpeed,
    tfidfSvmBytes(full),
  );
  console.log(rows.join('\n'));
  console.log(
    '\nsentences/s: scoreSentence (factsum: features, entities, dates, numbers and the model) vs the SVM decision function, one thread, warm. Baseline size: its vocabulary, idf and weights as JSON.',
  );

  if (!existsSync(BBC)) return;
  let articles = 0;
  let sentences = 0;
  let claims = 0;
  const s0 = performance.now();
  for (const category of readdirSync(BBC).sort()) {
    for (const file of readdirSync(join(BBC, category)).sort()) {
      const raw = readFileSync(join(BBC, category, file), 'utf8');
      const body = raw.slice(raw.indexOf('\n') + 1).trim();
      const segmented = segmentSentences(body);
      claims += extractClaims(body, segmented, {
        referenceDate: '2005-01-01',
        referenceSource: 'uploaded',
      }).length;
      sentences += segmented.length;
      articles++;
    }
  }
  const s = (performance.now() - s0) / 1000;
  console.log(
    `extractClaims on BBC News articles: ${articles} articles, ${sentences} sentences, ${claims} claims (${((100 * claims) / Math.max(1, sentences)).toFixed(1)}% check-worthy), ${(sentences / s).toFixed(0)} sentences/s, ${(articles / s).toFixed(0)} articles/s`,
  );
}

main();
