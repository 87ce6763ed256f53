import { describe, expect, it } from 'vitest';
import {
  type HtmlDocument,
  parseHtmlDocument,
  selectAll,
  selectOne,
} from '../../../lib/pipeline/extract/html/dom';
import type { Result } from '../../../lib/pipeline/types';
import { renderArticleReport } from '../../../lib/report/render-article-report';
import { renderStoredResult } from '../../../lib/report/render-stored-result';
import { parseReportResult } from '../../../lib/report/report-schema';
import { ARTICLE_TEXT, claimOver, HOSTILE, processedResult, spanOf } from '../../fixtures/report-results';

/** Renders a result document as the S3 path does (validate, then render) and parses the page. */
function render(result: Result): { html: string; doc: HtmlDocument } {
  const html = renderStoredResult(result);
  if (html === undefined) throw new Error('the fixture is not a valid result document');
  return { html, doc: parseHtmlDocument(html) };
}

function text(doc: HtmlDocument, selector: string): string {
  return selectOne(doc, selector)?.textContent ?? '';
}

/** The article text as shown, without the claim numbers that follow each claim. */
function shownArticleText(doc: HtmlDocument): string {
  const container = selectOne(doc, '#article-text');
  if (container === undefined) return '';
  for (const ref of selectAll(container, 'sup.claim-ref')) ref.remove();
  return container.textContent ?? '';
}

/** The text of the segments marked with `attribute` containing `n`, in document order, joined. */
function markedText(doc: HtmlDocument, attribute: 'data-summary' | 'data-claims', n: number): string {
  return selectAll(doc, `#article-text [${attribute}]`)
    .filter((segment) => (segment.getAttribute(attribute) ?? '').split(' ').includes(String(n)))
    .map((segment) => segment.textContent ?? '')
    .join('');
}

/** Elements and attributes that would run or fetch something if article text reached the page as markup. */
function activeContent(doc: HtmlDocument): string[] {
  const found: string[] = [];
  for (const element of selectAll(doc, '*')) {
    const tag = element.tagName.toLowerCase();
    if (['script', 'img', 'iframe', 'object', 'embed', 'b'].includes(tag)) found.push(`<${tag}>`);
    for (const name of ['onerror', 'onload', 'onclick', 'src']) {
      if (element.hasAttribute(name)) found.push(`${tag}[${name}]`);
    }
  }
  return found;
}

describe('renderArticleReport: escaping', () => {
  it.each([
    {
      name: 'title',
      result: processedResult({
        article: { ...requireArticle(processedResult()), title: HOSTILE },
      }),
      shows: (doc: HtmlDocument) => text(doc, 'h1'),
    },
    {
      name: 'body text inside a summary sentence and a claim',
      result: hostileBodyResult(),
      shows: (doc: HtmlDocument) => shownArticleText(doc),
    },
    {
      name: 'entity, number text, attribution and hedge details',
      result: processedResult({
        claims: [
          claimOver('Roads get £4m of it.', {
            entities: [{ text: HOSTILE, start: 0, end: 0, type: 'organization', canonical: HOSTILE }],
            numbers: [{ text: HOSTILE, value: 4_000_000, unit: 'currency', currency: 'GBP' }],
            attribution: { source: HOSTILE, verb: 'said', anonymous: false },
          }),
        ],
      }),
      shows: (doc: HtmlDocument) => text(doc, '#claim-1'),
    },
    {
      name: 'related claim text and article id',
      result: processedResult({
        claims: [
          claimOver('Roads get £4m of it.', {
            related: [
              {
                relation: 'conflicts',
                articleId: `articles/${HOSTILE}`,
                claimIndex: 0,
                claimText: HOSTILE,
                uploadedAt: '2026-03-12T08:00:00.000Z',
                entities: ['eastbury'],
                on: { kind: 'number', unit: 'currency:GBP', value: '4000000', otherValue: '5000000' },
              },
            ],
          }),
        ],
      }),
      shows: (doc: HtmlDocument) => text(doc, '#claim-1 [data-relation]'),
    },
    {
      name: 'rejection message',
      result: {
        schemaVersion: 1,
        source: { bucket: 'articles', key: `${HOSTILE}.txt`, size: 3 },
        status: 'rejected',
        error: { code: 'NO_TEXT', message: HOSTILE },
        dedup: { kind: 'unique' },
        timings: {},
      } satisfies Result,
      shows: (doc: HtmlDocument) => text(doc, '#rejection') + text(doc, 'h1'),
    },
  ])('a hostile $name stays text and adds no active markup', ({ result, shows }) => {
    // Act
    const { html, doc } = render(result);

    // Assess: the hostile string is shown verbatim, and nothing in the page can run or fetch.
    expect(shows(doc)).toContain(HOSTILE);
    expect(activeContent(doc)).toEqual([]);
    expect(html).not.toMatch(/<(script|img|iframe)/i);
  });

  it('links an article URL only when it is http(s), never javascript:', () => {
    const article = requireArticle(processedResult());
    const unsafe = render(processedResult({ article: { ...article, url: 'javascript:alert(1)' } })).doc;
    const safe = render(
      processedResult({ article: { ...article, url: 'https://news.example/eastbury' } }),
    ).doc;

    expect(selectAll(unsafe, 'a').map((a) => a.getAttribute('href'))).not.toContain('javascript:alert(1)');
    expect(text(unsafe, 'dl.meta')).toContain('javascript:alert(1)');
    expect(selectAll(safe, 'a').map((a) => a.getAttribute('href'))).toContain(
      'https://news.example/eastbury',
    );
  });

  it('forbids every network request and every script in its Content-Security-Policy', () => {
    const { doc } = render(processedResult());
    const policy = selectOne(doc, 'meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content');

    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'none'");
    expect(selectAll(doc, 'script')).toHaveLength(0);
  });
});

