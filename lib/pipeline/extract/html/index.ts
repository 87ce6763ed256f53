/** extract/html: an HTML page → its article paragraphs and metadata (DOM via linkedom, page furniture removed, Readability as a fallback). */
export { htmlFragmentToParagraphs, parseHtml } from './parse-html';
