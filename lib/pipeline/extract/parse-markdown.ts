import { trimEndChar, trimEndClass } from '../text/trim-run';
import type { ParsedDocument } from '../types';
import { normalizeDate } from './normalize-date';

/** YAML front matter at the very start: `---`, `key: value` lines, `---`. Bounded so a stray `---` costs little. */
const FRONT_MATTER = /^---[ \t]*\n([\s\S]{0,20000}?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/;
const FRONT_MATTER_FIELD = /^([A-Za-z_][\w-]{0,40})[ \t]*:[ \t]*(.*)$/;
/** The opening of an ATX heading; its text and closing hashes are cut by `atxHeading` (see there). */
const ATX_OPENING = /^ {0,3}(#{1,6})(?=[ \t]|$)/;
const SETEXT_UNDERLINE = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BULLET = /^([ \t]*)[-*+][ \t]+(.*)$/;
const ORDERED = /^([ \t]*)(\d{1,9})[.)][ \t]+(.*)$/;
const THEMATIC_BREAK = /^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const BLOCKQUOTE = /^ {0,3}>[ \t]?/;
const TABLE_SEPARATOR = /^[ \t]*\|?[ \t]*:?-{2,}:?[ \t]*(?:\|[ \t]*:?-{2,}:?[ \t]*)*\|?[ \t]*$/;
const REFERENCE_DEFINITION = /^ {0,3}\[[^[\]\n]{1,200}\]:[ \t]*\S+/;

/**
 * Inline markup, each pattern bounded and using negated classes that exclude its own delimiters,
 * so a scan from any start stops at the next delimiter: linear time even on hostile input.
 */
const INLINE_RULES: readonly { readonly pattern: RegExp; readonly replacement: string }[] = [
  { pattern: /!\[[^[\]\n]{0,500}\]\([^()\n]{0,2000}\)/g, replacement: '' },
  { pattern: /!\[[^[\]\n]{0,500}\]\[[^[\]\n]{0,200}\]/g, replacement: '' },
  { pattern: /\[([^[\]\n]{0,500})\]\([^()\n]{0,2000}\)/g, replacement: '$1' },
  { pattern: /\[([^[\]\n]{1,500})\]\[[^[\]\n]{0,200}\]/g, replacement: '$1' },
  { pattern: /<(https?:\/\/[^<>\s]{1,2000})>/g, replacement: '$1' },
  { pattern: /`([^`\n]{1,2000})`/g, replacement: '$1' },
  { pattern: /\*\*([^*\n]{1,2000})\*\*/g, replacement: '$1' },
  { pattern: /__([^_\n]{1,2000})__/g, replacement: '$1' },
  { pattern: /~~([^~\n]{1,2000})~~/g, replacement: '$1' },
  {
    pattern: /(^|[^\p{L}\p{N}*])\*([^*\s](?:[^*\n]{0,2000}[^*\s])?)\*(?![\p{L}\p{N}*])/gu,
    replacement: '$1$2',
  },
  {
    pattern: /(^|[^\p{L}\p{N}_])_([^_\s](?:[^_\n]{0,2000}[^_\s])?)_(?![\p{L}\p{N}_])/gu,
    replacement: '$1$2',
  },
  { pattern: /<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,1000})?>/g, replacement: '' },
];

/** Backslash escapes; the escaped character is parked in the Private Use Area while the rules run. */
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|>~])/g;
const PARKED = /[\ue000-\ue07f]/g;
const PARK_BASE = 0xe000;

/** Removes HTML comments with indexOf rather than a lazy regex, which would rescan to the end for every unclosed `<!--`. */
function stripHtmlComments(text: string): string {
  let result = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    if (open < 0) return result + text.slice(from);
    const close = text.indexOf('-->', open + 4);
    if (close < 0) return result + text.slice(from);
    result += text.slice(from, open);
    from = close + 3;
  }
}

type FrontMatter = { readonly fields: ReadonlyMap<string, string>; readonly rest: string };

function readFrontMatter(text: string): FrontMatter {
  const match = FRONT_MATTER.exec(text);
  if (match === null) return { fields: new Map(), rest: text };
  const fields = new Map<string, string>();
  for (const line of (match[1] ?? '').split('\n')) {
    const field = FRONT_MATTER_FIELD.exec(line);
    if (field === null) continue;
    const value = (field[2] ?? '').trim().replace(/^(["'])(.*)\1$/, '$2');
    if (value !== '') fields.set((field[1] ?? '').toLowerCase(), value);
  }
  return { fields, rest: text.slice(match[0].length) };
}

const BLANK = /[ \t]/;

/**
 * An ATX heading's level and text: `## Text ##` → 2, "Text". Cut by hand rather than with one pattern such as
 * `/^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/`, whose lazy text retries the closing part at every
 * position: quadratic on a heading padded with spaces.
 */
function atxHeading(line: string): { level: number; text: string } | undefined {
  const opening = ATX_OPENING.exec(line);
  if (opening === null) return undefined;
  let text = trimEndClass(line.slice(opening[0].length).replace(/^[ \t]+/, ''), BLANK);
  const hashes = trimEndChar(text, '#');
  // Closing hashes count only after a space (or as the whole text: `# #` keeps its "#").
  if (hashes.length < text.length && hashes !== '' && BLANK.test(hashes.at(-1) ?? ''))
    text = trimEndClass(hashes, BLANK);
  return { level: (opening[1] ?? '#').length, text };
}

/** Removes inline Markdown: links keep their text, images go, emphasis and code marks go. */
export function stripInlineMarkdown(line: string): string {
  let text = line.replace(ESCAPE, (_, ch: string) => String.fromCharCode(PARK_BASE + ch.charCodeAt(0)));
  for (const { pattern, replacement } of INLINE_RULES) text = text.replace(pattern, replacement);
  text = text.replace(PARKED, (ch) => String.fromCharCode(ch.charCodeAt(0) - PARK_BASE));
  return text.replace(/[ \t]+/g, ' ').trim();
}

type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly text: string }
  | { readonly kind: 'text'; readonly text: string };

