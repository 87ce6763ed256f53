import { countTokens } from '../text/count-words';
import { trimEndChar } from '../text/trim-run';
import type { Attribution, ClaimType } from '../types';
import { findAttribution } from './attribution';
import { classifyClaim } from './claim-types';
import { isHedged } from './hedges';
import { countCapitalisedNames } from './mentions/capitalised-names';
import { type DateSpan, extractDates } from './mentions/dates';
import { extractNumbers, type NumberSpan } from './mentions/numbers';

/** 2^18 hashed n-gram slots: few collisions over debate and news vocabulary; the model keeps only the strongest. */
export const HASH_BITS = 18;

/** Hand-made features beside the n-grams; the model stores one weight for each, by name. */
export const DENSE_FEATURES = [
  'numeric',
  'temporal',
  'quote',
  'attribution',
  'comparison',
  'causal',
  'event',
  'hedged',
  'entities',
  'numbers',
  'question',
  'firstPerson',
  'secondPerson',
  'modal',
  'opinion',
  'length',
  'short',
] as const;

export type DenseFeature = (typeof DENSE_FEATURES)[number];

/** A sentence as the check-worthiness model sees it. */
export type CheckworthyFeatures = {
  /** Hashed n-gram slot → value. */
  readonly hashed: ReadonlyMap<number, number>;
  readonly dense: Readonly<Record<DenseFeature, number>>;
  readonly types: readonly ClaimType[];
};

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** Continues an FNV-1a hash with the UTF-16 code units of `text`. */
function fnvFeed(hash: number, text: string): number {
  let h = hash;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h;
}

/** 32-bit FNV-1a hash (Fowler, Noll & Vo): fast, stable across runs and platforms. */
export function fnv1a(text: string): number {
  return fnvFeed(FNV_OFFSET, text) >>> 0;
}

/** FNV states after the n-gram prefixes "u|" and "b|", so that keys are hashed without building strings. */
const UNIGRAM_STATE = fnvFeed(FNV_OFFSET, 'u|');
const BIGRAM_STATE = fnvFeed(FNV_OFFSET, 'b|');
const BAR = '|'.charCodeAt(0);

const FIRST_PERSON = /\b(?:I|we|my|our|me|us|I'm|I've|we're|we've)\b/i;
const SECOND_PERSON = /\b(?:you|your|you're)\b/i;
const MODAL = /\b(?:should|must|ought|need to|have to|will|would|shall|going to)\b/i;
const OPINION = /\b(?:think|believe|feel|hope|want|wish|agree|disagree|love|hate|honou?red|proud)\b/i;

/**
 * Word uni- and bigrams (digits folded to "0"), hashed into 2^HASH_BITS slots, L2-normalised. The slot of
 * a unigram is fnv1a(`u|${w}`) and of a bigram fnv1a(`b|${prev}|${w}`), computed without building the keys.
 */
function hashNgrams(text: string): Map<number, number> {
  const tokens = text
    .toLowerCase()
    .replace(/\d+(?:[.,]\d+)*/g, '0')
    .match(/[\p{L}\p{N}']+/gu);
  const mask = (1 << HASH_BITS) - 1;
  const counts = new Map<number, number>();
  const add = (hash: number): void => {
    const slot = (hash >>> 0) & mask;
    counts.set(slot, (counts.get(slot) ?? 0) + 1);
  };
  let prev = '<s>';
  for (const token of tokens ?? []) {
    const w = token.includes("'") ? trimEndChar(token.replace(/^'+/, ''), "'") : token;
    if (w === '') continue;
    add(fnvFeed(UNIGRAM_STATE, w));
    add(fnvFeed(Math.imul(fnvFeed(BIGRAM_STATE, prev) ^ BAR, FNV_PRIME), w));
    prev = w;
  }
  let sq = 0;
  for (const v of counts.values()) sq += v * v;
  const norm = Math.sqrt(sq) || 1;
  for (const [k, v] of counts) counts.set(k, v / norm);
  return counts;
}

/** Mentions a sentence's features count, found once by a caller that keeps them for the claim as well. */
export type SentenceMentions = {
  /** extractDates(text, reference): the spans are the same with and without a reference, only values differ. */
  readonly dates: readonly DateSpan[];
  /** extractNumbers(text, dates). */
  readonly numbers: readonly NumberSpan[];
  /** findAttribution(text). */
  readonly attribution: Attribution | undefined;
};

/** Features of one sentence for the check-worthiness model (n-grams, numbers, dates, entities, cues, length). */
export function extractCheckworthyFeatures(text: string): CheckworthyFeatures {
  const dates = extractDates(text);
  return checkworthyFeaturesOf(text, {
    dates,
    numbers: extractNumbers(text, dates),
    attribution: findAttribution(text),
  });
}

/** extractCheckworthyFeatures with the sentence's dates, numbers and attribution already found. */
export function checkworthyFeaturesOf(text: string, mentions: SentenceMentions): CheckworthyFeatures {
  const { dates, numbers } = mentions;
  const entities = countCapitalisedNames(text);
  const attributed = mentions.attribution !== undefined;
  const types = classifyClaim(text, { numbers: numbers.length, dates: dates.length, attributed });
  const has = (t: ClaimType): number => (types.includes(t) ? 1 : 0);
  const words = countTokens(text);
  const dense: Record<DenseFeature, number> = {
    numeric: has('numeric'),
    temporal: has('temporal'),
    quote: has('quote'),
    attribution: has('attribution'),
    comparison: has('comparison'),
    causal: has('causal'),
    event: has('event'),
    hedged: isHedged(text) ? 1 : 0,
    entities: Math.min(entities, 4) / 4,
    numbers: Math.min(numbers.length, 3) / 3,
    question: /\?["'”’)]*\s*$/.test(text) ? 1 : 0,
    firstPerson: FIRST_PERSON.test(text) ? 1 : 0,
    secondPerson: SECOND_PERSON.test(text) ? 1 : 0,
    modal: MODAL.test(text) ? 1 : 0,
    opinion: OPINION.test(text) ? 1 : 0,
    length: Math.min(1, Math.log1p(words) / Math.log1p(50)),
    short: words < 6 ? 1 : 0,
  };
  return { hashed: hashNgrams(text), dense, types };
}
