import { SPACE_RUNS } from '../../text/space-runs';
import { jsonDepthWithin } from '../json-depth';
import { normalizeDate } from '../normalize-date';
import { type HtmlDocument, type HtmlElement, selectAll, selectOne } from './dom';

/** Metadata that a page states about its article. */
export type HtmlMetadata = {
  readonly title: string;
  readonly published?: string;
  readonly url?: string;
  readonly language?: string;
  readonly byline?: string;
  /** The page's own summary (og:description, meta description, JSON-LD description): often its standfirst. */
  readonly description?: string;
  /**
   * The article text that the page states in JSON-LD (`articleBody`, `text`, or a HowTo's or
   * Recipe's description and steps); may hold HTML. Script-rendered pages carry their text only here.
   */
  readonly structuredBody?: string;
};

/** Separators between a headline and the site or section name in `<title>` and og:title. */
const TITLE_SEPARATORS = [' | ', ' - ', ' – ', ' — ', ' :: ', ' · ', ' » ', ' « ', ' › ', ' • '];
/** A site or section name is short; a headline rarely is. */
const MAX_SUFFIX_WORDS = 4;
const MIN_HEADLINE_WORDS = 3;
/** JSON-LD objects read per page: real pages have a handful; the cap bounds work on hostile ones. */
const MAX_JSON_LD_OBJECTS = 200;
/** HowTo and Recipe steps nest in sections at most a few levels deep. */
const MAX_STEP_DEPTH = 4;
/** Bylines longer than this are paragraphs that happen to carry an author class. */
const MAX_BYLINE_CHARS = 120;

type JsonObject = { readonly [key: string]: unknown };

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function collapse(text: string | null | undefined): string {
  return (text ?? '').replace(SPACE_RUNS, ' ').trim();
}

function wordCount(text: string): number {
  return text.split(' ').filter((w) => w !== '').length;
}

function metaContent(doc: HtmlDocument, selectors: readonly string[]): string | undefined {
  for (const selector of selectors) {
    const value = collapse(selectOne(doc, selector)?.getAttribute('content'));
    if (value !== '') return value;
  }
  return undefined;
}

/** JSON-LD nests a few levels (an article, its author, the author's organisation); deeper blocks are skipped. */
const MAX_JSON_LD_DEPTH = 64;

/** Every object in the page's JSON-LD blocks, including those nested in arrays and `@graph`. */
function jsonLdObjects(doc: HtmlDocument): JsonObject[] {
  const found: JsonObject[] = [];
  for (const script of selectAll(doc, 'script[type="application/ld+json"]')) {
    let parsed: unknown;
    const json = script.textContent ?? '';
    if (!jsonDepthWithin(json, MAX_JSON_LD_DEPTH)) continue;
    try {
      parsed = JSON.parse(json);
    } catch {
      continue;
    }
    const queue: unknown[] = [parsed];
    while (queue.length > 0 && found.length < MAX_JSON_LD_OBJECTS) {
      const item = queue.shift();
      if (Array.isArray(item)) queue.push(...item.slice(0, MAX_JSON_LD_OBJECTS));
      else if (isObject(item)) {
        found.push(item);
        if (Array.isArray(item['@graph'])) queue.push(...item['@graph'].slice(0, MAX_JSON_LD_OBJECTS));
      }
    }
  }
  return found;
}

function ldString(objects: readonly JsonObject[], key: string): string | undefined {
  for (const object of objects) {
    const value = object[key];
    if (typeof value === 'string' && value.trim() !== '') return collapse(value);
  }
  return undefined;
}

function personName(value: unknown): string | undefined {
  if (typeof value === 'string') return collapse(value) || undefined;
  if (Array.isArray(value)) {
    const names = value.map(personName).filter((n): n is string => n !== undefined);
    return names.length > 0 ? names.join(', ') : undefined;
  }
  if (isObject(value) && typeof value.name === 'string') return collapse(value.name) || undefined;
  return undefined;
}

