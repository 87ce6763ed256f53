import type { InputFormat } from './types';

export type FormatHint = { readonly contentType?: string; readonly fileName?: string };

/** Guesses the input format from content type, file name and content (placeholder). */
export function detectFormat(text: string, hint: FormatHint): InputFormat {
  if (/^\s*</.test(text) || hint.fileName?.endsWith('.html')) return 'html';
  if (/^\s*\{/.test(text)) return 'json';
  return 'text';
}