describe('renderArticleReport: highlights and claims', () => {
  it('shows the clean text unchanged, with the summary and each claim marked at their offsets', () => {
    const result = processedResult();
    const { doc } = render(result);

    expect(shownArticleText(doc)).toBe(ARTICLE_TEXT);
    expect(markedText(doc, 'data-summary', 1)).toBe(
      'The council of Eastbury approved a £12m budget on Monday.',
    );
    expect(markedText(doc, 'data-claims', 1)).toBe(result.claims?.[0]?.text);
    expect(markedText(doc, 'data-claims', 2)).toBe(result.claims?.[1]?.text);
    // Text outside every span is not marked.
    expect(markedText(doc, 'data-claims', 1)).not.toContain('Roads');
  });

  it('splits overlapping summary and claim spans at every boundary', () => {
    // Prepare: a summary sentence, a claim crossing its end and a claim nested in the second one.
    const summary = spanOf('approved a £12m budget on Monday.');
    const crossing = claimOver('budget on Monday. Roads get');
    const nested = claimOver('Roads');
    const result = processedResult({
      summary: { sentences: [{ ...summary, score: 0.5 }] },
      claims: [crossing, nested],
    });

    // Act
    const { doc } = render(result);
    const segments = selectAll(doc, '#article-text .seg').map((segment) => ({
      text: segment.textContent,
      summary: segment.getAttribute('data-summary'),
      claims: segment.getAttribute('data-claims'),
      overlap: (segment.getAttribute('class') ?? '').includes('overlap'),
    }));

    // Assess
    expect(segments).toEqual([
      { text: 'approved a £12m ', summary: '1', claims: null, overlap: false },
      { text: 'budget on Monday.', summary: '1', claims: '1', overlap: false },
      { text: ' ', summary: null, claims: '1', overlap: false },
      { text: 'Roads', summary: null, claims: '1 2', overlap: true },
      { text: ' get', summary: null, claims: '1', overlap: false },
    ]);
    // The nested claim ends after "Roads", the crossing one after "get": each number follows its claim.
    expect(selectAll(doc, 'sup.claim-ref').map((ref) => ref.textContent)).toEqual(['2', '1']);
    expect(shownArticleText(doc)).toBe(ARTICLE_TEXT);
  });

  it.each<[string, { why?: NonNullable<Result['summary']>['sentences'][number]['why'] }, string]>([
    [
      'the lede, with its top features',
      {
        why: {
          position: 0,
          lede: true,
          centrality: 0.82,
          headline: 0.5,
          top: [
            { feature: 'lede', logit: 2.1 },
            { feature: 'centroid', logit: 0.9 },
          ],
        },
      },
      'why: sentence 1 (lede) · centrality 0.82 · headline 0.5 · lede +2.1, centroid +0.9',
    ],
    [
      'a later sentence without positive features',
      { why: { position: 4, lede: false, centrality: 1, headline: 0, top: [] } },
      'why: sentence 5 · centrality 1 · headline 0',
    ],
    // Results written before sentences said why: nothing is shown.
    ['a result without why', {}, ''],
  ])('says why a summary sentence was picked: %s', (_name, extra, expected) => {
    const summary = spanOf('The council of Eastbury approved a £12m budget on Monday.');
    const { doc } = render(
      processedResult({ summary: { sentences: [{ ...summary, score: 0.9, ...extra }] } }),
    );
    expect(text(doc, '#summary li .why')).toBe(expected);
  });

  it('shows a claim with its types, score, entities, normalised numbers and dates, attribution and hedge', () => {
    const { doc } = render(processedResult());
    const second = text(doc, '#claim-2');

    expect(text(doc, '#claim-1')).toMatch(/numeric.*event.*score 0\.912/);
    expect(text(doc, '#claim-1')).toContain('£12m → 12,000,000 GBP');
    expect(text(doc, '#claim-1')).toContain('on Monday → 2026-03-09 (from 2026-03-11, published)');
    expect(text(doc, '#claim-1')).toContain('Eastbury (place)');
    expect(second).toContain('5% → 5 %');
    expect(second).toContain('sources (according to) — anonymous');
    expect(selectOne(doc, '#claim-2 [data-flag="anonymous"]')).toBeDefined();
    expect(selectOne(doc, '#claim-2 [data-flag="hedged"]')).toBeDefined();
    expect(selectOne(doc, '#claim-1 [data-flag]')).toBeUndefined();
  });

  it('leaves spans that do not fit the text unmarked, and still shows the whole text', () => {
    const claim = { ...claimOver('Roads get £4m of it.'), start: 5, end: ARTICLE_TEXT.length + 10 };
    const { doc } = render(processedResult({ summary: { sentences: [] }, claims: [claim] }));

    expect(selectAll(doc, '#article-text .seg')).toHaveLength(0);
    expect(shownArticleText(doc)).toBe(ARTICLE_TEXT);
    expect(selectOne(doc, '#claim-1')).toBeDefined();
  });

  it('links related claims to the other report, relative to this key, and to the claim in it', () => {
    const result = processedResult({
      claims: [
        claimOver('Roads get £4m of it.', {
          related: [
            {
              relation: 'corroborates',
              articleId: 'articles/wire/eastbury roads.txt',
              claimIndex: 2,
              claimText: 'Eastbury will spend £4m on roads.',
              uploadedAt: '2026-03-12T08:00:00.000Z',
              entities: ['eastbury'],
              on: { kind: 'number', unit: 'currency:GBP', value: '4000000', otherValue: '4000000' },
            },
          ],
        }),
      ],
    });
    const { doc } = render(result);

    // The report of news/2026/eastbury.txt sits two folders deep in the results bucket.
    expect(selectOne(doc, '[data-relation="corroborates"] a')?.getAttribute('href')).toBe(
      '../../wire/eastbury%20roads.txt.html#claim-3',
    );
    expect(text(doc, '[data-relation="corroborates"]')).toContain('Eastbury will spend £4m on roads.');
  });
});

