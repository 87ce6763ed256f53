import { describe, expect, it } from 'vitest';
import { stripSiteName } from '../../../../../lib/pipeline/extract/html/metadata';
import { parseHtml } from '../../../../../lib/pipeline/extract/html/parse-html';
import type { ParsedDocument, Rejection } from '../../../../../lib/pipeline/types';

const ARTICLE_PARAGRAPHS = [
  'The ferry company Northline will cut its winter timetable from 14 to 9 sailings a day from 1 November, it said on Friday, blaming a 23% fall in passenger numbers since 2019.',
  '"We cannot keep running half-empty boats through the winter," said Northline\'s chief executive, Sara Lindqvist. "The savings will protect the summer service."',
  'The island council said the cuts would hit about 1,200 people who commute to the mainland each day and called on the regional government to step in with a subsidy of £2.4 million.',
  'Northline carried 1.9 million passengers last year, down from 2.5 million in 2019.',
];

function page(head: string, articleExtra = ''): string {
  return `<!DOCTYPE html><html lang="en-GB"><head>${head}</head><body>
  <div id="cookie-banner" class="cookie-consent"><p>We use cookies to give you the best experience. Accept all cookies or manage your settings in our cookie policy.</p></div>
  <header class="site-header"><a href="/">Island Times</a><nav><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li></ul></nav></header>
  <main><article>
    <h1>Ferry firm cuts winter sailings</h1>
    <div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on Twitter</a> <a href="#">Email</a></div>
    ${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
    ${articleExtra}
  </article>
  <section id="comments" class="comments-area"><h3>12 comments</h3><p>Leave a comment below. Comments are moderated and may take a while to appear on the page.</p><div class="comment"><p>This is a disgrace, the island depends on these boats every single day of the year.</p></div></section>
  </main>
  <aside class="sidebar"><h2>Most read</h2><ol><li><a href="/1">Harbour wall to be rebuilt after storm damage</a></li><li><a href="/2">New doctor for island surgery</a></li></ol></aside>
  <footer class="site-footer"><p>© 2025 Island Times Ltd. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
  </body></html>`;
}

function parsed(result: ParsedDocument | Rejection): ParsedDocument {
  if (result.kind !== 'parsed')
    throw new Error(`expected a parsed document, got ${result.code}: ${result.message}`);
  return result;
}

describe('parseHtml: article body', () => {
  it('returns only the article paragraphs, without cookie banner, navigation, share bar, comments, sidebar or footer', () => {
    const doc = parsed(parseHtml(page('<title>Ferry firm cuts winter sailings | Island Times</title>')));
    expect(doc.body.split('\n\n')).toEqual(ARTICLE_PARAGRAPHS);
    expect(doc.format).toBe('html');
  });

  it('keeps subheadings, list items (one a line, "- ") and blockquotes as paragraphs', () => {
    const extra =
      '<h2>What changes</h2><ul><li>Fewer early sailings</li><li>No sailings after 8pm</li></ul><blockquote><p>We were not consulted at all, and neither were the schools.</p></blockquote>';
    const doc = parsed(parseHtml(page('<title>x</title>', extra)));
    const paragraphs = doc.body.split('\n\n');
    expect(paragraphs).toContain('What changes');
    expect(paragraphs).toContain('- Fewer early sailings\n- No sailings after 8pm');
    expect(paragraphs).toContain('We were not consulted at all, and neither were the schools.');
  });

  it('drops scripts, styles, figure captions and hidden elements inside the article', () => {
    const extra =
      '<script>var tracking = "Lorem tracking code";</script><style>.x{color:red}</style><figure><img src="a.jpg"><figcaption>Photo: Reuters</figcaption></figure><p hidden>Hidden teaser text for robots only.</p><p style="display:none">Invisible.</p>';
    const doc = parsed(parseHtml(page('<title>x</title>', extra)));
    expect(doc.body).not.toMatch(/tracking|color:red|Photo: Reuters|Hidden teaser|Invisible/);
  });

  it('falls back to the densest text block when Readability finds too little', () => {
    const html = `<html><body><div class="menu"><a href="/">Home</a> <a href="/a">About</a></div>
      <div class="content"><p>Short but real first paragraph of the story.</p><p>A second paragraph, also short.</p></div></body></html>`;
    const doc = parsed(parseHtml(html));
    expect(doc.body).toBe('Short but real first paragraph of the story.\n\nA second paragraph, also short.');
  });

  it('keeps the article when a theme gives its wrapper a furniture-like class', () => {
    const html = `<html><body class="single comments-open"><div class="layout has-sidebar sidebar_right"><main>${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</main></div></body></html>`;
    expect(parsed(parseHtml(html)).body.split('\n\n')).toEqual(ARTICLE_PARAGRAPHS);
  });

  it('reads an article that a blog serves only inside <noscript>', () => {
    const html = `<html><body><div id="app"></div><noscript><div class="post">${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div></noscript></body></html>`;
    expect(parsed(parseHtml(html)).body).toContain('Northline carried 1.9 million passengers');
  });

  it('turns <br><br> into a paragraph break', () => {
    const html =
      '<html><body><div>First line of the story goes here.<br><br>Second paragraph starts here.</div></body></html>';
    expect(parsed(parseHtml(html)).body).toBe(
      'First line of the story goes here.\n\nSecond paragraph starts here.',
    );
  });
});

