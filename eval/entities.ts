/**
 * Named-entity quality on the CoNLL-2003 English development set (Reuters; the test set is held out):
 * exact-span precision, recall and F1, typed (overall and per type) and untyped (span only), for factsum's
 * tagger as the pipeline runs it (extractArticleEntities: tagger, post-rules and mention resolution, one
 * CoNLL document as one article), and in the same run two baselines: the rule-based extractor factsum used
 * before (eval/reference/rule-entities.ts) and the npm package compromise (people, organizations, places;
 * it has no miscellaneous type). Speed is sentences per second on one thread after a warm-up pass.
 *
 *   npm run eval:entities              # tables as in docs/benchmarks.md
 *   npm run eval:entities -- --errors  # also list the tagger's first misses and false alarms
 *
 * The tagger was fitted on the training set only; eval/train-entities.ts chose its settings on a split of
 * the training set, so the development set is a clean report. Skips cleanly without ../shared/data.
 */
import { parseArgs } from 'node:util';
import nlp from 'compromise';
import modelJson from '../lib/models/ner.json';
import { extractArticleEntities } from '../lib/pipeline/claims/mentions/entities';
import { parseNerModel } from '../lib/pipeline/claims/mentions/ner/model';
import { ALL_POST_RULES, type PostRules } from '../lib/pipeline/claims/mentions/ner/post-rules';
import { tagDocument } from '../lib/pipeline/claims/mentions/ner/tag-text';
import {
  CONLL_DEV,
  type ConllDocument,
  type GoldSpan,
  hasConll,
  readConll,
  SpanScorer,
  scoresOf,
} from './conll-data';
import { collectKnownNames, extractRuleEntities } from './reference/rule-entities';

type System = { readonly name: string; readonly run: (doc: ConllDocument) => GoldSpan[][] };

const CONLL_TYPE: Readonly<Record<string, string>> = {
  person: 'PER',
  organization: 'ORG',
  organisation: 'ORG',
  place: 'LOC',
  other: 'MISC',
};

const factsum: System = {
  name: 'factsum (averaged perceptron + rules + resolution)',
  run: (doc) =>
    extractArticleEntities(doc.text, doc.sentences).map((es) =>
      es.map((e) => ({ start: e.start, end: e.end, type: CONLL_TYPE[e.type] ?? 'MISC' })),
    ),
};

const rules: System = {
  name: 'factsum before (rules, eval/reference/rule-entities.ts)',
  run: (doc) => {
    const knownNames = collectKnownNames(doc.text);
    return doc.sentences.map((s) =>
      extractRuleEntities(doc.text.slice(s.start, s.end), { knownNames }).map((e) => ({
        start: s.start + e.start,
        end: s.start + e.end,
        type: CONLL_TYPE[e.kind] ?? 'MISC',
      })),
    );
  },
};

/** compromise's people, organizations and places, with its character offsets; one sentence at a time. */
const compromise: System = {
  name: `compromise ${nlp.version}`,
  run: (doc) =>
    doc.sentences.map((s) => {
      const d = nlp(doc.text.slice(s.start, s.end));
      const out: GoldSpan[] = [];
      for (const [type, view] of [
        ['PER', d.people()],
        ['ORG', d.organizations()],
        ['LOC', d.places()],
      ] as const) {
        for (const item of view.json({ offset: true })) {
          const offset: unknown = item?.offset;
          if (typeof offset !== 'object' || offset === null || !('start' in offset) || !('length' in offset))
            continue;
          const { start, length } = offset;
          if (typeof start === 'number' && typeof length === 'number')
            out.push({ start: s.start + start, end: s.start + start + length, type });
        }
      }
      return out;
    }),
};

const MODEL = parseNerModel(modelJson);
const NO_RULES: PostRules = { particles: false, titles: false, orgSuffix: false, commonOpeners: false };

/** The tagger alone, with some post-rules and without mention resolution: for the ablation rows. */
function taggerOnly(name: string, rules: PostRules): System {
  return {
    name,
    run: (doc) =>
      tagDocument(MODEL, doc.text, doc.sentences, rules).map((s) =>
        s.spans.map((span) => ({ start: span.start, end: span.end, type: span.type })),
      ),
  };
}

const ABLATIONS: readonly System[] = [
  taggerOnly('tagger alone (no post-rules, no resolution)', NO_RULES),
  taggerOnly('+ particles rule', { ...NO_RULES, particles: true }),
  taggerOnly('+ titles rule', { ...NO_RULES, titles: true }),
  taggerOnly('+ organisation-suffix rule', { ...NO_RULES, orgSuffix: true }),
  taggerOnly('+ common-opener rule', { ...NO_RULES, commonOpeners: true }),
  taggerOnly('all post-rules, no resolution', ALL_POST_RULES),
];

