import type { InputFormat, ParsedDocument, Rejection } from './types';

/** Splits a decoded document into title, body and metadata (placeholder: plain text only). */
export function parseDocument(text: string, format: InputFormat): ParsedDocument | Rejection {
  const lines = text.trim().split(/\n/);
  const title = (lines[0] ?? '').trim();
  return { kind: 'parsed', format, title, body: lines.slice(1).join('\n').trim() };
}
