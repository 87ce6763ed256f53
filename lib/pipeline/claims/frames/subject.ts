import type { ClaimFrame, Entity } from '../../types';
import { isVerbForm, keyOf } from './lexicon';
import { type Clause, firstRun, phraseBefore, possessorRun, prepositionObject } from './phrases';
import { isContent, MAX_NOUN_WORDS, MAX_SUBJECTS, partOf, type Sentence, WINDOW } from './sentence';
import { entityKeys, fullNameOf, slug } from './subject-keys';
import { isCapitalised } from './tokens';

/**
 * What a value is about: one named entity of its clause (or the speaker), or else a common-noun phrase;
 * with the other names of the clause, through which a subject an article failed to tag can still meet it.
 */

/** The entity at token k if it may be a subject: tagged, outside values and dates, with a key. */
export function entityAt(s: Sentence, k: number): Entity | undefined {
  const e = s.entityAt[k] ?? -1;
  if (e < 0 || s.inValue[k] || s.dateAt[k] !== -1) return undefined;
  const entity = s.entities[e];
  return entity !== undefined && entityKeys(entity).length > 0 ? entity : undefined;
}

/** Tokens either side of an age where its person is looked for: "Judge Harriet Vale, who is 72". */
const AGE_REACH = 6;

const PRONOUNS = new Set('it its they their them he his she her this these those'.split(' '));
const BACK_REFERENCES = new Set('company firm group business'.split(' '));

/** Whether the subject phrase only refers back: a pronoun, or "the company" with no name in the phrase. */
function refersBack(s: Sentence, from: number, to: number): boolean {
  let named = false;
  let back = false;
  for (let k = from; k < to; k++) {
    const t = s.tokens[k];
    if (t === undefined || s.reported[k]) continue;
    if (s.entityAt[k] !== -1) named = true;
    if (PRONOUNS.has(t.lower)) back = true;
    if (BACK_REFERENCES.has(t.lower) && ['the', 'this'].includes(s.tokens[k - 1]?.lower ?? '')) back = true;
  }
  return back && !named;
}

/**
 * A name used as a modifier stands for the noun it modifies: "The US firm agreed to pay" is about a US
 * firm, not the US, and "the Calder school district" about the district. The noun words (up to the verb
 * or a preposition) join the name, so that another US firm does not become the same subject.
 */
