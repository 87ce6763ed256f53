/**
 * Real news with human-written summaries for eval/summary.ts and eval/train-summary.ts (../shared/data/news-
 * summaries, see its README): SummEval (CNN/DailyMail test articles, 11 generic references each), Newsroom
 * (the publisher's summary) and NEWTS (CNN/DailyMail articles, topic-focused summaries). Loading, validation
 * and the fixed fit / report split. The texts stay in ../shared/data and are never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as z from '../lib/zod';
import { fnv1a } from './bbc-data';

/** Where the data set lives, relative to the repository. */
export const NEWS_ROOT = resolve(import.meta.dirname, '../../shared/data/news-summaries');

export type NewsSet = 'summeval' | 'newsroom' | 'newts';
export const NEWS_SETS: readonly NewsSet[] = ['summeval', 'newsroom', 'newts'];

/**
 * Which part of the generic sets an article belongs to. 'fit' articles may be used to fit and tune the model;
 * 'report' articles are scored only, never looked at while fitting. NEWTS is all 'fit': its summaries are
 * topic-focused, a weaker signal that serves as training data, not as the yardstick.
 */
export type NewsPart = 'fit' | 'report';

export type NewsItem = {
  readonly set: NewsSet;
  readonly id: string;
  /** summeval-cnn, summeval-dailymail, newsroom or newts */
  readonly source: string;
  /** One paragraph: the sources have no paragraph breaks and no headline. */
  readonly article: string;
  readonly references: readonly string[];
  readonly part: NewsPart;
};

const Row = z.object({
  id: z.string(),
  source: z.string(),
  article: z.string(),
  references: z.array(z.string()),
});

/**
 * Share of SummEval and Newsroom articles in the fit part, in tenths: 4 → 40%. The report part keeps the
 * larger share (about 58 SummEval and 36 Newsroom articles) because it carries the closing figures, and the
 * model learns most of what it needs from NEWTS's 558 articles.
 */
const FIT_TENTHS = 4;

/** The part of a generic-set article, by an FNV-1a hash of its id: fixed, and independent of file order. */
export function newsPartOf(set: NewsSet, id: string): NewsPart {
  if (set === 'newts') return 'fit';
  return fnv1a(`${set}:${id}`) % 10 < FIT_TENTHS ? 'fit' : 'report';
}

/** Loads one set, in file order; undefined when the data is absent. Throws on a malformed line. */
export function loadNewsSet(set: NewsSet): NewsItem[] | undefined {
  const path = resolve(NEWS_ROOT, `${set}.jsonl`);
  if (!existsSync(path)) return undefined;
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: NewsItem[] = [];
  lines.forEach((line, n) => {
    if (line.trim() === '') return;
    const parsed = Row.safeParse(JSON.parse(line));
    if (!parsed.success) throw new Error(`${set}.jsonl line ${n + 1}: ${parsed.error.message}`);
    const { id, source, article, references } = parsed.data;
    const refs = references.filter((r) => r.trim() !== '');
    if (refs.length === 0 || article.trim() === '') return;
    out.push({ set, id, source, article, references: refs, part: newsPartOf(set, id) });
  });
  return out;
}
