/**
 * Variants of the lede run measured against the shipped summariser on the FIT part of the real news sets
 * (eval/summary-news-data.ts: SummEval and Newsroom fit part, NEWTS), at three sentences: when does a sentence
 * of the run lose to the next one, and does any rule say so in advance. Each variant changes the shipped
 * summary of an article (the lede run: the detected lede and the sentences after it, furniture left out) and is
 * scored with mean ROUGE-1 / ROUGE-2 F1 over references (Porter stemming), with the number of articles whose
 * ROUGE-1 + ROUGE-2 went up and down against the shipped summary. The report part is never loaded.
 * Run: npx tsx eval/summary-lead-variants.ts. Skips cleanly when ../shared/data is absent.
 * The 60-word stop of the lede run (RUN_STOP_WORDS in select-summary.ts) was chosen from the length rows here;
 * the rest is listed in docs/benchmarks.md as "tried and left out". "shipped" is the summariser as it stands.
 */
import modelJson from '../lib/models/summary-weights.json';
import { SUMMARY_FEATURES } from '../lib/pipeline/summary/features';
import { parseSummaryModel } from '../lib/pipeline/summary/model';
import { type PreparedSummary, prepareSummary } from '../lib/pipeline/summary/select-summary';
import { summarize } from '../lib/pipeline/summary/summarize';
import { furnitureLength } from '../lib/pipeline/summary/trust-features';
import { countLetterRuns } from '../lib/pipeline/text/count-words';
import { segmentSentences } from '../lib/pipeline/text/segment';
import { contentTerms } from '../lib/pipeline/text/tokenize';
import type { Sentence } from '../lib/pipeline/types';
import { fnv1a } from './bbc-data';
import { type PreparedReferences, prepareReferences, rouge12, rougeTokens } from './rouge';
import { loadNewsSet, NEWS_ROOT, type NewsSet } from './summary-news-data';

const MODEL = parseSummaryModel(modelJson);
const K = 3;

type Article = {
  readonly set: NewsSet;
  readonly id: string;
  readonly sentences: readonly Sentence[];
  readonly refs: PreparedReferences;
  /** The original CNN/DM highlights alone (SummEval's first reference). */
  readonly highlights: PreparedReferences;
  /** The shipped summary: indices and texts (furniture left out). */
  readonly picks: readonly number[];
  readonly texts: readonly string[];
  readonly prepared: PreparedSummary;
};

const words = countLetterRuns;
/** A sentence as a summary shows it: a dateline, caption label or source credit at its start left out. */
const shown = (a: Article, i: number): string => {
  const t = a.sentences[i]?.text ?? '';
  return t.slice(furnitureLength(t));
};

function loadFit(): Article[] | undefined {
  const out: Article[] = [];
  for (const set of ['summeval', 'newsroom', 'newts'] as const) {
    const items = loadNewsSet(set);
    if (items === undefined) return undefined;
    for (const it of items) {
      if (it.part !== 'fit') continue;
      const sentences = segmentSentences(it.article);
      const article = { title: '', text: it.article };
      const summary = summarize(article, sentences, { maxSentences: K });
      const picks = summary.map((p) => sentences.findIndex((s) => s.end === p.end));
      const refs = prepareReferences(it.references, { stem: true });
      const prepared = prepareSummary(MODEL, article, sentences);
      const texts = summary.map((p) => p.text);
      out.push({ set, id: it.id, sentences, refs, highlights: refs.slice(0, 1), picks, texts, prepared });
    }
  }
  return out;
}

/** The sentence the run would take after its last pick (not a 1–2 word fragment, not boilerplate); -1 if none. */
function nextInRun(a: Article): number {
  let i = (a.picks.at(-1) ?? -1) + 1;
  while (i < a.sentences.length && (words(shown(a, i)) < 3 || a.prepared.matrix.boilerplate[i] === 1)) i++;
  return i < a.sentences.length ? i : -1;
}

/** The shipped run with pick k (0-based) replaced by the next sentence of the run. */
function skipPick(a: Article, k: number): readonly string[] {
  const next = nextInRun(a);
  if (next < 0 || k >= a.picks.length) return a.texts;
  return [...a.texts.filter((_, j) => j !== k), shown(a, next)];
}

/** Skips the first pick after the lede that `test` flags (at most one), taking the next sentence instead. */
const skipIf =
  (test: (text: string, a: Article, i: number, k: number) => boolean) =>
  (a: Article): readonly string[] => {
    for (let k = 1; k < a.picks.length; k++)
      if (test(a.texts[k] ?? '', a, a.picks[k] ?? 0, k)) return skipPick(a, k);
    return a.texts;
  };

