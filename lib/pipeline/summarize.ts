import { buildTfIdf, rankByCentrality, similarityMatrix } from './textrank';
import { contentTerms } from './tokenize';
import type { Sentence, SummarySentence } from './types';

export type SummaryOptions = { readonly maxSentences?: number };

/**
 * Weight of LexRank centrality (normalised to the article's most central sentence). Centrality carries most
 * of the weight: on BBC News Summary (eval/summary.ts, tuned on even-numbered files) more position weight
 * lowered ROUGE, but a lead prior is kept because news leads carry the story (inverted pyramid).
 */
const CENTRALITY_WEIGHT = 0.7;
/** Weight of the position prior (see above). */
const POSITION_WEIGHT = 0.15;
/** Weight of the share of title terms a sentence repeats: titles name the topic. */
const TITLE_WEIGHT = 0.15;
/** MMR trade-off between salience and novelty (Carbonell & Goldstein 1998); 0.85 mostly favours salience. */
const MMR_LAMBDA = 0.85;
/** Near-copies of an already chosen sentence are never chosen (syndicated text repeats itself). */
const DUPLICATE_SIMILARITY = 0.8;
/** Sentences with fewer words read as fragments (datelines, captions, "Read more"). */
const MIN_WORDS = 6;
/** Sentences with more words are usually run-ons or glued lists. */
const MAX_WORDS = 60;
const FRAGMENT_PENALTY = 0.3;
const QUESTION_PENALTY = 0.25;
const LONG_PENALTY = 0.1;
/** Automatic length: this many sentences for short articles ... */
const BASE_SENTENCES = 3;
/** ... one more each time the article doubles beyond this many sentences ... */
const BASE_ARTICLE_SENTENCES = 15;
/** ... and never more than this: a summary longer than a screen stops being one. */
const MAX_AUTO_SENTENCES = 7;

/** Site furniture and credits that are never summary material. */
const BOILERPLATE =
  /\b(?:click here|read more|sign up|subscribe (?:now|to)|follow us|all rights reserved|copyright|getty images|photograph:|image:|photo:|caption:|reporting by|editing by|share this|related (?:stories|articles))\b|^by\s+\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+){0,3}$|©/iu;

/** How many sentences the automatic length picks for an article of `n` sentences. */
export function autoLength(n: number): number {
  const k =
    n <= BASE_ARTICLE_SENTENCES
      ? BASE_SENTENCES
      : BASE_SENTENCES + Math.floor(Math.log2(n / BASE_ARTICLE_SENTENCES));
  return Math.min(n, MAX_AUTO_SENTENCES, k);
}

/** Prior that decays with position: 1 for the lead, about 0.3 for the tenth sentence. */
function positionPrior(index: number): number {
  return 1 / Math.sqrt(1 + index);
}

/** Quality penalty (0 = fine, 1 = never pick) for fragments, questions, run-ons and boilerplate. */
function qualityPenalty(text: string): number {
  if (BOILERPLATE.test(text)) return 1;
  const words = text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  let p = 0;
  if (words < MIN_WORDS) p += FRAGMENT_PENALTY;
  if (words > MAX_WORDS) p += LONG_PENALTY;
  if (/\?["'”’)]*$/.test(text)) p += QUESTION_PENALTY;
  return p;
}

/** How the salience signals are blended; the defaults are the constants above. */
export type SalienceWeights = {
  readonly centrality: number;
  readonly position: number;
  readonly title: number;
};

const DEFAULT_WEIGHTS: SalienceWeights = {
  centrality: CENTRALITY_WEIGHT,
  position: POSITION_WEIGHT,
  title: TITLE_WEIGHT,
};

const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/**
 * Salience of each sentence in 0..1: LexRank centrality (Erkan & Radev 2004) blended with a lead-position
 * prior and title overlap, minus quality penalties. Exported for the evaluation's ablations.
 */
export function scoreSentences(
  title: string,
  sentences: readonly Sentence[],
  weights: SalienceWeights = DEFAULT_WEIGHTS,
): { scores: number[]; sim: number[][] } {
  const terms = sentences.map((s) => contentTerms(s.text));
  const vectors = buildTfIdf(terms);
  const sim = similarityMatrix(vectors);
  const centrality = rankByCentrality(sim);
  const maxCentrality = Math.max(0, ...centrality);
  const titleTerms = new Set(contentTerms(title));
  const scores = sentences.map((s, i) => {
    const c = maxCentrality > 0 ? (centrality[i] ?? 0) / maxCentrality : 0;
    const own = new Set(terms[i]);
    let shared = 0;
    for (const t of titleTerms) if (own.has(t)) shared++;
    const t = titleTerms.size > 0 ? shared / titleTerms.size : 0;
    const raw = weights.centrality * c + weights.position * positionPrior(i) + weights.title * t;
    return Math.max(0, Math.min(1, raw - qualityPenalty(s.text)));
  });
  return { scores, sim };
}

/**
 * Picks `k` sentences greedily by Maximal Marginal Relevance (Carbonell & Goldstein 1998) and returns their
 * indices in document order. Ties go to the earlier sentence.
 */
export function selectByMmr(
  scores: readonly number[],
  sim: readonly (readonly number[])[],
  k: number,
  lambda: number = MMR_LAMBDA,
): number[] {
  const chosen: number[] = [];
  const available = new Set(scores.map((_, i) => i));
  while (chosen.length < k && available.size > 0) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    for (const i of available) {
      let redundancy = 0;
      for (const j of chosen) redundancy = Math.max(redundancy, sim[i]?.[j] ?? 0);
      if (redundancy >= DUPLICATE_SIMILARITY) continue;
      const value = lambda * (scores[i] ?? 0) - (1 - lambda) * redundancy;
      if (value > bestValue) {
        bestValue = value;
        best = i;
      }
    }
    if (best < 0) break;
    chosen.push(best);
    available.delete(best);
  }
  return chosen.sort((a, b) => a - b);
}

/**
 * Extractive summary: LexRank centrality over TF-IDF cosine (Erkan & Radev 2004) with a news lead prior,
 * title overlap and quality penalties, de-duplicated by MMR. Sentences come back in document order with
 * their exact offsets and a 0..1 score rounded to 3 decimals. Without `maxSentences` the length grows
 * slowly with the article (3 for short ones, at most 7).
 */
export function summarize(
  article: { readonly title: string; readonly text: string },
  sentences: readonly Sentence[],
  options: SummaryOptions = {},
): SummarySentence[] {
  if (sentences.length === 0) return [];
  const requested = options.maxSentences;
  const k =
    requested === undefined || !Number.isFinite(requested)
      ? autoLength(sentences.length)
      : Math.max(0, Math.min(sentences.length, Math.floor(requested)));
  if (k === 0) return [];
  const { scores, sim } = scoreSentences(article.title, sentences);
  const out: SummarySentence[] = [];
  for (const i of selectByMmr(scores, sim, k)) {
    const s = sentences[i];
    if (s !== undefined)
      out.push({ text: s.text, start: s.start, end: s.end, score: round3(scores[i] ?? 0) });
  }
  return out;
}
