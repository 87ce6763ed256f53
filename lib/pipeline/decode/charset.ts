/**
 * Finding and naming declared character sets: the `charset` parameter of a content type and the
 * `<meta charset>` / `<meta http-equiv="content-type">` declarations early in an HTML document.
 */

/** The HTML standard looks for a meta charset in the first 1024 bytes; we allow 2 KB for sloppy pages. */
const META_SNIFF_BYTES = 2048;

/** Labels that people write for Latin-1; WHATWG decodes them as windows-1252, but we report what was declared. */
const LATIN1_LABELS: ReadonlySet<string> = new Set([
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso88591',
  'latin1',
  'latin-1',
  'l1',
  'cp819',
  'ibm819',
  'us-ascii',
  'ascii',
]);

/** A charset label that TextDecoder accepts, with the name we report for it. */
export type Charset = {
  readonly label: string;
  /** The WHATWG encoding the label stands for, e.g. 'windows-1252' for 'iso-8859-1'. */
  readonly decoder: string;
  readonly name: string;
};

/**
 * Resolves a charset label (case-insensitive, WHATWG Encoding labels) to a decoder label and the
 * encoding name we report; undefined when the label is unknown.
 */
export function resolveCharset(label: string): Charset | undefined {
  const cleaned = label
    .trim()
    .toLowerCase()
    .replace(/^["']|["']$/g, '');
  if (cleaned === '') return undefined;
  let encoding: string;
  try {
    encoding = new TextDecoder(cleaned).encoding;
  } catch {
    return undefined;
  }
  const name = LATIN1_LABELS.has(cleaned) ? 'iso-8859-1' : encoding;
  return { label: cleaned, decoder: encoding, name };
}

/** Reads the `charset` parameter of a Content-Type value such as `text/html; charset=iso-8859-1`. */
export function charsetFromContentType(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  for (const parameter of contentType.split(';').slice(1)) {
    const [key, value] = parameter.split('=', 2);
    if (key?.trim().toLowerCase() === 'charset' && value !== undefined && value.trim() !== '') {
      return value.trim();
    }
  }
  return undefined;
}

/** Inputs to the sniffing regexes are at most META_SNIFF_BYTES long, so their cost is bounded. */
const META_CHARSET = /<meta\b[^>]{0,400}?\bcharset\s*=\s*["']?\s*([a-z0-9_:.+-]{1,40})/i;

/** Finds a charset declared by a `<meta>` element in the first 2 KB of an (HTML) document. */
export function charsetFromMeta(bytes: Uint8Array): string | undefined {
  const head = bytes.subarray(0, META_SNIFF_BYTES);
  // Latin-1 maps each byte to one char, so ASCII markup is readable whatever the real encoding. One call for
  // the whole head: adding the chars one by one built a chain of 2,048 strings for every input, at about 3
  // times the cost. apply takes any array-like (the cast is for its type only); a spread would walk the
  // bytes through an iterator, slower than the loop.
  const text = String.fromCharCode.apply(null, head as unknown as number[]);
  return META_CHARSET.exec(text)?.[1];
}
