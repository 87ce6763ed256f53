import type { InputFormat, ParsedDocument, Rejection } from '../types';
import { parseHtml } from './html/parse-html';
import { parseJson } from './parse-json';
import { parseMarkdown } from './parse-markdown';
import { parseText } from './parse-text';

/**
 * Splits a decoded document into title, body (paragraphs separated by "\n\n") and metadata, using
 * the parser for its format. Bad JSON is a MALFORMED rejection; no parser throws on arbitrary input
 * (an unexpected parser fault also becomes MALFORMED, with the fault's message).
 */
export function parseDocument(text: string, format: InputFormat): ParsedDocument | Rejection {
  try {
    switch (format) {
      case 'html':
        return parseHtml(text);
      case 'json':
        return parseJson(text);
      case 'markdown':
        return parseMarkdown(text);
      case 'text':
        return parseText(text);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      kind: 'rejected',
      code: 'MALFORMED',
      message: `The ${format} document could not be parsed: ${reason}`,
    };
  }
}