/** Strips a trailing (or, when it names the site, leading) site or section name from a page title. */
export function stripSiteName(title: string, siteName?: string): string {
  let text = collapse(title);
  const site = collapse(siteName).toLowerCase();
  for (const separator of TITLE_SEPARATORS) {
    if (site === '') break;
    if (text.toLowerCase().endsWith(`${separator}${site}`))
      text = text.slice(0, -(separator.length + site.length));
    if (text.toLowerCase().startsWith(`${site}${separator}`))
      text = text.slice(site.length + separator.length);
  }
  let cut = -1;
  let cutLength = 0;
  for (const separator of TITLE_SEPARATORS) {
    const at = text.lastIndexOf(separator);
    if (at > cut) {
      cut = at;
      cutLength = separator.length;
    }
  }
  if (cut < 0) return text;
  const head = text.slice(0, cut).trim();
  const tail = text.slice(cut + cutLength).trim();
  return wordCount(tail) <= MAX_SUFFIX_WORDS && wordCount(head) >= MIN_HEADLINE_WORDS ? head : text;
}

function findTitle(doc: HtmlDocument, ld: readonly JsonObject[]): string {
  const siteName = metaContent(doc, ['meta[property="og:site_name"]']);
  const og = metaContent(doc, [
    'meta[property="og:title"]',
    'meta[name="og:title"]',
    'meta[name="twitter:title"]',
  ]);
  const headline = ldString(ld, 'headline');
  const titleTag = collapse(selectOne(doc, 'title')?.textContent);
  const heading =
    collapse(selectOne(doc, 'article h1')?.textContent) || collapse(selectOne(doc, 'h1')?.textContent);
  const raw = [og, headline, titleTag].filter((t): t is string => t !== undefined && t !== '');
  // The page's own <h1> is the cleanest title when the other candidates contain it.
  if (heading !== '' && raw.some((t) => t.toLowerCase().includes(heading.toLowerCase()))) return heading;
  const first = raw[0];
  if (first !== undefined) return stripSiteName(first, siteName);
  return heading;
}

function findPublished(doc: HtmlDocument, ld: readonly JsonObject[]): string | undefined {
  const candidates: (string | null | undefined)[] = [
    metaContent(doc, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[property="og:published_time"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="publish-date"]',
      'meta[name="date"]',
      'meta[name="dc.date"]',
      'meta[name="DC.date.issued"]',
      'meta[name="dcterms.created"]',
      'meta[name="parsely-pub-date"]',
      'meta[name="sailthru.date"]',
    ]),
    ldString(ld, 'datePublished'),
    selectOne(doc, '[itemprop="datePublished"]')?.getAttribute('datetime'),
    collapse(selectOne(doc, '[itemprop="datePublished"]')?.textContent),
    selectOne(doc, 'time[pubdate]')?.getAttribute('datetime'),
    selectOne(doc, 'article time[datetime]')?.getAttribute('datetime'),
    selectOne(doc, 'time[datetime]')?.getAttribute('datetime'),
  ];
  for (const candidate of candidates) {
    const date = normalizeDate(candidate ?? undefined);
    if (date !== undefined) return date;
  }
  return undefined;
}

function absoluteUrl(value: string | null | undefined): string | undefined {
  const v = collapse(value);
  return /^https?:\/\/\S+$/i.test(v) ? v : undefined;
}

function findUrl(doc: HtmlDocument, ld: readonly JsonObject[]): string | undefined {
  return (
    absoluteUrl(selectOne(doc, 'link[rel="canonical"]')?.getAttribute('href')) ??
    absoluteUrl(metaContent(doc, ['meta[property="og:url"]', 'meta[name="og:url"]'])) ??
    absoluteUrl(ldString(ld, 'url'))
  );
}

function findLanguage(doc: HtmlDocument, ld: readonly JsonObject[]): string | undefined {
  const candidates = [
    doc.documentElement?.getAttribute('lang'),
    doc.documentElement?.getAttribute('xml:lang'),
    metaContent(doc, [
      'meta[http-equiv="content-language"]',
      'meta[http-equiv="Content-Language"]',
      'meta[name="language"]',
      'meta[property="og:locale"]',
    ]),
    ldString(ld, 'inLanguage'),
  ];
  for (const candidate of candidates) {
    const value = collapse(candidate).replace(/_/g, '-');
    if (/^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i.test(value)) return value;
  }
  return undefined;
}

