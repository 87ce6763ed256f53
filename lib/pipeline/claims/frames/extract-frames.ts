import type { ClaimFrame, Entity } from '../../types';
import {
  AUXILIARIES,
  CHANGE_VERBS,
  FUNCTION_WORDS,
  GENERIC_HEADS,
  GENERIC_NOUNS,
  GENERIC_VERBS,
  isVerbForm,
  keyOf,
  LEVEL_VERBS,
  REPORTING_VERBS,
} from './lexicon';
import {
  type FrameInput,
  isContent,
  isWord,
  MAX_FRAMES,
  MAX_NOUN_WORDS,
  MAX_SUBJECTS,
  PARTICLES,
  PERIOD_STARTS,
  PREPOSITIONS,
  partOf,
  readSentence,
  SEGMENT_MARKS,
  type Sentence,
  TIME_NOUNS,
  WINDOW,
} from './sentence';
import { entityKeys, fullNameOf, slug } from './subject-keys';
import { isCapitalised, type Token } from './tokens';
import { type NumberReading, readNumber } from './values';

export type { FrameInput } from './sentence';

/** The noun run after token `from`: up to MAX_NOUN_WORDS content words, stopping at verbs, names and dates. */
function nounRunAfter(s: Sentence, from: number): number[] {
  const run: number[] = [];
  for (let k = from; k < s.tokens.length && run.length < MAX_NOUN_WORDS; k++) {
    const t = s.tokens[k];
    if (!isContent(t) || s.dateAt[k] !== -1 || s.entityAt[k] !== -1 || s.reported[k]) break;
    if (REPORTING_VERBS.has(t.lower) || (run.length > 0 && isVerbForm(t.lower))) break;
    if (run.length === 0 && isVerbForm(t.lower) && !/s$/.test(t.lower)) break;
    run.push(k);
  }
  return run;
}

/** The head of a noun run, generic heads ("rate" of "unemployment rate") passed over when another word is left. */
function headOf(s: Sentence, run: readonly number[]): number | undefined {
  for (let k = run.length - 1; k >= 0; k--) {
    const i = run[k];
    if (i === undefined) continue;
    if (!GENERIC_HEADS.has(keyOf(s.tokens[i]?.lower ?? '')) || k === 0) return i;
  }
  return undefined;
}

/** The verb after a value in subject position ("Twelve people died", "jobs will go", "voters in X backed"). */
function verbAfter(s: Sentence, from: number): number | undefined {
  for (let k = from; k < Math.min(s.tokens.length, from + WINDOW); k++) {
    const t = s.tokens[k];
    if (t === undefined || s.reported[k] || t.text === ',') return undefined;
    if (!isWord(t)) continue;
    if (AUXILIARIES.has(t.lower)) continue;
    if (isVerbForm(t.lower) && s.entityAt[k] === -1) return k;
    if (AUXILIARIES.has(s.tokens[k - 1]?.lower ?? '') && isContent(t)) return k;
  }
  return undefined;
}

/**
 * The noun phrase before the verb at `verb`: from the clause's start (the sentence, the end of the reported
 * part, or a comma) to the verb, auxiliaries left out.
 */
function phraseBefore(s: Sentence, verb: number): { from: number; to: number } {
  let to = verb;
  while (to > 0 && AUXILIARIES.has(s.tokens[to - 1]?.lower ?? '')) to--;
  let from = to;
  while (from > 0 && to - from < WINDOW) {
    const t = s.tokens[from - 1];
    if (t === undefined || s.reported[from - 1] || SEGMENT_MARKS.has(t.text) || t.lower === 'that') break;
    from--;
  }
  return { from, to };
}

