/** extract: decoded text → a parsed document (title, paragraphs, metadata) from plain text, Markdown, JSON or HTML (extract/html/). */
export { detectFormat, type FormatHint } from './detect-format';
export { detectLanguage } from './language';
export { parseDocument } from './parse-document';
export { splitParagraphs } from './parse-text';
