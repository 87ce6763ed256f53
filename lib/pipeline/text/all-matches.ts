/**
 * The matches of a global regular expression in `text`, in order, as `text.matchAll(re)` yields them.
 *
 * `matchAll` builds a new RegExp from `re` at every call (the specification's SpeciesConstructor step,
 * https://tc39.es/ecma262/#sec-regexp-prototype-%25symbol.matchall%25), and V8 re-reads the source and flags
 * to do it: in a CPU profile of `factsum analyze` that copy was about 2% of the main thread, for calls made
 * once per sentence. Here `re` itself runs from the start of the text (its lastIndex is reset before and
 * after, so a caller never sees it moved), with the same step past an empty match that matchAll makes.
 * The matches are collected before the caller reads them, so code that runs on a match may use `re` again.
 */
export function allMatches(re: RegExp, text: string): RegExpExecArray[] {
  if (!re.global) throw new TypeError('allMatches needs a global regular expression');
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') re.lastIndex = stepPast(text, re.lastIndex, re.unicode || re.flags.includes('v'));
  }
  re.lastIndex = 0;
  return out;
}

/** The index after `at`, a whole code point further in unicode mode (AdvanceStringIndex). */
function stepPast(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}
