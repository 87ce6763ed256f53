import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../../lib/pipeline/clean/clean';
import { parseHtml } from '../../../../lib/pipeline/extract/html/parse-html';
import type { Article, ParsedDocument, Rejection } from '../../../../lib/pipeline/types';

/**
 * Golden files: pages we wrote (test/fixtures/pages/NAME.html), each with the article text a reader
 * would call the article (NAME.txt). Each page carries one or more kinds of boilerplate around and
 * inside its article; the expected text has none of it and all of the article, in order.
 */
const PAGES = join(__dirname, '../../../fixtures/pages');

function parsed(result: ParsedDocument | Rejection): ParsedDocument {
  if (result.kind !== 'parsed')
    throw new Error(`expected a parsed page, got ${result.code}: ${result.message}`);
  return result;
}

function article(result: Article | Rejection): Article {
  if ('kind' in result) throw new Error(`expected an article, got ${result.code}: ${result.message}`);
  return result;
}

function extract(name: string): { doc: ParsedDocument; article: Article } {
  const doc = parsed(parseHtml(readFileSync(join(PAGES, `${name}.html`), 'utf8')));
  return { doc, article: article(cleanArticle(doc)) };
}

const GOLDEN: { name: string; covers: string }[] = [
  {
    name: 'news-en',
    covers:
      'cookie banner, navigation, standfirst above the article, share bar, "Read more:" teaser, advertisement label, related stories, comment section, most read, newsletter prompt, footer',
  },
  {
    name: 'teasers-de',
    covers:
      'German: consent layer, dateline, "Lesen Sie auch:", ">> teaser <<", Anzeige, Quelle, "Mehr zum Thema" list, "Weitere Infos unter", Teilen, comment counter, link bar',
  },
  {
    name: 'live-blog-fr',
    covers: 'French live blog (entries classed "live-comment"), "Lire aussi :", Partager, "À lire aussi"',
  },
  {
    name: 'gallery-es',
    covers:
      'Spanish gallery (captions, "Foto 1 de 8"), "Lee también:", Publicidad, Fuente, "Síguenos en Twitter", Compartir, related news',
  },
  { name: 'multipage-en', covers: 'multi-page markers: "Page 2 of 3", "Next page", pagination bar' },
  {
    name: 'script-rendered',
    covers: 'a page Readability returns empty: the text is only in JSON-LD articleBody',
  },
  { name: 'div-soup', covers: 'table layout without <p>: the densest block, without the menu cell' },
  {
    name: 'page-builder',
    covers: 'page-builder classes ("elementor-widget-text-editor") keep the text; a real widget goes',
  },
];

describe('HTML extraction: golden pages', () => {
  it('has an expected text for every page and a page for every expected text', () => {
    const files = readdirSync(PAGES);
    const html = files.filter((f) => f.endsWith('.html')).map((f) => f.replace(/\.html$/, ''));
    const txt = files.filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.txt$/, ''));
    expect(html.sort()).toEqual(txt.sort());
    expect(html.sort()).toEqual(GOLDEN.map((g) => g.name).sort());
  });

  it.each(GOLDEN)('$name: $covers', ({ name }) => {
    const expected = readFileSync(join(PAGES, `${name}.txt`), 'utf8').trimEnd();
    expect(extract(name).article.text).toBe(expected);
  });
});

describe('HTML extraction: metadata', () => {
  const cases: {
    name: string;
    title: string;
    published?: string;
    url?: string;
    language?: string;
    byline?: string;
  }[] = [
    {
      name: 'news-en',
      title: 'Harbour town votes to keep its ferry pier',
      published: '2024-03-12T18:40:00Z',
      url: 'https://courier.example/news/westmere-pier-vote',
      language: 'en-GB',
      byline: 'Priya Natarajan',
    },
    // No <html lang>: the language is detected; the date and author come from JSON-LD.
    {
      name: 'teasers-de',
      title: 'Stadtwerke senken den Gaspreis zum April',
      published: '2024-02-27T09:15:00+01:00',
      language: 'de',
      byline: 'Jonas Albrecht',
    },
    // The date comes from <time datetime>, the URL from <link rel=canonical>.
    {
      name: 'live-blog-fr',
      title: 'En direct : la grève des contrôleurs aériens perturbe les vols',
      published: '2024-05-16T14:05:00+02:00',
      url: 'https://infos.example/direct/greve-controleurs',
      language: 'fr',
    },
    {
      name: 'gallery-es',
      title: 'Así fue la noche de los museos en Valdemora',
      published: '2024-05-19',
      language: 'es',
    },
    // No lang attribute, no dates: the title is the <title>, the language is detected from the text.
    { name: 'div-soup', title: 'Notes from the allotment', language: 'en' },
  ];

  it.each(cases)('$name', ({ name, ...expected }) => {
    const { doc, article: a } = extract(name);
    expect({
      title: a.title,
      published: doc.published,
      url: doc.url,
      language: doc.language,
      byline: doc.byline,
    }).toEqual({
      published: undefined,
      url: undefined,
      language: undefined,
      byline: undefined,
      ...expected,
    });
  });
});
