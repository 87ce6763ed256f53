/**
 * Summary quality on real news with human references (eval/summary-news-data.ts), for eval/summary.ts: per
 * set and part, Lead-k, TF-IDF TextRank, factsum and a greedy oracle, scored with multi-reference ROUGE
 * (mean and max over references), Porter stemming on and off, ROUGE-L (whole-summary LCS) and ROUGE-Lsum
 * (summary-level union LCS). Then the one-sentence mode against each reference's first sentence.
 */
import { summarize } from '../lib/pipeline/summary/summarize';
import { segmentSentences } from '../lib/pipeline/text/segment';
import { contentTerms } from '../lib/pipeline/text/tokenize';
import type { Sentence } from '../lib/pipeline/types';
import { buildTfIdf, rankByCentrality, similarityMatrix } from './reference/dense-textrank';
import { prepareReferences, type RougeScores, rouge12, rougeMulti, rougeTokens } from './rouge';
import { loadNewsSet, NEWS_ROOT, type NewsItem, type NewsPart, type NewsSet } from './summary-news-data';

/** A system: the sentences of its k-sentence summary of an article (title may be empty). */
type NewsSystem = {
  readonly name: string;
  /** `references` (as sentences) are what the summary is scored against; only the oracle reads them. */
  readonly run: (item: Prepared, k: number, references: readonly (readonly string[])[]) => readonly string[];
  /** Rows only for summaries of at least this many sentences. */
  readonly fromK?: number;
};

type Prepared = NewsItem & {
  readonly sentences: readonly Sentence[];
  /** References split into sentences (ROUGE-Lsum needs them). */
  readonly referenceSentences: readonly (readonly string[])[];
};

/** The k highest-ranked sentences (ties: the earlier), in document order. */
function topSentences(sentences: readonly Sentence[], rank: readonly number[], k: number): string[] {
  return rank
    .map((r, i) => ({ r, i }))
    .sort((a, b) => b.r - a.r || a.i - b.i)
    .slice(0, k)
    .map((x) => x.i)
    .sort((a, b) => a - b)
    .map((i) => sentences[i]?.text ?? '');
}

/** Plain TextRank (Mihalcea & Tarau 2004 with TF-IDF cosine edges): centrality only, top k. */
export function textRankSentences(sentences: readonly Sentence[], k: number): string[] {
  const rank = rankByCentrality(similarityMatrix(buildTfIdf(sentences.map((s) => contentTerms(s.text)))));
  return topSentences(sentences, rank, k);
}

/**
 * Greedy extractive oracle (as Nallapati et al. 2017 label sentences for SummaRuNNer): adds the sentence that
 * most raises mean ROUGE-1 + ROUGE-2 F1 (stemmed, over the given references) until k are chosen or none
 * helps. An upper bound for sentence extraction that knows the references.
 */
function oracleSentences(item: Prepared, k: number, references: readonly string[]): string[] {
  const refs = prepareReferences(references, { stem: true });
  const tokens = item.sentences.map((s) => rougeTokens(s.text, { stem: true }));
  const chosen: number[] = [];
  let best = 0;
  while (chosen.length < k) {
    let pick = -1;
    for (let i = 0; i < tokens.length; i++) {
      if (chosen.includes(i)) continue;
      const order = [...chosen, i].sort((a, b) => a - b);
      const r = rouge12(
        order.flatMap((j) => tokens[j] ?? []),
        refs,
      );
      if (r.r1 + r.r2 > best) {
        best = r.r1 + r.r2;
        pick = i;
      }
    }
    if (pick < 0) break;
    chosen.push(pick);
  }
  return chosen.sort((a, b) => a - b).map((i) => item.sentences[i]?.text ?? '');
}

const SYSTEMS: readonly NewsSystem[] = [
  { name: 'Lead-k', run: (it, k) => it.sentences.slice(0, k).map((s) => s.text) },
  // One sentence fewer: a baseline of the same length as a summary that stops early, so that a gain over
  // Lead-k that comes from length alone shows.
  { name: 'Lead-k−1', run: (it, k) => it.sentences.slice(0, k - 1).map((s) => s.text), fromK: 2 },
  { name: 'TextRank (TF-IDF)', run: (it, k) => textRankSentences(it.sentences, k) },
  {
    name: 'factsum',
    run: (it, k) =>
      summarize({ title: '', text: it.article }, it.sentences, { maxSentences: k }).map((s) => s.text),
  },
  {
    name: 'oracle (greedy, sees the references)',
    run: (it, k, references) =>
      oracleSentences(
        it,
        k,
        references.map((r) => r.join(' ')),
      ),
  },
];

const pct = (x: number): string => (100 * x).toFixed(1);

function prepare(item: NewsItem): Prepared {
  return {
    ...item,
    sentences: segmentSentences(item.article),
    referenceSentences: item.references.map((r) => segmentSentences(r).map((s) => s.text)),
  };
}

