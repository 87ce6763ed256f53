import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  type HtmlDocument,
  parseHtmlDocument,
  selectAll,
  selectOne,
} from '../../../lib/pipeline/extract/html/dom';
import type { RelatedClaim, Result } from '../../../lib/pipeline/types';
import { CORPUS_INDEX_SCRIPT } from '../../../lib/report/corpus-index-script';
import { buildCorpusView, type CorpusIndexEntry } from '../../../lib/report/corpus-view';
import { renderCorpusIndex } from '../../../lib/report/render-corpus-index';
import { INDEX_FILE_NAME, renderLocalReports } from '../../../lib/report/render-local-reports';
import { parseReportResult } from '../../../lib/report/report-schema';
import { claimOver, HOSTILE, processedResult } from '../../fixtures/report-results';

/** A result of s3://articles/<key>, uploaded at `uploadedAt`, with overrides. */
function resultOf(key: string, uploadedAt: string, overrides: Partial<Result> = {}): Result {
  const base = processedResult();
  return { ...base, source: { ...base.source, key, uploadedAt }, ...overrides };
}

function duplicateOf(key: string, uploadedAt: string, of: string, similarity: number): Result {
  const { summary: _summary, claims: _claims, ...rest } = resultOf(key, uploadedAt);
  return {
    ...rest,
    status: 'duplicate',
    dedup: { kind: similarity === 1 ? 'exact' : 'near', of, similarity },
  };
}

function conflictLink(articleId: string, claimIndex: number, claimText: string): RelatedClaim {
  return {
    relation: 'conflicts',
    articleId,
    claimIndex,
    claimText,
    uploadedAt: '2026-03-12T08:00:00.000Z',
    entities: ['eastbury'],
    on: { kind: 'number', unit: 'currency:GBP', value: '12000000', otherValue: '15000000' },
  };
}

function entriesOf(results: readonly Result[]): CorpusIndexEntry[] {
  return results.map((result) => {
    const parsed = parseReportResult(result);
    if (parsed === undefined) throw new Error('fixture is not a result');
    return { result: parsed, href: `${result.source.key}.html` };
  });
}

/** Four articles: b and c copy a (c through b), d conflicts with a (the link is stored on both sides). */
function corpus(): Result[] {
  const a = resultOf('a.txt', '2026-03-10T08:00:00.000Z', {
    claims: [
      claimOver('Roads get £4m of it.'),
      claimOver('The council of Eastbury approved a £12m budget on Monday.', {
        related: [conflictLink('articles/d.txt', 0, 'Eastbury approved a £15m budget.')],
      }),
    ],
  });
  const d = resultOf('d.txt', '2026-03-12T08:00:00.000Z', {
    article: { ...(processedResult().article ?? failFixture()), title: 'Zeta: budget row', published: '' },
    claims: [
      claimOver('The council of Eastbury approved a £12m budget on Monday.', {
        related: [
          conflictLink('articles/a.txt', 1, 'The council of Eastbury approved a £12m budget on Monday.'),
        ],
      }),
    ],
  });
  return [
    d,
    duplicateOf('c.txt', '2026-03-11T09:00:00.000Z', 'articles/b.txt', 0.91),
    a,
    duplicateOf('b.txt', '2026-03-11T08:00:00.000Z', 'articles/a.txt', 1),
  ];
}

function failFixture(): never {
  throw new Error('fixture has no article');
}

describe('buildCorpusView', () => {
  it('orders rows by upload time and counts claims and conflicts per article', () => {
    const view = buildCorpusView(entriesOf(corpus()));

    expect(view.rows.map((row) => [row.id, row.status, row.claims, row.conflicts])).toEqual([
      ['articles/a.txt', 'processed', 2, 1],
      ['articles/b.txt', 'duplicate', 0, 0],
      ['articles/c.txt', 'duplicate', 0, 0],
      ['articles/d.txt', 'processed', 1, 1],
    ]);
  });

  it('groups duplicates under their canonical, following a copy of a copy', () => {
    const view = buildCorpusView(entriesOf(corpus()));

    expect(view.clusters).toEqual([
      {
        canonical: 'articles/a.txt',
        members: [
          { id: 'articles/b.txt', kind: 'exact', similarity: 1 },
          { id: 'articles/c.txt', kind: 'near', similarity: 0.91 },
        ],
      },
    ]);
  });

  it('lists a conflict once although both articles record it', () => {
    const view = buildCorpusView(entriesOf(corpus()));

    expect(view.conflicts).toHaveLength(1);
    expect(view.conflicts[0]).toMatchObject({
      a: { articleId: 'articles/a.txt', claimIndex: 1 },
      b: { articleId: 'articles/d.txt', claimIndex: 0 },
      on: { value: '12000000', otherValue: '15000000' },
    });
  });

  it('stops at a cycle of duplicates instead of looping', () => {
    const view = buildCorpusView(
      entriesOf([
        duplicateOf('x.txt', '2026-03-10T08:00:00.000Z', 'articles/y.txt', 1),
        duplicateOf('y.txt', '2026-03-10T09:00:00.000Z', 'articles/x.txt', 1),
      ]),
    );
    expect(view.clusters.flatMap((cluster) => cluster.members)).toHaveLength(2);
  });

  it('handles an empty corpus', () => {
    expect(buildCorpusView([])).toEqual({ rows: [], clusters: [], conflicts: [] });
  });
});

