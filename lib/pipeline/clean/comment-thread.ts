/**
 * Readers' comments recognised by their structure rather than by an opener line: a thread is a run of
 * signature lines (a name with a date or time, "Posted by: Sam | Jan 10, 2008 4:49 PM", "BY SAM AT
 * 01/08/08 05:54 PM", "Sam says:", or a name and place, "Sam, Leeds, UK") that recur every few blocks
 * below the article, each with the comment it signs. Copied pages often lose the "Comments" heading
 * (it is an image, or a tab), and comment prose reads like article prose to a block classifier; the
 * recurring signatures do not. One pass over the blocks: linear.
 */
import { countLetterRuns } from '../text/count-words';
import { signatureFlags } from './block-features';

/** Signatures further apart than this many blocks do not belong to one thread. */
const MAX_THREAD_GAP = 8;
/** A thread has at least this many signatures (a byline and a photo credit are one or two). */
const MIN_THREAD_SIGNATURES = 3;
/** A thread counts only below this many words of prose blocks (the article comes first). */
const MIN_PROSE_ABOVE = 80;
const PROSE_BLOCK_WORDS = 10;
/** A comment above its signature takes at most this many blocks. */
const MAX_COMMENT_BLOCKS = 4;
/** Blocks of fewer words that do not end a sentence are headings or forms, not a comment's text. */
const MIN_COMMENT_WORDS = 5;
const TERMINAL = /[.!?…)"'”’]$/u;

/**
 * Signatures written before their comment: "Sam says:", "Sam wrote:", "By Sam at 5:54 PM", a bare
 * timestamp ("January 10th, 2008 at 4:39 pm") under a name. Others ("Posted by …", "Sam | date",
 * "Sam, Leeds") sign the comment above them.
 */
const LEADING_SIGNATURE =
  /:$|^by |^[^\p{L}]*(?:\p{L}+ ){0,2}\d{1,2}(?:st|nd|rd|th)?,? (?:\d{4} )?(?:at|@) \d/u;

export type CommentThread = { readonly start: number; readonly end: number };

/**
 * The blocks [start, end] (inclusive) of the first comment thread below the article, or undefined.
 * Signatures that lead their comment take the comment after the last of them; signatures that follow
 * their comment take the comment above the first of them (as many blocks as comments here usually
 * have, and never a heading or a short line).
 */
export function findCommentThread(blocks: readonly string[]): CommentThread | undefined {
  const flags = signatureFlags(blocks);
  const words = blocks.map(countLetterRuns);
  let prose = 0;
  let i = 0;
  while (i < blocks.length) {
    if (flags[i] !== 1 || prose < MIN_PROSE_ABOVE) {
      if ((words[i] ?? 0) >= PROSE_BLOCK_WORDS) prose += words[i] ?? 0;
      i += 1;
      continue;
    }
    // A chain of signatures from i, each within MAX_THREAD_GAP blocks of the last.
    const chain = [i];
    let j = i + 1;
    while (j < blocks.length && j - (chain[chain.length - 1] ?? i) <= MAX_THREAD_GAP) {
      if (flags[j] === 1) chain.push(j);
      j += 1;
    }
    const last = chain[chain.length - 1] ?? i;
    if (chain.length < MIN_THREAD_SIGNATURES) {
      for (let k = i; k <= last; k += 1) if ((words[k] ?? 0) >= PROSE_BLOCK_WORDS) prose += words[k] ?? 0;
      i = last + 1;
      continue;
    }
    return threadRange(blocks, words, chain);
  }
  return undefined;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 1;
}

function isCommentText(block: string, words: number): boolean {
  return words >= MIN_COMMENT_WORDS || TERMINAL.test(block.trim());
}

function threadRange(
  blocks: readonly string[],
  words: readonly number[],
  chain: readonly number[],
): CommentThread {
  const first = chain[0] ?? 0;
  const last = chain[chain.length - 1] ?? first;
  const gaps: number[] = [];
  for (let k = 1; k < chain.length; k += 1) gaps.push((chain[k] ?? 0) - (chain[k - 1] ?? 0) - 1);
  const size = Math.max(1, Math.min(MAX_COMMENT_BLOCKS, median(gaps)));
  let leading = 0;
  for (const index of chain)
    if (LEADING_SIGNATURE.test((blocks[index] ?? '').trim().toLowerCase())) leading += 1;
  let start = first;
  let end = last;
  if (leading * 2 > chain.length) {
    while (
      end + 1 < blocks.length &&
      end - last < size &&
      isCommentText(blocks[end + 1] ?? '', words[end + 1] ?? 0)
    )
      end += 1;
  } else {
    while (start > 0 && first - start < size && isCommentText(blocks[start - 1] ?? '', words[start - 1] ?? 0))
      start -= 1;
  }
  return { start, end };
}

/**
 * A "recent comments" widget: lines of a reader's name, "on", the story's title and the comment
 * ("Sam Lee on Budget passes: I doubt it will last."). The name is one to four capitalised words and
 * the title ends at the first colon: bounded, anchored, linear.
 */
const RECENT_COMMENT = /^\p{Lu}[\p{L}'’.-]{0,20}(?: \p{Lu}[\p{L}'’.-]{0,20}){0,3} on [^:\n]{3,150}: \S/u;
/** Such lines this many times, each within two blocks of the last, are a widget, not prose. */
const MIN_RECENT_COMMENTS = 3;

/** Indices of blocks that belong to a run of recent-comment lines (see RECENT_COMMENT). */
export function recentCommentBlocks(blocks: readonly string[]): ReadonlySet<number> {
  const found = new Set<number>();
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= MIN_RECENT_COMMENTS) for (const i of run) found.add(i);
    run = [];
  };
  for (let i = 0; i < blocks.length; i += 1) {
    const block = blocks[i] ?? '';
    if (block.length > 2_000 || !RECENT_COMMENT.test(block)) continue;
    if (run.length > 0 && i - (run[run.length - 1] ?? i) > 2) flush();
    run.push(i);
  }
  flush();
  return found;
}
