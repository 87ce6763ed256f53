import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle, prepareArticle } from '../../../../lib/pipeline/analyze';
import { cleanArticle } from '../../../../lib/pipeline/clean/clean';
import { isCommentCounter, isDisclaimer, isLinkPrompt } from '../../../../lib/pipeline/clean/feed-furniture';
import { reflowParagraph } from '../../../../lib/pipeline/clean/reflow';
import { parseDocument } from '../../../../lib/pipeline/extract/parse-document';
import type { Article, ParsedDocument, Rejection } from '../../../../lib/pipeline/types';
import { BODIES, COUNTERS, DE, DISCLAIMERS, EN, feed, wrap } from '../../../fixtures/feed-articles';

function doc(body: string, title = ''): ParsedDocument {
  return { kind: 'parsed', format: 'text', title, body };
}

function article(result: Article | Rejection): Article {
  if ('kind' in result) throw new Error(`expected an article, got ${result.code}: ${result.message}`);
  return result;
}

describe('syndication feeds: single-newline paragraphs, repeated body, wrapped disclaimer, trailing furniture', () => {
  it.each(['en', 'de', 'es', 'fr'])(
    '%s: the body once, nothing of the disclaimer, list or counter',
    (lang) => {
      const body = BODIES[lang] ?? EN;
      const result = article(cleanArticle(doc(feed(lang))));
      expect(result.text.split('\n\n')).toEqual(body);
      expect(result.text).not.toMatch(DISCLAIMERS[lang]?.words ?? /$^/);
      expect(result.text).not.toMatch(/Harbour festival|cycle lane|Library/);
      expect(result.removed.repeatedParagraphs).toBe(body.length);
      // The disclaimer (with its heading), the list (with its heading) and the comment counter.
      expect(result.removed.boilerplateBlocks).toBeGreaterThanOrEqual(2);
    },
  );

  it.each(['en', 'de', 'es', 'fr'])(
    '%s: a repeated body glued to the line before it is still found',
    (lang) => {
      const body = BODIES[lang] ?? EN;
      // The second copy starts on the same line as the first copy's last paragraph.
      const glued = [...body.slice(0, -1), `${body.at(-1)} ${body[0]}`, ...body.slice(1)].join('\n');
      const result = article(cleanArticle(doc(glued)));
      expect(result.text.split('\n\n')).toEqual(body);
      expect(result.removed.repeatedSentences).toBe(1);
      expect(result.removed.repeatedParagraphs).toBe(body.length - 1);
    },
  );

  it('a copy cut short in mid-sentence leaves nothing behind', () => {
    const cut = EN[1]?.slice(0, 60) ?? '';
    const text = [...EN, EN[0], cut].join('\n');
    const result = article(cleanArticle(doc(text)));
    expect(result.text.split('\n\n')).toEqual(EN);
  });

  it('a repeat glued to the disclaimer: the repeated sentence and the disclaimer both go', () => {
    const d = DISCLAIMERS.en?.text ?? '';
    const text = [...EN, ...EN.slice(0, -1), `${EN.at(-1)} ${d}`].join('\n');
    const result = article(cleanArticle(doc(text)));
    expect(result.text.split('\n\n')).toEqual(EN);
  });

  it('reflow: one paragraph a line stays one paragraph a line; a wrapped block becomes one', () => {
    const wrapped = wrap(DISCLAIMERS.en?.text ?? '', 70);
    expect(wrapped.split('\n').length).toBeGreaterThanOrEqual(3);
    const paragraphs = reflowParagraph([...EN, 'Legal Disclaimer:', wrapped, 'Comments'].join('\n'));
    expect(paragraphs).toEqual([...EN, 'Legal Disclaimer:', DISCLAIMERS.en?.text, 'Comments']);
  });

  it('reflow: short one-line paragraphs that end sentences are not joined', () => {
    const lines = [
      'The ferry left Brannock at nine and reached the mainland forty minutes later, on time.',
      'Passengers said the crossing had been calm and that the new ticket machines worked well.',
      'The operator said the timetable would stay the same for the rest of the summer season.',
    ];
    expect(reflowParagraph(lines.join('\n'))).toEqual(lines);
  });

  it.each(Object.entries(DISCLAIMERS))(
    '%s: a disclaimer is recognised by its vocabulary, prose about liability is not',
    (_, d) => {
      expect(isDisclaimer(d.text)).toBe(true);
    },
  );

  it('prose that mentions liability or a ban is not a disclaimer', () => {
    expect(
      isDisclaimer(
        'The court ruled that the operator was not liable for the delays, and said the ban on night crossings was lawful.',
      ),
    ).toBe(false);
  });

  it.each(Object.values(COUNTERS))('comment counter: %s', (line) => {
    expect(isCommentCounter(line)).toBe(true);
  });

  it('a comment counter needs to be the whole line', () => {
    expect(isCommentCounter('No comments were made by the minister after the vote.')).toBe(false);
  });
});

