/**
 * One instance for every caller: a regular-expression literal in a function is a new RegExp object each time
 * it is evaluated, and these checks run for every token of every sentence. Not global or sticky, so sharing it
 * keeps no state between calls.
 */
const UPPER_FIRST = /^\p{Lu}/u;

/** Whether `text` starts with an upper-case letter (any script; a code point outside the BMP counts whole). */
export const startsUpper = (text: string): boolean => UPPER_FIRST.test(text);
