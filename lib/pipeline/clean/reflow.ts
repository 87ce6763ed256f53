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
 * Reflows one paragraph (lines separated by "\n"). Returns the resulting paragraphs: usually one;
 * lines whose break was meant (a heading written without a blank line, one-line paragraphs)
 * become their own paragraphs. List items stay one per line (with the line that introduces them);
 * an indented line after a list item continues that item.
 */
export function reflowParagraph(paragraph: string): string[] {
  const raw = paragraph.split('\n').filter((line) => line.trim() !== '');
  if (raw.length <= 1) return raw.map((line) => line.trim().replace(/ {2,}/g, ' '));
  // reduce, not Math.max(...): a paragraph of 200,000 lines would overflow the argument stack.
  const width = raw.reduce((max, line) => Math.max(max, line.trim().length), 0);
  // Nothing here was wrapped (a table, code, verse, a list of headlines): keep the lines together as they are.
  if (width < MIN_WRAP_WIDTH) return [raw.map((line) => line.trim().replace(/ {2,}/g, ' ')).join('\n')];
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
    const line = original.trim().replace(/ {2,}/g, ' ');
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
