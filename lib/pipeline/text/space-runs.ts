/**
 * With `.replace(SPACE_RUNS, ' ')`: every run of white space as one plain space, the same string as
 * `.replace(/\s+/g, ' ')` gives. It matches only the runs that change: two or more white-space characters, or
 * one that is not a plain space. A lone space, nearly every match of `/\s+/` in prose, is already what it
 * would become; matching it anyway made V8 rebuild the whole string on every call (the cleaning stage's
 * `replace` calls were 11% of what a BBC article allocates; on a paragraph of prose this form takes about a
 * sixth of the time). Linear: `\s{2,}` takes a whole run at once. (`replace` starts a global expression from
 * the beginning whatever its lastIndex, so one shared instance serves every caller.)
 */
export const SPACE_RUNS = /\s{2,}|[^\S ]/g;
