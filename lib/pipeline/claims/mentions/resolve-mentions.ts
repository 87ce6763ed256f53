import type { Entity, EntityType } from '../../types';
import { NAME_PARTICLES, TITLE_WORDS } from './ner/lexicon';
import type { NerToken } from './ner/tokens';

/** A tagged mention before resolution. */
export type Mention = {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly type: EntityType;
};

/** A sentence's tokens and its mentions, in document order. */
export type MentionSentence = { readonly tokens: readonly NerToken[]; readonly mentions: readonly Mention[] };

/**
 * Full names kept per surname. Past this many different people sharing a surname, a bare surname is
 * ambiguous anyway; the cap keeps resolution linear on a hostile list of names.
 */
const MAX_NAMES_PER_SURNAME = 8;
/** Words before a role ("Iraqi intelligence director") that may qualify it; more is not a title. */
const MAX_ROLE_MODIFIERS = 3;

/** Honorifics are not roles: "the mr" names nobody. */
const HONORIFICS = new Set(
  'mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. rev rev.'.split(' '),
);
const isRole = (lower: string): boolean => TITLE_WORDS.has(lower) && !HONORIFICS.has(lower);
/** Words that end a role's modifiers when walking back from it. */
const ROLE_STOP = new Set(
  'the a an and or of for to in on at by with as was is his her their its said'.split(' '),
);

