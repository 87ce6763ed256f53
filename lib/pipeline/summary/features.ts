import { allMatches } from '../text/all-matches';
import type { Scratch } from '../text/scratch';
import { contentTerms, indexContentTerms, type TermIndex, termIdOf, tokenizeWords } from '../text/tokenize';
import type { Sentence } from '../types';
import { createArticleScratch, summaryScratchBytes } from './article-scratch';
import { buildSentenceGraphs, buildTermMatrix, rankSparseByCentrality } from './centrality';
import { leadInLength } from './lead-in';

/**
 * Per-sentence features for extractive summarization. The set follows the classic supervised recipe
 * (Kupiec, Pedersen & Chen 1995, "A Trainable Document Summarizer": position, paragraph position, length,
 * thematic words, title words) plus graph centrality (LexRank, Erkan & Radev 2004) and similarity to the
 * document centroid (Radev et al. 2004, MEAD). Every feature is scaled to roughly 0..1 so that one
 * regularisation strength suits them all.
 */

/** Names of the dense features, in the order the model file lists their weights. */
export const SUMMARY_FEATURES = [
  /** LexRank centrality (over term-frequency cosine) relative to the article's most central sentence. */
  'centrality',
  /** Within-article rank by centrality: 1 for the most central sentence, 0 for the least. */
  'centralityRank',
  /** TextRank centrality over Mihalcea & Tarau's (2004) word-overlap similarity, relative to the maximum. */
  'overlapCentrality',
  /** Cosine to the term-frequency centroid of the whole article (MEAD). */
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
  /** Within-article rank by word count (1 = longest): how long a sentence is next to its neighbours. */
  'lengthRank',
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

/** Column of each feature in a row of SummaryFeatureMatrix.values. */
const COLUMN = Object.fromEntries(SUMMARY_FEATURES.map((name, k) => [name, k])) as Readonly<
  Record<SummaryFeature, number>
>;

/** What the ranker and the redundancy control need about an article's sentences, in flat arrays. */
export type SummaryFeatureMatrix = {
  readonly size: number;
  /** Feature f of sentence i at `values[i * SUMMARY_FEATURES.length + f]`, in SUMMARY_FEATURES order. */
  readonly values: Float64Array;
  /**
   * Term-frequency cosine of sentences i and j (symmetric, 0 for i = j): read from the matrix the centrality graph
   * was built from, or computed on demand for documents too long for a full matrix.
   */
  readonly similarity: (i: number, j: number) => number;
  /** Word count of each sentence (letters/digits tokens), for length control. */
  readonly words: Int32Array;
  /** 1 for a sentence that isBoilerplate or belongs to the lead-in: it is never chosen. */
  readonly boilerplate: Uint8Array;
  /** Opening sentences that are an archive dump's byline and time stamps (lead-in.ts): the body starts after them. */
  readonly leadIn: number;
  /** Distinct content terms of the title (0: no usable title). */
  readonly titleTerms: number;
};

/** The same features by name, for training and inspection (see extractSummaryFeatures). */
export type SummaryFeatureSet = {
  readonly features: readonly SummaryFeatureVector[];
  /** Term-frequency cosine of sentences i and j as `similarity[i](j)` (symmetric, 0 for i = j), computed on demand. */
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
/**
 * One word of each BOILERPLATE phrase, for a cheap necessary condition. A phrase matches between word
 * boundaries, so unless a non-ASCII letter or digit touches it (é glues onto a token; ſ and the Kelvin sign
 * K case-fold to s and k), every word of a match is a whole token. A sentence with none of these tokens, no
 * non-ASCII letter, digit or ©, and no "by" at its start cannot match: the big case-insensitive Unicode
 * regex is skipped for it (all but ~1% of BBC sentences).
 */
const BOILERPLATE_WORDS: ReadonlySet<string> = new Set([
  'click',
  'read',
  'sign',
  'subscribe',
  'follow',
  'reserved',
  'copyright',
  'getty',
  'photograph',
  'image',
  'photo',
  'caption',
  'reporting',
  'editing',
  'share',
  'related',
]);
/** A non-ASCII letter, digit or ©: what could make a boilerplate match that BOILERPLATE_WORDS misses. */
const GLUED = /\P{ASCII}(?<=[©\p{L}\p{N}])/u;
const QUESTION = /\?["'”’)\]]*$/;
// A single quote after a space or at the start, or before a space or at the end. The look-arounds say the
// same as (?:^|\s)['‘] and ['’](?:\s|$) but let the engine scan for the quote characters: twice as fast.
const QUOTE = /["“”«»]|(?<!\S)['‘]|['’](?!\S)/;
const DIGIT = /\d/;
const ANAPHOR = /^["“'‘(]?(?:he|she|it|they|this|that|these|those|his|her|their|its)\b/i;

/**
 * Furniture and credit lines are short: a sentence of more than this many words that says "sign up",
 * "copyright" or "share this" is news ("… has refused to sign up to the Kyoto treaty", "… will introduce
 * them to copyright"), and the hard rule kept such sentences out of every summary. In the fit part of the
 * real news sets and the BBC training split all 14 sentences it flagged above 25 words were such news; the
 * same limit marks captions in trust-features.ts.
 */
export const BOILERPLATE_MAX_WORDS = 25;

/** Whether a sentence is site furniture or a credit ("click here", "Photo:", a bare byline). */
export function isBoilerplate(text: string): boolean {
  return tokenizeWords(text).length <= BOILERPLATE_MAX_WORDS && BOILERPLATE.test(text);
}

/**
 * isBoilerplate of each sentence, running the regex only where the cheap checks cannot rule a match out: a
 * sentence of more than BOILERPLATE_MAX_WORDS words is not boilerplate; a
 * sentence without a BOILERPLATE_WORDS term (a superset of the tokens: "shares" folds to "share"), without a
 * GLUED character and not opening with "by" is not boilerplate.
 */
function boilerplateFlags(index: TermIndex, texts: readonly string[], scratch: Scratch): Uint8Array {
  const flagged = scratch.uint8(index.terms.length);
  for (const word of BOILERPLATE_WORDS) {
    const id = termIdOf(index, word);
    if (id !== undefined) flagged[id] = 1;
  }
  const out = scratch.uint8(texts.length);
  texts.forEach((text, i) => {
    let suspect = false;
    for (let k = index.offsets[i] ?? 0; k < (index.offsets[i + 1] ?? 0) && !suspect; k++)
      suspect = flagged[index.ids[k] ?? 0] === 1;
    if (!suspect) {
      const startsWithBy = (text.charCodeAt(0) | 0x20) === 0x62 && (text.charCodeAt(1) | 0x20) === 0x79;
      suspect = startsWithBy || GLUED.test(text);
    }
    out[i] = suspect && (index.words[i] ?? 0) <= BOILERPLATE_MAX_WORDS && BOILERPLATE.test(text) ? 1 : 0;
  });
  return out;
}

/** Index of the paragraph (blank-line separated block of `text`) that each sentence starts in. */
function paragraphIndices(text: string, sentences: readonly Sentence[], scratch: Scratch): Int32Array {
  const breaks: number[] = [];
  for (const m of allMatches(/\n[^\S\n]*\n\s*/g, text)) breaks.push(m.index);
  let paragraph = 0;
  const out = scratch.int32(sentences.length);
  sentences.forEach((s, i) => {
    while (paragraph < breaks.length && (breaks[paragraph] ?? 0) < s.start) paragraph++;
    out[i] = paragraph;
  });
  return out;
}

/** Rank of each value in 1 (highest) .. 0 (lowest); ties share the earlier sentence's order. */
function rankScores(values: Float64Array, scratch: Scratch): Float64Array {
  const n = values.length;
  // Indices by descending value by insertion sort: quadratic like the sentence graphs, and without a
  // comparator call per step, which is what a sort of some twenty sentences spends its time on.
  const order = scratch.int32(n);
  for (let i = 0; i < n; i++) {
    const v = values[i] ?? 0;
    let k = i;
    // Only past smaller values: an earlier sentence keeps its place on a tie.
    for (; k > 0 && (values[order[k - 1] ?? 0] ?? 0) < v; k--) order[k] = order[k - 1] ?? 0;
    order[k] = i;
  }
  const out = scratch.float64(n);
  for (let r = 0; r < n; r++) out[order[r] ?? 0] = n > 1 ? 1 - r / (n - 1) : 1;
  return out;
}

/** Code units of all the texts together. */
export function totalLength(texts: readonly string[]): number {
  let chars = 0;
  for (const text of texts) chars += text.length;
  return chars;
}

/** Math.max(floor, ...values), without spreading a long array onto the stack. */
function maxOf(values: ArrayLike<number>, floor: number): number {
  let max = floor;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] ?? 0);
  return max;
}

/**
 * Computes the features of every sentence of an article into one flat matrix. `text` is the article body
 * the sentence offsets point into (paragraph breaks are read from it); `title` may be empty. The arrays of
 * the result are carved from `scratch` (by default one buffer sized to the sentences, see article-scratch.ts).
 */
// biome-ignore lint/complexity/noExcessiveLinesPerFunction: fills one flat feature matrix in a single pass over the sentences (the summary's hot path); each block is one named feature
export function extractSummaryFeatureMatrix(
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  scratch?: Scratch,
): SummaryFeatureMatrix {
  const n = sentences.length;
  const texts = sentences.map((s) => s.text);
  const arena = scratch ?? createArticleScratch(summaryScratchBytes(n, totalLength(texts)));
  // One scan of each sentence yields its content terms as ids and its word count.
  const index = indexContentTerms(texts, arena);
  const { ids: terms, offsets: termOffsets, words } = index;
  const vocabulary = index.terms.length;
  // Raw term counts, not TF-IDF: within one article IDF mostly rewards words said once, while the terms a
  // story repeats are what its central sentences share. Measured on the BBC held-out split and the human-
  // highlight articles, both better with counts (ROUGE-1 +0.6 and +0.5; docs/benchmarks.md). The same cosine
  // serves redundancy: sentences that repeat a template with one word changed count as near-copies.
  const matrix = buildTermMatrix(terms, termOffsets, vocabulary, arena, 'tf');
  const { offsets, ids, weights, norms } = matrix;
  // LexRank over term-frequency cosine and TextRank over word overlap (Mihalcea & Tarau 2004: shared distinct
  // content terms over log|Si| + log|Sj|, which rewards long sentences that share many words), as sparse
  // graphs: identical to the full matrices up to MAX_NEIGHBOURS + 1 sentences, k-nearest-neighbour beyond.
  const graphs = buildSentenceGraphs(matrix, arena);
  const centrality = rankSparseByCentrality(graphs.lexical, arena);
  const maxCentrality = maxOf(centrality, 0);
  const overlap = rankSparseByCentrality(graphs.overlap, arena);
  const maxOverlap = maxOf(overlap, 0);

  // The term-frequency centroid (sum of the sentence vectors, MEAD), accumulated in sentence order and normed in
  // order of first occurrence, as a Map built the same way would be.
  const centroid = arena.float64(vocabulary);
  for (let k = 0; k < ids.length; k++) {
    const t = ids[k] ?? 0;
    centroid[t] = (centroid[t] ?? 0) + (weights[k] ?? 0);
  }
  let centroidSq = 0;
  for (let t = 0; t < vocabulary; t++) centroidSq += (centroid[t] ?? 0) * (centroid[t] ?? 0);
  const centroidNorm = Math.sqrt(centroidSq);

  const isTitleTerm = arena.uint8(vocabulary);
  const titleTerms = new Set(contentTerms(article.title));
  for (const t of titleTerms) {
    const id = termIdOf(index, t);
    if (id !== undefined) isTitleTerm[id] = 1;
  }
  const boilerplate = boilerplateFlags(index, texts, arena);
  const leadIn = leadInLength(texts);
  boilerplate.fill(1, 0, leadIn);
  const paragraphs = paragraphIndices(article.text, sentences, arena);

  // In-article frequency of each term, counting repeats (Luhn 1958).
  const frequency = arena.int32(vocabulary);
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k] ?? 0;
    frequency[t] = (frequency[t] ?? 0) + 1;
  }
  const maxFrequency = maxOf(frequency, 1);
  const mass = arena.float64(n);
  const termFrequency = arena.float64(n);
  for (let i = 0; i < n; i++) {
    const from = termOffsets[i] ?? 0;
    const to = termOffsets[i + 1] ?? 0;
    let sum = 0;
    for (let k = from; k < to; k++) sum += frequency[terms[k] ?? 0] ?? 0;
    mass[i] = sum / maxFrequency;
    termFrequency[i] = to > from ? (mass[i] ?? 0) / (to - from) : 0;
  }
  const maxMass = maxOf(mass, 0);
  let termFrequencySum = 0;
  for (let i = 0; i < n; i++) termFrequencySum += termFrequency[i] ?? 0;
  const meanTermFrequency = termFrequencySum / Math.max(1, n);
  const centralityRank = rankScores(centrality, arena);
  const termFrequencyRank = rankScores(termFrequency, arena);
  const wordCounts = arena.float64(n);
  for (let i = 0; i < n; i++) wordCounts[i] = words[i] ?? 0;
  const lengthRank = rankScores(wordCounts, arena);

  const width = SUMMARY_FEATURES.length;
  const values = arena.float64(n * width);
  for (let i = 0; i < n; i++) {
    const text = sentences[i]?.text ?? '';
    const from = offsets[i] ?? 0;
    const to = offsets[i + 1] ?? 0;
    let dot = 0;
    let shared = 0;
    for (let k = from; k < to; k++) {
      const t = ids[k] ?? 0;
      dot += (weights[k] ?? 0) * (centroid[t] ?? 0);
      shared += isTitleTerm[t] ?? 0;
    }
    const norm = norms[i] ?? 0;
    const wordCount = words[i] ?? 0;
    const paragraph = paragraphs[i] ?? 0;
    const tf = termFrequency[i] ?? 0;
    const row = i * width;
    values[row + COLUMN.centrality] = maxCentrality > 0 ? (centrality[i] ?? 0) / maxCentrality : 0;
    values[row + COLUMN.centralityRank] = centralityRank[i] ?? 0;
    values[row + COLUMN.overlapCentrality] = maxOverlap > 0 ? (overlap[i] ?? 0) / maxOverlap : 0;
    // cosine(sentence, centroid): the sentence has no more terms than the centroid, so its own are summed.
    values[row + COLUMN.centroid] = norm === 0 || centroidNorm === 0 ? 0 : dot / (norm * centroidNorm);
    values[row + COLUMN.termFrequency] = tf;
    values[row + COLUMN.termFrequencyRank] = termFrequencyRank[i] ?? 0;
    values[row + COLUMN.termFrequencyRelative] =
      meanTermFrequency > 0 ? Math.min(1, tf / meanTermFrequency / 2) : 0;
    values[row + COLUMN.termMass] = maxMass > 0 ? (mass[i] ?? 0) / maxMass : 0;
    values[row + COLUMN.title] = titleTerms.size > 0 ? shared / titleTerms.size : 0;
    values[row + COLUMN.lead] = i === 0 ? 1 : 0;
    values[row + COLUMN.position] = 1 / Math.sqrt(1 + i);
    values[row + COLUMN.relativePosition] = n > 1 ? i / (n - 1) : 0;
    values[row + COLUMN.paragraphStart] = i === 0 || paragraphs[i - 1] !== paragraph ? 1 : 0;
    values[row + COLUMN.paragraphPosition] = 1 / Math.sqrt(1 + paragraph);
    values[row + COLUMN.length] = Math.min(1, Math.log1p(wordCount) / Math.log1p(LONG_WORDS));
    values[row + COLUMN.short] = wordCount < SHORT_WORDS ? 1 : 0;
    values[row + COLUMN.lengthRank] = lengthRank[i] ?? 0;
    values[row + COLUMN.number] = DIGIT.test(text) ? 1 : 0;
    values[row + COLUMN.quote] = QUOTE.test(text) ? 1 : 0;
    values[row + COLUMN.question] = text.includes('?') && QUESTION.test(text) ? 1 : 0;
    values[row + COLUMN.anaphor] = ANAPHOR.test(text) ? 1 : 0;
  }
  return {
    size: n,
    values,
    similarity: graphs.similarity,
    words,
    boilerplate,
    leadIn,
    titleTerms: titleTerms.size,
  };
}

/**
 * Computes the features of every sentence of an article by name (extractSummaryFeatureMatrix, unpacked):
 * what training reads. `text` is the article body the sentence offsets point into; `title` may be empty.
 */
export function extractSummaryFeatures(
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
): SummaryFeatureSet {
  const { size, values, similarity, words } = extractSummaryFeatureMatrix(article, sentences);
  const width = SUMMARY_FEATURES.length;
  const features = Array.from(
    { length: size },
    (_, i): SummaryFeatureVector =>
      Object.fromEntries(SUMMARY_FEATURES.map((name, k) => [name, values[i * width + k] ?? 0])) as Record<
        SummaryFeature,
        number
      >,
  );
  return {
    features,
    similarity: Array.from({ length: size }, (_, i) => (j: number) => similarity(i, j)),
    words: Array.from(words),
  };
}
