/**
 * Trimming a run of characters at the end of a string in linear time. A pattern such as `/[\s.:!]+$/` is
 * quadratic in V8: irregexp tries every start position of a run that does not reach the end (a line of
 * 200,000 spaces followed by a word takes minutes), so trailing runs are stripped by walking back instead.
 */

/** `text` without the run of characters at its end for which `isTrimmed` holds (code points, not units). */
export function trimEndWhere(text: string, isTrimmed: (char: string) => boolean): string {
  let end = text.length;
  while (end > 0) {
    const low = text.charCodeAt(end - 1);
    // A low surrogate ends an astral character: test the whole pair.
    const width = low >= 0xdc00 && low <= 0xdfff && end >= 2 ? 2 : 1;
    if (!isTrimmed(text.slice(end - width, end))) break;
    end -= width;
  }
  return end === text.length ? text : text.slice(0, end);
}

/** `text` without the run of characters matching the one-character class `charClass` at its end. */
export function trimEndClass(text: string, charClass: RegExp): string {
  return trimEndWhere(text, (char) => charClass.test(char));
}

/** `text` without the run of `char` at its end. */
export function trimEndChar(text: string, char: string): string {
  let end = text.length;
  while (end > 0 && text[end - 1] === char) end -= 1;
  return end === text.length ? text : text.slice(0, end);
}
