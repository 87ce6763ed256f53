import type { InputFormat } from '../types';

export type FormatHint = { readonly contentType?: string; readonly fileName?: string };

/** Sniffing looks at the start of the text only: formats announce themselves early, and it bounds the cost. */
const SNIFF_CHARS = 16 * 1024;

/** Markup that only an HTML document starts with. */
const HTML_START =
  /^\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[\s\S]{0,2000}?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

/** Tags that prose never contains; a dozen of them mean the text is HTML, whatever it claims. */
const HTML_TAG =
  /<\/?(?:p|div|span|a|br|img|ul|ol|li|h[1-6]|table|tr|td|script|style|meta|link|article|section|nav|header|footer|strong|em|b|i)\b[^<>]{0,500}>/gi;
const MIN_TAGS_FOR_HTML = 12;
/** Fewer tags still make it HTML when they are dense: at least one per 200 characters of text. */
const MIN_TAGS_FOR_DENSE_HTML = 3;
const CHARS_PER_TAG_DENSE = 200;

/** Markdown signals and their weights: structure that plain prose does not produce by accident. */
const MARKDOWN_SIGNALS: readonly { readonly pattern: RegExp; readonly weight: number }[] = [
  { pattern: /^#{1,6}[ \t]+\S/gm, weight: 2 },
  { pattern: /\[[^[\]\n]{1,300}\]\([^()\s]{1,500}\)/g, weight: 2 },
  { pattern: /^```/gm, weight: 2 },
  { pattern: /\*\*[^*\n]{1,200}\*\*|__[^_\n]{1,200}__/g, weight: 1 },
  { pattern: /^[ \t]{0,3}[-*+][ \t]+\S/gm, weight: 1 },
  { pattern: /^>[ \t]?\S/gm, weight: 1 },
  { pattern: /^(?:=+|-+)[ \t]*$/gm, weight: 1 },
];
const MIN_MARKDOWN_SCORE = 3;
/** Each signal counts at most this often, so one long bullet list alone does not make a text Markdown. */
const MAX_HITS_PER_SIGNAL = 2;
const FRONT_MATTER = /^---[ \t]*\n[\s\S]{0,4000}?\n---[ \t]*(?:\n|$)/;

const CONTENT_TYPES: ReadonlyMap<string, InputFormat> = new Map([
  ['text/html', 'html'],
  ['application/xhtml+xml', 'html'],
  ['application/json', 'json'],
  ['text/json', 'json'],
  ['application/ld+json', 'json'],
  ['text/markdown', 'markdown'],
  ['text/x-markdown', 'markdown'],
  ['text/plain', 'text'],
]);

const EXTENSIONS: ReadonlyMap<string, InputFormat> = new Map([
  ['html', 'html'],
  ['htm', 'html'],
  ['xhtml', 'html'],
  ['json', 'json'],
  ['md', 'markdown'],
  ['markdown', 'markdown'],
  ['mdown', 'markdown'],
  ['txt', 'text'],
  ['text', 'text'],
]);

function formatFromContentType(contentType: string | undefined): InputFormat | undefined {
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase();
  if (mediaType === undefined || mediaType === '') return undefined;
  if (mediaType.endsWith('+json')) return 'json';
  return CONTENT_TYPES.get(mediaType);
}

function formatFromFileName(fileName: string | undefined): InputFormat | undefined {
  if (fileName === undefined) return undefined;
  const base = fileName.split(/[/\\]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  if (dot <= 0) return undefined;
  return EXTENSIONS.get(base.slice(dot + 1).toLowerCase());
}

function countMatches(pattern: RegExp, text: string, cap: number): number {
  let count = 0;
  pattern.lastIndex = 0;
  while (count < cap && pattern.exec(text) !== null) count += 1;
  pattern.lastIndex = 0;
  return count;
}

function looksLikeHtml(head: string): boolean {
  if (HTML_START.test(head)) return true;
  const tags = countMatches(HTML_TAG, head, MIN_TAGS_FOR_HTML);
  if (tags >= MIN_TAGS_FOR_HTML) return true;
  return (
    tags >= MIN_TAGS_FOR_DENSE_HTML &&
    head.trimStart().startsWith('<') &&
    head.length / tags <= CHARS_PER_TAG_DENSE
  );
}

function looksLikeJson(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return false;
  try {
    JSON.parse(trimmed);
    return true;
  } catch {
    return false;
  }
}

function markdownScore(head: string): number {
  let score = FRONT_MATTER.test(head) ? MIN_MARKDOWN_SCORE : 0;
  for (const { pattern, weight } of MARKDOWN_SIGNALS)
    score += weight * countMatches(pattern, head, MAX_HITS_PER_SIGNAL);
  return score;
}

function sniff(text: string, head: string): InputFormat {
  if (looksLikeHtml(head)) return 'html';
  if (looksLikeJson(text)) return 'json';
  if (markdownScore(head) >= MIN_MARKDOWN_SCORE) return 'markdown';
  return 'text';
}

/** Reconciles a declared format with what the content looks like. */
function reconcile(declared: InputFormat, text: string, head: string): InputFormat {
  switch (declared) {
    case 'html':
      // A .html file without a single tag reads better as plain text (its line breaks survive).
      return countMatches(HTML_TAG, head, 1) > 0 || HTML_START.test(head) ? 'html' : sniff(text, head);
    case 'json':
      // Declared JSON that starts like JSON stays JSON, so that a syntax error is reported as MALFORMED.
      return /^\s*[{[]/.test(head) ? 'json' : sniff(text, head);
    case 'markdown':
      return HTML_START.test(head) ? 'html' : 'markdown';
    case 'text':
      // Plain text that is obviously HTML (or a JSON article) is parsed as what it is.
      if (looksLikeHtml(head)) return 'html';
      return looksLikeJson(text) ? 'json' : 'text';
  }
}

/**
 * Decides the input format. A specific content type wins, then the file extension (which beats a
 * generic `text/plain`), then content sniffing (doctype or many tags → html; a parseable `{…}` →
 * json; headings, links, fences, emphasis → markdown; else text). A declared format that the content
 * clearly contradicts (say `text/plain` holding an HTML page) yields to the content.
 */
export function detectFormat(text: string, hint: FormatHint): InputFormat {
  const head = text.slice(0, SNIFF_CHARS).replace(/^\ufeff/, '');
  const byType = formatFromContentType(hint.contentType);
  const byName = formatFromFileName(hint.fileName);
  const declared = byType === 'text' ? (byName ?? byType) : (byType ?? byName);
  return declared === undefined ? sniff(text, head) : reconcile(declared, text, head);
}
