import { splitParagraphs } from '../extract/parse-text';
import type { Article, ParsedDocument, Rejection } from '../types';
import { removeBoilerplate } from './furniture-lines';
import { normalizeText } from './normalize-text';
import { reflowParagraph } from './reflow';
import { removeRepeatedParagraphs } from './repeated-paragraphs';

/** A derived title is a short line: longer first lines are prose, and the title stays empty. */
const MAX_DERIVED_TITLE_CHARS = 150;
/** A word is a whitespace-separated token with at least one letter or digit (list dashes are not words). */
const WORD = /[\p{L}\p{N}]/u;

function collapse(text: string | undefined): string {
  return normalizeText(text ?? '')
    .replace(/\s+/g, ' ')
    .trim();
}

function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (WORD.test(token)) count += 1;
  return count;
}

function firstShortLine(paragraphs: readonly string[]): string {
  const first = paragraphs[0]?.split('\n')[0]?.replace(/^- /, '').trim() ?? '';
  return first.length <= MAX_DERIVED_TITLE_CHARS ? first : '';
}

/**
 * Turns a parsed document into the clean article that later stages read: Unicode NFC with one kind
 * of space and line break and no zero-width characters; boilerplate blocks dropped (legal notices,
 * "most read" lists, share, newsletter and comment prompts, photo credits, advertising labels); hard
 * wraps reflowed (list items and short heading lines keep their breaks); repeated paragraphs dropped
 * (the first occurrence stays). Returns NO_TEXT when nothing is left. An empty title becomes the
 * first short line of the text.
 */
export function cleanArticle(doc: ParsedDocument): Article | Rejection {
  const raw = splitParagraphs(normalizeText(doc.body));
  const firstPass = removeBoilerplate(raw);
  // Reflowing can split off heading lines that only now stand alone as boilerplate ("Advertisement").
  const secondPass = removeBoilerplate(firstPass.paragraphs.flatMap(reflowParagraph));
  const givenTitle = collapse(doc.title);
  const repeats = removeRepeatedParagraphs(secondPass.paragraphs, givenTitle);
  const boilerplateBlocks = firstPass.removed + secondPass.removed;
  const paragraphs = repeats.paragraphs;
  if (paragraphs.length === 0) {
    const what =
      raw.length === 0
        ? 'The document has no body text.'
        : `No article text is left after cleaning (${boilerplateBlocks} boilerplate block${boilerplateBlocks === 1 ? '' : 's'} and ${repeats.removed} repeated paragraph${repeats.removed === 1 ? '' : 's'} removed).`;
    return { kind: 'rejected', code: 'NO_TEXT', message: what };
  }
  const text = paragraphs.join('\n\n');
  const published = collapse(doc.published);
  const language = collapse(doc.language);
  const url = collapse(doc.url);
  const byline = collapse(doc.byline);
  return {
    title: givenTitle === '' ? firstShortLine(paragraphs) : givenTitle,
    text,
    ...(published === '' ? {} : { published }),
    ...(language === '' ? {} : { language }),
    ...(url === '' ? {} : { url }),
    ...(byline === '' ? {} : { byline }),
    wordCount: countWords(text),
    removed: { repeatedParagraphs: repeats.removed, boilerplateBlocks },
  };
}
