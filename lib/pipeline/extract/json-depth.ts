/**
 * Whether a JSON text nests objects and arrays at most `max` deep, in one pass that skips strings. Parsing and
 * walking a 400,000-deep document costs superlinear time and can overflow the stack; no page's metadata needs
 * more than a few levels.
 */
export function jsonDepthWithin(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth += 1;
      if (depth > max) return false;
    } else if (c === 125 || c === 93) depth -= 1;
  }
  return true;
}
