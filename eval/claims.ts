/**
 * Check-worthiness quality on ClaimBuster crowdsourced.csv (Arslan et al., ICWSM 2020), binary: Verdict 1
 * vs the rest. Prints out-of-fold (stratified 5-fold CV, same training as eval/train-checkworthy.ts) metrics
 * at several thresholds, the shipped model's fit on the full set (in-sample, an upper bound), and throughput
 * of scoreSentence and extractClaims. Run: npm run eval:claims. Skips cleanly without ../shared/data.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHECKWORTHY_THRESHOLD, extractClaims, scoreSentence } from '../lib/pipeline/claims';
import { segmentSentences } from '../lib/pipeline/segment';
import { binaryMetrics, CLAIMBUSTER_CSV, CV_FOLDS, crossValidate, loadClaimBuster } from './checkworthy-data';

const BBC = resolve(import.meta.dirname, '../../shared/data/bbc-news-summary/articles');
const THRESHOLDS = [0.3, 0.4, 0.5, 0.6, 0.7];

const f3 = (x: number): string => x.toFixed(3);

function main(): void {
  const examples = loadClaimBuster();
  if (examples === undefined) {
    console.log(`eval:claims skipped: ${CLAIMBUSTER_CSV} not found`);
    return;
  }
  const labels = examples.map((e) => e.label);
  console.log(
    `ClaimBuster crowdsourced: ${examples.length} sentences, ${labels.filter((l) => l === 1).length} positive (Verdict 1)\n`,
  );
  const probs = crossValidate(examples);
  const rows = [
    '| evaluation | threshold | precision | recall | F1 (pos) | macro-F1 | accuracy |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const t of THRESHOLDS) {
    const m = binaryMetrics(
      labels,
      probs.map((p) => (p >= t ? 1 : 0)),
    );
    const mark = t === CHECKWORTHY_THRESHOLD ? ' (shipped)' : '';
    rows.push(
      `| ${CV_FOLDS}-fold CV${mark} | ${t} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${f3(m.macroF1)} | ${f3(m.accuracy)} |`,
    );
  }
  const t0 = performance.now();
  const shipped = examples.map((e) => scoreSentence(e.text));
  const seconds = (performance.now() - t0) / 1000;
  const m = binaryMetrics(
    labels,
    shipped.map((s) => (s.checkworthy ? 1 : 0)),
  );
  rows.push(
    `| shipped model, in-sample | ${CHECKWORTHY_THRESHOLD} | ${f3(m.precision)} | ${f3(m.recall)} | ${f3(m.f1)} | ${f3(m.macroF1)} | ${f3(m.accuracy)} |`,
  );
  console.log(rows.join('\n'));
  console.log(`\nscoreSentence: ${(examples.length / seconds).toFixed(0)} sentences/s`);

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
