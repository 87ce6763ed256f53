import { Readability } from '@mozilla/readability';
import { SPACE_RUNS } from '../../text/space-runs';
import type { ParsedDocument, Rejection, Truncation } from '../../types';
import { detectLanguage } from '../language';
import { boundMarkup, MAX_HTML_DEPTH, MAX_HTML_ELEMENTS, type MarkupBound } from './bound-markup';
import {
  type HtmlDocument,
  type HtmlElement,
  type HtmlNode,
  isElement,
  parseHtmlDocument,
  selectAll,
} from './dom';
import { removeBoilerplateElements } from './furniture';
import { extractHtmlMetadata } from './metadata';
import { htmlToParagraphs } from './to-paragraphs';

/**
 * Readability's result is trusted when it has at least this much text; below it (a teaser, a
 * caption) the densest-block fallback is tried and the longer of the two wins.
 */
const MIN_READABILITY_CHARS = 250;
/** Readability refuses pages with more elements than this; it bounds its run time on huge pages. */
const MAX_READABILITY_ELEMENTS = 20_000;
/**
 * Readability's scoring walks ancestors for every node and slows down quadratically on deep trees
 * (500 nested divs take seconds). Real pages stay far below this depth; deeper ones use the fallback.
 */
const MAX_READABILITY_DEPTH = 200;
/**
 * Readability rescores and rewrites the tree in several passes; on a page with megabytes of text that costs
 * seconds of CPU (and the fallback then parses the page again). Past this much visible text, the densest-block
 * fallback reads the already parsed page instead. News pages hold tens of kilobytes.
 */
const MAX_READABILITY_TEXT = 1_000_000;
/** A paragraph that is mostly link text is navigation, and does not count towards a block's density. */
const MAX_LINK_DENSITY = 0.5;
/** Text of a paragraph counts fully for its parent and half for its grandparent (as in Arc90 readability). */
const GRANDPARENT_WEIGHT = 0.5;
/**
 * Below this much text the page body is probably rendered by script, and the article text the page
 * states in JSON-LD is used instead when it is at least twice as long.
 */
const MIN_DOM_CHARS = 500;
const STRUCTURED_BODY_ADVANTAGE = 2;
/** A description shorter than this is a tagline, not a standfirst worth restoring. */
const MIN_STANDFIRST_CHARS = 60;
/** The opening of the description that must appear in the page text (descriptions are often cut short). */
const STANDFIRST_PROBE_CHARS = 60;

function textLength(paragraphs: readonly string[]): number {
  return paragraphs.reduce((sum, p) => sum + p.length, 0);
}

function linkTextLength(element: HtmlElement): number {
  return selectAll(element, 'a').reduce((sum, a) => sum + (a.textContent ?? '').trim().length, 0);
}

/**
 * Fallback extraction: the element whose paragraphs hold the most non-link text, after the idea of
 * Arc90's readability (and jusText's "dense block"): score each `<p>`'s parent and grandparent by
 * the paragraph's text length, discounting link-heavy paragraphs.
 */
