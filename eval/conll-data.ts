/**
 * Loading CoNLL-2003 English NER (Tjong Kim Sang & De Meulder 2003; Reuters newswire, IOB2 tags) for the
 * entity tagger: shared by eval/train-entities.ts and eval/entities.ts. Each document becomes one text, its
 * sentences joined by newlines and their tokens by single spaces, with the gold entities as character spans.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const CONLL_DIR = resolve(import.meta.dirname, '../../shared/data/conll2003');
export const CONLL_TRAIN = resolve(CONLL_DIR, 'train.txt');
export const CONLL_DEV = resolve(CONLL_DIR, 'valid.txt');

export type GoldSpan = { readonly start: number; readonly end: number; readonly type: string };

export type ConllDocument = {
  readonly text: string;
  /** Character ranges of the sentences in `text`. */
  readonly sentences: readonly { readonly start: number; readonly end: number }[];
  /** Gold entities per sentence, character offsets into `text`. */
  readonly gold: readonly (readonly GoldSpan[])[];
};

/** Whether the CoNLL files are present (the evaluation skips cleanly when they are not). */
export function hasConll(): boolean {
  return existsSync(CONLL_TRAIN) && existsSync(CONLL_DEV);
}

/** Gold spans of one sentence's tags (IOB2; an I- without its B- opens an entity as in IOB1). */
function spansOf(
  tags: readonly string[],
  offsets: readonly number[],
  lengths: readonly number[],
): GoldSpan[] {
  const spans: GoldSpan[] = [];
  let open: { start: number; type: string; last: number } | undefined;
  const close = () => {
    if (open)
      spans.push({
        start: offsets[open.start] ?? 0,
        end: (offsets[open.last] ?? 0) + (lengths[open.last] ?? 0),
        type: open.type,
      });
    open = undefined;
  };
  tags.forEach((tag, i) => {
    const [bio, type] = tag.split('-');
    if (bio === 'O' || type === undefined) {
      close();
      return;
    }
    if (bio === 'B' || open?.type !== type) {
      close();
      open = { start: i, type, last: i };
    } else open.last = i;
  });
  close();
  return spans;
}

/** Reads a CoNLL-2003 file into documents (split at -DOCSTART-). */
export function readConll(path: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let sentences: { words: string[]; tags: string[] }[] = [];
  let current: { words: string[]; tags: string[] } = { words: [], tags: [] };
  const flushSentence = () => {
    if (current.words.length > 0) sentences.push(current);
    current = { words: [], tags: [] };
  };
  const flushDoc = () => {
    flushSentence();
    if (sentences.length === 0) return;
    let text = '';
    const ranges: { start: number; end: number }[] = [];
    const gold: GoldSpan[][] = [];
    for (const s of sentences) {
      if (text !== '') text += '\n';
      const start = text.length;
      const offsets: number[] = [];
      s.words.forEach((w, i) => {
        if (i > 0) text += ' ';
        offsets.push(text.length);
        text += w;
      });
      ranges.push({ start, end: text.length });
      gold.push(
        spansOf(
          s.tags,
          offsets,
          s.words.map((w) => w.length),
        ),
      );
    }
    docs.push({ text, sentences: ranges, gold });
    sentences = [];
  };
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const cols = line.trim().split(' ');
    if (cols[0] === '-DOCSTART-') flushDoc();
    else if (line.trim() === '') flushSentence();
    else {
      current.words.push(cols[0] ?? '');
      current.tags.push(cols[cols.length - 1] ?? 'O');
    }
  }
  flushDoc();
  return docs;
}

export type SpanCounts = { tp: number; fp: number; fn: number };
export type SpanScores = { readonly precision: number; readonly recall: number; readonly f1: number };

/** Precision, recall and F1 of counts (0 where undefined). */
export function scoresOf(c: SpanCounts): SpanScores {
  const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

/** Exact-span counts, typed (overall and per type) and untyped, accumulated over sentences. */
export class SpanScorer {
  readonly typed: SpanCounts = { tp: 0, fp: 0, fn: 0 };
  readonly untyped: SpanCounts = { tp: 0, fp: 0, fn: 0 };
  readonly perType = new Map<string, SpanCounts>();

  #type(t: string): SpanCounts {
    let c = this.perType.get(t);
    if (c === undefined) {
      c = { tp: 0, fp: 0, fn: 0 };
      this.perType.set(t, c);
    }
    return c;
  }

  /** Adds one sentence's predicted and gold spans. */
  add(predicted: readonly GoldSpan[], gold: readonly GoldSpan[]): void {
    const key = (s: GoldSpan) => `${s.start}:${s.end}`;
    const goldTyped = new Set(gold.map((s) => `${key(s)}:${s.type}`));
    const goldSpans = new Set(gold.map(key));
    const predTyped = new Set(predicted.map((s) => `${key(s)}:${s.type}`));
    const predSpans = new Set(predicted.map(key));
    for (const s of predicted) {
      const hit = goldTyped.has(`${key(s)}:${s.type}`);
      this.typed[hit ? 'tp' : 'fp']++;
      this.#type(s.type)[hit ? 'tp' : 'fp']++;
    }
    for (const s of gold) {
      if (!predTyped.has(`${key(s)}:${s.type}`)) {
        this.typed.fn++;
        this.#type(s.type).fn++;
      }
    }
    for (const k of predSpans) this.untyped[goldSpans.has(k) ? 'tp' : 'fp']++;
    for (const k of goldSpans) if (!predSpans.has(k)) this.untyped.fn++;
  }
}
