import * as z from '../../../zod';

const part = { text: z.string(), start: z.number(), end: z.number() };

/**
 * A claim frame as stored (in a result or a claims-index item), validated when read back: the shape of
 * ClaimFrame in lib/pipeline/types.ts.
 */
export const claimFrameSchema = z.object({
  subject: z.object({
    ...part,
    keys: z.array(z.string()),
    fullNames: z.array(z.string()),
    alsoNamed: z.optional(z.array(z.string())),
    kind: z.enum(['entity', 'speaker', 'noun']),
  }),
  measure: z.object({ ...part, key: z.string(), verb: z.optional(z.string()) }),
  value: z.object({
    ...part,
    kind: z.enum(['number', 'date']),
    unit: z.string(),
    amount: z.optional(z.number()),
    precision: z.optional(z.number()),
    qualifier: z.optional(z.enum(['more-than', 'at-least', 'about', 'nearly', 'less-than', 'at-most'])),
    date: z.optional(z.string()),
  }),
  time: z.optional(z.object({ ...part, value: z.string() })),
});
