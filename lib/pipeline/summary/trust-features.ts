import type { Scratch } from '../text/scratch';
import type { Sentence } from '../types';
import { SUMMARY_FEATURES, type SummaryFeatureMatrix } from './features';

/**
 * Features that decide how far to trust position in news: where the lede is, how far a sentence sits
 * from it, and whether it is page furniture that scraped news puts before or inside the body (photo
 * captions run into the text, "Scroll down for video", bylines, questions to the reader, fragments). The
 * inverted pyramid (the lede carries the news, each later paragraph less) is what makes Lead-3 so hard to
 * beat on CNN/DailyMail (See et al. 2017, "Get To The Point", §7); these features let a model learn when a
 * lead sentence is furniture and when the lead is not the news at all.
 */
export const TRUST_FEATURES = [
  /** The salience model's log-odds (features.ts): how much to trust content against position. */
  'salience',
  /**
   * The detected lede: the first sentence that is not furniture (see ledeIndex). A short opener is not
   * furniture: "(CNN) Marco Rubio is all in." is a lede.
   */
  'lede',
  /** The sentence right after the lede. */
  'ledeNext',
  /** Two sentences after the lede. */
  'ledeThird',
  /** Three sentences after the lede. */
  'ledeFourth',
  /** Before the detected lede: furniture that precedes the body (captions, bylines, a teaser question). */
  'beforeLede',
  /**
   * More than LONG_SENTENCE_WORDS words: sometimes a caption glued to the next sentence, but as often a long
   * lede, so it is a feature to weigh and not a reason to skip a sentence when looking for the lede.
   */
  'long',
  /** Fewer than FRAGMENT_WORDS words: datelines, credits, one-line quotes, "It is expected to last weeks." */
  'fragment',
  /** Words over LENGTH_SCALE, capped at 2: at a fixed number of sentences, length trades recall for precision. */
  'length',
  /**
   * Photo and video furniture: "(pictured)", "(left)", "Scroll down for video", "file photo", in a sentence of
   * at most CAPTION_WORDS words.
   */
  'caption',
  /** A question, most often to the reader ("Who is she?", "Sick of awkward portraits?"). */
  'question',
  /** Opens with a pronoun that points back: unreadable out of context. */
  'anaphor',
  /** Opens with a quotation mark: a quote or a pull-quote, colour rather than the news. */
  'quoteOpen',
] as const;

export type TrustFeature = (typeof TRUST_FEATURES)[number];

/**
 * What a delayed lede (an opener that ignores the headline) scales down: the position features, and the
 * discount on salience that comes with trusting position, so that such an article is ranked by content.
 */
export const HEADLINE_GATED: ReadonlySet<TrustFeature> = new Set([
  'salience',
  'lede',
  'ledeNext',
  'ledeThird',
  'ledeFourth',
]);

/** The lede is looked for among this many opening sentences; beyond them the article has no usable lede. */
const LEDE_SEARCH = 4;
/**
 * Above this many words a sentence is "long". CNN/DailyMail ledes run 20–35 words; a caption glued to the
 * sentence after it (the scraped text has no full stop between them) makes 45–80, but so does many a lede:
 * skipping long openers as furniture lost ROUGE on the fit part of the real news sets, so length alone never
 * makes an opener furniture.
 */
const LONG_SENTENCE_WORDS = 45;
/**
 * A caption marker counts only in a sentence of at most this many words. Captions are short ("Jess Quinn
 * (pictured) lost her leg to cancer"); in a longer sentence "pictured" or "(left)" is the story itself
 * ("… the suspect, pictured leaving court, was charged with …"), and such ledes were being skipped.
 */
const CAPTION_WORDS = 25;
/** Below this many words a sentence is a fragment. */
const FRAGMENT_WORDS = 8;
/** The `length` feature's unit: a typical news sentence (CNN/DailyMail ledes run 20–35 words). */
const LENGTH_SCALE = 30;
/** Regex features read at most this many characters of a sentence: the markers sit near its start or are short. */
const MAX_FEATURE_CHARS = 600;

/**
 * Caption and video furniture. Alternatives of fixed words only (no nested quantifiers), so the scan is
 * linear; "pictured" and "photographed" mark captions ("Jess Quinn (pictured) lost her leg …").
 */
