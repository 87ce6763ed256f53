import { performance } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../../eval/reference/seeded-random';
import { cleanArticle } from '../../../../lib/pipeline/clean/clean';
import { parseHtml } from '../../../../lib/pipeline/extract/html/parse-html';

/**
 * Property tests: on seeded random (often hostile) HTML the extractor never throws, and a page
 * with a visible article never yields an empty body. The huge and deeply nested pages must complete;
 * their times are printed, never asserted.
 */

const SEED = 20_240_516;
const RANDOM_PAGES = 300;

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'article',
  'main',
  'section',
  'nav',
  'aside',
  'header',
  'footer',
  'table',
  'tr',
  'td',
  'ul',
  'li',
  'h1',
  'h2',
  'blockquote',
  'pre',
  'script',
  'style',
  'noscript',
  'form',
  'iframe',
  'svg',
  'template',
  'figure',
  'figcaption',
  'br',
  'img',
  'font',
  'b',
  'select',
  'option',
  'textarea',
  'math',
];
const ATTRIBUTES = [
  'class="comments"',
  'class="elementor-widget-text-editor"',
  'id="main"',
  'hidden',
  'aria-hidden="true"',
  'style="display:none"',
  'role="navigation"',
  'itemprop="articleBody"',
  'class="live-comment"',
  'class="a b c d e f g h"',
  'data-x="<p>not a tag</p>"',
  'lang="xx-yy"',
  `class="${'x'.repeat(3000)}"`,
];
const TEXTS = [
  'The council met on Tuesday and approved the budget for next year.',
  'Advertisement',
  'Share this article',
  'Read more: Another headline',
  '© 2024 All rights reserved.',
  '&amp; &lt; &gt; &#0; &#xD800; &#x1F600; &unknown;',
  '\u0000\u200b\u202e\ufeff',
  'Ünïcödé 日本語 العربية',
  '<!-- a comment -->',
  '<![CDATA[ cdata ]]>',
  '<!DOCTYPE html>',
  '</div></div></body></html>',
  '<',
  '>',
  '"',
  '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":',
  '<script type="application/ld+json">{"@graph":[[[[{"@type":"HowTo","step":[[["x"]]]}]]]]}</script>',
  '<meta property="og:description" content="A description of the page that is long enough to count.">',
  '<time datetime="not a date">',
  '<link rel="canonical" href="javascript:alert(1)">',
  'Page 1 of 2',
];

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

/** Random markup: tags opened and closed in random order (often unbalanced), attributes, text, junk. */
function randomHtml(random: () => number): string {
  const parts: string[] = [];
  const open: string[] = [];
  const length = Math.floor(random() * 200);
  for (let i = 0; i < length; i += 1) {
    const roll = random();
    if (roll < 0.35) {
      const tag = pick(TAGS, random);
      const attributes = random() < 0.4 ? ` ${pick(ATTRIBUTES, random)}` : '';
      parts.push(`<${tag}${attributes}>`);
      open.push(tag);
    } else if (roll < 0.55) {
      // Close the right tag, a wrong one, or none at all.
      const tag = random() < 0.7 ? open.pop() : pick(TAGS, random);
      if (tag !== undefined) parts.push(`</${tag}>`);
    } else if (roll < 0.95) parts.push(pick(TEXTS, random));
    else parts.push(String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(random() * 0x3000))));
  }
  return parts.join(random() < 0.5 ? '' : '\n');
}

const ARTICLE = [
  'The harbour authority said on Monday that it would dredge the main channel this summer, the first time since 2009.',
  'Ships of up to 8 metres draught will be able to enter at any state of the tide once the work is finished.',
  'The dredging will cost 4.2 million euros, shared between the port and the regional government.',
];

