import type { Claim, DedupVerdict, Entity } from '../pipeline';
import type { ResultDocument } from '../ports';
import { versionOrder } from '../ports';
import * as z from '../zod';

/**
 * Result documents as read back from the results store: validated envelopes, and the rewrites the service
 * makes of a stored result (demoting it to a duplicate).
 */

/**
 * The envelope of a stored result, validated when read back from storage. Only the fields
 * factsum relies on are checked; the rest passes through untouched.
 */
export const storedResultSchema = z.looseObject({
  schemaVersion: z.literal(1),
  status: z.enum(['processed', 'duplicate', 'rejected']),
  source: z.looseObject({
    bucket: z.optional(z.string()),
    key: z.optional(z.string()),
    path: z.optional(z.string()),
    etag: z.optional(z.string()),
    versionId: z.optional(z.string()),
    sequencer: z.optional(z.string()),
    uploadedAt: z.optional(z.string()),
    size: z.number(),
    sha256: z.optional(z.string()),
  }),
  dedup: z.looseObject({
    kind: z.enum(['unique', 'exact', 'near']),
    of: z.optional(z.string()),
    nearCopyOf: z.optional(z.string()),
  }),
  summary: z.optional(z.unknown()),
  claims: z.optional(z.unknown()),
  limits: z.optional(z.unknown()),
});

export type StoredResult = z.infer<typeof storedResultSchema>;

/** Validates a parsed result document; undefined when it is not a factsum result. */
export function parseStoredResult(value: unknown): StoredResult | undefined {
  const parsed = storedResultSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Rewrites a stored result as a duplicate: what happens to a copy that declared itself canonical before an
 * earlier upload of the same body was indexed. Its summary and claims go; the article stays.
 */
export function demoteResult(stored: StoredResult, dedup: DedupVerdict): ResultDocument {
  const { summary: _summary, claims: _claims, limits, ...rest } = stored;
  // What the work budget cut in extraction still describes the article; cuts of the analysis went with it.
  const listed = (limits as { truncated?: unknown } | undefined)?.truncated;
  const truncated = (Array.isArray(listed) ? (listed as { stage?: unknown }[]) : []).filter(
    (t) => t?.stage === 'extract',
  );
  return { ...rest, ...(truncated.length > 0 ? { limits: { truncated } } : {}), status: 'duplicate', dedup };
}

/** The version order (lib/ports.ts versionOrder) of the input a stored result was computed from. */
export function storedOrder(stored: StoredResult): string | undefined {
  const { uploadedAt, sequencer } = stored.source;
  return uploadedAt === undefined
    ? undefined
    : versionOrder({ uploadedAt, ...(sequencer ? { sequencer } : {}) });
}

const entityType = z.enum(['person', 'organization', 'place', 'other']);
const storedEntitySchema = z.union([
  z.object({ text: z.string(), start: z.number(), end: z.number(), type: entityType, canonical: z.string() }),
  // Results written before the trained tagger: `kind` (with 'organisation'), no offsets, no canonical.
  z.object({ text: z.string(), kind: z.enum(['person', 'organisation', 'place', 'other']) }),
]);

/** An entity as the pipeline now writes it; a legacy one is located in its claim's text. */
function upgradeEntity(
  claim: { readonly text: string; readonly start: number },
  entity: z.infer<typeof storedEntitySchema>,
): Entity {
  if ('type' in entity) return entity;
  const at = Math.max(0, claim.text.indexOf(entity.text));
  return {
    text: entity.text,
    start: claim.start + at,
    end: claim.start + at + entity.text.length,
    type: entity.kind === 'organisation' ? 'organization' : entity.kind,
    canonical: entity.text,
  };
}

/** The claim fields the claims index is keyed on, validated when a stored result is read back. */
const storedClaimFields = z.looseObject({
  text: z.string(),
  start: z.number(),
  end: z.number(),
  score: z.number(),
  checkworthy: z.boolean(),
  types: z.array(z.enum(['numeric', 'temporal', 'quote', 'attribution', 'comparison', 'causal', 'event'])),
  entities: z.array(storedEntitySchema),
  numbers: z.array(
    z.object({
      text: z.string(),
      value: z.number(),
      unit: z.enum(['percent', 'currency', 'count']),
      currency: z.optional(z.string()),
    }),
  ),
  dates: z.array(z.object({ text: z.string(), value: z.optional(z.string()) })),
  hedged: z.boolean(),
});
const storedClaimSchema = z.pipe(
  storedClaimFields,
  z.transform((claim) => ({ ...claim, entities: claim.entities.map((e) => upgradeEntity(claim, e)) })),
);

/** The claims of a stored result; [] when there are none or they do not parse. */
export function parseStoredClaims(value: unknown): Claim[] {
  const parsed = z.array(storedClaimSchema).safeParse(value);
  return parsed.success ? parsed.data : [];
}

const storedLinksSchema = z.array(
  z.looseObject({ related: z.optional(z.array(z.looseObject({ articleId: z.string() }))) }),
);

/** The other articles a stored result's claims link to (`claims[].related[].articleId`), each once, sorted. */
export function linkedArticles(stored: StoredResult): string[] {
  const parsed = storedLinksSchema.safeParse(stored.claims);
  if (!parsed.success) return [];
  const ids = new Set(parsed.data.flatMap((claim) => (claim.related ?? []).map((r) => r.articleId)));
  return [...ids].sort();
}