const CAPTION =
  /\bpictured\b|\bphotographed\b|\bscroll down for (?:video|more)\b|\bfile (?:photo|picture)\b|\((?:far )?(?:left|right|centre|center|above|below|top|bottom|inset)\)/i;
const QUOTE_OPEN = /^["“'‘]/;
/**
 * A wire-service dateline that opens the lede: "(CNN)", "Rome (CNN) —", "Kabul, Afghanistan (CNN)" or an
 * upper-case place and dash ("LONDON —", "WASHINGTON, Jan. 5 —"). Anchored and of bounded length, so it
 * costs at most a few dozen steps whatever the sentence.
 */
const DATELINE =
  /^(?:(?:\p{Lu}[\p{L}.'-]{0,20}(?:,? \p{Lu}[\p{L}.'-]{0,20}){0,3} )?\((?:CNN|Reuters|AP|AFP)\)[^\S\n]{0,3}(?:[—–-]{1,2}[^\S\n]{0,3})?|\p{Lu}{2,20}(?:[ ,]{1,2}\p{Lu}[\p{L}.]{0,12}){0,3}(?:,? \p{Lu}\p{Ll}{2,4}\.? \d{1,2})?[^\S\n]{0,3}[—–][^\S\n]{0,3})/u;

/**
 * A caption label that opens a sentence: one capitalised word and a colon before a capital ("Jailed: Vicky
 * Marks stole …", "Arrested: …"), the Daily Mail's photo-caption style that scraped text runs into the body.
 * Anchored and of bounded length. On the fit part of the news sets, leaving the label out of a picked
 * sentence raised ROUGE-1 + ROUGE-2 on 13 NEWTS articles and lowered it on 2 (3 sentences; 12 and 2 at 1).
 */
const CAPTION_LABEL = /^\p{Lu}\p{Ll}{2,15}: (?=\p{Lu})/u;

/**
 * A one-word source credit in parentheses that opens a sentence, as "(CNN)" does in DATELINE but for any
 * outlet or platform: "(Instagram) A young woman who …", "(9NEWS) He was nominated …" (scraped pages where
 * an embed or a video credit runs into the text). Anchored, of bounded length, and only before a capital
 * or a quotation mark, so that "(and more) …" stays.
 */