/** A possessive word ("Maresby's", "district’s"). */
const isPossessive = (t: Token): boolean => /['’]s$/u.test(t.text);

/** The words of a possessor in a phrase ("Calder school district" of "The Calder school district's budget"). */
function possessorRun(s: Sentence, from: number, to: number): number[] {
  for (let k = from; k < to; k++) {
    const t = s.tokens[k];
    if (t === undefined || !isPossessive(t)) continue;
    const run = [k];
    while (run.length < MAX_NOUN_WORDS && isContent(s.tokens[(run[0] ?? 0) - 1]) && (run[0] ?? 0) - 1 >= from)
      run.unshift((run[0] ?? 0) - 1);
    return run;
  }
  return [];
}

/** The first content-word run of a phrase that is not part of a name ("Unemployment" of "Unemployment in the port district"). */
function firstRun(s: Sentence, from: number, to: number): number[] {
  const run: number[] = [];
  for (let k = from; k < to; k++) {
    const t = s.tokens[k];
    const content = isContent(t) && s.entityAt[k] === -1 && s.dateAt[k] === -1;
    if (content && isPossessive(t)) {
      // "Maresby's unemployment rate": the possessor is the subject, the run starts after it.
      run.length = 0;
    } else if (content) {
      if (run.length < MAX_NOUN_WORDS) run.push(k);
    } else if (run.length > 0 && (t === undefined || PREPOSITIONS.has(t.lower) || t.kind !== 'word')) break;
  }
  return run;
}

/** Words that make a time noun a period ("first quarter", "past year"), not a place ("harbour quarter"). */
const PERIOD_MODIFIERS = new Set(
  'first second third fourth last final past previous next coming current same whole entire'.split(' '),
);

/** Whether a noun run names a period: a time noun alone or after a period modifier. */
function isPeriod(s: Sentence, run: readonly number[]): boolean {
  const words = run.map((j) => s.tokens[j]?.lower ?? '');
  const head = words[words.length - 1] ?? '';
  if (!TIME_NOUNS.has(head)) return false;
  return words.length === 1 || words.some((w) => PERIOD_MODIFIERS.has(w));
}

/** The run after a preposition in a phrase ("port district" of "in the port district"). */
function prepositionObject(s: Sentence, from: number, to: number): number[] {
  for (let k = from; k < to; k++) {
    const t = s.tokens[k];
    if (t === undefined || !['in', 'at', 'of', 'for', 'across', 'within'].includes(t.lower)) continue;
    const run: number[] = [];
    for (let j = k + 1; j < to && run.length < MAX_NOUN_WORDS; j++) {
      const u = s.tokens[j];
      if (u !== undefined && (u.lower === 'the' || u.lower === 'a' || u.lower === 'its')) continue;
      if (!isContent(u) || s.dateAt[j] !== -1) break;
      run.push(j);
    }
    // "in the first quarter", "over the past year": a period, not what the value is about.
    if (isPeriod(s, run)) continue;
    if (run.length > 0) return run;
  }
  return [];
}

type Measure = { readonly key: string; readonly verb?: string; readonly words: readonly number[] };
type Clause = { readonly measure: Measure; readonly verb: number | undefined };

/** Keys of verbs that say nothing of the measure. */
const isPlainVerb = (key: string): boolean => LEVEL_VERBS.has(key) || GENERIC_VERBS.has(key);

/** What a number measures: a noun before "of", a noun after it, its verb, or the noun phrase before a level verb. */
function measureOfNumber(s: Sentence, reading: NumberReading): Clause | undefined {
  let p = reading.first - 1;
  const prep = s.tokens[p]?.lower;
  if (prep !== undefined && PREPOSITIONS.has(prep)) p--;
  // "a population of about 1.5 million", "at the age of 88", "a profit of £2.3bn".
  // "between the ages of 10 and 17" is a range of ages, not one.
  if (prep === 'of' && s.tokens[p]?.lower === 'ages') return undefined;
  if (prep === 'of' && isContent(s.tokens[p]) && s.entityAt[p] === -1) {
    const key = keyOf(s.tokens[p]?.lower ?? '');
    let v = p - 1;
    while (v >= 0 && FUNCTION_WORDS.has(s.tokens[v]?.lower ?? '')) v--;
    return { measure: { key, words: [p] }, verb: isWord(s.tokens[v]) ? v : undefined };
  }
  let verb: number | undefined;
  const before = s.tokens[p];
  const determiner = before !== undefined && ['a', 'an', 'the'].includes(before.lower);
  if (
    isWord(before) &&
    !determiner &&
    s.entityAt[p] === -1 &&
    !s.reported[p] &&
    !FUNCTION_WORDS.has(before.lower)
  )
    verb = p;
  else if (determiner && isWord(s.tokens[p - 1]) && !FUNCTION_WORDS.has(s.tokens[p - 1]?.lower ?? ''))
    verb = p - 1;
  // A duration after "for" ("has served as mayor for eight years"): the verb, or the word after an auxiliary.
  if (prep === 'for' && reading.unit === 'duration') verb = verbBefore(s, reading.first - 1);
  // A percentage of a group ("40% of voters"): the group is the noun.
  let nounFrom = reading.end;
  if (s.tokens[nounFrom]?.lower === 'of') {
    nounFrom++;
    if (['the', 'a', 'an', 'its', 'their'].includes(s.tokens[nounFrom]?.lower ?? '')) nounFrom++;
  }
  const run = reading.unit === 'age' || reading.unit === 'duration' ? [] : nounRunAfter(s, nounFrom);
  const head = headOf(s, run);
  if (verb === undefined) verb = verbAfter(s, run.length > 0 ? (run[run.length - 1] ?? 0) + 1 : nounFrom);
  const verbKey = verb === undefined ? undefined : keyOf(s.tokens[verb]?.lower ?? '');
  const change =
    verbKey !== undefined &&
    CHANGE_VERBS.has(verbKey) &&
    prep !== 'to' &&
    prep !== 'at' &&
    verb !== undefined &&
    verb < reading.first;
  const suffix = change ? ':change' : '';
  const nounKey = head === undefined ? undefined : keyOf(s.tokens[head]?.lower ?? '');
  const verbWords = verb === undefined ? [] : [verb];
  if (nounKey !== undefined && !GENERIC_NOUNS.has(nounKey)) {
    const plain = verbKey === undefined || isPlainVerb(verbKey) || verbKey === nounKey;
    return {
      measure: {
        key: nounKey + suffix,
        ...(plain ? {} : { verb: verbKey }),
        words: [...verbWords, ...(head === undefined ? [] : [head])],
      },
      verb,
    };
  }
  if (verbKey !== undefined && !isPlainVerb(verbKey))
    return { measure: { key: verbKey + suffix, words: verbWords }, verb };
  // A level verb or a copula: the measure is the noun phrase before it ("Unemployment in X fell to 5.1%").
  if (verb === undefined || verb > reading.first) return undefined;
  const phrase = phraseBefore(s, verb);
  const np = firstRun(s, phrase.from, phrase.to);
  const npHead = headOf(s, np);
  if (npHead === undefined) return undefined;
  return {
    measure: { key: keyOf(s.tokens[npHead]?.lower ?? '') + suffix, words: [npHead, ...verbWords] },
    verb,
  };
}

/** The nearest verb before token `at` within the clause: a past form, or a word right after an auxiliary. */
function verbBefore(s: Sentence, at: number): number | undefined {
  for (let k = at - 1; k >= Math.max(0, at - WINDOW); k--) {
    const t = s.tokens[k];
    if (t === undefined || s.reported[k] || SEGMENT_MARKS.has(t.text)) return undefined;
    if (!isWord(t) || s.entityAt[k] !== -1 || PARTICLES.has(t.lower) || AUXILIARIES.has(t.lower)) continue;
    if (isVerbForm(t.lower) || (isContent(t) && AUXILIARIES.has(s.tokens[k - 1]?.lower ?? ''))) return k;
  }
  return undefined;
}

/** What a date measures: the verb before it ("opened on 3 June", "was elected mayor of X in 2021"). */
function measureOfDate(s: Sentence, first: number): Clause | undefined {
  const verb = verbBefore(s, first);
  if (verb === undefined) return undefined;
  const key = keyOf(s.tokens[verb]?.lower ?? '');
  return isPlainVerb(key) ? undefined : { measure: { key, words: [verb] }, verb };
}

/** The entity at token k if it may be a subject: tagged, outside values and dates, with a key. */
function entityAt(s: Sentence, k: number): Entity | undefined {
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

/** The subject: entities of the main clause, else the speaker, else a noun phrase around the verb. */
function subjectOf(
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
      keys: [...new Set(entities.flatMap(entityKeys))],
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
  const key = run.map((k) => keyOf(s.tokens[k]?.lower ?? '')).join('-');
  const part = partOf(s, firstWord, lastWord + 1, offset);
  return { ...part, keys: [slug(key)], fullNames: [], kind: 'noun' };
}

/** The date a number is for: the nearest one in its comma-delimited segment, or a short opening one ("In 2025, …"). */
function timeOf(s: Sentence, reading: NumberReading, offset: number): ClaimFrame['time'] {
  const seg = s.segment[reading.first];
  let best: { index: number; distance: number } | undefined;
  s.dates.forEach((d, index) => {
    const at = s.dateAt.indexOf(index);
    if (at < 0 || s.reported[at] || d.mention.value === undefined) return;
    if (PERIOD_STARTS.has(s.tokens[at - 1]?.lower ?? '')) return;
    const sameSegment = s.segment[at] === seg;
    const opening = s.segment[at] === 0 && seg !== 0 && s.tokens.findIndex((t) => t.text === ',') <= 4;
    if (!sameSegment && !opening) return;
    const distance = Math.abs(at - reading.first) + (sameSegment ? 0 : 1000);
    if (best === undefined || distance < best.distance) best = { index, distance };
  });
  const date = best === undefined ? undefined : s.dates[best.index];
  if (date?.mention.value === undefined) return undefined;
  return {
    text: date.mention.text,
    start: offset + date.start,
    end: offset + date.end,
    value: date.mention.granularity === 'week' ? `${date.mention.value}/week` : date.mention.value,
  };
}

/** The measure part: the words that name it, as written, spanning from the first to the last. */
function measurePart(s: Sentence, measure: Measure, offset: number): ClaimFrame['measure'] {
  const words = [...new Set(measure.words)].sort((a, b) => a - b);
  const text = words.map((k) => s.tokens[k]?.text ?? '').join(' ');
  const first = s.tokens[words[0] ?? 0];
  const last = s.tokens[words[words.length - 1] ?? 0];
  return {
    text,
    start: offset + (first?.start ?? 0),
    end: offset + (last?.end ?? 0),
    key: measure.key,
    ...(measure.verb === undefined ? {} : { verb: measure.verb }),
  };
}

/** Numbers of the main clause, left to right, ages written as "Name, 54," or "Name is 54." recognised. */
function readNumbers(s: Sentence): NumberReading[] {
  const taken = s.dateAt.map((d) => d >= 0);
  const out: NumberReading[] = [];
  for (let i = 0; i < s.tokens.length && out.length < MAX_FRAMES; i++) {
    if (s.reported[i] || isInName(s, i)) continue;
    const reading = readNumber(s.tokens, i, taken);
    if (reading === undefined) continue;
    out.push(ageOf(s, reading) ?? reading);
    for (let k = reading.numberFirst; k < reading.end; k++) s.inValue[k] = true;
    i = reading.end - 1;
  }
  return out;
}

/** Whether token i is part of a longer name ("FTSE 100", "Boeing 737"): a number there is no value. */
function isInName(s: Sentence, i: number): boolean {
  const token = s.tokens[i];
  const before = s.tokens[i - 1];
  // "Chapter 11", "Airbus 380": a capitalised word right before a number, inside the sentence, names it.
  if (
    token?.kind === 'number' &&
    before !== undefined &&
    i > 1 &&
    before.kind === 'word' &&
    isCapitalised(before)
  )
    return s.dateAt[i - 1] === -1;
  const entity = s.entities[s.entityAt[i] ?? -1];
  if (entity === undefined || token === undefined) return false;
  return entity.start < token.start || entity.end > token.end;
}

/** A bare count that is a person's age: "Ruiz, 54, has…" or "Brandt is 61." */
function ageOf(s: Sentence, r: NumberReading): NumberReading | undefined {
  if (r.unit !== 'count' || r.qualifier !== undefined || r.end - r.first !== 1) return undefined;
  const personAt = (k: number) => s.entities[s.entityAt[k] ?? -1]?.type === 'person';
  // "Brandt, 61, joined": whatever type the tagger gave the name, an apposed bare number is an age.
  const named = (k: number) => (s.entityAt[k] ?? -1) >= 0;
  const apposition =
    s.tokens[r.first - 1]?.text === ',' && named(r.first - 2) && s.tokens[r.end]?.text === ',';
  // "Brandt is 61.", "Judge Harriet Vale, who is 72, retired".
  const relative =
    s.tokens[r.first - 2]?.lower === 'who' && s.tokens[r.first - 3]?.text === ',' && named(r.first - 4);
  const copula =
    (s.tokens[r.first - 1]?.lower === 'is' || s.tokens[r.first - 1]?.lower === 'was') &&
    (personAt(r.first - 2) || relative) &&
    (s.tokens[r.end] === undefined || s.tokens[r.end]?.kind === 'mark');
  return apposition || copula ? { ...r, unit: 'age' } : undefined;
}

/**
 * The frames of a claim sentence: for each number and each date of an event the subject
 * it is about, the measure it quantifies, the value with unit, precision and qualifier, and the period it is
 * for. Values inside the attribution ("…, officials said on Monday") are left out. Linear in the sentence:
 * tokens are scanned once and each value looks at a bounded window around it.
 */
export function extractFrames(input: FrameInput): ClaimFrame[] {
  const s = readSentence(input);
  const frames: ClaimFrame[] = [];
  const numbers = readNumbers(s);
  for (const reading of numbers) {
    const clause =
      reading.unit === 'age'
        ? ({ measure: { key: 'age', words: [] }, verb: undefined } satisfies Clause)
        : measureOfNumber(s, reading);
    if (clause === undefined) continue;
    const unit = clause.measure.key === 'age' && reading.unit === 'count' ? 'age' : reading.unit;
    const measure = unit === 'age' ? { key: 'age', words: clause.measure.words } : clause.measure;
    const subject = subjectOf(s, { ...clause, measure }, reading, input.offset);
    if (subject === undefined) continue;
    const time = unit === 'age' ? undefined : timeOf(s, reading, input.offset);
    const value = partOf(s, reading.first, reading.end, input.offset);
    frames.push({
      subject,
      measure:
        measure.words.length > 0
          ? measurePart(s, measure, input.offset)
          : { ...value, text: unit, key: measure.key },
      value: {
        ...value,
        kind: 'number',
        unit,
        amount: reading.amount,
        precision: reading.precision,
        ...(reading.qualifier === undefined ? {} : { qualifier: reading.qualifier }),
      },
      ...(time === undefined ? {} : { time }),
    });
  }
  // Dates of events: in a claim with numbers, only those in a clause of their own ("The museum, which was
  // founded in 1887, has 40 rooms"); the others are the periods the numbers are for.
  const numberSegments = new Set(numbers.map((n) => s.segment[n.first]));
  s.dates.forEach((d, index) => {
    const at = s.dateAt.indexOf(index);
    if (at < 0 || s.reported[at] || d.mention.value === undefined || frames.length >= MAX_FRAMES) return;
    if (numberSegments.has(s.segment[at])) return;
    // "since October", "until 2027": a period's edge, not the date of the event.
    if (PERIOD_STARTS.has(d.mention.text.split(/\s/u)[0]?.toLowerCase() ?? '')) return;
    if (PERIOD_STARTS.has(s.tokens[at - 1]?.lower ?? '')) return;
    const clause = measureOfDate(s, at);
    if (clause === undefined) return;
    let end = at;
    while (s.dateAt[end] === index) end++;
    const subject = subjectOf(s, clause, { first: at, end }, input.offset);
    if (subject === undefined) return;
    frames.push({
      subject,
      measure: measurePart(s, clause.measure, input.offset),
      value: {
        text: d.mention.text,
        start: input.offset + d.start,
        end: input.offset + d.end,
        kind: 'date',
        unit: 'date',
        date: d.mention.granularity === 'week' ? `${d.mention.value}/week` : d.mention.value,
      },
    });
  });
  return frames;
}
