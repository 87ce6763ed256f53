import * as z from '../../zod';
import { SPACE_RUNS } from '../text/space-runs';
import type { ParsedDocument, Rejection } from '../types';
import { htmlFragmentToParagraphs } from './html/parse-html';
import { findJsonErrorOffset } from './json-error-offset';
import { normalizeDate } from './normalize-date';
import { splitParagraphs } from './parse-text';

/** Field names accepted for each part of a JSON article, in order of preference. */
const TITLE_KEYS = ['title', 'headline', 'name'] as const;
const BODY_KEYS = ['body', 'text', 'content', 'articleBody'] as const;
const URL_KEYS = ['url', 'link', 'canonical'] as const;
const PUBLISHED_KEYS = ['published', 'datePublished', 'date', 'publishedAt', 'pubDate'] as const;
const LANGUAGE_KEYS = ['language', 'lang', 'inLanguage'] as const;
const BYLINE_KEYS = ['byline', 'author'] as const;

/** A JSON body counts as HTML when it contains block or line-break markup. */
const HTML_BODY = /<(?:p|div|br|h[1-6]|ul|ol|li|blockquote|article|section|span|a|strong|em)\b[^<>]{0,500}>/i;

const JsonObject = z.record(z.string(), z.unknown());
type JsonObject = z.infer<typeof JsonObject>;
const NamedAuthor = z.pipe(
  z.object({ name: z.string() }),
  z.transform((a: { name: string }) => a.name),
);
const Author = z.union([
  z.string(),
  NamedAuthor,
  z.pipe(
    z.array(z.union([z.string(), NamedAuthor])),
    z.transform((names: string[]) => names.join(', ')),
  ),
]);

function malformed(message: string): Rejection {
  return { kind: 'rejected', code: 'MALFORMED', message };
}

/** Line and column (1-based) of a character offset, for error messages people can act on. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

/** Characters of context shown around a JSON syntax error. */
const ERROR_CONTEXT_CHARS = 20;

function describeSyntaxError(text: string): string {
  if (text.trim() === '') return 'The JSON is empty.';
  const offset = findJsonErrorOffset(text) ?? 0;
  if (offset >= text.length)
    return `The JSON ends unexpectedly at position ${offset} (${lineAndColumn(text, offset)}).`;
  const near = JSON.stringify(text.slice(offset, offset + ERROR_CONTEXT_CHARS));
  return `The JSON is not valid at position ${offset} (${lineAndColumn(text, offset)}), near ${near}.`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

function firstString(object: JsonObject, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = object[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function findBody(object: JsonObject): { body: string } | Rejection {
  for (const key of BODY_KEYS) {
    const value = object[key];
    if (value === undefined) continue;
    if (typeof value !== 'string')
      return malformed(`The JSON field "${key}" is ${typeName(value)}; the article body must be a string.`);
    return { body: value };
  }
  const keys = Object.keys(object);
  const found = keys.length === 0 ? 'the object is empty' : `found keys: ${keys.slice(0, 20).join(', ')}`;
  return malformed(
    `The JSON has no article body: expected a string in ${BODY_KEYS.map((k) => `"${k}"`).join(', ')} (${found}).`,
  );
}

function bodyParagraphs(body: string): string[] {
  return HTML_BODY.test(body) ? htmlFragmentToParagraphs(body) : splitParagraphs(body);
}

/**
 * Parses a JSON article `{title, body|text, url, published}` (also `headline`, `content`,
 * `articleBody`, `datePublished`, `date`, `link`, `author`, `language`). A body containing HTML is
 * reduced to its paragraphs. Invalid JSON, a non-object, or a missing or non-string body is MALFORMED
 * with the position or the field at fault.
 */
export function parseJson(text: string): ParsedDocument | Rejection {
  const source = text.replace(/^\ufeff/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(source);
  } catch {
    return malformed(describeSyntaxError(source));
  }
  const object = JsonObject.safeParse(parsed);
  if (!object.success || Array.isArray(parsed))
    return malformed(`The JSON must be an object with a title and a body; it is ${typeName(parsed)}.`);
  const found = findBody(object.data);
  if ('kind' in found) return found;

  const title = firstString(object.data, TITLE_KEYS) ?? '';
  const url = firstString(object.data, URL_KEYS);
  const published = normalizeDate(firstString(object.data, PUBLISHED_KEYS));
  const language = firstString(object.data, LANGUAGE_KEYS);
  const bylineValue = BYLINE_KEYS.map((k) => Author.safeParse(object.data[k])).find((r) => r.success);
  const byline = bylineValue?.success ? bylineValue.data.trim() : undefined;
  return {
    kind: 'parsed',
    format: 'json',
    title: title.replace(SPACE_RUNS, ' '),
    body: bodyParagraphs(found.body).join('\n\n'),
    ...(url === undefined ? {} : { url }),
    ...(published === undefined ? {} : { published }),
    ...(language === undefined ? {} : { language }),
    ...(byline ? { byline } : {}),
  };
}
