import type { Article, ParsedDocument, Rejection } from './types';

/** Normalises the body and drops repeated paragraphs and boilerplate (placeholder). */
export function cleanArticle(doc: ParsedDocument): Article | Rejection {
  const text = doc.body.normalize('NFC').trim();
  if (text === '') return { kind: 'rejected', code: 'NO_TEXT', message: 'No article text was found.' };
  return {
    title: doc.title,
    text,
    wordCount: text.split(/\s+/).length,
    removed: { repeatedParagraphs: 0, boilerplateBlocks: 0 },
  };
}