describe('two stories in one file', () => {
  const second = [
    'Glenmouth library to open on Sundays',
    'GLENMOUTH, 3 June 2025 - The public library in Glenmouth will open on Sundays from July, the county said, after a petition signed by 2,300 residents asked for longer hours for students and families.',
    'Volunteers from the Friends of Glenmouth Library will staff the reading room, and the county will pay for heating and security, at a cost of about 40,000 euros a year.',
  ];
  it('keeps the first as the article and reports the second', () => {
    const result = article(cleanArticle(doc([...EN, ...second].join('\n\n'))));
    expect(result.text.split('\n\n')).toEqual(EN);
    expect(result.removed.appendedStories).toEqual({
      count: 1,
      paragraphs: 3,
      firstLine: 'Glenmouth library to open on Sundays',
    });
  });

  it('an appended German story with a dateline and no headline', () => {
    const zweite = [
      'SEEHEIM, 3. Juni 2025 - Die Stadtbibliothek in Seeheim öffnet ab Juli auch sonntags, teilte der Landkreis mit, nachdem 2.300 Bürgerinnen und Bürger eine Petition für längere Öffnungszeiten unterschrieben hatten.',
      'Ehrenamtliche des Fördervereins betreuen den Lesesaal, der Landkreis bezahlt Heizung und Sicherheitsdienst für rund 40.000 Euro im Jahr.',
    ];
    const result = article(cleanArticle(doc([...DE, ...zweite].join('\n\n'))));
    expect(result.text.split('\n\n')).toEqual(DE);
    expect(result.removed.appendedStories?.count).toBe(1);
  });

  it('sections of one article under subheadings stay together', () => {
    const withSection = [...EN.slice(0, 2), 'What happens to the buses', ...EN.slice(2)];
    const result = article(cleanArticle(doc(withSection.join('\n\n'))));
    expect(result.text.split('\n\n')).toEqual(withSection);
    expect(result.removed.appendedStories).toBeUndefined();
  });
});

