import { STOPWORDS } from './stopwords';

const WORD = /[\p{L}\p{N}]+/gu;

/** Lowercase alphanumeric word tokens of a text, in order (Unicode letters and digits). */
export function tokenizeWords(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}

/**
 * Content terms of a text: lowercase tokens without stopwords or one-character tokens, with a plural "s"
 * folded ("profits" → "profit") so that inflections still match; deliberately lighter than Porter stemming.
 */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenizeWords(text)) {
    if (t.length < 2 || STOPWORDS.has(t)) continue;
    out.push(t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t);
  }
  return out;
}
