import { AUXILIARIES, GENERIC_HEADS, isVerbForm, keyOf, REPORTING_VERBS } from './lexicon';
import {
  isContent,
  isWord,
  MAX_NOUN_WORDS,
  PARTICLES,
  PREPOSITIONS,
  SEGMENT_MARKS,
  type Sentence,
  TIME_NOUNS,
  WINDOW,
} from './sentence';
import type { Token } from './tokens';

/**
 * Shallow phrases of a claim sentence, found without a parser: the noun run after a value, the verb before
 * or after it, the phrase before a verb and the objects of its prepositions. Each looks at a bounded
 * window of tokens.
 */

/** The noun run after token `from`: up to MAX_NOUN_WORDS content words, stopping at verbs, names and dates. */
export function nounRunAfter(s: Sentence, from: number): number[] {
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
export function headOf(s: Sentence, run: readonly number[]): number | undefined {
  for (let k = run.length - 1; k >= 0; k--) {
    const i = run[k];
    if (i === undefined) continue;
    if (!GENERIC_HEADS.has(keyOf(s.tokens[i]?.lower ?? '')) || k === 0) return i;
  }
  return undefined;
}

/** The verb after a value in subject position ("Twelve people died", "jobs will go", "voters in X backed"). */
export function verbAfter(s: Sentence, from: number): number | undefined {
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
export function phraseBefore(s: Sentence, verb: number): { from: number; to: number } {
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
export const isPossessive = (t: Token): boolean => /['’]s$/u.test(t.text);

/** The words of a possessor in a phrase ("Calder school district" of "The Calder school district's budget"). */
export function possessorRun(s: Sentence, from: number, to: number): number[] {
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
export function firstRun(s: Sentence, from: number, to: number): number[] {
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
export function isPeriod(s: Sentence, run: readonly number[]): boolean {
  const words = run.map((j) => s.tokens[j]?.lower ?? '');
  const head = words[words.length - 1] ?? '';
  if (!TIME_NOUNS.has(head)) return false;
  return words.length === 1 || words.some((w) => PERIOD_MODIFIERS.has(w));
}

/** The run after a preposition in a phrase ("port district" of "in the port district"). */
export function prepositionObject(s: Sentence, from: number, to: number): number[] {
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

/** The nearest verb before token `at` within the clause: a past form, or a word right after an auxiliary. */
export function verbBefore(s: Sentence, at: number): number | undefined {
  for (let k = at - 1; k >= Math.max(0, at - WINDOW); k--) {
    const t = s.tokens[k];
    if (t === undefined || s.reported[k] || SEGMENT_MARKS.has(t.text)) return undefined;
    if (!isWord(t) || s.entityAt[k] !== -1 || PARTICLES.has(t.lower) || AUXILIARIES.has(t.lower)) continue;
    if (isVerbForm(t.lower) || (isContent(t) && AUXILIARIES.has(s.tokens[k - 1]?.lower ?? ''))) return k;
  }
  return undefined;
}

export type Measure = { readonly key: string; readonly verb?: string; readonly words: readonly number[] };
export type Clause = { readonly measure: Measure; readonly verb: number | undefined };