const isWord = (w: string): boolean => /^[\p{L}][\p{L}\p{M}'’.-]*$/u.test(w);
const isCapitalised = (w: string): boolean => (w[0] ?? '') !== (w[0] ?? '').toLowerCase();

/** Parts of a name for matching: lower case, accents folded, split at spaces and hyphens, particles dropped. */
export function nameParts(name: string): string[] {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[\s-]+/)
    .map((p) => p.replace(/['’]s$/u, '').replace(/\.$/, ''))
    .filter((p) => p !== '' && !NAME_PARTICLES.has(p));
}

const endsWith = (whole: readonly string[], tail: readonly string[]): boolean =>
  tail.length > 0 &&
  tail.length <= whole.length &&
  tail.every((p, i) => whole[whole.length - tail.length + i] === p);

/**
 * Whether a name may be a shorter form of a fuller one: its last words ("Sharaa", "al-Sharaa"), or its
 * first and last ("Ahmed al-Sharaa" of "Ahmed Hussein al-Sharaa").
 */
const shortens = (whole: readonly string[], part: readonly string[]): boolean =>
  endsWith(whole, part) ||
  (part.length >= 2 && part.length < whole.length && part[0] === whole[0] && endsWith(whole, part.slice(-1)));

/** A person's name of two or more words, and the position of its first mention. */
type FullName = { readonly text: string; readonly parts: readonly string[]; readonly at: number };
type Resolved = { readonly canonical: string; readonly type: EntityType };

/**
 * A mention the tagger did not type as a person that still names one: "al-Sharaa" or "Sharaa" typed as an
 * organisation after "Ahmed al-Sharaa" was named. It must come after the full name and be one word or
 * open with a particle (a place only the latter): a company "Ford" in a story about Gerald Ford is the
 * price of this rule, and rarer than a surname the tagger mistyped.
 */
function mayBePerson(m: Mention, parts: readonly string[]): boolean {
  if (m.type === 'person') return true;
  const first = m.text.toLowerCase().split(/[\s-]/, 1)[0] ?? '';
  const particle = NAME_PARTICLES.has(first) && parts.length > 0;
  // "Later, al-Sharaa met …" tagged a place: only a particle name may move from place to person.
  return m.type === 'place' ? particle : parts.length === 1 || particle;
}

/**
 * Canonical names (and type) of people: the one longest full name that a shorter mention shortens, else
 * the mention itself.
 */
function resolvePeople(mentions: readonly Mention[]): Map<Mention, Resolved> {
  const bySurname = new Map<string, FullName[]>();
  const seen = new Set<string>();
  mentions.forEach((m, at) => {
    const parts = nameParts(m.text);
    const surname = parts[parts.length - 1] ?? '';
    if (m.type !== 'person' || parts.length < 2 || seen.has(parts.join(' '))) return;
    seen.add(parts.join(' '));
    const list = bySurname.get(surname) ?? [];
    if (list.length < MAX_NAMES_PER_SURNAME) list.push({ text: m.text, parts, at });
    bySurname.set(surname, list);
  });
  const resolved = new Map<Mention, Resolved>();
  mentions.forEach((m, at) => {
    const parts = nameParts(m.text);
    if (!mayBePerson(m, parts)) return;
    // A mention the tagger typed otherwise only follows a full name that came before it.
    const candidates = (bySurname.get(parts[parts.length - 1] ?? '') ?? []).filter(
      (f) => shortens(f.parts, parts) && (m.type === 'person' || f.at < at),
    );
    // "Ahmed al-Sharaa" and "Ahmed Hussein al-Sharaa" are one person; "Bashar al-Assad" and "Hafez al-Assad" two.
    const widest = candidates.filter(
      (c) => !candidates.some((d) => d.parts.length > c.parts.length && shortens(d.parts, c.parts)),
    );
    const only = widest.length === 1 ? widest[0] : undefined;
    if (only !== undefined) resolved.set(m, { canonical: only.text, type: 'person' });
  });
  return resolved;
}

/** Initials of a multi-word name ("European Union" → "EU"), or undefined for one word. */
function initialsOf(text: string): string | undefined {
  const words = text.split(/\s+/).filter((w) => isCapitalised(w));
  return words.length >= 2 ? words.map((w) => w[0] ?? '').join('') : undefined;
}

/** Canonical names of acronyms: "EU" → "European Union" when exactly one same-type name has those initials. */
function resolveAcronyms(mentions: readonly Mention[]): Map<Mention, string> {
  const byInitials = new Map<string, Set<string>>();
  for (const m of mentions) {
    const initials = initialsOf(m.text);
    if (initials === undefined) continue;
    const key = `${m.type}:${initials}`;
    const names = byInitials.get(key) ?? new Set<string>();
    if (names.size < MAX_NAMES_PER_SURNAME) names.add(m.text);
    byInitials.set(key, names);
  }
  const canonical = new Map<Mention, string>();
  for (const m of mentions) {
    const acronym = m.text.replace(/\./g, '');
    if (!/^\p{Lu}{2,6}$/u.test(acronym)) continue;
    const names = byInitials.get(`${m.type}:${acronym}`);
    const [only] = names?.size === 1 ? [...names] : [];
    if (only !== undefined) canonical.set(m, only);
  }
  return canonical;
}

/** A role a person is named with: "Syrian President Ahmed al-Sharaa" → head "president", modifiers {syrian}. */
type Role = { readonly head: string; readonly modifiers: ReadonlySet<string>; readonly canonical: string };

/** The role words right before a mention, walking back from the name. */
function roleBefore(tokens: readonly NerToken[], first: number, canonical: string): Role | undefined {
  const head = tokens[first - 1]?.text.toLowerCase() ?? '';
  if (!isRole(head)) return undefined;
  const modifiers = new Set<string>();
  for (let k = first - 2; k >= 0 && first - 2 - k < MAX_ROLE_MODIFIERS; k--) {
    const w = tokens[k]?.text ?? '';
    if (!isWord(w) || ROLE_STOP.has(w.toLowerCase())) break;
    modifiers.add(w.toLowerCase());
  }
  return { head, modifiers, canonical };
}

/** A "the Syrian president" phrase: its modifier and head tokens [from, head]. */
function rolePhraseAt(tokens: readonly NerToken[], the: number): { from: number; head: number } | undefined {
  if ((tokens[the]?.text ?? '').toLowerCase() !== 'the') return undefined;
  for (let h = the + 1; h <= the + 1 + MAX_ROLE_MODIFIERS && h < tokens.length; h++) {
    const w = tokens[h]?.text ?? '';
    if (!isWord(w) || ROLE_STOP.has(w.toLowerCase())) return undefined;
    if (!isRole(w.toLowerCase())) continue;
    const next = tokens[h + 1]?.text ?? '';
    // "the president of …" and "the president Ahmed …" say more than the role alone: leave them.
    if (next.toLowerCase() === 'of' || (isWord(next) && isCapitalised(next))) return undefined;
    return { from: the + 1, head: h };
  }
  return undefined;
}

/**
 * The index of the token that starts at `start`, or undefined. Tokens are in text order and do not overlap,
 * so a binary search finds it without a map built for every sentence.
 */
function tokenStartingAt(tokens: readonly NerToken[], start: number): number | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = tokens[mid]?.start ?? 0;
    if (at === start) return mid;
    if (at < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return undefined;
}

/** Links role phrases to the one person named with that role earlier in the article, if there is exactly one. */
function linkRolePhrases(sentences: readonly MentionSentence[], resolved: readonly Entity[][]): Entity[][] {
  const roles = new Map<string, Role[]>();
  return sentences.map((s, i) => {
    let entities = [...(resolved[i] ?? [])];
    // Tokens inside a person's name: a role phrase there is part of the name, not a reference.
    const inPerson = new Uint8Array(s.tokens.length);
    for (const e of entities) {
      if (e.type !== 'person') continue;
      for (
        let k = tokenStartingAt(s.tokens, e.start) ?? s.tokens.length;
        k < s.tokens.length && (s.tokens[k]?.end ?? 0) <= e.end;
        k++
      )
        inPerson[k] = 1;
    }
    const linked: Entity[] = [];
    const inLinked = new Uint8Array(s.tokens.length);
    for (let t = 0; t < s.tokens.length; t++) {
      const phrase = rolePhraseAt(s.tokens, t);
      if (phrase === undefined || inPerson.subarray(phrase.from, phrase.head + 1).includes(1)) continue;
      const head = (s.tokens[phrase.head]?.text ?? '').toLowerCase();
      const modifiers = s.tokens.slice(phrase.from, phrase.head).map((w) => w.text.toLowerCase());
      const people = new Set(
        (roles.get(head) ?? [])
          .filter((r) => modifiers.every((m) => r.modifiers.has(m)))
          .map((r) => r.canonical),
      );
      const [only] = people.size === 1 ? [...people] : [];
      if (only === undefined) continue;
      const start = s.tokens[phrase.from]?.start ?? 0;
      const end = s.tokens[phrase.head]?.end ?? 0;
      const text = s.tokens
        .slice(phrase.from, phrase.head + 1)
        .map((w) => w.text)
        .join(' ');
      linked.push({ text, start, end, type: 'person', canonical: only });
      inLinked.fill(1, phrase.from, phrase.head + 1);
      t = phrase.head;
    }
    if (linked.length > 0) {
      // A linked phrase replaces what it covers ("Syrian" as a nationality inside "Syrian president").
      entities = [
        ...entities.filter((e) => inLinked[tokenStartingAt(s.tokens, e.start) ?? -1] !== 1),
        ...linked,
      ];
    }
    // Roles named in this sentence count for role phrases after it.
    for (const e of entities) {
      const first = tokenStartingAt(s.tokens, e.start) ?? 0;
      const role = e.type === 'person' && first > 0 ? roleBefore(s.tokens, first, e.canonical) : undefined;
      if (role === undefined) continue;
      const list = roles.get(role.head) ?? [];
      if (list.length < MAX_NAMES_PER_SURNAME) list.push(role);
      roles.set(role.head, list);
    }
    return entities.sort((a, b) => a.start - b.start);
  });
}

/**
 * Resolves the mentions of one article to canonical names: a person's later "Sharaa" or "al-Sharaa" to the
 * longest full name it ends with ("Ahmed al-Sharaa") when exactly one fits, an acronym to the one same-type
 * name with those initials, and "the Syrian president" to the one person named with that role before it.
 * Everything else is its own canonical. Returns the entities per sentence, in document order.
 */
export function resolveMentions(sentences: readonly MentionSentence[]): Entity[][] {
  const all = sentences.flatMap((s) => s.mentions);
  const people = resolvePeople(all);
  const acronyms = resolveAcronyms(all);
  const resolved = sentences.map((s) =>
    s.mentions.map((m): Entity => {
      const acronym = acronyms.get(m);
      return {
        ...m,
        ...(people.get(m) ?? (acronym !== undefined ? { canonical: acronym } : { canonical: m.text })),
      };
    }),
  );
  return linkRolePhrases(sentences, resolved);
}
