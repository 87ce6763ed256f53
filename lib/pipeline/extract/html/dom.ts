import { parseHTML } from 'linkedom';
import { boundMarkup } from './bound-markup';

/**
 * The slice of the DOM that the HTML stages use. The project compiles without the DOM lib (the
 * pipeline runs in Node), and linkedom's own typings refer to DOM globals, so we name the few
 * members we rely on here and keep everything else out of reach.
 */
export type HtmlNode = {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<HtmlNode>;
  readonly parentNode: HtmlNode | null;
};

export type HtmlElement = HtmlNode & {
  readonly tagName: string;
  readonly children: ArrayLike<HtmlElement>;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
  remove(): void;
  contains(other: HtmlNode): boolean;
  replaceWith(...nodes: HtmlNode[]): void;
};

export type HtmlDocument = {
  readonly documentElement: HtmlElement | null;
  readonly body: HtmlElement | null;
  querySelector(selectors: string): HtmlElement | null;
  querySelectorAll(selectors: string): ArrayLike<HtmlElement>;
};

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

const BODY_OPEN = /<body[\s>]/i;
const HTML_OPEN = /<html\b([^<>]{0,2000})>/i;
const HEAD_CLOSE = /<\/head\s*>/i;
const WRAPPER_TAGS = /<!doctype[^<>]{0,500}>|<\/?html\b[^<>]{0,2000}>/gi;

/**
 * Gives the markup an explicit html/head/body skeleton. linkedom does not build the implied
 * elements of the HTML standard: without `<body>` it leaves the body empty (or makes a `<title>`
 * the root), so fragments and sloppy pages are wrapped first.
 */
function withSkeleton(html: string): string {
  if (BODY_OPEN.test(html)) return html;
  const htmlAttributes = HTML_OPEN.exec(html)?.[1] ?? '';
  const inner = html.replace(WRAPPER_TAGS, '');
  const headEnd = HEAD_CLOSE.exec(inner);
  const head = headEnd === null ? '' : inner.slice(0, headEnd.index + headEnd[0].length);
  const body = headEnd === null ? inner : inner.slice(headEnd.index + headEnd[0].length);
  const headMarkup = head === '' ? '<head></head>' : head;
  return `<!DOCTYPE html><html${htmlAttributes}>${headMarkup}<body>${body}</body></html>`;
}

/**
 * Parses an HTML page or fragment into a linkedom document, its tree bounded in depth and size first
 * (bound-markup.ts); throws what the parser throws.
 */
export function parseHtmlDocument(html: string): HtmlDocument {
  const { document } = parseHTML(withSkeleton(boundMarkup(html).html));
  return document;
}

/** Narrows a node to an element. */
export function isElement(node: HtmlNode): node is HtmlElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Whether `node` has an ancestor element with the given tag name (upper case). */
export function hasAncestor(node: HtmlNode, tagName: string): boolean {
  for (let parent = node.parentNode; parent !== null; parent = parent.parentNode) {
    if (parent.nodeName.toUpperCase() === tagName) return true;
  }
  return false;
}

/** Runs a selector, returning a plain array; an invalid selector yields no matches instead of throwing. */
export function selectAll(root: HtmlDocument | HtmlElement, selectors: string): HtmlElement[] {
  try {
    return Array.from(root.querySelectorAll(selectors));
  } catch {
    return [];
  }
}

/** Runs a selector for its first match; an invalid selector yields undefined. */
export function selectOne(root: HtmlDocument | HtmlElement, selectors: string): HtmlElement | undefined {
  try {
    return root.querySelector(selectors) ?? undefined;
  } catch {
    return undefined;
  }
}