describe('renderArticleReport: claim frames and what a relation rests on', () => {
  const part = (phrase: string) => spanOf(phrase);
  it('shows each frame, and for a related claim the measure, both values and the time', () => {
    const result = processedResult({
      claims: [
        claimOver('The council of Eastbury approved a £12m budget on Monday.', {
          frames: [
            {
              subject: { ...part('Eastbury'), keys: ['eastbury'], fullNames: [], kind: 'entity' },
              measure: { ...part('budget'), key: 'budget' },
              value: { ...part('£12m'), kind: 'number', unit: 'currency:GBP', amount: 12e6, precision: 5e5 },
              time: { ...part('on Monday'), value: '2026-03-09' },
            },
          ],
          related: [
            {
              relation: 'conflicts',
              articleId: 'articles/wire/eastbury.txt',
              claimIndex: 0,
              claimText: 'Eastbury approved a £15m budget on Monday.',
              uploadedAt: '2026-03-12T08:00:00.000Z',
              entities: ['eastbury'],
              on: {
                kind: 'number',
                unit: 'currency:GBP',
                value: '£12m',
                otherValue: '£15m',
                measure: 'approved budget',
                subject: 'Eastbury',
                time: '2026-03-09',
              },
            },
          ],
        }),
      ],
    });
    const { doc } = render(result);

    expect(text(doc, '[data-frame="measure"]')).toBe('budget');
    expect(text(doc, '[data-frame="value"]')).toBe('£12m');
    expect(text(doc, '[data-relation="conflicts"]')).toContain(
      '(approved budget: £12m vs £15m, for 2026-03-09)',
    );
  });

  it('still renders links made before frames, naming the unit', () => {
    const result = processedResult({
      claims: [
        claimOver('Roads get £4m of it.', {
          related: [
            {
              relation: 'corroborates',
              articleId: 'articles/wire/roads.txt',
              claimIndex: 0,
              claimText: 'Eastbury will spend £4m on roads.',
              uploadedAt: '2026-03-12T08:00:00.000Z',
              entities: ['eastbury'],
              on: { kind: 'number', unit: 'currency:GBP', value: '4000000', otherValue: '4000000' },
            },
          ],
        }),
      ],
    });
    expect(text(render(result).doc, '[data-relation="corroborates"]')).toContain(
      '(currency:GBP: 4000000 vs 4000000)',
    );
  });
});

