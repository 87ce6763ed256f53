import { NAME_PARTICLES } from '../claims/mentions';
import { STOPWORDS } from '../text/stopwords';
import type { Claim, Entity, NumberMention } from '../types';
import type { CorpusEntry, IndexedClaim, IndexedDate, IndexedQuantity } from './corpus-types';

/** Titles dropped from an entity key, so that "Ms Patel" and "Priya Patel" share the key "patel". */
const TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady president minister secretary chancellor senator sen ' +
    'rep governor gov judge justice king queen prince princess pope chairman chairwoman mayor ambassador ' +
    'general gen captain capt chief the'
  ).split(' '),
);

/** Words too common in claims to say what a number measures (reporting verbs, time and hedging words). */
const NON_RELATION: ReadonlySet<string> = new Set(
  (
    'told added claimed announced warned stated according reported reportedly allegedly estimated about ' +
    'around nearly almost roughly some least than year years month months week weeks day days last next ' +
    'per cent percent percentage point points million billion thousand trillion bn m k dollar dollar pound ' +
    'euro yen new total'
  ).split(' '),
);

/**
 * A date right after a reporting verb ("said on Monday", "told reporters on Tuesday") dates the statement,
 * not the claim: two articles quoting the same fact on different days must not conflict over it.
 */
const REPORTING_BEFORE =
  /\b(?:said|says|told|tells|added|announced|stated|confirmed|reported|wrote|insisted|warned)\s+(?:[\p{L}'’]+\s+){0,2}$/iu;

/** Words either side of a number or date that count as what it measures; four reach "cut 400 jobs at". */
const RELATION_WINDOW = 4;
/** Relation words kept per quantity: enough to tell "jobs" from "stores", few enough to keep items small. */
const MAX_RELATION_WORDS = 6;
/** Entity keys per claim: a claim naming more is a list, whose later names rarely carry the figure. */
const MAX_ENTITY_KEYS = 8;

/**
 * A crude English stem (Porter-style suffix stripping, abridged): "jobs" and "job", "cuts" and "cut" meet;
 * enough for matching relation words, not a lemmatiser.
 */
function stem(word: string): string {
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && /(?:ss|us)$/.test(word)) return word;
  if (word.length > 3 && word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Lower case, accents folded, apostrophes and punctuation to single hyphens. */
function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * Normalised keys of an entity, from its article-level canonical name without titles or possessive
 * ("Ms Patel's" → "patel"); for a person named with two or more words, the surname as well ("Ahmed
 * al-Sharaa" → "ahmed-al-sharaa", "sharaa"), so that an article that only says "al-Sharaa" or "Sharaa"
 * meets one that names him in full; the same for any name that opens with a particle. Empty for names that
 * are only titles.
 */
export function entityKeys(entity: Entity): string[] {
  const words = slug(entity.canonical)
    .split('-')
    .filter((w) => w !== '');
  while (words.length > 0 && TITLES.has(words[0] ?? '')) words.shift();
  if (words.length === 0) return [];
  const keys = [words.join('-')];
  const surname = words[words.length - 1];
  // "al-Sharaa" alone, whatever the tagger typed it, meets "Ahmed al-Sharaa" on "sharaa".
  const particleName = words.length >= 2 && NAME_PARTICLES.has(words[0] ?? '');
  if (
    (entity.type === 'person' || particleName) &&
    words.length >= 2 &&
    surname !== undefined &&
    surname.length > 2
  )
    keys.push(surname);
  return keys.filter((k) => k.length >= 2);
}

/** Words of a text with their offsets. */
function wordsOf(text: string): { readonly word: string; readonly start: number; readonly end: number }[] {
  return [...text.matchAll(/[\p{L}\p{N}'’-]+/gu)].map((m) => ({
    word: m[0],
    start: m.index ?? 0,
    end: (m.index ?? 0) + m[0].length,
  }));
}

/**
 * What a number or date at [start, end) of `text` measures: stemmed content words within RELATION_WINDOW
 * words on either side, nearest first, leaving out stopwords, numbers, entity words and reporting words.
 */
export function relationWords(
  text: string,
  start: number,
  end: number,
  entityWords: ReadonlySet<string>,
): string[] {
  const words = wordsOf(text);
  const before = words
    .filter((w) => w.end <= start)
    .slice(-RELATION_WINDOW)
    .reverse();
  const after = words.filter((w) => w.start >= end).slice(0, RELATION_WINDOW);
  const out: string[] = [];
  for (let i = 0; i < RELATION_WINDOW; i++) {
    for (const w of [after[i], before[i]]) {
      if (w === undefined) continue;
      const lower = w.word.toLowerCase().replace(/['’]s?$/u, '');
      if (lower.length < 3 || /\d/.test(lower) || STOPWORDS.has(lower) || NON_RELATION.has(lower)) continue;
      if (entityWords.has(lower)) continue;
      const s = stem(lower);
      if (!out.includes(s)) out.push(s);
    }
  }
  return out.slice(0, MAX_RELATION_WORDS);
}

/** The unit a quantity compares under: currency amounts only with the same currency. */
export function quantityUnit(n: NumberMention): string {
  return n.unit === 'currency' ? `currency:${n.currency ?? 'unknown'}` : n.unit;
}

/** Where a mention sits in a claim's text (first occurrence at or after `from`). */
function locate(text: string, mention: string, from: number): { start: number; end: number } | undefined {
  const start = text.indexOf(mention, from);
  return start < 0 ? undefined : { start, end: start + mention.length };
}

/**
 * The claims index records of an article's claims: normalised entity keys, and for each number and each
 * resolved date its unit and relation words. Claims without an entity key, or without a number or a
 * resolved date, cannot be related and are left out.
 */
export function toIndexedClaims(article: CorpusEntry, claims: readonly Claim[]): IndexedClaim[] {
  const out: IndexedClaim[] = [];
  claims.forEach((claim, claimIndex) => {
    const entities = [...new Set(claim.entities.flatMap(entityKeys))].slice(0, MAX_ENTITY_KEYS);
    if (entities.length === 0) return;
    const entityWords = new Set(claim.entities.flatMap((e) => slug(e.text).split('-')));
    const quantities: IndexedQuantity[] = [];
    let from = 0;
    for (const n of claim.numbers) {
      const at = locate(claim.text, n.text, from);
      if (at === undefined) continue;
      from = at.end;
      quantities.push({
        value: n.value,
        unit: quantityUnit(n),
        text: n.text,
        relation: relationWords(claim.text, at.start, at.end, entityWords),
      });
    }
    const dates: IndexedDate[] = [];
    from = 0;
    for (const d of claim.dates) {
      const at = locate(claim.text, d.text, from);
      if (at === undefined || d.value === undefined) continue;
      from = at.end;
      if (REPORTING_BEFORE.test(claim.text.slice(0, at.start))) continue;
      dates.push({
        value: d.value,
        text: d.text,
        relation: relationWords(claim.text, at.start, at.end, entityWords),
      });
    }
    if (quantities.length === 0 && dates.length === 0) return;
    out.push({
      articleId: article.id,
      uploadedAt: article.uploadedAt,
      claimIndex,
      text: claim.text,
      entities,
      quantities,
      dates,
    });
  });
  return out;
}

/** The claims-index keys a claim is recorded under (and found by): its normalised entity keys. */
export function indexKeysOf(claim: IndexedClaim): readonly string[] {
  return claim.entities;
}
