import { buildSentenceGraphs, buildTfIdf, cosine, rankSparseByCentrality, type TermVector } from './textrank';
import { contentTerms, tokenizeWords } from './tokenize';
import type { Sentence } from './types';

/**
 * Per-sentence features for extractive summarization. The set follows the classic supervised recipe
 * (Kupiec, Pedersen & Chen 1995, "A Trainable Document Summarizer": position, paragraph position, length,
 * thematic words, title words) plus graph centrality (LexRank, Erkan & Radev 2004) and similarity to the
 * document centroid (Radev et al. 2004, MEAD). Every feature is scaled to roughly 0..1 so that one
 * regularisation strength suits them all.
 */

/** Names of the dense features, in the order the model file lists their weights. */
export const SUMMARY_FEATURES = [
  /** LexRank centrality relative to the article's most central sentence. */
  'centrality',
  /** Within-article rank by centrality: 1 for the most central sentence, 0 for the least. */
  'centralityRank',
  /** TextRank centrality over Mihalcea & Tarau's (2004) word-overlap similarity, relative to the maximum. */
  'overlapCentrality',
  /** Cosine to the TF-IDF centroid of the whole article (MEAD). */
  'centroid',
  /** Mean in-article frequency of the sentence's content terms, relative to the most frequent term (Luhn 1958). */
  'termFrequency',
  /** Within-article rank by termFrequency (1 = highest). */
  'termFrequencyRank',
  /** termFrequency over the article's mean, halved and capped at 1: "above the article's average". */
  'termFrequencyRelative',
  /** Sum of in-article term frequencies, relative to the article's highest sentence sum. */
  'termMass',
  /** Share of title content terms the sentence repeats. */
  'title',
  /** 1 for the article's first sentence. */
  'lead',
  /** 1 / sqrt(1 + index): the inverted pyramid of news. */
  'position',
  /** index / (n − 1): 0 at the start, 1 at the end. */
  'relativePosition',
  /** 1 when the sentence opens its paragraph. */
  'paragraphStart',
  /** 1 / sqrt(1 + paragraph index). */
  'paragraphPosition',
  /** log(1 + words) / log(1 + LONG_WORDS), capped at 1. */
  'length',
  /** Fewer than SHORT_WORDS words: fragments, datelines, captions. */
  'short',
  /** Contains a digit: figures carry news. */
  'number',
  /** Contains a quotation mark: quotes are colour more often than substance. */
  'quote',
  /** Ends with a question mark. */
  'question',
  /** Opens with a pronoun that points back ("He said…", "This means…"): unreadable on its own. */
  'anaphor',
] as const;

export type SummaryFeature = (typeof SUMMARY_FEATURES)[number];
export type SummaryFeatureVector = Readonly<Record<SummaryFeature, number>>;

/** What the ranker and the redundancy control need about an article's sentences. */
export type SummaryFeatureSet = {
  readonly features: readonly SummaryFeatureVector[];
  /**
   * TF-IDF cosine of sentences i and j as `similarity[i](j)` (symmetric, 0 for i = j), computed on demand:
   * the full matrix is n² numbers, 200 MB for a 5,000-sentence article, and selection reads a few entries.
   */
  readonly similarity: readonly ((j: number) => number)[];
  /** Word count of each sentence (letters/digits tokens), for length control. */
  readonly words: readonly number[];
};

/** Below this many words a sentence reads as a fragment (datelines, captions, "Read more"). */
export const SHORT_WORDS = 6;
/** Length saturates here: longer sentences are no more informative, just longer. */
const LONG_WORDS = 60;

/**
 * Site furniture and credits that are never summary material. A hard rule rather than a learned feature:
 * the BBC training texts are clean, so a model could never learn what these cost.
 */
const BOILERPLATE =
  /\b(?:click here|read more|sign up|subscribe (?:now|to)|follow us|all rights reserved|copyright|getty images|photograph:|image:|photo:|caption:|reporting by|editing by|share this|related (?:stories|articles))\b|^by\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){0,3}$|©/iu;
