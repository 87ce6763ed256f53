/**
 * BBC News Summary (Greene & Cunningham 2006; Kaggle extractive references) for eval/summary.ts and
 * eval/train-summary.ts: loading, sentence labels and the fixed train / held-out split. The texts stay in
 * ../shared/data and are never copied into the repository.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { segmentSentences } from '../lib/pipeline/text/segment';
import type { Sentence } from '../lib/pipeline/types';

/** Where the data set lives, relative to the repository. */
export const BBC_ROOT = resolve(import.meta.dirname, '../../shared/data/bbc-news-summary');

/**
 * Share of articles held out from training, in tenths: 3 → 30 %. Large enough that per-category ROUGE on
 * the held-out split rests on > 100 articles each, small enough to leave ~1,270 articles to learn from.
 */
const HELD_OUT_TENTHS = 3;

export type Split = 'train' | 'held-out';

export type BbcItem = {
  /** "business/001.txt" */
  readonly id: string;
  readonly category: string;
  readonly title: string;
  readonly body: string;
  readonly reference: string;
  /** Number of sentences in the reference: the summary length every system gets. */
  readonly k: number;
  readonly split: Split;
};

/** FNV-1a 32-bit hash: tiny, stable across platforms and Node versions. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The split of an article. It hashes the normalised title, not the file name, because the corpus files some
 * articles twice (byte-identical copies and same-title rewrites): hashing the title keeps every copy on the
 * same side, so a held-out article never has its twin in the training set.
 */
export function splitOf(title: string): Split {
  const key = title.toLowerCase().replace(/\s+/g, ' ').trim();
  return fnv1a(key) % 10 < HELD_OUT_TENTHS ? 'held-out' : 'train';
}

/** Loads every article/reference pair, sorted by category and file; undefined when the data is absent. */
export function loadBbc(): BbcItem[] | undefined {
  if (!existsSync(BBC_ROOT)) return undefined;
  const items: BbcItem[] = [];
  for (const category of readdirSync(join(BBC_ROOT, 'articles')).sort()) {
    for (const file of readdirSync(join(BBC_ROOT, 'articles', category)).sort()) {
      const refPath = join(BBC_ROOT, 'summaries', category, file);
      if (!existsSync(refPath)) continue;
      const raw = readFileSync(join(BBC_ROOT, 'articles', category, file), 'utf8');
      const nl = raw.indexOf('\n');
      const title = (nl < 0 ? raw : raw.slice(0, nl)).trim();
      const body = nl < 0 ? '' : raw.slice(nl + 1).trim();
      const reference = readFileSync(refPath, 'utf8');
      const k = Math.max(1, segmentSentences(reference).length);
      items.push({ id: `${category}/${file}`, category, title, body, reference, k, split: splitOf(title) });
    }
  }
  return items;
}

/** Lowercase letters and digits only: quotes, spaces and punctuation differ between article and reference. */
const squash = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * Which of the article's sentences the reference contains (1) or not (0). The references are article
 * sentences glued together, and their own sentence splits often move a closing quote to the next sentence
 * ('… months."I think …'), so an article sentence counts as included when its letters and digits occur, in
 * order, in the reference's letters and digits.
 */
export function labelSentences(sentences: readonly Sentence[], reference: string): number[] {
  const ref = squash(reference);
  return sentences.map((s) => {
    const key = squash(s.text);
    return key.length > 0 && ref.includes(key) ? 1 : 0;
  });
}
