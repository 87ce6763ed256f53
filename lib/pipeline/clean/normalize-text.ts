/**
 * Character-level normalisation of article text: one Unicode form, one kind of line break, one kind
 * of space, no invisible characters.
 */

/** Spaces that render like a space: NBSP, narrow NBSP, figure space, the typographic spaces, ideographic space. */
const SPACES = /[\t\v\f\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/g;
/**
 * Invisible characters that carry no text: zero-width space, word joiner, BOM, soft hyphen, Mongolian
 * vowel separator. ZWJ and ZWNJ (U+200D, U+200C) stay: they change how Persian, Indic and emoji render.
 */
const INVISIBLE = /[\u200b\u2060\ufeff\u00ad\u180e]/g;
/** C0 and C1 control characters other than line feed (tab and friends were mapped to spaces above). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/**
 * Normalises text to NFC, turns CRLF/CR and Unicode line/paragraph separators into "\n", maps
 * NBSP, tabs and other spaces to a plain space, drops zero-width characters and control codes, and
 * trims spaces at line ends.
 */
export function normalizeText(text: string): string {
  return (
    text
      .normalize('NFC')
      .replace(/\r\n?|\u0085/g, '\n')
      .replace(/\u2028/g, '\n')
      .replace(/\u2029/g, '\n\n')
      .replace(SPACES, ' ')
      .replace(INVISIBLE, '')
      .replace(CONTROLS, '')
      // The lookbehind starts the match at the first space of a run only: `/ +\n/` alone retries every space of
      // a long run that ends in a word, which is quadratic.
      .replace(/(?<! ) +\n/g, '\n')
      .replace(/\n +(?=\n)/g, '\n')
  );
}
