import { splitParagraphs } from '../extract/parse-text';
import { countWordTokens } from '../text/count-words';
import { SPACE_RUNS } from '../text/space-runs';
import type { Article, ParsedDocument, Rejection } from '../types';
import { splitAppendedStory } from './appended-story';
import { articleVerdict } from './article-verdict';
import { findCommentThread, recentCommentBlocks } from './comment-thread';
import { removeFeedFurniture } from './feed-furniture';
import { isBoilerplateParagraph, removeBoilerplate } from './furniture-lines';
import { normalizeText } from './normalize-text';
import {
  type BlockModels,
  type BlockSelection,
  cutAtComments,
  selectArticleBlocks,
  shippedBlockModels,
} from './page-copy';
import { reflowParagraph } from './reflow';
import { removeRepeatedParagraphs } from './repeated-paragraphs';
import { removeRepeatedSentences } from './repeated-sentences';

/** A derived title is a short line: longer first lines are prose, and the title stays empty. */
const MAX_DERIVED_TITLE_CHARS = 150;

function collapse(text: string | undefined): string {
  return normalizeText(text ?? '')
    .replace(SPACE_RUNS, ' ')
    .trim();
}

function firstShortLine(paragraphs: readonly string[]): string {
  const first = paragraphs[0]?.split('\n')[0]?.replace(/^- /, '').trim() ?? '';
  return first.length <= MAX_DERIVED_TITLE_CHARS ? first : '';
}

export type CleanOptions = {
  /** Block classifiers to use instead of the shipped ones (cross-validation in eval/boilerplate.ts). */
  readonly blockModels?: BlockModels;
};

export type ArticleBlocks = {
  readonly raw: readonly string[];
  /** Blocks after the phrase rules and reflowing: what the block classifier sees. */
  readonly blocks: readonly string[];
  readonly ruleRemoved: number;
};

/** The body's blocks before classification: phrase-rule boilerplate dropped, hard wraps undone. */
export function articleBlocks(doc: ParsedDocument): ArticleBlocks {
  const comments = cutAtComments(normalizeText(doc.body));
  const raw = splitParagraphs(comments.head);
  const firstPass = removeBoilerplate(raw);
  // Reflowing can split off heading lines that only now stand alone as boilerplate ("Advertisement").
  const secondPass = removeBoilerplate(firstPass.paragraphs.flatMap(reflowParagraph));
  // Comments whose opener line was lost: a thread of recurring signatures below the article, and a
  // "recent comments" widget anywhere.
  const thread = findCommentThread(secondPass.paragraphs);
  const widget = recentCommentBlocks(secondPass.paragraphs);
  const unthreaded = secondPass.paragraphs.filter(
    (_, i) => !widget.has(i) && (thread === undefined || i < thread.start || i > thread.end),
  );
  const feed = removeFeedFurniture(unthreaded, doc.format === 'text');
  return {
    raw,
    blocks: feed.paragraphs,
    ruleRemoved:
      firstPass.removed +
      secondPass.removed +
      feed.removed +
      (comments.cut ? 1 : 0) +
      (secondPass.paragraphs.length - unthreaded.length),
  };
}

/**
 * The blocks the classifier judges: for text, the first line that the parser took as the title
 * comes first (in a copied page it is as likely to be a menu item as the headline); an HTML title
 * comes from the page's metadata and is not judged.
 */
export function classifiedBlocks(doc: ParsedDocument, blocks: readonly string[]): readonly string[] {
  const title = collapse(doc.title);
  return doc.format === 'html' || title === '' ? blocks : [title, ...blocks];
}

