import type { ParsedDocument } from '../types';

/** A first line longer than this is prose, not a title. */
const MAX_TITLE_CHARS = 150;
const TERMINAL_PUNCTUATION = /[.!?…:;,。！？]["'”’»)]*$/u;
/** A next line that starts in lower case continues the first line's sentence (a hard wrap, not a title). */
const CONTINUATION_START = /^\p{Ll}/u;

/** Splits text into paragraphs at blank lines; lines inside a paragraph are kept for cleaning to reflow. */
export function splitParagraphs(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n/)
    .map((p) => p.replace(/^\n+/, '').trimEnd())
    .filter((p) => p.trim() !== '');
}

/**
 * Whether the first line of a text is its title: short, and either followed by a blank line (or
 * nothing) or without terminal punctuation and not continued by a lower-case line.
 */
function isTitleLine(line: string, next: string | undefined): boolean {
  const trimmed = line.trim();
  if (trimmed === '' || trimmed.length > MAX_TITLE_CHARS) return false;
  if (next === undefined || next.trim() === '') return true;
  return !TERMINAL_PUNCTUATION.test(trimmed) && !CONTINUATION_START.test(next.trim());
}

/**
 * Parses plain text (the BBC-like layout: title on line 1, a blank line, paragraphs). The first line
 * is the title when `isTitleLine` says so; otherwise the title is empty and later stages derive one.
 */
export function parseText(text: string): ParsedDocument {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/^\ufeff/, '')
    .split('\n');
  const start = lines.findIndex((line) => line.trim() !== '');
  const first = start < 0 ? undefined : lines[start];
  if (first !== undefined && lines.length > start + 1 && isTitleLine(first, lines[start + 1])) {
    return {
      kind: 'parsed',
      format: 'text',
      title: first.trim(),
      body: splitParagraphs(lines.slice(start + 1).join('\n')).join('\n\n'),
    };
  }
  return { kind: 'parsed', format: 'text', title: '', body: splitParagraphs(lines.join('\n')).join('\n\n') };
}