describe('is this an article?', () => {
  const rejected = (body: string, title = ''): string => {
    const result = cleanArticle(doc(body, title));
    return 'kind' in result ? result.code : 'ARTICLE';
  };
  const teasers = [
    'Harbour festival moves to August',
    'Organisers say the new date avoids the sailing regatta.',
    'New cycle lane opens on the ring road',
    'Cyclists can now cross the town in twenty minutes.',
    'Library extends its opening hours',
    'The reading room stays open until nine on weekdays.',
    'School choir wins regional contest',
    'Forty pupils sang at the final in Glenmouth.',
    'Bakery chain opens tenth shop',
    'The opening drew a queue around the block.',
  ].join('\n\n');

  it('a page of teasers is NOT_ARTICLE', () => {
    expect(rejected(teasers)).toBe('NOT_ARTICLE');
  });

  it('a list of links is NOT_ARTICLE', () => {
    const list = Array.from(
      { length: 8 },
      (_, i) => `- Council news item number ${i + 1} for this week`,
    ).join('\n');
    expect(rejected(list, 'Latest council news')).toBe('NOT_ARTICLE');
  });

  it.each([
    ['en', '404 - Page not found. The page you are looking for may have been moved.'],
    ['de', 'Fehler 404: Die Seite wurde nicht gefunden.'],
    ['es', 'Error 404. La página no se ha encontrado o ya no está disponible.'],
    ['fr', 'Erreur 404 : page introuvable.'],
  ])('%s: an error page is NOT_ARTICLE', (_, body) => {
    expect(rejected(body)).toBe('NOT_ARTICLE');
  });

  it.each([
    ['en', 'Subscribe or sign in to continue reading this article.'],
    ['de', 'Dieser Artikel ist nur für Abonnenten. Jetzt anmelden und weiterlesen.'],
    ['es', 'Inicia sesión para seguir leyendo. Este contenido es exclusivo para suscriptores.'],
    ['fr', 'Cet article est réservé aux abonnés. Connectez-vous pour continuer votre lecture.'],
  ])('%s: a login wall is NOT_ARTICLE', (_, body) => {
    expect(rejected(body)).toBe('NOT_ARTICLE');
  });

  it('a genuine short article is processed', () => {
    expect(
      rejected(
        'The Mill Street bridge in Lindholm will close to cars in September, the council decided on Monday.',
        'Bridge to close',
      ),
    ).toBe('ARTICLE');
    expect(rejected(EN.slice(0, 2).join('\n\n'), 'Lindholm bridge to close to cars')).toBe('ARTICLE');
  });

  it('an article about an error or a paywall is not an error page', () => {
    const body = `${EN[0]}\n\nThe council website showed a "404 page not found" message for most of Monday, and residents who tried to sign in to read the minutes were turned away.\n\n${EN[1]}`;
    expect(rejected(body)).toBe('ARTICLE');
  });
});

describe('examples/syndicated-feed-ferry.txt', () => {
  const bytes = readFileSync(resolve(__dirname, '../../../../examples/syndicated-feed-ferry.txt'));
  const prepared = prepareArticle(bytes, {
    maxBytes: 1_000_000,
    clock: () => 0,
    fileName: 'syndicated-feed-ferry.txt',
  });
  if (prepared.kind !== 'prepared') throw new Error('expected the example to be prepared');
  const a = prepared.article;

  it('keeps the body once and drops the disclaimer, the list and the comment lines', () => {
    const paragraphs = a.text.split('\n\n');
    expect(paragraphs).toHaveLength(6);
    expect(new Set(paragraphs).size).toBe(6);
    expect(a.text).not.toMatch(
      /Wire Partners|Disclaimer|warranty|liability|Redistribution|Most popular|Business|bakery|Comment/i,
    );
    expect(a.removed.repeatedParagraphs).toBe(6);
    expect(a.removed.boilerplateBlocks).toBeGreaterThanOrEqual(3);
  });

  it('takes no claim from the disclaimer and lists none twice', () => {
    const { claims } = analyzeArticle(a, { uploadedAt: '2025-03-15T00:00:00Z', clock: () => 0 });
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) expect(claim.text).not.toMatch(/Wire Partners|warranty|liability|advice/i);
    expect(new Set(claims.map((c) => c.text)).size).toBe(claims.length);
  });
});

