/**
 * Undoing hard wraps. A line break inside a paragraph is a wrap when the next line's first word
 * would not have fitted on the line (the paragraph's widest line tells the wrap width); otherwise it
 * was meant: a heading, a list, an address. This "would the next word have fitted" test is the one
 * that Unix `fmt`-style unwrapping tools use, and it needs no knowledge of the language.
 */

/** List items: bullets, numbers with a dot or parenthesis, letters with a parenthesis. */
const LIST_ITEM = /^(?:[-*+•·‣▪–—]\s|\d{1,3}[.)]\s|[a-z][.)]\s)/u;
/** Lines narrower than this were not wrapped to a width: they are headlines, addresses, verse. */
const MIN_WRAP_WIDTH = 40;
/** A word broken by a hyphen at the wrap: "inter-" + "national". */
const TRAILING_HYPHEN = /\p{L}-$/u;

/** Whether a line is a list item ("- a", "1. a", "• a"). */
export function isListItem(line: string): boolean {
  return LIST_ITEM.test(line.trimStart());
}

function firstWordLength(line: string): number {
  const space = line.indexOf(' ');
  return space < 0 ? line.length : space;
}

/**
 * Hard wraps are narrower than this: lines longer than it were written as one line (a paragraph per
 * line, as syndication feeds and copied web pages deliver text) and are never joined to a neighbour.
 */
const MAX_WRAP_WIDTH = 120;
/** Ends of sentences: a run of lines that mostly end this way is a paragraph per line, not a wrapped block. */
const SENTENCE_END = /[.!?…。:]["'”’»)\]]*$/u;
/** Lines of a wrapped block, but for its last, fill at least this share of the block's width. */
const MIN_FILL = 0.7;

function tidy(line: string): string {
  return line.trim().replace(/ {2,}/g, ' ');
}

/**
 * Whether a line can be part of a hard-wrapped block: a line of one token (a bare URL) or one with a
 * bar between labels ("Gallery | Headline") is a link of a page, standing alone in a paragraph-per-line
 * text however full it is.
 */
function isWrappable(line: string): boolean {
  return line.includes(' ') && !line.includes(' | ');
}

/** Lines after a break that, with the line before it, tell the width a block may be wrapped at. */
const WIDTH_LOOKAHEAD = 2;

/**
 * Splits a run of shorter lines inside a paragraph-per-line text into blocks. A hard-wrapped block (a
 * disclaimer wrapped at 70 characters) starts where a line fills the width of the lines around it and
 * the next word would not have fitted, and goes on while its lines fill its own width that way; a line
 * that ends a sentence only continues a block that is already wrapped. Every other line stands alone,
 * and list items are never joined.
 */
function wrappedBlocks(run: readonly string[]): string[][] {
  const lengths = run.map((line) => tidy(line).length);
  const blocks: string[][] = [];
  let current: string[] = [];
  let blockWidth = 0;
  for (let i = 0; i < run.length; i += 1) {
    const line = run[i] ?? '';
    if (current.length === 0) {
      current.push(line);
      blockWidth = lengths[i] ?? 0;
      continue;
    }
    const previous = tidy(run[i - 1] ?? '');
    const next = tidy(line);
    let width = blockWidth;
    if (current.length === 1)
      for (let j = i; j <= Math.min(run.length - 1, i + WIDTH_LOOKAHEAD); j += 1)
        width = Math.max(width, lengths[j] ?? 0);
    const wrapped =
      previous.length >= MIN_WRAP_WIDTH &&
      isWrappable(previous) &&
      isWrappable(next) &&
      previous.length >= width * MIN_FILL &&
      previous.length + 1 + firstWordLength(next) > width &&
      !isListItem(previous) &&
      !isListItem(next) &&
      (current.length > 1 || !SENTENCE_END.test(previous));
    if (wrapped) {
      current.push(line);
      blockWidth = Math.max(width, lengths[i] ?? 0);
    } else {
      blocks.push(current);
      current = [line];
      blockWidth = lengths[i] ?? 0;
    }
  }
  if (current.length > 0) blocks.push(current);
  return blocks;
}

/**
 * Whether lines of wrap-like width mostly end sentences: then they are one-line paragraphs (a feed
 * of short paragraphs without blank lines), and a line that happens to be full is no wrap.
 */
function endsSentences(raw: readonly string[]): boolean {
  if (raw.length < 3) return false;
  let ends = 0;
  for (let i = 0; i + 1 < raw.length; i += 1) if (SENTENCE_END.test(tidy(raw[i] ?? ''))) ends += 1;
  return ends * 2 > raw.length - 1;
}

/**
 * Whether fewer than half the lines (but the last) fill the widest line's width: a wrapped paragraph
 * fills nearly every line, so these are separate lines (a comment and its signature, a menu).
 */
function sparselyFilled(raw: readonly string[], width: number): boolean {
  if (raw.length < 3) return false;
  let filled = 0;
  for (let i = 0; i + 1 < raw.length; i += 1) if (tidy(raw[i] ?? '').length >= width * MIN_FILL) filled += 1;
  return filled * 2 < raw.length - 1;
}

/**
 * Reflows one paragraph (lines separated by "\n"). Returns the resulting paragraphs: usually one;
 * lines whose break was meant (a heading written without a blank line, one-line paragraphs)
 * become their own paragraphs. List items stay one per line (with the line that introduces them);
 * an indented line after a list item continues that item. In a text that writes a paragraph per
 * line (some line is wider than any wrap width, most lines end sentences, or most lines are far from
 * the widest), every line is a paragraph of its own, except runs of shorter lines that look
 * hard-wrapped, which are reflowed as one block each.
 */
export function reflowParagraph(paragraph: string): string[] {
  const raw = paragraph.split('\n').filter((line) => line.trim() !== '');
  if (raw.length <= 1) return raw.map(tidy);
  // reduce, not Math.max(...): a paragraph of 200,000 lines would overflow the argument stack.
  const width = raw.reduce((max, line) => Math.max(max, line.trim().length), 0);
  if (
    width <= MAX_WRAP_WIDTH &&
    !(width >= MIN_WRAP_WIDTH && (endsSentences(raw) || sparselyFilled(raw, width)))
  )
    return reflowLines(raw, width, true);
  const paragraphs: string[] = [];
  let run: string[] = [];
  const flushRun = (): void => {
    if (run.length === 0) return;
    // Each wrapped block becomes one paragraph; lone lines keep the list grouping of reflowLines.
    let lone: string[] = [];
    const flushLone = (): void => {
      for (const p of reflowLines(lone, Infinity, false)) paragraphs.push(p);
      lone = [];
    };
    for (const block of wrappedBlocks(run)) {
      if (block.length === 1 || !SENTENCE_END.test(tidy(block[block.length - 1] ?? ''))) {
        // A lone line, or a "wrapped" block that does not end a sentence: a list of headlines that
        // happen to fill the width (wrapped prose and notices end with a full stop).
        for (const line of block) lone.push(line);
        continue;
      }
      flushLone();
      paragraphs.push(joinWrapped(block.map(tidy)));
    }
    flushLone();
    run = [];
  };
  for (const line of raw) {
    if (line.trim().length > MAX_WRAP_WIDTH) {
      flushRun();
      paragraphs.push(tidy(line));
    } else run.push(line);
  }
  flushRun();
  return paragraphs;
}

/**
 * Joins the lines of one wrapped block, mending words broken by a hyphen at the wrap. Each join looks
 * at the previous line only: testing the growing paragraph would rescan it, quadratic in a long block.
 */
function joinWrapped(lines: readonly string[]): string {
  const parts: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (i === 0) parts.push(line);
    else parts.push(TRAILING_HYPHEN.test(lines[i - 1] ?? '') && /^\p{Ll}/u.test(line) ? line : ` ${line}`);
  }
  return parts.join('');
}