type Totals = { mean: RougeScores; max: RougeScores; plain: RougeScores };
const ZERO: RougeScores = { r1: 0, r2: 0, rl: 0, rlsum: 0 };
const add = (a: RougeScores, b: RougeScores): RougeScores => ({
  r1: a.r1 + b.r1,
  r2: a.r2 + b.r2,
  rl: a.rl + b.rl,
  rlsum: a.rlsum + b.rlsum,
});
const cells = (s: RougeScores, n: number): string =>
  [s.r1, s.r2, s.rl, s.rlsum].map((v) => pct(v / Math.max(1, n))).join(' | ');

/** One row per system: mean and max over references (stemmed), then the mean without stemming. */
function printRows(
  label: string,
  items: readonly Prepared[],
  k: number,
  references: (it: Prepared) => readonly (readonly string[])[],
): void {
  const rows: string[] = [];
  for (const system of SYSTEMS) {
    if (k < (system.fromK ?? 0)) continue;
    let t: Totals = { mean: ZERO, max: ZERO, plain: ZERO };
    let words = 0;
    for (const it of items) {
      const refs = references(it);
      const summary = system.run(it, k, refs);
      words += summary.reduce((sum, text) => sum + rougeTokens(text, { stem: false }).length, 0);
      const stemmed = rougeMulti(summary, refs, { stem: true });
      const plain = rougeMulti(summary, refs, { stem: false });
      t = { mean: add(t.mean, stemmed.mean), max: add(t.max, stemmed.max), plain: add(t.plain, plain.mean) };
    }
    const name = system.name.replace('-k−1', `-${k - 1}`).replace('-k', `-${k}`);
    const n = items.length;
    const w = (words / Math.max(1, n)).toFixed(0);
    rows.push(
      `| ${label} | ${name} | ${n} | ${w} | ${cells(t.mean, n)} | ${cells(t.max, n)} | ${cells(t.plain, n)} |`,
    );
  }
  // How long the references run (mean over an article's references, then over articles): ROUGE F1 is highest
  // for a summary of about their length, so this column explains much of the table.
  const refWords =
    items.reduce((sum, it) => {
      const refs = references(it);
      const each = refs.map((r) => r.reduce((w, text) => w + rougeTokens(text, { stem: false }).length, 0));
      return sum + each.reduce((x, y) => x + y, 0) / Math.max(1, each.length);
    }, 0) / Math.max(1, items.length);
  rows.push(
    `| ${label} | references (their length) | ${items.length} | ${refWords.toFixed(0)} |${' |'.repeat(12)}`,
  );
  console.log(rows.join('\n'));
}

const HEADER =
  '| set (part) | system | n | words | R-1 | R-2 | R-L | R-Lsum | max R-1 | max R-2 | max R-L | max R-Lsum | ' +
  'unstemmed R-1 | R-2 | R-L | R-Lsum |\n|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';

const PART_LABEL = {
  fit: 'fit part (used for fitting)',
  report: 'report part (not used for fitting)',
} as const;

/** The real-news tables; prints a skip line when the data is absent. */
export function printNewsTables(options: { readonly fitOnly?: boolean } = {}): void {
  const parts: readonly NewsPart[] = options.fitOnly === true ? ['fit'] : ['report', 'fit'];
  const sets = new Map<NewsSet, Prepared[]>();
  for (const set of ['summeval', 'newsroom', 'newts'] as const) {
    const items = loadNewsSet(set);
    if (items !== undefined) sets.set(set, items.map(prepare));
  }
  if (sets.size === 0) {
    console.log(`\nReal news skipped: ${NEWS_ROOT} not found`);
    return;
  }
  console.log(
    '\n### Real news, three sentences: ROUGE F1 ×100, mean over references unless marked max; Porter stemming ' +
      'unless marked unstemmed\n',
  );
  console.log(HEADER);
  const all = (it: Prepared) => it.referenceSentences;
  for (const set of ['summeval', 'newsroom'] as const) {
    const items = sets.get(set) ?? [];
    for (const part of parts)
      printRows(
        `${set} ${PART_LABEL[part]}`,
        items.filter((it) => it.part === part),
        3,
        all,
      );
    if (options.fitOnly !== true) printRows(`${set} all`, items, 3, all);
  }
  for (const part of parts)
    printRows(
      `summeval ${part} part, original CNN/DM highlights only`,
      (sets.get('summeval') ?? []).filter((it) => it.part === part),
      3,
      (it) => it.referenceSentences.slice(0, 1),
    );
  printRows(
    'newts (topic-focused references; fitted on, at a lower weight)',
    sets.get('newts') ?? [],
    3,
    all,
  );

  console.log(
    '\n### Real news, one sentence (`--sentences 1`) against the first sentence of each reference: ' +
      'ROUGE F1 ×100\n',
  );
  console.log(HEADER);
  const firsts = (it: Prepared) => it.referenceSentences.map((r) => r.slice(0, 1));
  for (const set of ['summeval', 'newsroom'] as const)
    for (const part of parts)
      printRows(
        `${set} ${PART_LABEL[part]}`,
        (sets.get(set) ?? []).filter((it) => it.part === part),
        1,
        firsts,
      );
}
