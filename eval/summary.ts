/**
 * Summary quality on BBC News Summary (Greene & Cunningham 2006; Kaggle extractive references):
 * ROUGE-1/2/L F1 of factsum, Lead-k and plain LexRank/TextRank, k = number of reference sentences.
 * Run: npm run eval:summary. Skips cleanly when ../shared/data is absent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { segmentSentences } from '../lib/pipeline/segment';
import { summarize } from '../lib/pipeline/summarize';
import { buildTfIdf, rankByCentrality, similarityMatrix } from '../lib/pipeline/textrank';
import { contentTerms } from '../lib/pipeline/tokenize';
import type { Sentence } from '../lib/pipeline/types';
import { type RougeScores, rouge } from './rouge';

const ROOT = resolve(import.meta.dirname, '../../shared/data/bbc-news-summary');

type System = { readonly name: string; readonly run: (title: string, body: string, k: number) => string };

function joinSentences(sentences: readonly Sentence[]): string {
  return sentences.map((s) => s.text).join(' ');
}

/** Plain TextRank baseline: centrality only, top k in document order. */
function textRank(body: string, k: number): string {
  const sentences = segmentSentences(body);
  const rank = rankByCentrality(similarityMatrix(buildTfIdf(sentences.map((s) => contentTerms(s.text)))));
  const top = rank
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .slice(0, k)
    .map((x) => x.i)
    .sort((a, b) => a - b);
  return joinSentences(top.flatMap((i) => sentences.slice(i, i + 1)));
}

const SYSTEMS: readonly System[] = [
  {
    name: 'factsum',
    run: (title, body, k) =>
      joinSentences(summarize({ title, text: body }, segmentSentences(body), { maxSentences: k })),
  },
  { name: `Lead-k`, run: (_t, body, k) => joinSentences(segmentSentences(body).slice(0, k)) },
  { name: 'TextRank', run: (_t, body, k) => textRank(body, k) },
];

type Item = {
  readonly category: string;
  readonly title: string;
  readonly body: string;
  readonly reference: string;
  readonly k: number;
};

function loadItems(): Item[] {
  const items: Item[] = [];
  for (const category of readdirSync(join(ROOT, 'articles')).sort()) {
    for (const file of readdirSync(join(ROOT, 'articles', category)).sort()) {
      const refPath = join(ROOT, 'summaries', category, file);
      if (!existsSync(refPath)) continue;
      const raw = readFileSync(join(ROOT, 'articles', category, file), 'utf8');
      const nl = raw.indexOf('\n');
      const title = (nl < 0 ? raw : raw.slice(0, nl)).trim();
      const body = nl < 0 ? '' : raw.slice(nl + 1).trim();
      const reference = readFileSync(refPath, 'utf8');
      const k = Math.max(1, segmentSentences(reference).length);
      items.push({ category, title, body, reference, k });
    }
  }
  return items;
}

const pct = (x: number): string => (100 * x).toFixed(1);

function main(): void {
  if (!existsSync(ROOT)) {
    console.log(`eval:summary skipped: ${ROOT} not found`);
    return;
  }
  const items = loadItems();
  const categories = [...new Set(items.map((i) => i.category))];
  console.log(
    `BBC News Summary: ${items.length} articles; k = reference sentence count (mean ${(items.reduce((a, i) => a + i.k, 0) / items.length).toFixed(1)})`,
  );
  console.log(
    'ROUGE F1 x100: lowercase alphanumeric tokens, no stemming, no stopword removal; ROUGE-L = LCS over the whole summary.\n',
  );
  const rows: string[] = [
    '| system | category | n | ROUGE-1 | ROUGE-2 | ROUGE-L | summaries/s |',
    '|---|---|---:|---:|---:|---:|---:|',
  ];
  for (const system of SYSTEMS) {
    const perCat = new Map<string, RougeScores[]>();
    const t0 = performance.now();
    const outputs = items.map((it) => system.run(it.title, it.body, it.k));
    const seconds = (performance.now() - t0) / 1000;
    items.forEach((it, i) => {
      const list = perCat.get(it.category) ?? [];
      list.push(rouge(outputs[i] ?? '', it.reference));
      perCat.set(it.category, list);
    });
    const all = [...perCat.values()].flat();
    const line = (cat: string, list: readonly RougeScores[], rate: string): string => {
      const mean = (f: (r: RougeScores) => number): string =>
        pct(list.reduce((a, r) => a + f(r), 0) / Math.max(1, list.length));
      return `| ${system.name} | ${cat} | ${list.length} | ${mean((r) => r.r1)} | ${mean((r) => r.r2)} | ${mean((r) => r.rl)} | ${rate} |`;
    };
    rows.push(line('all', all, (items.length / seconds).toFixed(0)));
    for (const cat of categories) rows.push(line(cat, perCat.get(cat) ?? [], ''));
  }
  console.log(rows.join('\n'));
}

main();
