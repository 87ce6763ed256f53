/**
 * A second, unrelated story appended below the article (feeds deliver several items in one file, and
 * copied pages keep the next story's teaser): a headline-like line or a dateline opens it, and its words
 * have little in common with the article above. The article keeps what comes before; the rest is
 * reported, not summarised.
 */
import { startsUpper } from '../text/starts-upper';
import { paragraphKey } from './repeated-paragraphs';

/** The article before the split needs this much text to be an article at all. */
const MIN_BEFORE_WORDS = 60;
const MIN_BEFORE_PARAGRAPHS = 2;
/** The appended story must be a story: this many words of prose at least. */
const MIN_AFTER_WORDS = 40;
/**
 * Cosine similarity of content-word counts at or below which two parts are unrelated stories. Parts
 * of one article share their names and topic words (≈0.3 and more); different stories rarely pass 0.1.
 */
const MAX_RELATED_SIMILARITY = 0.12;
/** Only the first few candidate split points are tried: keeps the work linear on hostile input. */
const MAX_CANDIDATES = 8;
const MAX_HEADLINE_CHARS = 150;
/** "GLASGOW, 6 May 2025 -", "BERLIN (dpa) -", "MADRID, 3 mar (EFE).-": a wire dateline opening a story. */
const DATELINE = /^\p{Lu}[\p{Lu} .'’-]{2,30}(?:,[^\n:–—-]{1,30})?\s?(?:\([^()\n]{1,20}\))?\s?[-–—:]/u;
/** Function words and short words are no evidence of a shared topic. */
const MIN_CONTENT_WORD_CHARS = 4;

/** Frequent words of English, German, Spanish and French news prose that say nothing of the topic. */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'that this with from have been were will would could should said says they their there which when what about after before than then them also into over more most some such only other while where these those being just like year years week month today yesterday told according ' +
    'nicht auch sich eine einen einem einer dass wird werden wurde wurden haben hatte hatten sind nach über unter oder aber noch sagte heute jahr jahre ' +
    'para como pero este esta estos estas sobre entre desde hasta también según dijo años ' +
    'pour dans avec mais plus sont être cette entre depuis selon aussi elle elles leur leurs année'
  ).split(' '),
);

function contentWords(text: string): string[] {
  const key = paragraphKey(text);
  return key === ''
    ? []
    : key
        .split(' ')
        .filter((w) => w.length >= MIN_CONTENT_WORD_CHARS && !STOP_WORDS.has(w) && !/^\d+$/.test(w));
}

/**
 * Indexes of the paragraphs that may open an appended story, the first MAX_CANDIDATES of them: a headline or a
 * dateline after at least MIN_BEFORE_PARAGRAPHS paragraphs and MIN_BEFORE_WORDS words.
 */
function storyOpenings(paragraphs: readonly string[]): number[] {
  const openings: number[] = [];
  let beforeWords = 0;
  for (let k = 0; k < paragraphs.length && openings.length < MAX_CANDIDATES; k += 1) {
    const paragraph = paragraphs[k] ?? '';
    if (
      k >= MIN_BEFORE_PARAGRAPHS &&
      beforeWords >= MIN_BEFORE_WORDS &&
      (isHeadline(paragraph) || DATELINE.test(paragraph))
    )
      openings.push(k);
    beforeWords += paragraph.split(/\s+/).length;
  }
  return openings;
}

function isHeadline(paragraph: string): boolean {
  return (
    !paragraph.includes('\n') &&
    paragraph.length <= MAX_HEADLINE_CHARS &&
    !/[.!?:]["'”’)]*$/u.test(paragraph) &&
    startsUpper(paragraph)
  );
}

function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let dotProduct = 0;
  let na = 0;
  let nb = 0;
  for (const [w, x] of a) {
    na += x * x;
    dotProduct += x * (b.get(w) ?? 0);
  }
  for (const x of b.values()) nb += x * x;
  return na === 0 || nb === 0 ? 0 : dotProduct / Math.sqrt(na * nb);
}

export type AppendedSplit = {
  readonly article: readonly string[];
  /** The appended paragraphs, or none. */
  readonly appended: readonly string[];
};

/**
 * Splits off an appended unrelated story: at the first headline or dateline paragraph (after at least
 * two paragraphs and 60 words) whose following text (40+ words) shares almost no content words with
 * the text above it.
 */
export function splitAppendedStory(paragraphs: readonly string[]): AppendedSplit {
  const openings = storyOpenings(paragraphs);
  // Most articles have no paragraph that could open a second story: they need no word counts at all.
  if (openings.length === 0) return { article: paragraphs, appended: [] };
  const words = paragraphs.map(contentWords);
  const total = new Map<string, number>();
  for (const list of words) for (const w of list) total.set(w, (total.get(w) ?? 0) + 1);
  const before = new Map<string, number>();
  let k = 0;
  for (const opening of openings) {
    for (; k < opening; k += 1) for (const w of words[k] ?? []) before.set(w, (before.get(w) ?? 0) + 1);
    const after = new Map<string, number>();
    for (const [w, count] of total) {
      const rest = count - (before.get(w) ?? 0);
      if (rest > 0) after.set(w, rest);
    }
    let afterWords = 0;
    for (const count of after.values()) afterWords += count;
    if (afterWords >= MIN_AFTER_WORDS / 2 && cosine(before, after) <= MAX_RELATED_SIMILARITY) {
      const proseAfter = paragraphs.slice(opening).join(' ').split(/\s+/).length;
      if (proseAfter >= MIN_AFTER_WORDS)
        return { article: paragraphs.slice(0, opening), appended: paragraphs.slice(opening) };
    }
  }
  return { article: paragraphs, appended: [] };
}
