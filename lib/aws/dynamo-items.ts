import type { Registration, VersionEntry } from '../ports';
import * as z from '../zod';

/** A signature as bytes (little-endian uint32s), for a binary attribute. */
export function encodeSignature(signature: Uint32Array): Uint8Array {
  const bytes = new Uint8Array(signature.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < signature.length; i++) view.setUint32(i * 4, signature[i] ?? 0, true);
  return bytes;
}

/** Reads a signature written by encodeSignature; undefined when the attribute is not one. */
export function decodeSignature(value: unknown): Uint32Array | undefined {
  if (!(value instanceof Uint8Array) || value.length % 4 !== 0 || value.length === 0) return undefined;
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength);
  const signature = new Uint32Array(value.length / 4);
  for (let i = 0; i < signature.length; i++) signature[i] = view.getUint32(i * 4, true);
  return signature;
}

const versionEntrySchema = z.looseObject({ id: z.string(), uploadedAt: z.string(), etag: z.string() });

/** An index item read back as the version entry it names; undefined for items of another shape. */
export function versionEntryFromItem(item: Record<string, unknown> | undefined): VersionEntry | undefined {
  const parsed = versionEntrySchema.safeParse(item);
  return parsed.success
    ? { id: parsed.data.id, uploadedAt: parsed.data.uploadedAt, etag: parsed.data.etag }
    : undefined;
}

const registrationSchema = z.looseObject({
  id: z.string(),
  uploadedAt: z.string(),
  etag: z.string(),
  order: z.string(),
  state: z.enum(['pending', 'done', 'deleted']),
  versionId: z.optional(z.string()),
  sequencer: z.optional(z.string()),
  bodyHash: z.optional(z.string()),
  signature: z.optional(z.unknown()),
  figures: z.optional(z.unknown()),
  banded: z.optional(z.boolean()),
  claimKeys: z.optional(z.array(z.array(z.string()))),
});

/** A registration item read back; undefined for items of another shape. */
export function registrationFromItem(item: Record<string, unknown> | undefined): Registration | undefined {
  const parsed = registrationSchema.safeParse(item);
  if (!parsed.success) return undefined;
  const { signature: raw, figures: rawFigures, pk: _pk, sk: _sk, ...rest } = parsed.data;
  const signature = decodeSignature(raw);
  const figures = decodeSignature(rawFigures);
  return {
    id: rest.id,
    uploadedAt: rest.uploadedAt,
    etag: rest.etag,
    order: rest.order,
    state: rest.state,
    ...(rest.versionId === undefined ? {} : { versionId: rest.versionId }),
    ...(rest.sequencer === undefined ? {} : { sequencer: rest.sequencer }),
    ...(rest.bodyHash === undefined ? {} : { bodyHash: rest.bodyHash }),
    ...(signature === undefined ? {} : { signature }),
    ...(figures === undefined ? {} : { figures }),
    ...(rest.banded === undefined ? {} : { banded: rest.banded }),
    ...(rest.claimKeys === undefined ? {} : { claimKeys: rest.claimKeys }),
  };
}