/** A headline-like block: one line, short, not ending a sentence. */
function isHeadlineBlock(block: string): boolean {
  return !block.includes('\n') && block.length <= MAX_DERIVED_TITLE_CHARS && !/[.!?]["'”’)]*$/u.test(block);
}

/** Appended stories are split off again and again, up to this many (a feed file of many items). */
const MAX_APPENDED_STORIES = 20;

/** The article and the unrelated stories appended below it (count, paragraphs, first line of the first). */
function splitStories(paragraphs: readonly string[]): {
  article: readonly string[];
  count: number;
  appendedParagraphs: number;
  firstLine: string;
} {
  const first = splitAppendedStory(paragraphs);
  if (first.appended.length === 0)
    return { article: paragraphs, count: 0, appendedParagraphs: 0, firstLine: '' };
  let count = 1;
  let rest = first.appended;
  while (count < MAX_APPENDED_STORIES) {
    const next = splitAppendedStory(rest);
    if (next.appended.length === 0) break;
    count += 1;
    rest = next.appended;
  }
  const firstLine = (first.appended[0] ?? '').split('\n')[0] ?? '';
  return { article: first.article, count, appendedParagraphs: first.appended.length, firstLine };
}

/**
 * Turns a parsed document into the clean article that later stages read: Unicode NFC with one kind
 * of space and line break and no zero-width characters; boilerplate blocks dropped (legal notices,
 * "most read" lists, share, newsletter and comment prompts, photo credits, advertising labels); hard
 * wraps reflowed (list items and short heading lines keep their breaks, a paragraph-per-line feed keeps
 * its lines); in a copied page or feed, the blocks the trained block classifier does not call article
 * text dropped; repeated paragraphs and sentences dropped (the first occurrence stays); an unrelated
 * story appended below the article split off and reported. Returns NO_TEXT when nothing is left and
 * NOT_ARTICLE for teaser, list, error and login pages. An empty title becomes the first short line of
 * the text.
 */
type Chosen = {
  title: string;
  kept: readonly string[];
  judged: readonly string[];
  selection: BlockSelection;
};

/** The blocks the classifier keeps, and the title (a parsed title that was page furniture is replaced). */
function chooseBlocks(doc: ParsedDocument, blocks: readonly string[], options: CleanOptions): Chosen {
  const models = options.blockModels ?? shippedBlockModels();
  const judged = classifiedBlocks(doc, blocks);
  // Copied pages and feeds arrive as plain text. The HTML extractor's output has a model too
  // (lib/models/boilerplate.json "html"), measured in eval/boilerplate.ts but not used: on
  // trafilatura's evaluation pages it drops more article text than it removes furniture.
  const selection =
    doc.format === 'text'
      ? selectArticleBlocks(judged, models.text)
      : { kept: judged, removed: 0, classified: false };
  let title = collapse(doc.title);
  let kept = selection.kept;
  if (judged !== blocks) {
    if (kept[0] === judged[0]) kept = kept.slice(1);
    else if (kept.length > 1 && isHeadlineBlock(kept[0] ?? '')) {
      // The parsed title was page furniture: the headline is the first block kept, if it reads as one.
      title = kept[0] ?? '';
      kept = kept.slice(1);
    } else title = '';
  }
  return { title, kept, judged, selection };
}

type Deduplicated = {
  paragraphs: readonly string[];
  repeatedParagraphs: number;
  repeatedSentences: number;
  boilerplate: number;
};

/** Repeated paragraphs, then repeated sentences; a paragraph left as boilerplate by the latter goes too. */
function removeRepeats(kept: readonly string[], title: string): Deduplicated {
  const repeats = removeRepeatedParagraphs(kept, title);
  const sentences = removeRepeatedSentences(repeats.paragraphs);
  let boilerplate = 0;
  const paragraphs = sentences.paragraphs.filter((paragraph, i) => {
    if (!sentences.trimmed.has(i) || !isBoilerplateParagraph(paragraph)) return true;
    boilerplate += 1;
    return false;
  });
  return {
    paragraphs,
    repeatedParagraphs: repeats.removed + sentences.removedParagraphs,
    repeatedSentences: sentences.removedSentences,
    boilerplate,
  };
}

export function cleanArticle(doc: ParsedDocument, options: CleanOptions = {}): Article | Rejection {
  const { raw, blocks, ruleRemoved } = articleBlocks(doc);
  const { title: givenTitle, kept, judged, selection } = chooseBlocks(doc, blocks, options);
  const {
    paragraphs: deduplicated,
    repeatedParagraphs,
    repeatedSentences,
    boilerplate,
  } = removeRepeats(kept, givenTitle);
  // Judged before appended stories are split off: a page of teasers would otherwise pass as its first teaser.
  if (deduplicated.length > 0) {
    const verdict = articleVerdict(
      givenTitle === '' ? firstShortLine(deduplicated) : givenTitle,
      deduplicated,
      selection.classified ? judged : deduplicated,
      doc.format !== 'html',
    );
    if (!verdict.article) return { kind: 'rejected', code: 'NOT_ARTICLE', message: verdict.reason };
  }
  // Feeds append stories; an HTML page is one page, and its sections often share few words.
  const stories =
    doc.format === 'html'
      ? { article: deduplicated, count: 0, appendedParagraphs: 0, firstLine: '' }
      : splitStories(deduplicated);
  const paragraphs = stories.article;
  const boilerplateBlocks = ruleRemoved + selection.removed + boilerplate;
  if (paragraphs.length === 0) {
    const what =
      raw.length === 0
        ? 'The document has no body text.'
        : `No article text is left after cleaning (${boilerplateBlocks} boilerplate block${boilerplateBlocks === 1 ? '' : 's'} and ${repeatedParagraphs} repeated paragraph${repeatedParagraphs === 1 ? '' : 's'} removed).`;
    return { kind: 'rejected', code: 'NO_TEXT', message: what };
  }
  const title = givenTitle === '' ? firstShortLine(paragraphs) : givenTitle;
  const text = paragraphs.join('\n\n');
  const published = collapse(doc.published);
  const language = collapse(doc.language);
  const url = collapse(doc.url);
  const byline = collapse(doc.byline);
  return {
    title,
    text,
    ...(published === '' ? {} : { published }),
    ...(language === '' ? {} : { language }),
    ...(url === '' ? {} : { url }),
    ...(byline === '' ? {} : { byline }),
    // A word is a whitespace-separated token with at least one letter or digit (list dashes are not words).
    wordCount: countWordTokens(text),
    removed: {
      repeatedParagraphs,
      boilerplateBlocks,
      ...(repeatedSentences === 0 ? {} : { repeatedSentences }),
      ...(stories.count === 0
        ? {}
        : {
            appendedStories: {
              count: stories.count,
              paragraphs: stories.appendedParagraphs,
              firstLine: stories.firstLine,
            },
          }),
    },
  };
}
