/**
 * Word counts without building the words. The cleaning stage asks "how many words" of every block, line and
 * paragraph, several times each; `split` or `match` made an array of substrings for each answer (about
 * 4% of what a BBC article allocates, heap profile of processObjectCreated). A global expression run with
 * `test` counts its matches and allocates nothing. Each expression is linear: it starts with a single
 * character class and ends with one greedy run, so it never backtracks.
 */
const WORD_TOKEN = /[\p{L}\p{N}]\S*/gu;
const LETTER_RUN = /[\p{L}\p{N}]+/gu;
const TOKEN = /\S+/g;

/**
 * How many times a global expression matches in `text`, as `[...text.matchAll(re)].length` counts, for an
 * expression that cannot match the empty string (a `test` loop cannot step past an empty match the way
 * matchAll does, so one throws here rather than looping). Leaves `re.lastIndex` at 0.
 */
export function countMatches(re: RegExp, text: string): number {
  if (!re.global) throw new TypeError('countMatches needs a global regular expression');
  re.lastIndex = 0;
  let count = 0;
  for (let from = 0; re.test(text); from = re.lastIndex) {
    // A non-empty match always ends past where the search started; only an empty one can leave it there.
    if (re.lastIndex === from) {
      re.lastIndex = 0;
      throw new TypeError('countMatches needs an expression that cannot match the empty string');
    }
    count += 1;
  }
  re.lastIndex = 0;
  return count;
}

/**
 * White-space-separated tokens that hold a letter or digit (a list dash is no word):
 * `text.split(/\s+/).filter((t) => /[\p{L}\p{N}]/u.test(t)).length`. Each such token has one match, from its
 * first letter or digit to its end.
 */
export const countWordTokens = (text: string): number => countMatches(WORD_TOKEN, text);

/** Runs of letters and digits ("don't" is two): `(text.match(/[\p{L}\p{N}]+/gu) ?? []).length`. */
export const countLetterRuns = (text: string): number => countMatches(LETTER_RUN, text);

/** White-space-separated tokens of any kind: `text.split(/\s+/).filter((t) => t !== '').length`. */
export const countTokens = (text: string): number => countMatches(TOKEN, text);
