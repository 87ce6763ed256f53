import { createHash } from 'node:crypto';

/** SHA-256 of bytes or text, as lowercase hex. */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/**
 * Normalises an article body for identity: Unicode NFKC, case-folded, every run of
 * non-letters/digits collapsed to one space. Whitespace, case and punctuation edits then
 * leave the identity unchanged; the title is deliberately not part of it (identity is the body).
 */
export function normalizeForIdentity(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The exact-duplicate key of an article body: SHA-256 of its identity-normalised text. */
export function fingerprintBody(text: string): string {
  return sha256Hex(normalizeForIdentity(text));
}