function cleanByline(value: string | null | undefined): string | undefined {
  const text = collapse(value).replace(/^(?:by|von|por|par|di)\s+/i, '');
  return text !== '' && text.length <= MAX_BYLINE_CHARS ? text : undefined;
}

function findByline(doc: HtmlDocument, ld: readonly JsonObject[]): string | undefined {
  const authorElement: HtmlElement | undefined = selectOne(doc, '[itemprop="author"]');
  const candidates = [
    metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]']),
    ld.map((o) => personName(o.author)).find((n) => n !== undefined),
    authorElement?.getAttribute('content'),
    authorElement === undefined
      ? undefined
      : collapse(selectOne(authorElement, '[itemprop="name"]')?.textContent),
    authorElement?.textContent,
    selectOne(doc, '[rel="author"]')?.textContent,
    selectOne(doc, '.byline, .author-name, .article-author')?.textContent,
  ];
  for (const candidate of candidates) {
    // A URL (article:author often holds a profile link) is not a name.
    if (candidate !== undefined && candidate !== null && /^https?:/i.test(candidate.trim())) continue;
    const byline = cleanByline(candidate);
    if (byline !== undefined) return byline;
  }
  return undefined;
}

function findDescription(doc: HtmlDocument, ld: readonly JsonObject[]): string | undefined {
  return (
    metaContent(doc, [
      'meta[property="og:description"]',
      'meta[name="description"]',
      'meta[name="twitter:description"]',
    ]) ?? ldString(ld, 'description')
  );
}

/** Texts of HowTo steps or Recipe instructions: strings, objects with `text`, or sections of them. */
function stepTexts(value: unknown, depth = 0): string[] {
  // Sections nest steps one or two levels deep; the cap bounds hostile JSON.
  if (depth > MAX_STEP_DEPTH) return [];
  if (typeof value === 'string') return value.trim() === '' ? [] : [value];
  if (Array.isArray(value)) return value.flatMap((item) => stepTexts(item, depth + 1));
  if (!isObject(value)) return [];
  if (typeof value.text === 'string') return [value.text];
  return stepTexts(value.itemListElement, depth + 1);
}

function findStructuredBody(ld: readonly JsonObject[]): string | undefined {
  for (const key of ['articleBody', 'text']) {
    for (const object of ld) {
      const value = object[key];
      if (typeof value === 'string' && value.trim() !== '') return value;
    }
  }
  for (const object of ld) {
    const steps = [...stepTexts(object.step), ...stepTexts(object.recipeInstructions)];
    if (steps.length === 0) continue;
    const intro = typeof object.description === 'string' ? [object.description] : [];
    return [...intro, ...steps].map((text) => `<p>${text}</p>`).join('\n');
  }
  return undefined;
}

/**
 * Reads the article metadata of an HTML page: title (og:title, JSON-LD headline, `<title>` without
 * its site suffix, preferring the `<h1>` they contain), published date (article:published_time,
 * itemprop/JSON-LD datePublished, `<time datetime>`), canonical URL, `<html lang>`, byline,
 * description and the article text stated in JSON-LD.
 * Call it before anything prunes the document.
 */
export function extractHtmlMetadata(doc: HtmlDocument): HtmlMetadata {
  const ld = jsonLdObjects(doc);
  const published = findPublished(doc, ld);
  const url = findUrl(doc, ld);
  const language = findLanguage(doc, ld);
  const byline = findByline(doc, ld);
  const description = findDescription(doc, ld);
  const structuredBody = findStructuredBody(ld);
  return {
    title: findTitle(doc, ld),
    ...(published === undefined ? {} : { published }),
    ...(url === undefined ? {} : { url }),
    ...(language === undefined ? {} : { language }),
    ...(byline === undefined ? {} : { byline }),
    ...(description === undefined ? {} : { description }),
    ...(structuredBody === undefined ? {} : { structuredBody }),
  };
}