describe('copied pages: the trained block classifier', () => {
  const page = [
    'Home',
    'News',
    'Sport',
    'Business',
    'Lindholm bridge to close to cars',
    'By Tomas Berg',
    ...EN,
    'Comments (2)',
    'I drive over that bridge every day and I had no idea it was in such a bad state, thanks for reporting this.',
    'Posted by Harbourfan at 9:14 PM',
    'My shop is on Mill Street and a third of our trade is a fair guess, the council should help us through it.',
    'Posted by Karin at 10:02 PM',
    'About us',
    'Contact',
  ].join('\n');

  it('keeps the article and drops the menu, the byline, the comments and the footer', () => {
    // Parsed as the CLI parses text: the first line ("Home") is the parsed title, replaced by the headline.
    const parsed = parseDocument(page, 'text');
    if (parsed.kind !== 'parsed') throw new Error('expected the page to parse');
    const result = article(cleanArticle(parsed));
    expect(result.title).toBe('Lindholm bridge to close to cars');
    expect(result.text.split('\n\n')).toEqual(EN);
    expect(result.text).not.toMatch(/Harbourfan|I drive over|fair guess|About us/);
  });

  it('leaves an article written as paragraphs to the phrase rules', () => {
    const body = [...EN, 'What happens next', EN[0]?.replace('Monday', 'Tuesday') ?? ''].join('\n\n');
    const result = article(cleanArticle(doc(body, 'Lindholm bridge to close to cars')));
    expect(result.removed.boilerplateBlocks).toBe(0);
  });

  it.each([
    'Previous story: Harbour festival moves to August',
    'Nächster Artikel: Bibliothek öffnet sonntags',
    'Noticia anterior: La biblioteca abrirá los domingos',
    'Article suivant : La bibliothèque ouvre le dimanche',
  ])('links to the neighbouring story go: %s', (line) => {
    const result = article(cleanArticle(doc([...EN, line].join('\n'))));
    expect(result.text.split('\n\n')).toEqual(EN);
  });

  it('a teaser page comes out of prepareArticle as rejected NOT_ARTICLE, with the reason', () => {
    const teasers = Array.from(
      { length: 6 },
      (_, i) => `Council story number ${i + 1} this week\nA short teaser for story ${i + 1}.`,
    ).join('\n');
    const result = prepareArticle(new TextEncoder().encode(`Latest news\n${teasers}`), {
      maxBytes: 1_000_000,
      clock: () => 0,
      format: 'text',
    });
    expect(result.kind).toBe('rejected');
    if (result.kind === 'rejected') {
      expect(result.error.code).toBe('NOT_ARTICLE');
      expect(result.error.message).toMatch(/list|teaser/);
    }
  });
});

describe('linear work on hostile input', () => {
  it('a page of 40,000 lines (menus, repeated prose, openers, disclaimer words) cleans in bounded time', () => {
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      lines.push(`Menu ${i % 7}`);
      lines.push(EN[i % EN.length] ?? '');
      lines.push(`${'word '.repeat(i % 30)}disclaimer no warranty prohibited without permission`);
      lines.push(i % 2 === 0 ? 'Home | News | Sport' : 'Posted by someone at 9:14 PM');
    }
    const started = performance.now();
    const result = cleanArticle(doc(lines.join('\n')));
    expect(performance.now() - started).toBeLessThan(15_000);
    expect('kind' in result ? result.code : 'ARTICLE').toMatch(/ARTICLE|NO_TEXT/);
  });

  it('lines of 200,000 sentence ends and of 50,000 ordinal dates', () => {
    const started = performance.now();
    cleanArticle(
      doc(`${'A. '.repeat(200_000)}\n${'2. Juni '.repeat(50_000)}\n${'Wrapped line of words. '.repeat(3)}`),
    );
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});

describe('short link prompts', () => {
  it.each([
    '| Comments (2) : Post Comment',
    '• Discuss this story on the Harbour League message board',
    'Comment on this article',
    'Click for the Harbour Festival gallery',
    'Also see: HARBOUR FESTIVAL - LINDHOLM - MILL STREET',
    'Gallery | Scenes from the harbour festival',
    'In pics: the harbour festival',
    'Tell us what you think...',
    'Lindholm homepage | Council homepage',
    'https://news.example/lindholm/bridge-closure',
  ])('dropped: %s', (line) => {
    expect(isLinkPrompt(line)).toBe(true);
    const result = article(cleanArticle(doc([...EN, line].join('\n'))));
    expect(result.text.split('\n\n')).toEqual(EN);
  });

  it('prose that mentions posting a comment is kept', () => {
    const line =
      'The mayor said residents could post a comment on the council website until Friday, and that every objection would be read before the final vote in July.';
    expect(isLinkPrompt(line)).toBe(false);
    expect(article(cleanArticle(doc([...EN, line].join('\n')))).text).toContain('post a comment');
  });
});
