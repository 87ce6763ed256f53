/**
 * `f` with its last answer remembered (a cache of one): for a pure function of a string that several checks
 * call in turn on the same text, so that the text is worked through once. The answer depends on the text
 * alone, so the cache changes no result; it holds one text and its answer at a time.
 */
export function rememberLast<T>(f: (text: string) => T): (text: string) => T {
  let last: { readonly text: string; readonly answer: T } | undefined;
  return (text) => {
    if (last?.text !== text) last = { text, answer: f(text) };
    return last.answer;
  };
}
