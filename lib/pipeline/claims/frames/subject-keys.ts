import type { Entity } from '../../types';
import { NAME_PARTICLES } from '../mentions/ner/lexicon';

/** Titles dropped from an entity key, so that "Ms Patel" and "Priya Patel" share the key "patel". */
const TITLES: ReadonlySet<string> = new Set(
  (
    'mr mrs ms miss dr prof professor sir dame lord lady president minister secretary chancellor senator sen ' +
    'rep governor gov judge justice king queen prince princess pope chairman chairwoman mayor ambassador ' +
    'general gen captain capt chief the councillor'
  ).split(' '),
);

/** Lower case, accents folded, apostrophes and punctuation to single hyphens. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** The words of an entity's canonical name without leading titles ("Mayor Ana Ruiz" → ana, ruiz). */
function nameWords(entity: Entity): string[] {
  const words = slug(entity.canonical)
    .split('-')
    .filter((w) => w !== '');
  while (words.length > 0 && TITLES.has(words[0] ?? '')) words.shift();
  return words;
}

/**
 * Normalised keys of an entity, from its article-level canonical name without titles or possessive
 * ("Ms Patel's" → "patel"); for a person named with two or more words, the surname as well ("Ahmed
 * al-Sharaa" → "ahmed-al-sharaa", "sharaa"), so that an article that only says "al-Sharaa" or "Sharaa"
 * meets one that names him in full; the same for any name that opens with a particle. Empty for names that
 * are only titles.
 */
export function entityKeys(entity: Entity): string[] {
  const words = nameWords(entity);
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

/**
 * The full name of a person named with first name and surname ("ana-ruiz"), or undefined: two subjects that
 * both carry full names are one person only if a full name is shared, so "Ana Ruiz" never meets "Marco Ruiz"
 * through "ruiz", while a bare "Ruiz" still meets either.
 */
export function fullNameOf(entity: Entity): string | undefined {
  if (entity.type !== 'person') return undefined;
  const words = nameWords(entity);
  return words.length >= 2 && !NAME_PARTICLES.has(words[0] ?? '') ? words.join('-') : undefined;
}
