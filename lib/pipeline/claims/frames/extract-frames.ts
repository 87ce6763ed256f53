import type { ClaimFrame } from '../../types';
import { CHANGE_VERBS, FUNCTION_WORDS, GENERIC_NOUNS, GENERIC_VERBS, keyOf, LEVEL_VERBS } from './lexicon';
import {
  type Clause,
  firstRun,
  headOf,
  type Measure,
  nounRunAfter,
  phraseBefore,
  verbAfter,
  verbBefore,
} from './phrases';
import {
  type FrameInput,
  isContent,
  isWord,
  MAX_FRAMES,
  PERIOD_STARTS,
  PREPOSITIONS,
  partOf,
  readSentence,
  type Sentence,
} from './sentence';
import { subjectOf } from './subject';
import { isCapitalised } from './tokens';
import { type NumberReading, readNumber } from './values';

export type { FrameInput } from './sentence';

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

/** What a date measures: the verb before it ("opened on 3 June", "was elected mayor of X in 2021"). */
function measureOfDate(s: Sentence, first: number): Clause | undefined {
  const verb = verbBefore(s, first);
  if (verb === undefined) return undefined;
  const key = keyOf(s.tokens[verb]?.lower ?? '');
  return isPlainVerb(key) ? undefined : { measure: { key, words: [verb] }, verb };
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
    // A name whose type the tagger got wrong still has an age when the sentence ends on it ("Arne Solheim is 58.").
    (personAt(r.first - 2) || relative || (named(r.first - 2) && s.tokens[r.end]?.text === '.')) &&
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