function densestBlock(doc: HtmlDocument): HtmlElement | undefined {
  const scores = new Map<HtmlNode, number>();
  for (const p of selectAll(doc, 'p, pre, blockquote, td')) {
    const length = (p.textContent ?? '').trim().length;
    if (length === 0) continue;
    if (linkTextLength(p) / length > MAX_LINK_DENSITY) continue;
    const parent = p.parentNode;
    if (parent === null) continue;
    scores.set(parent, (scores.get(parent) ?? 0) + length);
    const grandparent = parent.parentNode;
    if (grandparent !== null)
      scores.set(grandparent, (scores.get(grandparent) ?? 0) + length * GRANDPARENT_WEIGHT);
  }
  let best: HtmlElement | undefined;
  let bestScore = 0;
  for (const [node, score] of scores) {
    if (score > bestScore && isElement(node)) {
      best = node;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Whether the tree under `root` is deeper than `maxDepth` or has more than `maxElements` elements,
 * walked with an explicit stack and stopping early. Readability counts elements itself, but its
 * count through linkedom takes seconds on a 100,000-element page.
 */
function treeTooBig(root: HtmlElement, maxDepth: number, maxElements: number): boolean {
  const stack: [HtmlElement, number][] = [[root, 0]];
  let elements = 0;
  while (stack.length > 0) {
    const entry = stack.pop();
    if (entry === undefined) break;
    const [element, depth] = entry;
    elements += 1;
    if (depth > maxDepth || elements > maxElements) return true;
    for (const child of Array.from(element.children)) stack.push([child, depth + 1]);
  }
  return false;
}

function readabilityParagraphs(doc: HtmlDocument): { paragraphs: string[]; byline?: string } {
  if (doc.body === null || treeTooBig(doc.body, MAX_READABILITY_DEPTH, MAX_READABILITY_ELEMENTS))
    return { paragraphs: [] };
  try {
    const reader = new Readability<HtmlNode>(doc, {
      maxElemsToParse: MAX_READABILITY_ELEMENTS,
      serializer: (node: HtmlNode) => node,
    });
    const article = reader.parse();
    const content = article?.content;
    if (content === null || content === undefined || !isElement(content)) return { paragraphs: [] };
    const byline = article?.byline?.trim();
    return { paragraphs: htmlToParagraphs(content), ...(byline ? { byline } : {}) };
  } catch {
    // Readability throws on pages over maxElemsToParse and on odd trees; the fallback handles those.
    return { paragraphs: [] };
  }
}

function parseOrUndefined(html: string): HtmlDocument | undefined {
  try {
    return parseHtmlDocument(html);
  } catch {
    return undefined;
  }
}

function collapse(text: string): string {
  return text.replace(SPACE_RUNS, ' ').trim();
}

/**
 * The standfirst to put before the article, when Readability left it out: news sites set the lead
 * paragraph above the article container, and repeat it as the page description. It is restored when
 * the description appears in the visible page text before the article's first paragraph.
 */
function missingStandfirst(
  description: string | undefined,
  pageText: string,
  paragraphs: readonly string[],
): string | undefined {
  if (description === undefined) return undefined;
  const lead = collapse(description);
  // A description cut short ("…") is not the text on the page.
  if (lead.length < MIN_STANDFIRST_CHARS || /(?:…|\.\.\.|\[…\])$/.test(lead)) return undefined;
  const probe = lead.slice(0, STANDFIRST_PROBE_CHARS);
  const body = collapse(paragraphs.join(' '));
  if (body.includes(probe)) return undefined;
  const at = pageText.indexOf(lead);
  if (at < 0) return undefined;
  const firstParagraph = collapse(paragraphs[0] ?? '').slice(0, STANDFIRST_PROBE_CHARS);
  const articleAt = firstParagraph === '' ? -1 : pageText.indexOf(firstParagraph);
  return articleAt < 0 || at < articleAt ? lead : undefined;
}

/** The JSON-LD article text as paragraphs (it may be HTML or plain text with line breaks). */
function structuredParagraphs(body: string | undefined): string[] {
  if (body === undefined) return [];
  if (/<[a-z][^<>]{0,200}>/i.test(body)) return htmlFragmentToParagraphs(body);
  return body
    .split(/\r?\n/)
    .map(collapse)
    .filter((p) => p !== '');
}

/**
 * Extracts the article of an HTML page: metadata first (from the intact page), then page furniture
 * is pruned, Mozilla Readability picks the article, and the densest text block stands in when
 * Readability finds nothing or too little; on script-rendered pages the JSON-LD article text does.
 * A standfirst that Readability left above the article is restored. The language is `<html lang>`
 * (or its meta equivalents) or else detected from the text. The body is the article's paragraphs
 * joined by "\n\n".
 */
export function parseHtml(page: string): ParsedDocument | Rejection {
  // The tree is bounded once here (parseHtmlDocument checks again, finding nothing left to cut), so that the
  // result can say what was dropped.
  const bounded = boundMarkup(page);
  const html = bounded.html;
  const doc = parseOrUndefined(html);
  if (doc === undefined || doc.body === null)
    return { kind: 'rejected', code: 'MALFORMED', message: 'The HTML could not be parsed into a document.' };

  const metadata = extractHtmlMetadata(doc);
  removeBoilerplateElements(doc);
  // The visible text of the pruned page, read before Readability rewrites the tree.
  const pageText = collapse(doc.body.textContent ?? '');
  const huge = pageText.length > MAX_READABILITY_TEXT;
  const readable = huge ? { paragraphs: [] } : readabilityParagraphs(doc);
  let paragraphs: string[] = readable.paragraphs;
  if (textLength(paragraphs) < MIN_READABILITY_CHARS) {
    // Readability rewrites the tree it reads, so the fallback parses a fresh copy (only when needed); a page
    // too large for Readability was not rewritten and is read as it is.
    const fallbackDoc = huge ? doc : parseOrUndefined(html);
    if (fallbackDoc?.body) {
      if (!huge) removeBoilerplateElements(fallbackDoc);
      const dense = densestBlock(fallbackDoc);
      const fromDense = dense === undefined ? [] : htmlToParagraphs(dense);
      if (textLength(fromDense) > textLength(paragraphs)) paragraphs = fromDense;
      if (textLength(paragraphs) === 0) paragraphs = htmlToParagraphs(fallbackDoc.body);
    }
  }

  if (textLength(paragraphs) < MIN_DOM_CHARS) {
    const structured = structuredParagraphs(metadata.structuredBody);
    if (textLength(structured) >= STRUCTURED_BODY_ADVANTAGE * textLength(paragraphs)) paragraphs = structured;
  }
  const standfirst = missingStandfirst(metadata.description, pageText, paragraphs);
  if (standfirst !== undefined) paragraphs = [standfirst, ...paragraphs];

  const byline = metadata.byline ?? ('byline' in readable ? readable.byline : undefined);
  const language = metadata.language ?? detectLanguage(paragraphs.join('\n'));
  return {
    kind: 'parsed',
    format: 'html',
    title: metadata.title,
    body: paragraphs.join('\n\n'),
    ...(metadata.url === undefined ? {} : { url: metadata.url }),
    ...(metadata.published === undefined ? {} : { published: metadata.published }),
    ...(language === undefined ? {} : { language }),
    ...(byline === undefined ? {} : { byline }),
    ...(bounded.truncated === undefined ? {} : { truncated: [htmlTruncation(bounded.truncated)] }),
  };
}

function htmlTruncation(cut: NonNullable<MarkupBound['truncated']>): Truncation {
  return {
    stage: 'extract',
    reason:
      cut.reason === 'depth'
        ? `HTML elements nested deeper than ${MAX_HTML_DEPTH} were flattened (text kept)`
        : `HTML elements past the first ${MAX_HTML_ELEMENTS} lost their tags (text kept)`,
    kept: cut.kept,
    total: cut.total,
  };
}

/** Turns an HTML fragment (say a JSON article's body) into paragraphs, without Readability's selection. */
export function htmlFragmentToParagraphs(html: string): string[] {
  const doc = parseOrUndefined(html);
  if (doc === undefined || doc.body === null) return [];
  removeBoilerplateElements(doc);
  return htmlToParagraphs(doc.body);
}
