import { allMatches } from '../text/all-matches';
import { STOPWORDS } from '../text/stopwords';

/**
 * Characters of a text that retrieval reads at most. A fact-checked claim or a query sentence is a few
 * hundred characters; a cap keeps every step after it (tokens, features) bounded on hostile input.
 */
export const MAX_TEXT_CHARS = 4_000;

/** Longer "words" are not words (base64, hashes, run-together junk): dropped before anything else sees them. */
const MAX_TOKEN_CHARS = 40;

/**
 * Web addresses: "https://…", "www.…" and bare "pic.twitter.com/…" links say nothing about a claim. Anchored at
 * a word start with one greedy run of non-spaces, so it cannot backtrack.
 */
const LINK = /(?:https?:\/\/|www\.|pic\.twitter\.com\/)\S*/giu;

const WORD = /[\p{L}\p{N}]+/gu;

/** Apostrophes inside words ("don't", "McDonald’s") are dropped so that both spellings meet. */
const APOSTROPHE = /['’‘`]/gu;

/**
 * The content term of a lowercase token, or undefined for stopwords and one-character tokens: a plural "s" is
 * folded ("vaccines" → "vaccine"), as text/tokenize.ts does for sentence similarity.
 */
function termOf(token: string): string | undefined {
  if (token.length < 2 || token.length > MAX_TOKEN_CHARS || STOPWORDS.has(token)) return undefined;
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/** Search terms of a text for fact-check retrieval: capped, links removed, content terms in order. */
export function retrievalTerms(text: string): string[] {
  const clean = text.slice(0, MAX_TEXT_CHARS).normalize('NFKC').toLowerCase().replace(LINK, ' ');
  const out: string[] = [];
  for (const m of allMatches(WORD, clean.replace(APOSTROPHE, ''))) {
    const term = termOf(m[0]);
    if (term !== undefined) out.push(term);
  }
  return out;
}
