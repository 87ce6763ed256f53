import type { Decoded, Rejection } from './types';

export type DecodeOptions = { readonly maxBytes: number; readonly contentType?: string };

/** Decodes raw bytes into text (placeholder: UTF-8 only). */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions): Decoded | Rejection {
  if (bytes.length === 0) return { kind: 'rejected', code: 'EMPTY', message: 'The input is empty (0 bytes).' };
  if (bytes.length > options.maxBytes)
    return { kind: 'rejected', code: 'TOO_LARGE', message: `The input is ${bytes.length} bytes; the limit is ${options.maxBytes}.` };
  return { kind: 'decoded', text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
}
