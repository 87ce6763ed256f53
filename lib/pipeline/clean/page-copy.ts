/**
 * Choosing the article's blocks in a copied web page or a feed item: the trained block classifier
 * (block-model.ts, weights in lib/models/boilerplate.json) keeps headline and body blocks and drops
 * navigation, teaser lists, related links, comments and footers that the phrase rules do not know.
 */

import modelJson from '../../models/boilerplate.json';
import { countLetterRuns } from '../text/count-words';
import { SPACE_RUNS } from '../text/space-runs';
import { mainRun, signatureFlags } from './block-features';
import { type BlockModel, blockProbabilities, parseBlockModel } from './block-model';

export type BlockModels = { readonly text: BlockModel; readonly html: BlockModel };

let shipped: BlockModels | undefined;

/**
 * The shipped models, checked on first use: one fitted on copied page text (used for text, Markdown
 * and JSON bodies), one on the blocks that the HTML extractor hands over.
 */
export function shippedBlockModels(): BlockModels {
  const json = modelJson as { text?: unknown; html?: unknown };
  shipped ??= { text: parseBlockModel(json.text), html: parseBlockModel(json.html) };
  return shipped;
}

/** Below this many blocks there is no page around the article to remove. */
export const MIN_CLASSIFIED_BLOCKS = 4;
/**
 * A text is a copied page or a feed item, and the classifier judges it, when at least this many blocks
 * of few words (menus, headings, link labels, counters) stand outside its main run of prose (before or
 * after it), or when readers' comment signatures recur. An article written as paragraphs, with its
 * subheadings inside the prose, is left to the phrase rules: the model, fitted on pages, would
 * otherwise find "furniture" among its short paragraphs.
 */
const MIN_SHORT_OUTSIDE = 3;
const SHORT_BLOCK_WORDS = 5;
/** Comment signatures ("Posted by: Sam | 4:49 PM") this many times over: a page with readers' comments. */
const MIN_SIGNATURES = 3;

/** Whether the blocks look like a page around an article (see MIN_SHORT_OUTSIDE). */
export function looksLikePage(blocks: readonly string[]): boolean {
  const words = blocks.map(countLetterRuns);
  const [start, end] = mainRun(words);
  const signature = signatureFlags(blocks);
  let shortOutside = 0;
  let signatures = 0;
  for (let i = 0; i < blocks.length; i += 1) {
    if ((i < start || i > end) && (words[i] ?? 0) <= SHORT_BLOCK_WORDS) shortOutside += 1;
    signatures += signature[i] ?? 0;
  }
  return shortOutside >= MIN_SHORT_OUTSIDE || signatures >= MIN_SIGNATURES;
}

/**
 * A line that opens a readers' comment section ("12 comments", "Post a comment", "Comments are closed",
 * "Discuss this story", "One response to “Title”", "Posted by Sam on 10 January 2008"), matched on the
 * lower-cased line without trailing punctuation.
 */
