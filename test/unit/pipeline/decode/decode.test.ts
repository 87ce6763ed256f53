import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../../../lib/pipeline/decode/decode';

const LIMIT = 1_000;
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const out: number[] = bom ? (endian === 'le' ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (endian === 'le') out.push(unit & 0xff, unit >> 8);
    else out.push(unit >> 8, unit & 0xff);
  }
  return Uint8Array.from(out);
}

describe('decodeBytes: decoding', () => {
  const cases: { name: string; input: Uint8Array; contentType?: string; text: string; encoding: string }[] = [
    { name: 'plain ASCII', input: utf8('Hello, world.'), text: 'Hello, world.', encoding: 'utf-8' },
    {
      name: 'UTF-8 without BOM',
      input: utf8('Café Zürich — 5 €'),
      text: 'Café Zürich — 5 €',
      encoding: 'utf-8',
    },
    {
      name: 'UTF-8 with BOM (the BOM is not part of the text)',
      input: concat(bytes(0xef, 0xbb, 0xbf), utf8('Straße')),
      text: 'Straße',
      encoding: 'utf-8-bom',
    },
    {
      name: 'UTF-16 LE with BOM',
      input: utf16('Ölpreis steigt', 'le', true),
      text: 'Ölpreis steigt',
      encoding: 'utf-16le',
    },
    {
      name: 'UTF-16 BE with BOM',
      input: utf16('Ölpreis steigt', 'be', true),
      text: 'Ölpreis steigt',
      encoding: 'utf-16be',
    },
    {
      name: 'UTF-16 LE without BOM (zero high bytes)',
      input: utf16('A plain English sentence.', 'le', false),
      text: 'A plain English sentence.',
      encoding: 'utf-16le',
    },
    {
      name: 'windows-1252 smart quotes fall back from invalid UTF-8',
      input: concat(bytes(0x93), utf8('Hi'), bytes(0x94), utf8(' caf'), bytes(0xe9)),
      text: '“Hi” café',
      encoding: 'windows-1252',
    },
    {
      name: 'charset from the content type',
      input: concat(utf8('<p>r'), bytes(0xe9), utf8('sum'), bytes(0xe9), utf8('</p>')),
      contentType: 'text/html; charset=ISO-8859-1',
      text: '<p>résumé</p>',
      encoding: 'iso-8859-1',
    },
    {
      name: 'charset from <meta charset> in the first 2 KB',
      input: concat(
        utf8('<html><head><meta charset="windows-1252"></head><body>'),
        bytes(0x80),
        utf8('5</body></html>'),
      ),
      text: '<html><head><meta charset="windows-1252"></head><body>€5</body></html>',
      encoding: 'windows-1252',
    },
    {
      name: 'charset from <meta http-equiv content-type>',
      input: concat(
        utf8('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>'),
        bytes(0xa4),
        utf8('</p>'),
      ),
      text: '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"><p>€</p>',
      encoding: 'iso-8859-15',
    },
    {
      name: 'a page labelled Latin-1 whose bytes are valid UTF-8 is read as UTF-8',
      input: utf8('<meta charset="iso-8859-1"><p>Café</p>'),
      text: '<meta charset="iso-8859-1"><p>Café</p>',
      encoding: 'utf-8',
    },
    {
      name: 'UTF-8 with one broken byte among many valid sequences is decoded lossily',
      input: concat(utf8('é'.repeat(20)), bytes(0xff), utf8(' fin')),
      text: `${'é'.repeat(20)}\ufffd fin`,
      encoding: 'utf-8-lossy',
    },
  ];
  it.each(cases)('$name', ({ input, contentType, text, encoding }) => {
    const result = decodeBytes(input, { maxBytes: LIMIT, ...(contentType ? { contentType } : {}) });
    expect(result).toEqual({ kind: 'decoded', text, encoding });
  });
});