describe('renderCorpusIndex', () => {
  function page(results: readonly Result[], notice?: string): HtmlDocument {
    return parseHtmlDocument(renderCorpusIndex(entriesOf(results), notice === undefined ? {} : { notice }));
  }

  it('carries the values the page sorts and filters on in each row', () => {
    const doc = page(corpus());
    const rows = selectAll(doc, '#corpus tbody tr').map((row) => ({
      order: row.getAttribute('data-order'),
      title: row.getAttribute('data-sort-title'),
      status: row.getAttribute('data-status'),
      published: row.getAttribute('data-published'),
      claims: row.getAttribute('data-claims'),
      conflicts: row.getAttribute('data-conflicts'),
    }));

    expect(rows).toEqual([
      {
        order: '0',
        title: 'eastbury approves budget',
        status: 'processed',
        published: '2026-03-11',
        claims: '2',
        conflicts: '1',
      },
      {
        order: '1',
        title: 'eastbury approves budget',
        status: 'duplicate',
        published: '2026-03-11',
        claims: '0',
        conflicts: '0',
      },
      {
        order: '2',
        title: 'eastbury approves budget',
        status: 'duplicate',
        published: '2026-03-11',
        claims: '0',
        conflicts: '0',
      },
      {
        order: '3',
        title: 'zeta: budget row',
        status: 'processed',
        published: '',
        claims: '1',
        conflicts: '1',
      },
    ]);
    // Every sortable column names a data attribute that every row has.
    const keys = selectAll(doc, 'th[data-sort-key]').map((th) => th.getAttribute('data-sort-key') ?? '');
    const attribute = (key: string) => `data-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
    for (const row of selectAll(doc, '#corpus tbody tr')) {
      expect(keys.filter((key) => !row.hasAttribute(attribute(key)))).toEqual([]);
    }
  });

  it('links each article, the canonicals and both sides of a conflict to their reports', () => {
    const doc = page(corpus());

    expect(selectOne(doc, 'tr[data-id="articles/a.txt"] a')?.getAttribute('href')).toBe('a.txt.html');
    expect(selectOne(doc, '#clusters [data-canonical="articles/a.txt"]')?.textContent).toContain(
      'articles/c.txt',
    );
    expect(selectAll(doc, '#conflicts a').map((a) => a.getAttribute('href'))).toEqual([
      'a.txt.html#claim-2',
      'd.txt.html#claim-1',
    ]);
  });

  it('escapes hostile titles and keys in cells and in the attributes it filters on', () => {
    const article = processedResult().article ?? failFixture();
    const doc = page([
      resultOf(`${HOSTILE}.txt`, '2026-03-10T08:00:00.000Z', { article: { ...article, title: HOSTILE } }),
    ]);

    expect(selectAll(doc, 'img, iframe')).toHaveLength(0);
    expect(selectAll(doc, 'script')).toHaveLength(1);
    expect(selectOne(doc, '#corpus tbody td')?.textContent).toContain(HOSTILE);
    expect(selectOne(doc, '#corpus tbody tr')?.getAttribute('data-search')).toContain(HOSTILE.toLowerCase());
  });

  it('lets only its own script run: the CSP pins the script by its SHA-256', () => {
    const doc = page(corpus());
    const policy =
      selectOne(doc, 'meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '';
    const hash = createHash('sha256').update(CORPUS_INDEX_SCRIPT).digest('base64');

    expect(policy).toContain(`script-src 'sha256-${hash}'`);
    expect(policy).toContain("default-src 'none'");
    expect(selectOne(doc, 'script')?.textContent).toBe(CORPUS_INDEX_SCRIPT);
  });

  it('says when the listing was cut', () => {
    const doc = page(corpus(), 'Showing the first 500 results in key order; the bucket holds more.');
    expect(selectOne(doc, '#listing-notice')?.textContent).toContain('first 500');
  });
});

describe('renderLocalReports', () => {
  it('writes one page per file and index.html, keeping same-named files apart', () => {
    // Prepare: two files named like each other and one named like the index.
    const local = (path: string): Result => ({ ...processedResult(), source: { path, size: 1 } });
    const results = [local('/a/news.txt'), local('/b/news.txt'), local('/c/NEWS.txt'), local('/d/index')];

    // Act
    const files = renderLocalReports(results);

    // Assess
    expect(files.map((file) => file.fileName)).toEqual([
      'news.txt.html',
      'news.txt~2.html',
      'NEWS.txt~3.html',
      'index~2.html',
      INDEX_FILE_NAME,
    ]);
    const index = parseHtmlDocument(files.at(-1)?.html ?? '');
    expect(selectAll(index, '#corpus tbody a').map((a) => a.getAttribute('href'))).toContain(
      'news.txt~2.html',
    );
    const report = parseHtmlDocument(files[0]?.html ?? '');
    expect(selectOne(report, 'a[href="index.html"]')).toBeDefined();
  });
});