/**
 * Reflows lines wrapped at `width`. With `keepNarrowTogether`, lines narrower than a wrap width stay
 * together as one paragraph (a table, an address, verse); without it each is a paragraph of its own.
 */
function reflowLines(raw: readonly string[], width: number, keepNarrowTogether: boolean): string[] {
  // Nothing here was wrapped (a table, code, verse, a list of headlines): keep the lines together as they are.
  if (keepNarrowTogether && width < MIN_WRAP_WIDTH) return [raw.map(tidy).join('\n')];
  const paragraphs: string[] = [];
  let lines: string[] = [];
  // The line being built, as parts joined at the end: testing or trimming a growing concatenated string
  // flattens it each time, which is quadratic in a long hard-wrapped paragraph.
  let parts: string[] = [];
  let currentIsList = false;
  const take = (): string => {
    const joined = parts.join('');
    parts = [];
    return joined;
  };
  for (let i = 0; i < raw.length; i += 1) {
    const original = raw[i] ?? '';
    const line = tidy(original);
    if (i === 0) {
      parts = [line];
      currentIsList = isListItem(line);
      continue;
    }
    const previous = raw[i - 1] ?? '';
    const previousLine = previous.trim();
    const indented = /^\s/.test(original);
    const wrapped = width >= MIN_WRAP_WIDTH && previousLine.length + 1 + firstWordLength(line) > width;
    let join: boolean;
    if (isListItem(line)) join = false;
    else if (currentIsList) join = indented || wrapped;
    else join = wrapped;
    if (join) {
      const last = parts[parts.length - 1] ?? '';
      parts.push(TRAILING_HYPHEN.test(last) && /^\p{Ll}/u.test(line) ? line : ` ${line}`);
      continue;
    }
    // A kept break before a list item keeps the list (and its lead-in line) together; any other kept
    // break separates a heading, a one-line paragraph or the end of a list from what follows.
    lines.push(take());
    if (!isListItem(line)) {
      paragraphs.push(lines.join('\n'));
      lines = [];
    }
    parts = [line];
    currentIsList = isListItem(line);
  }
  lines.push(take());
  paragraphs.push(lines.join('\n'));
  return paragraphs.filter((p) => p !== '');
}