describe('decodeBytes: rejections', () => {
  const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d);
  const cases: { name: string; input: Uint8Array; maxBytes?: number; code: string; message: RegExp }[] = [
    // Both are empty!
    { name: 'zero bytes', input: new Uint8Array(), code: 'EMPTY', message: /empty \(0 bytes\)/ },
    {
      name: 'whitespace only',
      input: utf8(' \n\t \r\n '),
      code: 'EMPTY',
      message: /only whitespace \(7 bytes/,
    },
    {
      name: 'a BOM and nothing else',
      input: bytes(0xef, 0xbb, 0xbf),
      code: 'EMPTY',
      message: /only whitespace/,
    },
    {
      name: 'over the size limit',
      input: utf8('x'.repeat(11)),
      maxBytes: 10,
      code: 'TOO_LARGE',
      message: /11 bytes; the limit is 10 bytes/,
    },
    { name: 'PDF', input: utf8('%PDF-1.7\n%âãÏÓ'), code: 'BINARY', message: /PDF document/ },
    { name: 'PNG', input: png, code: 'BINARY', message: /PNG image/ },
    {
      name: 'ZIP (DOCX)',
      input: concat(bytes(0x50, 0x4b, 0x03, 0x04), utf8('word/document.xml')),
      code: 'BINARY',
      message: /ZIP archive/,
    },
    { name: 'GZIP', input: bytes(0x1f, 0x8b, 0x08, 0x00, 0x12), code: 'BINARY', message: /GZIP/ },
    {
      name: 'a NUL byte in text',
      input: concat(utf8('Hello'), bytes(0x00), utf8('world, this is text')),
      code: 'BINARY',
      message: /NUL byte at offset 5/,
    },
    {
      name: 'many control characters',
      input: Uint8Array.from({ length: 200 }, (_, i) => (i % 4 === 0 ? 0x01 : 0x41)),
      code: 'BINARY',
      message: /25\.0% of the first 200 bytes are control characters/,
    },
    {
      name: 'invalid UTF-8 that is not windows-1252 (undefined byte 0x81)',
      input: concat(utf8('abc'), bytes(0x81), utf8('def')),
      code: 'UNDECODABLE',
      message: /invalid UTF-8 at byte offset 3.*0x81 at offset 3 is undefined in windows-1252/,
    },
    {
      name: 'mostly non-ASCII bytes (e.g. windows-1251 Cyrillic) are not plausible windows-1252',
      input: Uint8Array.from({ length: 60 }, (_, i) => (i % 6 === 5 ? 0x20 : 0xe0 + (i % 5))),
      code: 'UNDECODABLE',
      message: /not plausible windows-1252/,
    },
    {
      name: 'UTF-16 with odd length',
      input: concat(utf16('Hello', 'le', true), bytes(0x41)),
      code: 'UNDECODABLE',
      message: /odd length of 13 bytes/,
    },
    {
      name: 'UTF-16 with an unpaired surrogate',
      input: bytes(0xff, 0xfe, 0x00, 0xd8, 0x41, 0x00),
      code: 'UNDECODABLE',
      message: /unpaired surrogate/,
    },
    {
      name: 'UTF-8 BOM followed by invalid UTF-8 reports the offset in the file',
      input: bytes(0xef, 0xbb, 0xbf, 0x41, 0xc3, 0x28),
      code: 'UNDECODABLE',
      message: /byte offset 4/,
    },
  ];
  it.each(cases)('$name → $code', ({ input, maxBytes, code, message }) => {
    const result = decodeBytes(input, { maxBytes: maxBytes ?? LIMIT });
    expect(result.kind).toBe('rejected');
    if (result.kind !== 'rejected') return;
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
  });

  it('checks the size before looking at the content', () => {
    const result = decodeBytes(utf8('%PDF-1.7 and more bytes'), { maxBytes: 4 });
    expect(result).toMatchObject({ kind: 'rejected', code: 'TOO_LARGE' });
  });

  it('decodes a large valid input in linear time without rejecting it', () => {
    const big = utf8('Ein ganz normaler Satz über Übermut. '.repeat(50_000));
    const result = decodeBytes(big, { maxBytes: 10_000_000 });
    expect(result).toMatchObject({ kind: 'decoded', encoding: 'utf-8' });
  });
});
