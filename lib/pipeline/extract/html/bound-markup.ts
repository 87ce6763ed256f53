/**
 * A bound on the tree an HTML page can build, applied to the markup before linkedom parses it. The DOM
 * steps after parsing (furniture pruning asks `contains` and counts prose per candidate, Readability walks
 * ancestors per node) cost the depth of the tree per element, and linkedom's memory grows with the element
 * count: 50,000 nested `<div class="ad">` took minutes, 500,000 `<p>` 17 s and 1.1 GB. Real pages stay far
 * below both caps; past them, tags are dropped and their text kept.
 *
 * The scan is one pass with `indexOf`, no backtracking pattern. It mirrors the parser where depth is
 * concerned: void elements and self-closed tags open nothing, `<p>`, `<li>`, `<td>` and their kind close an
 * open sibling of the same name, an end tag closes up to its open start tag (or is ignored when there is
 * none), and the text of `<script>`, `<style>` and friends is skipped.
 */

/**
 * Deeper elements are flattened into their ancestor at this depth. Readability already gives up past 200
 * (parse-html.ts); the deepest news pages measured in the extraction set stay under 60.
 */
export const MAX_HTML_DEPTH = 256;
/**
 * Elements past this count lose their tags (text kept). Large news pages have 3,000-15,000 elements; a page
 * is parsed up to twice (Readability, then the fallback), and 60,000 elements took about 4 s of CPU in all.
 */
export const MAX_HTML_ELEMENTS = 30_000;

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Elements whose text is not markup: skipped to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** A start tag of one of these closes an open element of the same name on top of the stack. */
const CLOSES_SIBLING = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup']);

export type MarkupBound = {
  readonly html: string;
  /** Set when tags were dropped. */
  readonly truncated?: {
    readonly reason: 'depth' | 'elements';
    readonly kept: number;
    readonly total: number;
  };
};

type Tag = {
  readonly end: number;
  readonly name: string;
  readonly closing: boolean;
  readonly empty: boolean;
};

const isNameStart = (code: number): boolean => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);

/** The tag starting at `at` (a `<`), or undefined when the `<` is text. */
function readTag(html: string, at: number): Tag | undefined {
  const closing = html.charCodeAt(at + 1) === 47; // '/'
  const nameStart = at + (closing ? 2 : 1);
  if (!isNameStart(html.charCodeAt(nameStart))) return undefined;
  let nameEnd = nameStart + 1;
  for (; nameEnd < html.length; nameEnd++) {
    const c = html.charCodeAt(nameEnd);
    // whitespace, '/', '>'
    if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 47 || c === 62) break;
  }
  const close = html.indexOf('>', nameEnd);
  const end = close < 0 ? html.length : close + 1;
  const name = html.slice(nameStart, nameEnd).toLowerCase();
  return { end, name, closing, empty: close > 0 && html.charCodeAt(close - 1) === 47 };
}

/** Where the markup construct at `at` (a `<`) that is not a tag ends: comments, doctypes, processing instructions. */
function skipSpecial(html: string, at: number): number | undefined {
  if (html.startsWith('<!--', at)) {
    const close = html.indexOf('-->', at + 4);
    return close < 0 ? html.length : close + 3;
  }
  const next = html.charCodeAt(at + 1);
  if (next === 33 || next === 63) {
    // '<!' or '<?'
    const close = html.indexOf('>', at + 2);
    return close < 0 ? html.length : close + 1;
  }
  return undefined;
}

/**
 * Walks the markup, calling `visit` for each tag with its depth (1 = a top-level element) and its ordinal
 * among start tags; `visit` says whether to keep it. Returns the pieces to join when some tag was dropped.
 */
function walk(
  html: string,
  visit: (depth: number, ordinal: number) => boolean,
  pieces: string[] | undefined,
): { maxDepth: number; elements: number } {
  const stack: { name: string; kept: boolean }[] = [];
  const open = new Map<string, number>();
  const push = (name: string, kept: boolean): void => {
    stack.push({ name, kept });
    open.set(name, (open.get(name) ?? 0) + 1);
  };
  const pop = (): { name: string; kept: boolean } | undefined => {
    const top = stack.pop();
    if (top !== undefined) open.set(top.name, (open.get(top.name) ?? 1) - 1);
    return top;
  };
  let maxDepth = 0;
  let elements = 0;
  let pos = 0;
  let textFrom = 0;
  const lower = html.toLowerCase();
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break;
    const special = skipSpecial(html, lt);
    if (special !== undefined) {
      pos = special;
      continue;
    }
    const tag = readTag(html, lt);
    if (tag === undefined) {
      pos = lt + 1;
      continue;
    }
    let keep = true;
    let end = tag.end;
    if (tag.closing) {
      if ((open.get(tag.name) ?? 0) > 0) {
        let closed: { name: string; kept: boolean } | undefined;
        do closed = pop();
        while (closed !== undefined && closed.name !== tag.name);
        keep = closed?.kept ?? true;
      }
    } else {
      if (CLOSES_SIBLING.has(tag.name) && stack.at(-1)?.name === tag.name) pop();
      elements += 1;
      const opens = !VOID.has(tag.name) && !tag.empty;
      const depth = stack.length + 1;
      if (depth > maxDepth) maxDepth = depth;
      keep = visit(depth, elements);
      if (RAW_TEXT.has(tag.name)) {
        // Its text runs to its end tag; a dropped raw-text element goes with its text.
        const close = lower.indexOf(`</${tag.name}`, tag.end);
        end = close < 0 ? html.length : html.indexOf('>', close) + 1 || html.length;
        if (pieces !== undefined && !keep) {
          pieces.push(html.slice(textFrom, lt), ' ');
          textFrom = end;
        }
        pos = end;
        continue;
      }
      if (opens) push(tag.name, keep);
    }
    if (pieces !== undefined && !keep) {
      // A dropped tag becomes a space, so the words on either side stay apart.
      pieces.push(html.slice(textFrom, lt), ' ');
      textFrom = end;
    }
    pos = end;
  }
  if (pieces !== undefined) pieces.push(html.slice(textFrom));
  return { maxDepth, elements };
}

/** The markup unchanged when its tree stays within the caps; else with the tags past them dropped. */
export function boundMarkup(
  html: string,
  maxDepth = MAX_HTML_DEPTH,
  maxElements = MAX_HTML_ELEMENTS,
): MarkupBound {
  const shape = walk(html, () => true, undefined);
  if (shape.maxDepth <= maxDepth && shape.elements <= maxElements) return { html };
  const pieces: string[] = [];
  let kept = 0;
  walk(
    html,
    (depth, ordinal) => {
      const keep = depth <= maxDepth && ordinal <= maxElements;
      if (keep) kept += 1;
      return keep;
    },
    pieces,
  );
  return {
    html: pieces.join(''),
    truncated: {
      reason: shape.elements > maxElements ? 'elements' : 'depth',
      kept,
      total: shape.elements,
    },
  };
}