const QUESTION = /\?["'”’)\]]*$/;
const QUOTE = /["“”«»]|(?:^|\s)['‘]|['’](?:\s|$)/;
const DIGIT = /\d/;
const ANAPHOR = /^["“'‘(]?(?:he|she|it|they|this|that|these|those|his|her|their|its)\b/i;

/** Whether a sentence is site furniture or a credit ("click here", "Photo:", a bare byline). */
export function isBoilerplate(text: string): boolean {
  return BOILERPLATE.test(text);
}

/** Index of the paragraph (blank-line separated block of `text`) that each sentence starts in. */
function paragraphIndices(text: string, sentences: readonly Sentence[]): number[] {
  const breaks: number[] = [];
  for (const m of text.matchAll(/\n[^\S\n]*\n\s*/g)) breaks.push(m.index);
  let paragraph = 0;
  return sentences.map((s) => {
    while (paragraph < breaks.length && (breaks[paragraph] ?? 0) < s.start) paragraph++;
    return paragraph;
  });
}

/** Rank of each value in 1 (highest) .. 0 (lowest); ties share the earlier sentence's order. */
function rankScores(values: readonly number[]): number[] {
  const n = values.length;
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v || a.i - b.i);
  const out = new Array<number>(n).fill(0);
  order.forEach(({ i }, r) => {
    out[i] = n > 1 ? 1 - r / (n - 1) : 1;
  });
  return out;
}

/** The TF-IDF centroid of the article (sum of the sentence vectors). */
function centroidOf(vectors: readonly TermVector[]): TermVector {
  const weights = new Map<string, number>();
  for (const v of vectors) for (const [t, w] of v.weights) weights.set(t, (weights.get(t) ?? 0) + w);
  let sq = 0;
  for (const w of weights.values()) sq += w * w;
  return { weights, norm: Math.sqrt(sq) };
}

/**
 * Computes the features of every sentence of an article. `text` is the article body the sentence offsets
 * point into (paragraph breaks are read from it); `title` may be empty.
 */
export function extractSummaryFeatures(
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
): SummaryFeatureSet {
  const n = sentences.length;
  const terms = sentences.map((s) => contentTerms(s.text));
  const vectors = buildTfIdf(terms);
  // LexRank over TF-IDF cosine and TextRank over word overlap (Mihalcea & Tarau 2004: shared distinct
  // content terms over log|Si| + log|Sj|, which rewards long sentences that share many words), as sparse
  // graphs: identical to the full matrices up to MAX_NEIGHBOURS + 1 sentences, k-nearest-neighbour beyond.
  const graphs = buildSentenceGraphs(vectors, terms);
  const centrality = rankSparseByCentrality(graphs.lexical);
  const maxCentrality = Math.max(0, ...centrality);
  const centroid = centroidOf(vectors);
  const titleTerms = new Set(contentTerms(article.title));
  const paragraphs = paragraphIndices(article.text, sentences);

  const docFrequency = new Map<string, number>();
  for (const list of terms) for (const t of list) docFrequency.set(t, (docFrequency.get(t) ?? 0) + 1);
  const maxFrequency = Math.max(1, ...docFrequency.values());
  const mass = terms.map((list) => list.reduce((a, t) => a + (docFrequency.get(t) ?? 0), 0) / maxFrequency);
  const maxMass = Math.max(0, ...mass);

  const termFrequency = terms.map((list, i) => (list.length > 0 ? (mass[i] ?? 0) / list.length : 0));
  const meanTermFrequency = termFrequency.reduce((a, v) => a + v, 0) / Math.max(1, n);
  const centralityRank = rankScores(centrality);
  const termFrequencyRank = rankScores(termFrequency);
  const overlap = rankSparseByCentrality(graphs.overlap);
  const maxOverlap = Math.max(0, ...overlap);

  const words = sentences.map((s) => tokenizeWords(s.text).length);
  const features = sentences.map((s, i): SummaryFeatureVector => {
    const list = terms[i] ?? [];
    const own = new Set(list);
    let shared = 0;
    for (const t of titleTerms) if (own.has(t)) shared++;
    const wordCount = words[i] ?? 0;
    const paragraph = paragraphs[i] ?? 0;
    const vector = vectors[i];
    return {
      centrality: maxCentrality > 0 ? (centrality[i] ?? 0) / maxCentrality : 0,
      centralityRank: centralityRank[i] ?? 0,
      overlapCentrality: maxOverlap > 0 ? (overlap[i] ?? 0) / maxOverlap : 0,
      centroid: vector === undefined ? 0 : cosine(vector, centroid),
      termFrequency: termFrequency[i] ?? 0,
      termFrequencyRank: termFrequencyRank[i] ?? 0,
      termFrequencyRelative:
        meanTermFrequency > 0 ? Math.min(1, (termFrequency[i] ?? 0) / meanTermFrequency / 2) : 0,
      termMass: maxMass > 0 ? (mass[i] ?? 0) / maxMass : 0,
      title: titleTerms.size > 0 ? shared / titleTerms.size : 0,
      lead: i === 0 ? 1 : 0,
      position: 1 / Math.sqrt(1 + i),
      relativePosition: n > 1 ? i / (n - 1) : 0,
      paragraphStart: i === 0 || paragraphs[i - 1] !== paragraph ? 1 : 0,
      paragraphPosition: 1 / Math.sqrt(1 + paragraph),
      length: Math.min(1, Math.log1p(wordCount) / Math.log1p(LONG_WORDS)),
      short: wordCount < SHORT_WORDS ? 1 : 0,
      number: DIGIT.test(s.text) ? 1 : 0,
      quote: QUOTE.test(s.text) ? 1 : 0,
      question: QUESTION.test(s.text) ? 1 : 0,
      anaphor: ANAPHOR.test(s.text) ? 1 : 0,
    };
  });
  const similarity = vectors.map((_, i) => (j: number): number => {
    const a = vectors[Math.min(i, j)];
    const b = vectors[Math.max(i, j)];
    return i === j || a === undefined || b === undefined ? 0 : cosine(a, b);
  });
  return { features, similarity, words };
}
