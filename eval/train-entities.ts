/**
 * Trains the entity tagger shipped as lib/models/ner.json on the CoNLL-2003 English training set.
 *
 *   npx tsx eval/train-entities.ts            # choose epochs and compression on a split of train, then write
 *   npx tsx eval/train-entities.ts --dry-run  # the same without writing the model
 *
 * Tuning never looks at the development set: every tenth training document (by position) is held out as a
 * tuning split; epochs, the quantisation step and post-rules are chosen on it, then the model is refitted
 * on the whole training set with those settings. eval/entities.ts reports the development set.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { encodeNerModel, parseNerModel } from '../lib/pipeline/claims/mentions/ner/model';
import { ALL_POST_RULES, type PostRules } from '../lib/pipeline/claims/mentions/ner/post-rules';
import { CONLL_TRAIN, hasConll, readConll, SpanScorer, scoresOf } from './conll-data';
import {
  collectCommonWords,
  denseModel,
  Perceptron,
  type PreparedConll,
  predictConll,
  prepareConll,
  toTrainingSentences,
  trainEpochs,
} from './ner-training';

const OUT = resolve(import.meta.dirname, '../lib/models/ner.json');
/**
 * 2^18 slots. With 2^20 the tuning split scored the same (within 0.001 F1) and the file was no smaller: the
 * features that survive MIN_COUNT and quantisation number about 20,000, so collisions are rare either way.
 */
const HASH_BITS = 18;
/** Features seen fewer times than this in the fitting text are not learned: rarer ones overfit and cost bytes. */
const MIN_COUNT = 3;
const MAX_EPOCHS = 15;
/** A word written in lower case this often in the training text is listed as common (about 6,000 words). */
const MIN_COMMON = 3;
/** Quantisation steps tried (weights are perceptron counts, averaged). */
const STEPS = [2, 2.5, 3, 3.5, 4, 5];
/** The model file's budget in the Lambda bundles (each must stay under 1 MB; they were ~819 KiB before). */
const MAX_MODEL_KIB = 120;
/**
 * Typed F1 on the tuning split that a coarser step may give up for a smaller file. Half a point is about
 * the split's noise (differences between neighbouring steps go both ways by that much).
 */
const MAX_F1_LOSS = 0.005;

const f3 = (x: number) => x.toFixed(4);

function typedF1(
  docs: readonly PreparedConll[],
  spans: ReturnType<typeof predictConll>,
): { typed: number; untyped: number } {
  const scorer = new SpanScorer();
  docs.forEach((d, i) => {
    d.gold.forEach((g, j) => {
      scorer.add(spans[i]?.[j] ?? [], g);
    });
  });
  return { typed: scoresOf(scorer.typed).f1, untyped: scoresOf(scorer.untyped).f1 };
}

function main(): void {
  const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean' } } });
  if (!hasConll()) {
    console.log('CoNLL-2003 data not found under ../shared/data/conll2003: nothing to train.');
    return;
  }
  const docs = readConll(CONLL_TRAIN);
  // The common words come from the fitting documents only while tuning, as they would at run time.
  const fitCommon = collectCommonWords(
    docs.filter((_, i) => i % 10 !== 9),
    MIN_COMMON,
  );
  const prepared = prepareConll(docs, fitCommon);
  const fit = prepared.filter((_, i) => i % 10 !== 9);
  const tune = prepared.filter((_, i) => i % 10 === 9);
  console.log(
    `documents: ${docs.length} (fit ${fit.length}, tune ${tune.length}), common words ${fitCommon.size}`,
  );

  // 1. Epochs, on the tuning split; the averaged weights of the best epoch are kept for step 2.
  const perceptron = new Perceptron(HASH_BITS);
  let best = { epoch: 0, f1: -1, averaged: perceptron.averaged() };
  trainEpochs(perceptron, toTrainingSentences(fit, HASH_BITS, MIN_COUNT), MAX_EPOCHS, (epoch, mistakes) => {
    const averaged = perceptron.averaged();
    const f = typedF1(
      tune,
      predictConll(denseModel(HASH_BITS, averaged.weights, averaged.transitions, fitCommon), tune),
    );
    console.log(
      `epoch ${epoch}: mistakes ${mistakes}, tune typed F1 ${f3(f.typed)}, untyped ${f3(f.untyped)}`,
    );
    if (f.typed > best.f1 + 0.0005) best = { epoch, f1: f.typed, averaged };
  });
  console.log(`epochs chosen: ${best.epoch}`);

  // 2. Quantisation and post-rules, on the tuning split with the fit-only model of that epoch.
  const { averaged } = best;
  const tried = STEPS.map((step) => {
    const file = encodeNerModel(HASH_BITS, averaged.weights, averaged.transitions, step, fitCommon);
    const kib = JSON.stringify(file).length / 1024;
    const f = typedF1(tune, predictConll(parseNerModel(file), tune));
    console.log(
      `step ${step}: ${file.rows.count} rows, ${kib.toFixed(1)} KiB, tune typed F1 ${f3(f.typed)} (unquantised ${f3(best.f1)})`,
    );
    return { step, kib, f1: f.typed };
  });
  const fits = tried.filter((t) => t.kib <= MAX_MODEL_KIB);
  const top = Math.max(...fits.map((t) => t.f1));
  const step = fits.filter((t) => t.f1 >= top - MAX_F1_LOSS).reduce((a, b) => (b.step > a.step ? b : a)).step;
  console.log(
    `step chosen: ${step} (the coarsest within ${MAX_F1_LOSS} of the best tuning F1 in ${MAX_MODEL_KIB} KiB)`,
  );
  const rules: (keyof PostRules)[] = ['particles', 'titles', 'orgSuffix', 'commonOpeners'];
  const dense = denseModel(HASH_BITS, averaged.weights, averaged.transitions, fitCommon);
  const none: PostRules = { particles: false, titles: false, orgSuffix: false, commonOpeners: false };
  const base = typedF1(tune, predictConll(dense, tune, none));
  console.log(`post-rules on the tuning split: none ${f3(base.typed)} / ${f3(base.untyped)}`);
  for (const r of rules) {
    const f = typedF1(tune, predictConll(dense, tune, { ...none, [r]: true }));
    console.log(`  + ${r}: ${f3(f.typed)} / ${f3(f.untyped)}`);
  }
  const f = typedF1(tune, predictConll(dense, tune, ALL_POST_RULES));
  console.log(`  all: ${f3(f.typed)} / ${f3(f.untyped)}`);

  // 3. Refit on all of train with the chosen settings.
  const common = collectCommonWords(docs, MIN_COMMON);
  const final = new Perceptron(HASH_BITS);
  trainEpochs(final, toTrainingSentences(prepareConll(docs, common), HASH_BITS, MIN_COUNT), best.epoch);
  const out = final.averaged();
  const file = encodeNerModel(HASH_BITS, out.weights, out.transitions, step, common);
  const json = JSON.stringify(file);
  console.log(`final model: ${file.rows.count} rows, ${(json.length / 1024).toFixed(1)} KiB`);
  if (!values['dry-run']) {
    writeFileSync(OUT, `${json}\n`);
    console.log(`wrote ${OUT}`);
  }
}

main();