/** Page furniture: link lists, banners, labels and prompts, much of it hostile or mislabelled. */
const FURNITURE = [
  '<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>',
  '<div class="cookie-banner"><p>We use cookies to improve your experience. Accept all cookies?</p><button>OK</button></div>',
  '<aside class="sidebar"><h2>Most read</h2><ol><li><a href="/1">Harbour wall rebuilt</a></li><li><a href="/2">New ferry timetable</a></li></ol></aside>',
  '<div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>',
  '<p>Advertisement</p>',
  '<footer><p>© 2024 Example Media. All rights reserved.</p></footer>',
  '<section id="comments"><h3>3 comments</h3><p>Leave a comment</p></section>',
  '<div class="related"><h3>Related</h3><a href="/r">Another headline about the port</a></div>',
  '<div hidden><p>Hidden text that nobody sees on the page at all.</p></div>',
  '<script>var article = "<p>not the article</p>";</script>',
  '<form><input name="q"><button>Search</button></form>',
  '<div class="pagination"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=2">Next</a></div>',
  '<p>Page 1 of 2</p>',
  '<div><div><div><span>&#0; &unknown; \u0000 \u202e</span></div></div></div>',
];

/**
 * A page whose article is visible: random furniture before and after it, and a wrapper that may be
 * mislabelled (as comments, a widget, a form, an aside) or may not exist at all.
 */
function pageWithArticle(random: () => number): string {
  const wrapper = pick(['div', 'section', 'article', 'main', 'td', 'form', 'aside', 'span'], random);
  const label = random() < 0.5 ? ` ${pick(ATTRIBUTES.slice(0, 2), random)}` : '';
  const body = ARTICLE.map((p) => (random() < 0.5 ? `<p>${p}</p>` : `${p}<br><br>`)).join('');
  const furniture = (): string =>
    Array.from({ length: Math.floor(random() * 6) }, () => pick(FURNITURE, random)).join('\n');
  const article = random() < 0.2 ? body : `<${wrapper}${label}>${body}</${wrapper}>`;
  return `<html><body>${furniture()}${article}${furniture()}</body></html>`;
}

describe('HTML extraction: robustness', () => {
  it(`never throws on ${RANDOM_PAGES} seeded random pages, and always answers parsed or rejected`, () => {
    const random = seededRandom(SEED);
    for (let i = 0; i < RANDOM_PAGES; i += 1) {
      const html = randomHtml(random);
      const result = parseHtml(html);
      expect(['parsed', 'rejected']).toContain(result.kind);
      if (result.kind === 'parsed') {
        const cleaned = cleanArticle(result);
        expect(typeof ('text' in cleaned ? cleaned.text : cleaned.message)).toBe('string');
      }
    }
  });

  it('keeps every paragraph of a visible article, whatever furniture surrounds it and however it is labelled', () => {
    const random = seededRandom(SEED + 1);
    for (let i = 0; i < 100; i += 1) {
      const html = pageWithArticle(random);
      const result = parseHtml(html);
      if (result.kind !== 'parsed') throw new Error(`rejected: ${result.message}`);
      const found = ARTICLE.filter((p) => result.body.replace(/\s+/g, ' ').includes(p));
      expect(found, html).toEqual(ARTICLE);
    }
  });

  it('completes on a 5 MiB page', () => {
    const paragraph = `<p>${ARTICLE.join(' ')}</p>\n`;
    const repeats = Math.ceil((5 * 1024 * 1024) / paragraph.length);
    const html = `<html><body><nav><a href="/">Home</a></nav><article>${paragraph.repeat(repeats)}</article></body></html>`;
    const started = performance.now();
    const result = parseHtml(html);
    const elapsed = performance.now() - started;
    console.log(`5 MiB page (${html.length} chars): ${elapsed.toFixed(0)} ms`);
    expect(result.kind).toBe('parsed');
    if (result.kind === 'parsed') expect(result.body).toContain(ARTICLE[0]);
  });

  it('completes on a page nested 10,000 levels deep', () => {
    const depth = 10_000;
    const html = `<html><body>${'<div>'.repeat(depth)}<p>${ARTICLE.join(' ')}</p>${'</div>'.repeat(depth)}</body></html>`;
    const started = performance.now();
    const result = parseHtml(html);
    const elapsed = performance.now() - started;
    console.log(`10,000-level nesting: ${elapsed.toFixed(0)} ms`);
    expect(result.kind).toBe('parsed');
    if (result.kind === 'parsed') expect(result.body).toContain(ARTICLE[0]);
  });
});