function withModifiedNoun(s: Sentence, entity: Entity, at: number, to: number): Entity {
  let last = at;
  while (last + 1 < to && s.entityAt[last + 1] === s.entityAt[at]) last++;
  const nameToken = s.tokens[last];
  if (nameToken === undefined || /['’]s$/u.test(nameToken.text)) return entity;
  const nouns: number[] = [];
  for (let k = last + 1; k < to && nouns.length < MAX_NOUN_WORDS; k++) {
    const t = s.tokens[k];
    if (!isContent(t) || s.entityAt[k] !== -1 || isVerbForm(t.lower) || isCapitalised(t)) break;
    nouns.push(k);
  }
  const lastNoun = nouns[nouns.length - 1];
  if (lastNoun === undefined) return entity;
  const end = s.tokens[lastNoun]?.end ?? entity.end;
  const words = nouns.map((k) => s.tokens[k]?.text ?? '').join(' ');
  return {
    ...entity,
    text: s.text.slice(entity.start, end),
    end,
    type: 'other',
    canonical: `${entity.canonical} ${words}`,
  };
}

/** An age's person: the nearest name either side ("Brandt, 61,", "The 47-year-old driver, Piet Ansel,"). */
function ageSubject(s: Sentence, at: number): { entity: Entity; kind: 'entity' } | undefined {
  for (let d = 1; d <= AGE_REACH; d++) {
    for (const k of [at - d, at + d]) {
      const entity = k < 0 || s.reported[k] ? undefined : entityAt(s, k);
      if (entity !== undefined) return { entity, kind: 'entity' };
    }
  }
  return undefined;
}

/**
 * The one entity a value is about: the first named in the phrase before its verb ("Unemployment in
 * Maresby fell", "Fiat's shares on the Milan exchange rose"), else the first after the value in its clause
 * ("Twelve people died in the floods in Merrow"), else the speaker; 'unknown' when the sentence names
 * someone else elsewhere, whom it would be a guess to take.
 * One entity, not every name in the sentence: "GMT" or "US" beside the figure must not make claims comparable.
 */
function subjectEntity(
  s: Sentence,
  clause: Clause,
  value: { first: number; end: number },
): { entity: Entity; kind: 'entity' | 'speaker' } | 'unknown' | undefined {
  if (clause.measure.key === 'age') return ageSubject(s, value.first);
  const anchor = clause.verb !== undefined && clause.verb < value.first ? clause.verb : value.first;
  const phrase = phraseBefore(s, anchor);
  // "Its shares fell 3% in London", "The company emerged from bankruptcy": the subject is in another
  // sentence (or is the speaker), and a name later in this one ("London") is not it. Better no frame than
  // a wrong subject.
  const back = refersBack(s, phrase.from, phrase.to);
  for (let k = phrase.from; k < phrase.to && !back; k++) {
    const entity = s.reported[k] ? undefined : entityAt(s, k);
    if (entity !== undefined) return { entity: withModifiedNoun(s, entity, k, phrase.to), kind: 'entity' };
  }
  // A name after the value is its subject only where the phrase before the verb did not state the measure
  // ("Twelve people died in Merrow", "Police arrested 23 people in Kilbarrow"), never after a level verb
  // whose subject is elided ("Shares fell 1% to 510 pence in London").
  const segment = s.segment[value.first];
  const level = clause.measure.words.some((w) => w >= phrase.from && w < phrase.to);
  for (let k = value.end; k < s.tokens.length && s.segment[k] === segment && !back && !level; k++) {
    const entity = s.reported[k] ? undefined : entityAt(s, k);
    if (entity !== undefined) return { entity, kind: 'entity' };
  }
  // Between the verb and the value ("was elected mayor of Brintley in 2021").
  for (let k = value.first - 1; k > anchor && !back; k--) {
    const entity = s.reported[k] ? undefined : entityAt(s, k);
    if (entity !== undefined) return { entity, kind: 'entity' };
  }
  // A relative clause is about the name before it ("The Askel Museum, which was founded in 1887, …").
  const relative = s.tokens[phrase.from]?.lower ?? '';
  if ((relative === 'which' || relative === 'who') && s.tokens[phrase.from - 1]?.text === ',') {
    for (let k = phrase.from - 2; k >= 0 && k > phrase.from - 2 - WINDOW && s.tokens[k]?.text !== ','; k--) {
      const entity = s.reported[k] ? undefined : entityAt(s, k);
      if (entity !== undefined) return { entity, kind: 'entity' };
    }
  }
  let speaker: Entity | undefined;
  s.tokens.forEach((_t, k) => {
    const entity = s.reported[k] ? entityAt(s, k) : undefined;
    speaker ??= entity;
  });
  // "Sharaa said his government would release…": a pronoun refers back to the speaker, if there is one;
  // a name elsewhere in the sentence is not taken for the subject.
  if (speaker !== undefined) return { entity: speaker, kind: 'speaker' };
  return back || s.entityAt.some((e, k) => e >= 0 && !s.reported[k]) ? 'unknown' : undefined;
}

/** Keys of the other names in the main clause segment of the value at `at`, the subject's own left out. */
function otherNames(s: Sentence, at: number, subject: Entity): string[] {
  const own = new Set(entityKeys(subject));
  const keys = new Set<string>();
  s.tokens.forEach((_t, k) => {
    if (s.reported[k] || s.segment[k] !== s.segment[at]) return;
    const entity = entityAt(s, k);
    if (entity === undefined || entity === subject) return;
    for (const key of entityKeys(entity)) if (!own.has(key)) keys.add(key);
  });
  return [...keys].slice(0, MAX_SUBJECTS);
}

/** Heads of "X of Y" names that are a part of place Y: "the Port of Veloria" is "Veloria's port". */
const PLACE_PARTS = new Set(
  'port city town county province region district island harbour airport'.split(' '),
);

/** The place of a "Port of Veloria" name ("veloria"), so that "Veloria's port" meets it; [] otherwise. */
function placeOf(entity: Entity): string[] {
  const words = slug(entity.canonical).split('-');
  const of = words.indexOf('of');
  const head = words[of - 1];
  const rest = words.slice(of + 1);
  return of > 0 && head !== undefined && PLACE_PARTS.has(head) && rest.length > 0 ? [rest.join('-')] : [];
}

/** The subject: entities of the main clause, else the speaker, else a noun phrase around the verb. */
export function subjectOf(
  s: Sentence,
  clause: Clause,
  value: { first: number; end: number },
  offset: number,
): ClaimFrame['subject'] | undefined {
  const found = subjectEntity(s, clause, value);
  if (found === 'unknown') return undefined;
  const first = found;
  const entities = first === undefined ? [] : [first.entity];
  const kind = first?.kind ?? 'entity';
  if (first !== undefined) {
    const others = otherNames(s, value.first, first.entity);
    return {
      ...(others.length === 0 ? {} : { alsoNamed: others }),
      text: first.entity.text,
      start: offset + first.entity.start,
      end: offset + first.entity.end,
      keys: [...new Set(entities.flatMap((e) => [...entityKeys(e), ...placeOf(e)]))],
      fullNames: [...new Set(entities.flatMap((e) => fullNameOf(e) ?? []))],
      kind,
    };
  }
  const measureWords = new Set(clause.measure.words);
  let run: number[] = [];
  if (clause.verb !== undefined && clause.verb < value.first) {
    const phrase = phraseBefore(s, clause.verb);
    run = possessorRun(s, phrase.from, phrase.to);
    if (run.length === 0) run = prepositionObject(s, phrase.from, phrase.to);
    // The phrase before the verb is the subject unless it named the measure ("The new hospital wing will cost").
    if (run.length === 0 && !clause.measure.words.some((w) => w >= phrase.from && w < phrase.to))
      run = firstRun(s, phrase.from, phrase.to);
  }
  if (run.length === 0) run = prepositionObject(s, value.end, Math.min(s.tokens.length, value.end + WINDOW));
  run = run.filter((k) => !measureWords.has(k));
  const firstWord = run[0];
  const lastWord = run[run.length - 1];
  if (firstWord === undefined || lastWord === undefined) return undefined;
  // A capitalised word is a name the tagger missed: kept as written, so that it meets the tagged name
  // ("Castellane" must not become "castellan").
  const key = run
    .map((k) => {
      const t = s.tokens[k];
      return t === undefined ? '' : isCapitalised(t) ? slug(t.text) : keyOf(t.lower);
    })
    .join('-');
  const part = partOf(s, firstWord, lastWord + 1, offset);
  return { ...part, keys: [slug(key)], fullNames: [], kind: 'noun' };
}
