import { SPACE_RUNS } from '../../text/space-runs';
import { trimEndChar } from '../../text/trim-run';
import { type HtmlElement, type HtmlNode, isElement, TEXT_NODE } from './dom';

/** Elements that start and end a paragraph of their own. */
const BLOCK_TAGS: ReadonlySet<string> = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Elements whose text is never article prose: code, media, widgets, captions. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'AUDIO',
  'BUTTON',
  'CANVAS',
  'EMBED',
  'FIGCAPTION',
  'HEAD',
  'IFRAME',
  'INPUT',
  'LINK',
  'MATH',
  'META',
  'NOSCRIPT',
  'OBJECT',
  'OPTION',
  'PICTURE',
  'SCRIPT',
  'SELECT',
  'STYLE',
  'SVG',
  'TEMPLATE',
  'TEXTAREA',
  'TITLE',
  'VIDEO',
]);

const HIDDEN_STYLE = /display\s*:\s*none|visibility\s*:\s*hidden/i;

/** Whether an element is hidden from readers (and so from us). */
export function isHidden(element: HtmlElement): boolean {
  if (element.hasAttribute('hidden')) return true;
  if (element.getAttribute('aria-hidden') === 'true') return true;
  return HIDDEN_STYLE.test(element.getAttribute('style') ?? '');
}

/** Splits collected inline text into paragraphs (at blank lines made by `<br><br>`) of trimmed lines. */
function finishBlock(raw: string, listItem: boolean): string[] {
  const paragraphs: string[] = [];
  for (const chunk of raw.split(/\n[ \t]*\n/)) {
    const lines = chunk
      .split('\n')
      .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
      .filter((line) => line !== '');
    if (lines.length === 0) continue;
    paragraphs.push(listItem ? `- ${lines.join(' ')}` : lines.join('\n'));
  }
  return paragraphs;
}

type Frame = { readonly node: HtmlNode; readonly exit: boolean };

/**
 * Turns an element tree into paragraphs: block elements (p, headings, blockquote, div …) become
 * paragraphs, `<br>` a line break, list items lines starting with "- " (consecutive items share one
 * paragraph), `<pre>` keeps its lines. Scripts, media, captions and hidden elements are skipped.
 * Walks with an explicit stack so that deeply nested hostile markup cannot overflow the call stack.
 */
export function htmlToParagraphs(root: HtmlElement): string[] {
  const paragraphs: string[] = [];
  let listLines: string[] = [];
  let buffer = '';
  let listDepth = 0;

  const flushList = (): void => {
    if (listLines.length > 0) paragraphs.push(listLines.join('\n'));
    listLines = [];
  };
  const flush = (): void => {
    const inList = listDepth > 0;
    const finished = finishBlock(buffer, inList);
    buffer = '';
    if (finished.length === 0) return;
    // Loops, not push(...): a text with 200,000 <br><br> would overflow the argument stack.
    if (inList) for (const line of finished) listLines.push(line);
    else {
      flushList();
      for (const paragraph of finished) paragraphs.push(paragraph);
    }
  };

  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length > 0) {
    const frame = stack.pop();
    if (frame === undefined) break;
    const { node } = frame;
    if (node.nodeType === TEXT_NODE) {
      buffer += (node.textContent ?? '').replace(SPACE_RUNS, ' ');
      continue;
    }
    if (!isElement(node)) continue;
    const tag = node.tagName.toUpperCase();
    if (frame.exit) {
      flush();
      if (tag === 'LI') listDepth -= 1;
      continue;
    }
    if (SKIPPED_TAGS.has(tag) || isHidden(node)) continue;
    if (tag === 'BR') {
      buffer += '\n';
      continue;
    }
    if (tag === 'PRE') {
      flush();
      flushList();
      const lines = (node.textContent ?? '').split('\n').map((line) => line.trimEnd());
      const text = trimEndChar(lines.join('\n').replace(/^\n+/, ''), '\n');
      if (text.trim() !== '') paragraphs.push(text);
      continue;
    }
    const block = BLOCK_TAGS.has(tag);
    if (block) {
      flush();
      if (tag === 'LI') listDepth += 1;
      else if (listDepth === 0) flushList();
      stack.push({ node, exit: true });
    }
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i -= 1) {
      const child = children[i];
      if (child !== undefined) stack.push({ node: child, exit: false });
    }
  }
  flush();
  flushList();
  return paragraphs;
}