describe('renderArticleReport: duplicates and rejections', () => {
  it('names the canonical of a duplicate with its similarity, and shows no claims', () => {
    const { summary: _summary, claims: _claims, ...processed } = processedResult();
    const duplicate: Result = {
      ...processed,
      status: 'duplicate',
      dedup: { kind: 'near', of: 'articles/news/2026/eastbury-original.txt', similarity: 0.8671 },
    };
    const { doc } = render(duplicate);

    expect(text(doc, '#duplicate')).toContain('near duplicate of articles/news/2026/eastbury-original.txt');
    expect(text(doc, '#duplicate')).toContain('similarity 0.867');
    expect(selectOne(doc, '#duplicate a')?.getAttribute('href')).toBe(
      '../../news/2026/eastbury-original.txt.html',
    );
    expect(selectOne(doc, '[data-status="duplicate"]')).toBeDefined();
    expect(selectOne(doc, '#claims')).toBeUndefined();
    expect(shownArticleText(doc)).toBe(ARTICLE_TEXT);
  });

  it('says in one line that a processed article nearly copies another but states other figures', () => {
    const result: Result = {
      ...processedResult(),
      dedup: {
        kind: 'unique',
        nearCopyOf: 'articles/news/2026/eastbury-original.txt',
        similarity: 0.8421,
        differs: 'figures',
      },
    };
    const { doc } = render(result);

    expect(text(doc, '#near-copy')).toContain(
      'nearly copies articles/news/2026/eastbury-original.txt (similarity 0.842) but states other figures',
    );
    expect(selectOne(doc, '#near-copy a')?.getAttribute('href')).toBe(
      '../../news/2026/eastbury-original.txt.html',
    );
    expect(selectOne(doc, '#claims')).toBeDefined();
    expect(selectOne(doc, '#duplicate')).toBeUndefined();
  });

  it('shows no near-copy line for an article without one', () => {
    expect(selectOne(render(processedResult()).doc, '#near-copy')).toBeUndefined();
  });

  it('shows the error of a rejected input and its source instead of an article', () => {
    const rejected: Result = {
      schemaVersion: 1,
      source: { path: '/tmp/in/empty.txt', size: 0 },
      status: 'rejected',
      error: { code: 'EMPTY', message: 'The input is empty.' },
      dedup: { kind: 'unique' },
      timings: {},
    };
    const { doc } = render(rejected);

    expect(text(doc, '#rejection')).toBe('Rejected: EMPTY: The input is empty.');
    expect(text(doc, 'h1')).toBe('/tmp/in/empty.txt');
    expect(selectOne(doc, '#article')).toBeUndefined();
  });

  it('renders nothing for a document that is not a result', () => {
    expect(renderStoredResult({ hello: 'world' })).toBeUndefined();
    expect(renderStoredResult(undefined)).toBeUndefined();
    expect(parseReportResult({ ...processedResult(), schemaVersion: 2 })).toBeUndefined();
  });

  it('renders the same bytes for the same result (no clock, no randomness)', () => {
    const parsed = parseReportResult(processedResult());
    if (parsed === undefined) throw new Error('fixture invalid');
    expect(renderArticleReport(parsed)).toBe(renderArticleReport(parsed));
  });
});

describe('work-budget notice', () => {
  it('lists what the work budget cut, escaped, and shows nothing when nothing was cut', () => {
    const cut = processedResult({
      limits: {
        truncated: [
          {
            stage: 'claims',
            reason: 'only the 200 highest-scoring claims were kept',
            kept: 200,
            total: 4512,
          },
          { stage: 'extract', reason: '<b>flattened</b>', kept: 256, total: 50000 },
        ],
      },
    });
    const { doc, html } = render(cut);
    const notice = text(doc, '#limits');
    expect(notice).toContain('work budget');
    expect(notice).toContain('claims: only the 200 highest-scoring claims were kept (200 of 4,512 kept)');
    expect(html).not.toContain('<b>flattened</b>');
    expect(selectOne(render(processedResult()).doc, '#limits')).toBeUndefined();
  });
});

function requireArticle(result: Result): NonNullable<Result['article']> {
  if (result.article === undefined) throw new Error('fixture has no article');
  return result.article;
}

/** A result whose body holds markup, with a summary sentence and a claim over it. */
function hostileBodyResult(): Result {
  const body = `Intro ${HOSTILE} outro.`;
  const span = spanOf(HOSTILE, body);
  return processedResult({
    article: { ...requireArticle(processedResult()), text: body },
    summary: { sentences: [{ ...spanOf(`Intro ${HOSTILE}`, body), score: 1 }] },
    claims: [claimOver(HOSTILE, { ...span }, body)],
  });
}
