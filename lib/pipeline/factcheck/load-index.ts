import * as z from '../../zod';
import {
  type FactCheckIndex,
  INDEX_FORMAT,
  INDEX_FORMAT_VERSION,
  type IndexBody,
  openIndex,
} from './search-index';

/** A serialised index that cannot be used: not one, another format version, or damaged. */
export class FactCheckIndexError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'FactCheckIndexError';
  }
}

const scalar = z.union([z.string(), z.number()]);

/** A stored record: the fields of FactCheckRecord and nothing else. */
export const recordSchema = z.object({
  id: z.string().check(z.minLength(1)),
  claimReviewed: z.string().check(z.minLength(1)),
  title: z.optional(z.string()),
  subtitle: z.optional(z.string()),
  rating: z.optional(z.string()),
  ratingScale: z.optional(
    z.object({ ratingValue: scalar, bestRating: z.optional(scalar), worstRating: z.optional(scalar) }),
  ),
  publisher: z.optional(z.string()),
  url: z.optional(z.string()),
  date: z.optional(z.string()),
  language: z.optional(z.string()),
  licence: z.optional(z.string()),
});

/** A JSON object whose every value is a number: one field's postings (document → term frequency). */
function isNumberMap(value: unknown): value is Record<string, number> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  for (const key in value) if (typeof (value as Record<string, unknown>)[key] !== 'number') return false;
  return true;
}

/**
 * The inverted index of MiniSearch's serialised form, term → field → document → term frequency, checked down
 * to its numbers with plain loops: it is most of the file, and a schema library is several times slower here.
 */
function isPostingList(value: unknown): value is [string, Record<string, Record<string, number>>][] {
  if (!Array.isArray(value)) return false;
  for (const entry of value) {
    if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[0] !== 'string') return false;
    const fields: unknown = entry[1];
    if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return false;
    for (const key in fields) if (!isNumberMap((fields as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** MiniSearch's serialised form (its `serializationVersion` 2), the inverted index checked by isPostingList. */
const searchSchema = z.object({
  documentCount: z.number(),
  nextId: z.number(),
  documentIds: z.record(z.string(), z.number()),
  fieldIds: z.record(z.string(), z.number()),
  fieldLength: z.record(z.string(), z.array(z.number())),
  averageFieldLength: z.array(z.number()),
  storedFields: z.record(z.string(), z.unknown()),
  dirtCount: z.optional(z.number()),
  index: z.custom<[string, Record<string, Record<string, number>>][]>(isPostingList, 'malformed postings'),
  serializationVersion: z.literal(2),
});

const indexSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  formatVersion: z.number(),
  version: z.string().check(z.regex(/^[0-9a-f]{64}$/)),
  body: z.object({
    records: z.array(recordSchema),
    dfTerms: z.array(z.string()),
    dfCounts: z.array(z.number()),
    search: searchSchema,
  }),
});

/**
 * Opens a serialised fact-check index (serializeIndex's output): checks its format and version and every
 * field, then makes it searchable. Throws FactCheckIndexError when the text is not such an index.
 */
export function loadIndex(text: string): FactCheckIndex {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new FactCheckIndexError('the fact-check index is not JSON', { cause: error });
  }
  const parsed = z.safeParse(indexSchema, raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    throw new FactCheckIndexError(
      `not a fact-check index: ${where ? `${where}: ` : ''}${issue?.message ?? ''}`,
    );
  }
  const { formatVersion, version, body } = parsed.data;
  if (formatVersion !== INDEX_FORMAT_VERSION) {
    throw new FactCheckIndexError(
      `fact-check index format version ${formatVersion} is not ${INDEX_FORMAT_VERSION}: re-import the library`,
    );
  }
  if (body.records.length !== body.search.documentCount || body.dfTerms.length !== body.dfCounts.length) {
    throw new FactCheckIndexError('the fact-check index is damaged: its parts disagree in size');
  }
  const checked: IndexBody = body;
  return openIndex(version, checked);
}

/** True when a text starts like a serialised fact-check index (rather than a feed to import). */
export function looksLikeIndex(text: string): boolean {
  return text.trimStart().startsWith(`{"format":"${INDEX_FORMAT}"`);
}