/** Share of a sentence's distinct content terms that an earlier pick already has. */
function containment(a: Article, i: number, k: number): number {
  const terms = new Set(contentTerms(a.sentences[i]?.text ?? ''));
  const before = new Set(a.picks.slice(0, k).flatMap((j) => contentTerms(a.sentences[j]?.text ?? '')));
  let shared = 0;
  for (const t of terms) if (before.has(t)) shared++;
  return terms.size === 0 ? 0 : shared / terms.size;
}

const totalWords = (texts: readonly string[]): number => texts.reduce((s, t) => s + words(t), 0);
const CAPTION_MARK = /\bpictured\b|\bphotographed\b|\((?:left|right|centre|center|above|below)\)/i;
const trim = (f: (s: string) => string) => (a: Article) => a.texts.map(f);

type Variant = { readonly name: string; readonly run: (a: Article) => readonly string[] };

const VARIANTS: readonly Variant[] = [
  { name: 'shipped (the lede run)', run: (a) => a.texts },
  { name: 'Lead-3', run: (a) => a.sentences.slice(0, K).map((s) => s.text) },
  // Length: ROUGE F1 rewards a summary as long as the references; the sets disagree on how long that is.
  ...[60, 80].map((t) => ({
    name: `third pick left out when the first two exceed ${t} words`,
    run: (a: Article) =>
      a.texts.length === K && totalWords(a.texts.slice(0, 2)) > t ? a.texts.slice(0, 2) : a.texts,
  })),
  ...[75, 90].map((t) => ({
    name: `word budget ${t} (stop at the pick that overflows)`,
    run: (a: Article) => {
      const out: string[] = [];
      for (const s of a.texts) {
        if (out.length > 0 && totalWords(out) + words(s) > t) break;
        out.push(s);
      }
      return out;
    },
  })),
  ...[50, 55, 65, 70, 75].map((t) => ({
    name: `third pick left out when the first two exceed ${t} words`,
    run: (a: Article) =>
      a.texts.length === K && totalWords(a.texts.slice(0, 2)) > t ? a.texts.slice(0, 2) : a.texts,
  })),
  ...[70, 80, 90, 100, 110].map((t) => ({
    name: `third pick left out when the three exceed ${t} words`,
    run: (a: Article) => (a.texts.length === K && totalWords(a.texts) > t ? a.texts.slice(0, 2) : a.texts),
  })),
  ...[40, 50, 60, 70, 80].map((t) => ({
    name: `after the lede, a pick only while it brings the length nearer ${t} words`,
    run: (a: Article) => {
      const out: string[] = [];
      for (const s of a.texts) {
        if (out.length > 0 && totalWords(out) + words(s) / 2 > t) break;
        out.push(s);
      }
      return out;
    },
  })),
  ...[40, 50, 60, 70].map((t) => ({
    name: `third pick only while it brings the length nearer ${t} words`,
    run: (a: Article) =>
      a.texts.length === K && totalWords(a.texts.slice(0, 2)) + words(a.texts[2] ?? '') / 2 > t
        ? a.texts.slice(0, 2)
        : a.texts,
  })),
  // What a sentence of the run looks like when it loses to the next one.
  ...[5, 8, 10].map((n) => ({
    name: `fragment of < ${n} words after the lede skipped`,
    run: skipIf((s) => words(s) < n),
  })),
  { name: 'bare quote after the lede skipped', run: skipIf((s) => /^['"“‘]/.test(s) && /['"”’]$/.test(s)) },
  { name: 'question after the lede skipped', run: skipIf((s) => /\?['"”’]?$/.test(s)) },
  {
    name: 'opens with But/And/So/Yet/However: skipped',
    run: skipIf((s) => /^(?:But|And|So|Yet|Still|However)\b/.test(s)),
  },
  {
    name: 'no capitalised word inside the sentence: skipped',
    run: skipIf((s) => !/\s\p{Lu}\p{Ll}/u.test(s)),
  },
  ...[0.5, 0.6, 0.7].map((t) => ({
    name: `redundant after the lede (≥ ${t} of its content terms in earlier picks) skipped`,
    run: skipIf((_s, a, i, k) => containment(a, i, k) >= t),
  })),
  // The opening sentence.
  {
    name: 'lede without a capitalised word inside (scene-setting) skipped',
    run: (a) => (/\s\p{Lu}\p{Ll}/u.test(a.texts[0] ?? '') ? a.texts : skipPick(a, 0)),
  },
  {
    name: 'lede ending " ." (a Daily Mail caption line) skipped',
    run: (a) => (/ \.$/.test(a.texts[0] ?? '') ? skipPick(a, 0) : a.texts),
  },
  {
    name: 'caption openers kept (run from sentence 0 when only captions precede the lede)',
    run: (a) => {
      const lede = a.picks[0] ?? 0;
      const captions = lede > 0 && a.sentences.slice(0, lede).every((s) => CAPTION_MARK.test(s.text));
      return captions ? [0, 1, 2].filter((i) => i < a.sentences.length).map((i) => shown(a, i)) : a.texts;
    },
  },
  // Compression inside the picked sentences.
  { name: 'short parentheses removed', run: trim((s) => s.replace(/ \([^()]{0,40}\)/g, '')) },
  {
    name: 'closing attribution removed (", police said.")',
    run: trim((s) =>
      s.replace(/,[^,.;:"“”'‘’]{0,60}\b(?:said|says|told [^,.]{0,30}|according to [^,.]{0,40})\.$/u, '.'),
    ),
  },
  { name: 'dash asides removed', run: trim((s) => s.replace(/ (?:--|—|–) [^-—–]{0,60} (?:--|—|–) /g, ' ')) },
  { name: 'ages removed (", 54,")', run: trim((s) => s.replace(/, \d{1,3},/g, '')) },
];

type Cell = { r1: number; r2: number; up: number; down: number; n: number };

function scoreTexts(texts: readonly string[], refs: PreparedReferences): { r1: number; r2: number } {
  return rouge12(
    texts.flatMap((t) => rougeTokens(t, { stem: true })),
    refs,
  );
}

function cell(
  articles: readonly Article[],
  run: (a: Article) => readonly string[],
  refsOf: (a: Article) => PreparedReferences,
): Cell {
  const c: Cell = { r1: 0, r2: 0, up: 0, down: 0, n: articles.length };
  for (const a of articles) {
    const s = scoreTexts(run(a), refsOf(a));
    const b = scoreTexts(a.texts, refsOf(a));
    c.r1 += s.r1;
    c.r2 += s.r2;
    const d = s.r1 + s.r2 - b.r1 - b.r2;
    if (d > 1e-9) c.up++;
    else if (d < -1e-9) c.down++;
  }
  return c;
}

const show = (c: Cell): string =>
  `${((100 * c.r1) / Math.max(1, c.n)).toFixed(2)} / ${((100 * c.r2) / Math.max(1, c.n)).toFixed(2)} (${c.up}↑ ${c.down}↓)`;

/**
 * A learned skip: ridge regression of the ROUGE-1 + ROUGE-2 gain of replacing pick 1 or 2 by the next sentence
 * of the run, on features of both sentences (length, fragment, quote, question, opener, first person, digits,
 * capitalised words, salience, centrality, centroid, similarity to the lede); the run skips the pick with the
 * highest predicted gain when it is above `threshold`. 5-fold cross-validation by article (FNV-1a of the id),
 * all three sets pooled (NEWTS at weight 0.2), scored out of fold.
 */
function learnedSkip(articles: readonly Article[], lambda: number, threshold: number): Map<Article, number> {
  const width = SUMMARY_FEATURES.length;
  const col = (name: (typeof SUMMARY_FEATURES)[number]): number => SUMMARY_FEATURES.indexOf(name);
  const features = (a: Article, i: number): number[] => {
    const t = shown(a, i);
    const w = words(t);
    const v = a.prepared.matrix.values;
    return [
      Math.min(2, w / 30),
      w < 8 ? 1 : 0,
      w > 40 ? 1 : 0,
      /^['"“‘]/.test(t) ? 1 : 0,
      /\?['"”’]?$/.test(t) ? 1 : 0,
      /^(?:But|And|So|Yet|Still|However)\b/.test(t) ? 1 : 0,
      /\b(?:I|we|my|me|our)\b/i.test(t) ? 1 : 0,
      /\d/.test(t) ? 1 : 0,
      (t.match(/\s\p{Lu}\p{Ll}/gu) ?? []).length / Math.max(1, w),
      Math.max(-5, Math.min(5, a.prepared.salience[i] ?? 0)) / 5,
      v[i * width + col('centrality')] ?? 0,
      v[i * width + col('centroid')] ?? 0,
      a.prepared.matrix.similarity(i, a.picks[0] ?? 0),
    ];
  };
  type Row = { a: Article; k: number; x: number[]; gain: number; fold: number; weight: number };
  const rows: Row[] = [];
  for (const a of articles) {
    const next = nextInRun(a);
    if (a.picks.length < K || next < 0) continue;
    const base = scoreTexts(a.texts, a.refs);
    const fn = features(a, next);
    for (const k of [1, 2]) {
      const fi = features(a, a.picks[k] ?? 0);
      const alt = scoreTexts(skipPick(a, k), a.refs);
      const x = [1, k === 2 ? 1 : 0, ...fi, ...fn.map((v, j) => v - (fi[j] ?? 0))];
      const gain = alt.r1 + alt.r2 - base.r1 - base.r2;
      rows.push({ a, k, x, gain, fold: fnv1a(`${a.set}:${a.id}`) % 5, weight: a.set === 'newts' ? 0.2 : 1 });
    }
  }
  const chosen = new Map<Article, number>();
  const best = new Map<Article, { k: number; p: number }>();
  for (let fold = 0; fold < 5; fold++) {
    const train = rows.filter((r) => r.fold !== fold);
    const beta = ridge(
      train.map((r) => r.x),
      train.map((r) => r.gain),
      train.map((r) => r.weight),
      lambda,
    );
    for (const r of rows.filter((r) => r.fold === fold)) {
      const p = r.x.reduce((s, v, j) => s + v * (beta[j] ?? 0), 0);
      const b = best.get(r.a);
      if (b === undefined || p > b.p) best.set(r.a, { k: r.k, p });
    }
  }
  for (const [a, b] of best) if (b.p > threshold) chosen.set(a, b.k);
  return chosen;
}

/** Weighted ridge regression (the intercept, column 0, unpenalised), solved by Gauss–Jordan elimination. */
function ridge(
  xs: readonly number[][],
  ys: readonly number[],
  ws: readonly number[],
  lambda: number,
): number[] {
  const d = xs[0]?.length ?? 0;
  const a = Array.from({ length: d }, (_, i) =>
    Array.from({ length: d + 1 }, (_, j) => (i === j && i > 0 ? lambda : 0)),
  );
  xs.forEach((x, r) => {
    const w = ws[r] ?? 0;
    for (let i = 0; i < d; i++) {
      const row = a[i] as number[];
      row[d] = (row[d] ?? 0) + w * (x[i] ?? 0) * (ys[r] ?? 0);
      for (let j = 0; j < d; j++) row[j] = (row[j] ?? 0) + w * (x[i] ?? 0) * (x[j] ?? 0);
    }
  });
  for (let i = 0; i < d; i++) {
    let p = i;
    for (let r = i + 1; r < d; r++) if (Math.abs(a[r]?.[i] ?? 0) > Math.abs(a[p]?.[i] ?? 0)) p = r;
    [a[i], a[p]] = [a[p] as number[], a[i] as number[]];
    const pivot = a[i] as number[];
    for (let r = 0; r < d; r++) {
      const row = a[r] as number[];
      if (r === i || row[i] === 0) continue;
      const f = (row[i] ?? 0) / (pivot[i] ?? 1);
      for (let c = i; c <= d; c++) row[c] = (row[c] ?? 0) - f * (pivot[c] ?? 0);
    }
  }
  return a.map((row, i) => (row[d] ?? 0) / (row[i] ?? 1));
}

function main(): void {
  const articles = loadFit();
  if (articles === undefined) {
    console.log(`Real news skipped: ${NEWS_ROOT} not found`);
    return;
  }
  const of = (set: NewsSet) => articles.filter((a) => a.set === set);
  const summeval = of('summeval');
  console.log(
    `Fit part only, three sentences; mean R-1 / R-2 F1 ×100 over references (stemmed); ↑↓ = articles whose ` +
      `R-1 + R-2 rose / fell against the shipped summary. n = ${summeval.length} SummEval, ${of('newsroom').length} ` +
      `Newsroom, ${of('newts').length} NEWTS.\n`,
  );
  console.log(
    '| variant | SummEval | SummEval, CNN/DM highlights only | Newsroom | NEWTS |\n|---|---|---|---|---|',
  );
  const row = (name: string, run: (a: Article) => readonly string[]): void => {
    const cells = [
      cell(summeval, run, (a) => a.refs),
      cell(summeval, run, (a) => a.highlights),
      cell(of('newsroom'), run, (a) => a.refs),
      cell(of('newts'), run, (a) => a.refs),
    ];
    console.log(`| ${name} | ${cells.map(show).join(' | ')} |`);
  };
  for (const v of VARIANTS) row(v.name, v.run);
  for (const lambda of [1, 10])
    for (const threshold of [0.01, 0.02]) {
      const skips = learnedSkip(articles, lambda, threshold);
      row(`learned skip, out of fold (ridge λ = ${lambda}, predicted gain > ${threshold})`, (a) => {
        const k = skips.get(a);
        return k === undefined ? a.texts : skipPick(a, k);
      });
    }
}

main();