describe('parseHtml: metadata', () => {
  const cases: { name: string; head: string; expected: Partial<ParsedDocument> }[] = [
    {
      name: 'og:title, article:published_time, canonical, author',
      head: '<meta property="og:title" content="Ferry firm cuts winter sailings"><meta property="article:published_time" content="2025-10-03T08:15:00+01:00"><link rel="canonical" href="https://island.example/ferry"><meta name="author" content="By Mairi Campbell">',
      expected: {
        title: 'Ferry firm cuts winter sailings',
        published: '2025-10-03T08:15:00+01:00',
        url: 'https://island.example/ferry',
        byline: 'Mairi Campbell',
        language: 'en-GB',
      },
    },
    {
      name: '<title> with a " - Site" suffix, when no h1 matches',
      head: '<title>Winter timetable: what changes for commuters - Island Times</title>',
      expected: { title: 'Winter timetable: what changes for commuters' },
    },
    {
      name: 'the <h1> wins when <title> contains it',
      head: '<title>Ferry firm cuts winter sailings | News | Island Times</title>',
      expected: { title: 'Ferry firm cuts winter sailings' },
    },
    {
      name: 'JSON-LD datePublished and author',
      head: '<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage"},{"@type":"NewsArticle","datePublished":"2025-10-03","author":[{"@type":"Person","name":"Mairi Campbell"}]}]}</script>',
      expected: { published: '2025-10-03', byline: 'Mairi Campbell' },
    },
    {
      name: 'itemprop datePublished',
      head: '<meta itemprop="datePublished" content="2025-10-02T17:00:00Z">',
      expected: { published: '2025-10-02T17:00:00Z' },
    },
    {
      name: 'broken JSON-LD is ignored, not fatal',
      head: '<script type="application/ld+json">{"datePublished": </script><title>Ferry firm cuts winter sailings</title>',
      expected: { title: 'Ferry firm cuts winter sailings' },
    },
  ];
  it.each(cases)('$name', ({ head, expected }) => {
    expect(parsed(parseHtml(page(head)))).toMatchObject(expected);
  });

  it('reads <time datetime> when the page has no meta date', () => {
    const html = `<html><body><article><h1>Headline of the story here</h1><time datetime="2024-12-24T18:30:00Z">Christmas Eve</time>${ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(parsed(parseHtml(html)).published).toBe('2024-12-24T18:30:00Z');
  });

  it('leaves out metadata the page does not state', () => {
    const doc = parsed(parseHtml('<p>Only a paragraph of text, nothing else at all.</p>'));
    expect(doc).toEqual({
      kind: 'parsed',
      format: 'html',
      title: '',
      body: 'Only a paragraph of text, nothing else at all.',
    });
  });
});

describe('stripSiteName', () => {
  const cases: [string, string | undefined, string][] = [
    ['Ferry firm cuts sailings | Island Times', undefined, 'Ferry firm cuts sailings'],
    ['Ferry firm cuts sailings – BBC News', undefined, 'Ferry firm cuts sailings'],
    ['Island Times | Ferry firm cuts sailings', 'Island Times', 'Ferry firm cuts sailings'],
    ['Ukraine - Russia talks', undefined, 'Ukraine - Russia talks'],
    ['No separator at all', undefined, 'No separator at all'],
    ['', undefined, ''],
  ];
  it.each(cases)('%j (site %j) → %j', (title, site, expected) => {
    expect(stripSiteName(title, site)).toBe(expected);
  });
});

describe('parseHtml: hostile input', () => {
  const cases: { name: string; html: string }[] = [
    { name: 'empty string', html: '' },
    { name: 'unclosed tags', html: '<html><body><div><p>Unclosed <b>bold <i>and italic' },
    { name: 'deep nesting', html: `${'<div>'.repeat(5000)}<p>Deep text.</p>${'</div>'.repeat(5000)}` },
    { name: 'garbage', html: '<<<>>> </p></div><p <<a href=">' },
    { name: 'an unclosed comment', html: '<html><body><!-- never closed <p>text</p>' },
  ];
  it.each(cases)('$name does not throw', ({ html }) => {
    expect(() => parseHtml(html)).not.toThrow();
  });
});