const f3 = (x: number): string => x.toFixed(3);

/** Scores a system on the documents and times it (second pass, after a warm-up pass). */
function evaluate(system: System, docs: readonly ConllDocument[]) {
  const scorer = new SpanScorer();
  const predicted = docs.map((d) => system.run(d));
  docs.forEach((d, i) => {
    d.gold.forEach((g, j) => {
      scorer.add(predicted[i]?.[j] ?? [], g);
    });
  });
  const started = performance.now();
  for (const d of docs) system.run(d);
  const seconds = (performance.now() - started) / 1000;
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  return { scorer, predicted, perSecond: sentences / seconds };
}

function printErrors(
  docs: readonly ConllDocument[],
  predicted: readonly GoldSpan[][][],
  limit: number,
): void {
  let shown = 0;
  docs.forEach((d, i) => {
    d.gold.forEach((gold, j) => {
      const pred = predicted[i]?.[j] ?? [];
      const key = (s: GoldSpan) => `${s.start}:${s.end}:${s.type}`;
      const g = new Set(gold.map(key));
      const p = new Set(pred.map(key));
      for (const s of gold)
        if (!p.has(key(s)) && shown++ < limit)
          console.log(`  MISS ${s.type} ${d.text.slice(s.start, s.end)}`);
      for (const s of pred)
        if (!g.has(key(s)) && shown++ < limit)
          console.log(`  FALSE ${s.type} ${d.text.slice(s.start, s.end)}`);
    });
  });
}

function main(): void {
  const { values } = parseArgs({ options: { errors: { type: 'boolean' } } });
  if (!hasConll()) {
    console.log('eval:entities skipped: ../shared/data/conll2003 is absent.');
    return;
  }
  const docs = readConll(CONLL_DEV);
  const sentences = docs.reduce((n, d) => n + d.sentences.length, 0);
  const entities = docs.reduce((n, d) => n + d.gold.reduce((m, g) => m + g.length, 0), 0);
  console.log(
    `CoNLL-2003 English development set: ${docs.length} documents, ${sentences} sentences, ${entities} entities\n`,
  );
  const results = [factsum, rules, compromise].map((s) => ({ system: s, ...evaluate(s, docs) }));
  console.log('| system | typed P | typed R | typed F1 | untyped P | untyped R | untyped F1 | sentences/s |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results) {
    const t = scoresOf(r.scorer.typed);
    const u = scoresOf(r.scorer.untyped);
    console.log(
      `| ${r.system.name} | ${f3(t.precision)} | ${f3(t.recall)} | ${f3(t.f1)} | ${f3(u.precision)} | ${f3(u.recall)} | ${f3(u.f1)} | ${Math.round(r.perSecond)} |`,
    );
  }
  console.log('\nF1 per type (exact span and type)\n');
  console.log(`| type | gold | ${results.map((r) => r.system.name).join(' | ')} |`);
  console.log(`|---|---:|${results.map(() => '---:').join('|')}|`);
  for (const type of ['PER', 'ORG', 'LOC', 'MISC']) {
    const gold = docs.reduce(
      (n, d) => n + d.gold.reduce((m, g) => m + g.filter((s) => s.type === type).length, 0),
      0,
    );
    const cells = results.map((r) => {
      const c = r.scorer.perType.get(type);
      return c === undefined || c.tp + c.fp === 0 ? '–' : f3(scoresOf(c).f1);
    });
    console.log(`| ${type} | ${gold} | ${cells.join(' | ')} |`);
  }
  console.log('\nPost-rules and mention resolution, one at a time (same tagger, same set)\n');
  console.log('| variant | typed P | typed R | typed F1 | untyped F1 |');
  console.log('|---|---:|---:|---:|---:|');
  for (const system of [...ABLATIONS, factsum]) {
    const scorer = new SpanScorer();
    docs.forEach((d) => {
      const predicted = system.run(d);
      d.gold.forEach((g, j) => {
        scorer.add(predicted[j] ?? [], g);
      });
    });
    const t = scoresOf(scorer.typed);
    console.log(
      `| ${system.name} | ${f3(t.precision)} | ${f3(t.recall)} | ${f3(t.f1)} | ${f3(scoresOf(scorer.untyped).f1)} |`,
    );
  }
  const first = results[0];
  if (values.errors && first) printErrors(docs, first.predicted, 80);
}

main();
