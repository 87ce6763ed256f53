/**
 * Choosing the article's blocks in a copied web page or a feed item: the trained block classifier
 * (block-model.ts, weights in lib/models/boilerplate.json) keeps headline and body blocks and drops
 * navigation, teaser lists, related links, comments and footers that the phrase rules do not know.
 */
import modelJson from '../../models/boilerplate.json';
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
 * A text is a copied page or a feed item, and the classifier judges it, when it has at least this many
 * blocks of few words (menus, headings, link labels, counters) making up at least this share of its
 * blocks. An article written as paragraphs is left to the phrase rules: the model, fitted on pages,
 * would otherwise find "furniture" among a plain article's short paragraphs.
 */
const MIN_SHORT_BLOCKS = 3;
const MIN_SHORT_SHARE = 0.15;
const SHORT_BLOCK_WORDS = 5;

function wordCount(block: string): number {
  return (block.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** Whether the blocks look like a page around an article (see MIN_SHORT_BLOCKS). */
export function looksLikePage(blocks: readonly string[]): boolean {
  let short = 0;
  for (const block of blocks) if (wordCount(block) <= SHORT_BLOCK_WORDS) short += 1;
  return short >= MIN_SHORT_BLOCKS && short >= blocks.length * MIN_SHORT_SHARE;
}

export type BlockSelection = {
  readonly kept: readonly string[];
  readonly removed: number;
  /** Whether the classifier judged the blocks (the text looked like a page). */
  readonly classified: boolean;
};

/**
 * Keeps the blocks the model calls article text. Texts of fewer than MIN_CLASSIFIED_BLOCKS blocks, and
 * texts that do not look like a page (looksLikePage), are kept whole; if the model would keep nothing, everything stays too (an empty result helps no one,
 * and the article verdict decides on such pages).
 */
export function selectArticleBlocks(blocks: readonly string[], model: BlockModel): BlockSelection {
  if (blocks.length < MIN_CLASSIFIED_BLOCKS || !looksLikePage(blocks))
    return { kept: blocks, removed: 0, classified: false };
  const p = blockProbabilities(blocks, model);
  const kept = blocks.filter((_, i) => (p[i] ?? 0) >= model.threshold);
  if (kept.length === 0) return { kept: blocks, removed: 0, classified: true };
  return { kept, removed: blocks.length - kept.length, classified: true };
}
