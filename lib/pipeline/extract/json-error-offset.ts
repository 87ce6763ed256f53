/**
 * Locating JSON syntax errors. Node's JSON.parse names a position only for some errors
 * ("Unexpected token '}', … is not valid JSON" has none), so a small scanner finds it instead.
 * It follows the grammar of RFC 8259 and keeps its nesting on an explicit stack, so deep input
 * cannot overflow the call stack.
 */

const WHITESPACE = /[ \t\n\r]*/y;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
// biome-ignore lint/suspicious/noControlCharactersInRegex: RFC 8259 forbids raw control characters in strings.
const STRING = /"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;
const LITERAL = /true|false|null/y;

function matchAt(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : -1;
}

function skip(text: string, at: number): number {
  return Math.max(at, matchAt(WHITESPACE, text, at));
}

/** Offset of the first JSON syntax error in `text`, or undefined when it is valid JSON. */
export function findJsonErrorOffset(text: string): number | undefined {
  const stack: ('object' | 'array')[] = [];
  let i = skip(text, 0);
  let state: 'value' | 'key' | 'after' = 'value';
  for (;;) {
    if (state === 'value') {
      const ch = text[i];
      if (ch === '{' || ch === '[') {
        stack.push(ch === '{' ? 'object' : 'array');
        i = skip(text, i + 1);
        const close = ch === '{' ? '}' : ']';
        if (text[i] === close) {
          stack.pop();
          i = skip(text, i + 1);
          state = 'after';
        } else state = ch === '{' ? 'key' : 'value';
        continue;
      }
      const end =
        ch === '"' ? matchAt(STRING, text, i) : Math.max(matchAt(NUMBER, text, i), matchAt(LITERAL, text, i));
      if (end < 0) return i;
      i = skip(text, end);
      state = 'after';
      continue;
    }
    if (state === 'key') {
      const end = matchAt(STRING, text, i);
      if (end < 0) return i;
      i = skip(text, end);
      if (text[i] !== ':') return i;
      i = skip(text, i + 1);
      state = 'value';
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) return i < text.length ? i : undefined;
    const ch = text[i];
    if (ch === ',') {
      i = skip(text, i + 1);
      state = top === 'object' ? 'key' : 'value';
    } else if ((ch === '}' && top === 'object') || (ch === ']' && top === 'array')) {
      stack.pop();
      i = skip(text, i + 1);
    } else return i;
  }
}
