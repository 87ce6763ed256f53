import { extractDates } from '../claims/mentions';

/** The longest claim a record may hold: a checked claim is a sentence or two, not an article. */
export const MAX_CLAIM_CHARS = 2_000;
/** The longest title, description, publisher or rating text. */
export const MAX_FIELD_CHARS = 5_000;

/** A field's value, or why it cannot be imported. */
export type FieldCheck<T> =
  | { readonly ok: true; readonly value: T | undefined }
  | { readonly ok: false; readonly reason: string };

const ok = <T>(value: T | undefined): FieldCheck<T> => ({ ok: true, value });
const bad = (reason: string): FieldCheck<never> => ({ ok: false, reason });

/** A text field: absent, or a string within the length limit (kept exactly as written). */
export function checkText(name: string, value: unknown, max = MAX_FIELD_CHARS): FieldCheck<string> {
  if (value === undefined || value === null) return ok(undefined);
  if (typeof value !== 'string') return bad(`${name} must be a string, not ${describe(value)}`);
  if (value.length > max)
    return bad(`${name} is ${value.length} characters long; at most ${max} are allowed`);
  return ok(value.trim() === '' ? undefined : value);
}

/** The claim: a non-empty string within MAX_CLAIM_CHARS. */
export function checkClaim(name: string, value: unknown): FieldCheck<string> {
  const text = checkText(name, value, MAX_CLAIM_CHARS);
  if (text.ok && text.value === undefined) return bad(`${name} is missing or empty`);
  return text;
}

/** A URL: absent, or an absolute http(s) URL (kept exactly as written, not normalised). */
export function checkUrl(name: string, value: unknown): FieldCheck<string> {
  const text = checkText(name, value);
  if (!text.ok || text.value === undefined) return text;
  let parsed: URL | undefined;
  try {
    parsed = new URL(text.value);
  } catch {
    parsed = undefined;
  }
  if (parsed === undefined || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')) {
    return bad(`${name} '${clip(text.value)}' is not an absolute http(s) URL`);
  }
  return text;
}

/** A date: absent, or one that reads as a calendar date (ISO 8601 such as 2024-03-12, or 12 March 2024). */
export function checkDate(name: string, value: unknown): FieldCheck<string> {
  const text = checkText(name, value);
  if (!text.ok || text.value === undefined) return text;
  const found = extractDates(text.value.slice(0, 100))[0];
  if (found === undefined || found.mention.value === undefined || found.start > 0) {
    return bad(`${name} '${clip(text.value)}' is not a date (write it as ISO 8601, e.g. 2024-03-12)`);
  }
  return text;
}

/** A short description of a JSON value for messages: its type, or an array. */
export function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A value shortened for a message. */
export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
