/**
 * Magic numbers of binary formats that people upload by mistake instead of an article.
 * Recognising them by name gives the uploader a precise reason ("this is a PDF").
 */

type Signature = { readonly name: string; readonly offset: number; readonly bytes: readonly number[] };

/** Byte strings as code points; every signature here is ASCII or written as explicit bytes. */
function ascii(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0));
}

const SIGNATURES: readonly Signature[] = [
  { name: 'PDF document', offset: 0, bytes: ascii('%PDF-') },
  { name: 'PNG image', offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { name: 'JPEG image', offset: 0, bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', offset: 0, bytes: ascii('GIF87a') },
  { name: 'GIF image', offset: 0, bytes: ascii('GIF89a') },
  { name: 'WebP image', offset: 8, bytes: ascii('WEBP') },
  { name: 'ZIP archive (or DOCX/XLSX/EPUB)', offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] },
  { name: 'ZIP archive (empty)', offset: 0, bytes: [0x50, 0x4b, 0x05, 0x06] },
  { name: 'GZIP archive', offset: 0, bytes: [0x1f, 0x8b] },
  { name: 'BZIP2 archive', offset: 0, bytes: [0x42, 0x5a, 0x68, 0x39, 0x31, 0x41, 0x59, 0x26, 0x53, 0x59] },
  { name: '7-Zip archive', offset: 0, bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'XZ archive', offset: 0, bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { name: 'Zstandard archive', offset: 0, bytes: [0x28, 0xb5, 0x2f, 0xfd] },
  { name: 'RAR archive', offset: 0, bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  {
    name: 'Microsoft Office (OLE2) document',
    offset: 0,
    bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  },
  { name: 'ELF executable', offset: 0, bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'WebAssembly module', offset: 0, bytes: [0x00, 0x61, 0x73, 0x6d] },
  { name: 'SQLite database', offset: 0, bytes: ascii('SQLite format 3\u0000') },
  { name: 'Ogg media', offset: 0, bytes: ascii('OggS') },
  { name: 'MP4/QuickTime media', offset: 4, bytes: ascii('ftyp') },
];

function matchesAt(bytes: Uint8Array, signature: Signature): boolean {
  if (bytes.length < signature.offset + signature.bytes.length) return false;
  return signature.bytes.every((b, i) => bytes[signature.offset + i] === b);
}

/** Names the binary format whose magic number starts `bytes`, or returns undefined when none matches. */
export function detectBinarySignature(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => matchesAt(bytes, signature))?.name;
}