/** Splits Markdown into blocks: headings, code, lists (one item a line, "- "), quotes, tables, paragraphs. */
function toBlocks(markdown: string): Block[] {
  const lines = stripHtmlComments(markdown).split('\n');
  const blocks: Block[] = [];
  let current: string[] = [];
  const flush = (): void => {
    if (current.length > 0) blocks.push({ kind: 'text', text: current.join('\n') });
    current = [];
  };
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence !== null) {
      flush();
      const marker = fence[1] ?? '```';
      const code: string[] = [];
      for (i += 1; i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marker); i += 1)
        code.push(lines[i] ?? '');
      const text = code.join('\n').replace(/^\n+/, '').trimEnd();
      if (text !== '') blocks.push({ kind: 'text', text });
      continue;
    }
    if (TABLE_SEPARATOR.test(line) && current.length > 0) continue;
    if (
      line.trim() === '' ||
      THEMATIC_BREAK.test(line) ||
      REFERENCE_DEFINITION.test(line) ||
      TABLE_SEPARATOR.test(line)
    ) {
      flush();
      continue;
    }
    const atx = atxHeading(line);
    if (atx !== undefined) {
      flush();
      const text = stripInlineMarkdown(atx.text);
      if (text !== '') blocks.push({ kind: 'heading', level: atx.level, text });
      continue;
    }
    const underline = SETEXT_UNDERLINE.exec(lines[i + 1] ?? '');
    if (underline !== null && current.length === 0 && !BULLET.test(line)) {
      const text = stripInlineMarkdown(line);
      if (text !== '')
        blocks.push({ kind: 'heading', level: (underline[1] ?? '=').startsWith('=') ? 1 : 2, text });
      i += 1;
      continue;
    }
    const quoted = line.replace(BLOCKQUOTE, '');
    const bullet = BULLET.exec(quoted);
    const ordered = ORDERED.exec(quoted);
    if (bullet !== null) current.push(`- ${stripInlineMarkdown(bullet[2] ?? '')}`);
    else if (ordered !== null) current.push(`${ordered[2]}. ${stripInlineMarkdown(ordered[3] ?? '')}`);
    else if (quoted.includes('|') && quoted.trim().startsWith('|')) {
      const cells = quoted
        .trim()
        .replace(/^\||\|$/g, '')
        .split('|')
        .map(stripInlineMarkdown);
      current.push(cells.filter((c) => c !== '').join(' | '));
    } else {
      const text = stripInlineMarkdown(quoted);
      if (text !== '') current.push(text);
    }
  }
  flush();
  return blocks.filter((b) => b.text.trim() !== '');
}

/**
 * Parses Markdown: the front matter's `title:` (or the first `# ` heading, which then leaves the
 * body) is the title; `date:`/`published:`, `url:`, `author:`, `lang:` become metadata. The body is
 * plain text: links keep their text, images are dropped, emphasis and code marks go, code blocks stay
 * as text, headings are paragraphs of their own, list items stay one a line with "- ".
 */
export function parseMarkdown(text: string): ParsedDocument {
  const { fields, rest } = readFrontMatter(text.replace(/\r\n?/g, '\n').replace(/^\ufeff/, ''));
  const blocks = toBlocks(rest);
  const declaredTitle = stripInlineMarkdown(fields.get('title') ?? '');
  const heading = blocks.findIndex((b) => b.kind === 'heading' && b.level === 1);
  const first = blocks[heading];
  // The first level-1 heading is the title; it leaves the body, also when it repeats the front matter's title.
  const headingIsTitle = first !== undefined && (declaredTitle === '' || first.text === declaredTitle);
  if (headingIsTitle) blocks.splice(heading, 1);
  const title = declaredTitle === '' ? (first?.text ?? '') : declaredTitle;
  const published = normalizeDate(
    fields.get('published') ?? fields.get('date') ?? fields.get('datepublished'),
  );
  const url = fields.get('url') ?? fields.get('canonical') ?? fields.get('link');
  const language = fields.get('lang') ?? fields.get('language');
  const byline = fields.get('author') ?? fields.get('byline');
  return {
    kind: 'parsed',
    format: 'markdown',
    title,
    body: blocks.map((b) => b.text).join('\n\n'),
    ...(url === undefined ? {} : { url }),
    ...(published === undefined ? {} : { published }),
    ...(language === undefined ? {} : { language }),
    ...(byline === undefined ? {} : { byline }),
  };
}