const SOURCE_CREDIT = /^\([\p{Lu}\p{N}][\p{L}\p{N}]{1,15}\)[^\S\n]{1,3}(?=[\p{Lu}"“])/u;

/** Column of each trust feature in a row of TrustFeatureMatrix.values. */
const COLUMN = Object.fromEntries(TRUST_FEATURES.map((name, k) => [name, k])) as Readonly<
  Record<TrustFeature, number>
>;
const QUESTION_COLUMN = SUMMARY_FEATURES.indexOf('question');
const ANAPHOR_COLUMN = SUMMARY_FEATURES.indexOf('anaphor');

/** Trust features of every sentence, flat like SummaryFeatureMatrix.values, plus the detected lede. */
export type TrustFeatureMatrix = {
  /** Feature f of sentence i at `values[i * TRUST_FEATURES.length + f]`, in TRUST_FEATURES order. */
  readonly values: Float64Array;
  /** Index of the detected lede. */
  readonly lede: number;
  /** Whether one of the opening LEDE_SEARCH sentences reads as a body sentence (else `lede` is 0 by default). */
  readonly ledeFound: boolean;
};

/** Whether a sentence of `words` words carries a caption marker (see CAPTION_WORDS). */
function isCaption(head: string, words: number): boolean {
  return words <= CAPTION_WORDS && CAPTION.test(head);
}

/** Whether sentence i reads as furniture rather than the body's first sentence. */
function isFurniture(matrix: SummaryFeatureMatrix, text: string, i: number): boolean {
  const width = SUMMARY_FEATURES.length;
  return (
    matrix.boilerplate[i] === 1 ||
    matrix.values[i * width + QUESTION_COLUMN] === 1 ||
    isCaption(text.slice(0, MAX_FEATURE_CHARS), matrix.words[i] ?? 0)
  );
}

/**
 * How many characters of a sentence a summary leaves out at its start: a dateline (see DATELINE) is page
 * furniture, not part of what happened. 0 when there is none or when nothing would be left.
 */
export function datelineLength(text: string): number {
  const m = DATELINE.exec(text.slice(0, MAX_FEATURE_CHARS));
  const n = m?.[0].length ?? 0;
  return n > 0 && /[\p{L}\p{N}]/u.test(text.slice(n)) ? n : 0;
}

/**
 * How many characters of a sentence a summary leaves out at its start as furniture: a dateline (see
 * datelineLength) or a caption label (see CAPTION_LABEL). 0 when there is neither.
 */
export function furnitureLength(text: string): number {
  const dateline = datelineLength(text);
  if (dateline > 0) return dateline;
  const head = text.slice(0, MAX_FEATURE_CHARS);
  return CAPTION_LABEL.exec(head)?.[0].length ?? SOURCE_CREDIT.exec(head)?.[0].length ?? 0;
}

/**
 * The first of the opening LEDE_SEARCH sentences after the lead-in (an archive dump's byline and time stamps,
 * lead-in.ts) that is not furniture; -1 when all of them are.
 */
function findLede(matrix: SummaryFeatureMatrix, sentences: readonly Sentence[]): number {
  const limit = Math.min(matrix.leadIn + LEDE_SEARCH, sentences.length);
  for (let i = matrix.leadIn; i < limit; i++) if (!isFurniture(matrix, sentences[i]?.text ?? '', i)) return i;
  return -1;
}

/** The first of the opening LEDE_SEARCH sentences after the lead-in that is not furniture; 0 when all of them are. */
export function ledeIndex(matrix: SummaryFeatureMatrix, sentences: readonly Sentence[]): number {
  return Math.max(0, findLede(matrix, sentences));
}

/**
 * Computes the trust features of every sentence, given the salience features and the salience log-odds
 * (`salience[i]`) already computed for them. The array is carved from `scratch` when one is given.
 */
export function extractTrustFeatures(
  matrix: SummaryFeatureMatrix,
  sentences: readonly Sentence[],
  salience: readonly number[],
  scratch?: Scratch,
): TrustFeatureMatrix {
  const width = TRUST_FEATURES.length;
  const baseWidth = SUMMARY_FEATURES.length;
  const values = scratch?.float64(sentences.length * width) ?? new Float64Array(sentences.length * width);
  const found = findLede(matrix, sentences);
  const lede = Math.max(0, found);
  // Written straight into the flat array, column by column: an object per sentence cost more than the features.
  for (let i = 0; i < sentences.length; i++) {
    const text = sentences[i]?.text ?? '';
    const words = matrix.words[i] ?? 0;
    const row = i * width;
    values[row + COLUMN.salience] = salience[i] ?? 0;
    values[row + COLUMN.lede] = i === lede ? 1 : 0;
    values[row + COLUMN.ledeNext] = i === lede + 1 ? 1 : 0;
    values[row + COLUMN.ledeThird] = i === lede + 2 ? 1 : 0;
    values[row + COLUMN.ledeFourth] = i === lede + 3 ? 1 : 0;
    values[row + COLUMN.beforeLede] = i < lede ? 1 : 0;
    values[row + COLUMN.long] = words > LONG_SENTENCE_WORDS ? 1 : 0;
    values[row + COLUMN.fragment] = words < FRAGMENT_WORDS ? 1 : 0;
    values[row + COLUMN.length] = Math.min(2, words / LENGTH_SCALE);
    // Sliced only when the caption test runs (short sentences); QUOTE_OPEN reads the first character alone.
    values[row + COLUMN.caption] =
      words <= CAPTION_WORDS && CAPTION.test(text.slice(0, MAX_FEATURE_CHARS)) ? 1 : 0;
    values[row + COLUMN.question] = matrix.values[i * baseWidth + QUESTION_COLUMN] ?? 0;
    values[row + COLUMN.anaphor] = matrix.values[i * baseWidth + ANAPHOR_COLUMN] ?? 0;
    values[row + COLUMN.quoteOpen] = QUOTE_OPEN.test(text) ? 1 : 0;
  }
  return { values, lede, ledeFound: found >= 0 };
}
