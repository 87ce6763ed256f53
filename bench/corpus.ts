/**
 * Benchmark inputs: the BBC News articles from ../shared/data (read in place, never copied into the
 * repository) and synthetic articles of any length, generated from a fixed seed so that every run
 * analyses the same text.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { seededRandom } from '../eval/reference/seeded-random';

/** Where the BBC articles live, relative to the repository. */
export const BBC_ARTICLES = resolve(import.meta.dirname, '../../shared/data/bbc-news-summary/articles');

/** One input file as an upload would carry it. */
export type BenchArticle = { readonly id: string; readonly bytes: Uint8Array };

/** Every BBC article as raw bytes, sorted by category and file; undefined when the data is absent. */
export function loadBbcArticles(): BenchArticle[] | undefined {
  if (!existsSync(BBC_ARTICLES)) return undefined;
  const articles: BenchArticle[] = [];
  for (const category of readdirSync(BBC_ARTICLES).sort()) {
    for (const file of readdirSync(join(BBC_ARTICLES, category)).sort()) {
      articles.push({ id: `${category}/${file}`, bytes: readFileSync(join(BBC_ARTICLES, category, file)) });
    }
  }
  return articles;
}

/**
 * The `count` articles closest to the median byte length, without exact copies: the floor is stated for
 * median-length articles, and a copy would be answered by exact dedup without being analysed.
 */
export function medianLengthArticles(articles: readonly BenchArticle[], count: number): BenchArticle[] {
  const seen = new Set<string>();
  const unique = articles.filter((a) => {
    const key = Buffer.from(a.bytes).toString('base64');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = [...unique].sort((a, b) => a.bytes.length - b.bytes.length);
  const middle = Math.floor(sorted.length / 2);
  const from = Math.max(0, middle - Math.floor(count / 2));
  return sorted.slice(from, from + count);
}

const NOUNS = [
  'council',
  'budget',
  'market',
  'company',
  'government',
  'report',
  'plan',
  'network',
  'price',
  'rate',
  'bank',
  'minister',
  'team',
  'season',
  'league',
  'album',
  'film',
  'court',
  'policy',
  'tax',
  'industry',
  'school',
  'hospital',
  'service',
  'project',
  'system',
  'union',
  'election',
  'campaign',
  'deal',
  'share',
  'profit',
  'loss',
  'growth',
  'inflation',
  'energy',
  'railway',
  'airport',
  'harbour',
  'festival',
  'study',
];
const VERBS = [
  'approved',
  'rejected',
  'announced',
  'expected',
  'reported',
  'raised',
  'cut',
  'opened',
  'closed',
  'delayed',
  'confirmed',
  'doubled',
  'reviewed',
  'launched',
  'funded',
  'blocked',
  'backed',
  'questioned',
];
const ADJECTIVES = [
  'new',
  'national',
  'local',
  'record',
  'annual',
  'private',
  'public',
  'former',
  'senior',
  'major',
  'final',
  'early',
  'strong',
  'weak',
  'rising',
  'falling',
  'regional',
  'digital',
  'foreign',
  'domestic',
];
const NAMES = [
  'Mr Harlow',
  'Ms Okafor',
  'Dr Lindqvist',
  'President Marlow',
  'Chancellor Brandt',
  'Mayor Castell',
  'Sir Peter Vane',
  'Judge Ferreira',
  'Professor Nakamura',
  'Coach Delaney',
];
const PLACES = ['London', 'Paris', 'Berlin', 'Madrid', 'Tokyo', 'Toronto', 'Sydney', 'Dublin', 'Zurich'];
const ORGS = ['the Bank of England', 'Acme Holdings', 'the Transport Ministry', 'Northfield University'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'last week', 'in 2004', 'on 3 March'];

/**
 * A synthetic news article of about `words` words: a title line, then paragraphs of two to four
 * sentences with names, places, organisations, amounts, percentages and dates, like the claims and
 * summaries the pipeline looks for. Random word choice keeps every paragraph distinct.
 */
export function syntheticArticle(words: number, seed = 20_260_401): string {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (): string => {
    const parts: string[] = [];
    const kind = random();
    const subject = `The ${pick(ADJECTIVES)} ${pick(NOUNS)}`;
    if (kind < 0.3) {
      parts.push(
        `${subject} in ${pick(PLACES)} ${pick(VERBS)} a ${pick(ADJECTIVES)} ${pick(NOUNS)} of £${(random() * 90 + 1).toFixed(1)}bn ${pick(DAYS)}, ${pick(NAMES)} said.`,
      );
    } else if (kind < 0.55) {
      parts.push(
        `${pick(ORGS).replace(/^the/, 'The')} said the ${pick(NOUNS)} rate ${pick(['rose', 'fell'])} by ${(random() * 9 + 0.5).toFixed(1)}% to ${Math.floor(random() * 900 + 100)} ${pick(NOUNS)}s ${pick(DAYS)}.`,
      );
    } else {
      const length = 8 + Math.floor(random() * 14);
      const body: string[] = [];
      for (let i = 0; i < length; i++) body.push(random() < 0.6 ? pick(NOUNS) : pick(ADJECTIVES));
      parts.push(
        `${subject} ${pick(VERBS)} the ${body.join(' ')} after the ${pick(NOUNS)} in ${pick(PLACES)}.`,
      );
    }
    return parts.join(' ');
  };
  const paragraphs: string[] = [];
  let count = 0;
  while (count < words) {
    const sentences: string[] = [];
    const n = 2 + Math.floor(random() * 3);
    for (let i = 0; i < n; i++) sentences.push(sentence());
    const paragraph = sentences.join(' ');
    count += paragraph.split(' ').length;
    paragraphs.push(paragraph);
  }
  return `${pick(NAMES)} defends ${pick(ADJECTIVES)} ${pick(NOUNS)} plan\n\n${paragraphs.join('\n\n')}\n`;
}

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/**
 * A plain-text article (title line, then paragraphs) as a news page: a header with navigation, the
 * article, related links and a footer, so that extraction has boilerplate to drop.
 */
export function wrapAsHtml(text: string): string {
  const [title = '', ...paragraphs] = text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const nav = ['Home', 'World', 'Business', 'Politics', 'Sport', 'Culture', 'Weather']
    .map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`)
    .join('');
  const related = ['Markets slip as oil climbs', 'Ten questions about the new tax year', 'Storm warning']
    .map((s, i) => `<li><a href="/story/${i}">${s}</a></li>`)
    .join('');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)} - Example News</title></head><body>`,
    `<header><nav><ul>${nav}</ul></nav><a href="/signup">Sign up for our newsletter</a></header>`,
    `<main><article><h1>${escapeHtml(title)}</h1>`,
    ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
    '</article>',
    `<aside><h2>Most read</h2><ul>${related}</ul></aside></main>`,
    '<footer><p>© Example News. All rights reserved.</p><a href="/privacy">Privacy</a></footer>',
    '</body></html>',
  ].join('\n');
}