const COMMENT_SECTION =
  /^(?:(?:\d+ )?(?:reader'?s'? |your |user )?(?:comments?|kommentare?|comentarios?|commentaires?|responses?|reactions?)(?: \(\d+\)| \d+)?|(?:post|add|leave|write|submit|send) (?:a |an |your )?(?:comments?|reply|response)|comments? (?:are|is) (?:now )?closed(?: for this (?:story|article|post))?|this (?:article|story|post) has no comments|(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (?:responses?|comments?|thoughts|replies|reactions) (?:to|on) [“"«„'][^\n]{1,120}|discuss this (?:story|article)\b.*|have your say|what (?:do )?you think|your (?:views|comments|reactions?)|reader reactions?|join the (?:discussion|conversation|debate)|(?:kommentar|kommentare) (?:schreiben|verfassen)|escribe (?:un|tu) comentario|(?:laisser|écrire|ajouter) un commentaire|réagissez|réagir)$|^posted by [^\n]{1,60} (?:on|at) /u;
/** A comment-section opener counts only below this many words of article kept above it. */
const MIN_WORDS_ABOVE_COMMENTS = 80;
const MAX_COMMENT_OPENER_WORDS = 12;

function openerText(block: string): string {
  const text = block.toLowerCase().replace(SPACE_RUNS, ' ').trim();
  // A loop, not a trailing-class regex: `[…]+$` scanned from every start would be quadratic.
  let end = text.length;
  while (end > 0 && ':.!-–—•·» '.includes(text[end - 1] ?? '')) end -= 1;
  let start = 0;
  while (start < end && '-–—•·» '.includes(text[start] ?? '')) start += 1;
  return text.slice(start, end);
}

/**
 * Index of the block that opens the comments below the article: the first comment-section opener
 * after MIN_WORDS_ABOVE_COMMENTS words of kept article; blocks.length when there is none.
 */
function commentsStart(blocks: readonly string[], keep: readonly boolean[]): number {
  let above = 0;
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] ?? '';
    const words = countLetterRuns(block);
    if (
      above >= MIN_WORDS_ABOVE_COMMENTS &&
      words <= MAX_COMMENT_OPENER_WORDS &&
      COMMENT_SECTION.test(openerText(block))
    )
      return i;
    if (keep[i]) above += words;
  }
  return blocks.length;
}

/** Openers that never stand alone as a line of an article ("what do you think" may: it is left out). */
const STRONG_COMMENT_SECTION =
  /^(?:(?:\d+ )?(?:reader'?s'? |user )?(?:comments?|kommentare?|comentarios?|commentaires?)(?: \(\d+\)| \d+)?|(?:post|add|leave|write|submit) (?:a |an |your )?(?:comments?|reply)|comments? (?:are|is) (?:now )?closed(?: for this (?:story|article|post))?|this (?:article|story|post) has no comments|(?:\d+|no|one|two|three|four|five|six|seven|eight|nine|ten) (?:responses?|comments?|thoughts|replies|reactions) (?:to|on) [“"«„'][^\n]{1,120}|discuss this (?:story|article)\b.*|(?:\d+ )?talkbacks?(?: \(\d+\))?|most recent of \d+ (?:talkback|comment)s?(?:\(s\))?|have your say|join the (?:discussion|conversation|debate)|(?:kommentar|kommentare) (?:schreiben|verfassen)|escribe (?:un|tu) comentario|(?:laisser|écrire|ajouter) un commentaire)$/u;
/** Lines of this many words count as prose above a comment opener. */
const PROSE_LINE_WORDS = 10;

/**
 * Cuts a text at the line that opens its readers' comments: the first strong comment-section opener
 * ("12 comments", "Post a comment", "Comments are closed") below 80 words of prose lines. The phrase
 * rules would drop the opener line by itself and leave the comments; judged here on the raw lines,
 * before they do. Returns the text above the opener and whether there was one.
 */
export function cutAtComments(text: string): { readonly head: string; readonly cut: boolean } {
  let above = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const words = countLetterRuns(line);
    if (
      above >= MIN_WORDS_ABOVE_COMMENTS &&
      words <= MAX_COMMENT_OPENER_WORDS &&
      STRONG_COMMENT_SECTION.test(openerText(line))
    )
      return { head: text.slice(0, offset), cut: true };
    if (words >= PROSE_LINE_WORDS) above += words;
    offset += line.length + 1;
  }
  return { head: text, cut: false };
}

export type BlockSelection = {
  readonly kept: readonly string[];
  readonly removed: number;
  /** Whether the classifier judged the blocks (the text looked like a page). */
  readonly classified: boolean;
};

/**
 * Keeps the blocks the model calls article text, and nothing below the opener of readers' comments.
 * Texts of fewer than MIN_CLASSIFIED_BLOCKS blocks, and texts that do not look like a page
 * (looksLikePage), are kept whole; if the model would keep nothing, everything stays too (an empty
 * result helps no one, and the article verdict decides on such pages).
 */
export function selectArticleBlocks(blocks: readonly string[], model: BlockModel): BlockSelection {
  if (blocks.length < MIN_CLASSIFIED_BLOCKS || !looksLikePage(blocks))
    return { kept: blocks, removed: 0, classified: false };
  const p = blockProbabilities(blocks, model);
  const keep = p.map((x) => x >= model.threshold);
  // Readers' comments are prose too, and the model keeps some: everything below their opener goes.
  const cut = commentsStart(blocks, keep);
  const kept = blocks.filter((_, i) => i < cut && keep[i]);
  if (kept.length === 0) return { kept: blocks, removed: 0, classified: true };
  return { kept, removed: blocks.length - kept.length, classified: true };
}
