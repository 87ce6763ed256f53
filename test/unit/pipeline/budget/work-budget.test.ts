import { describe, expect, it } from 'vitest';
import { analyzeArticle, prepareArticle } from '../../../../lib/pipeline/analyze';
import { boundMarkup } from '../../../../lib/pipeline/extract/html/bound-markup';
import { parseHtml } from '../../../../lib/pipeline/extract/html/parse-html';
import { buildProcessedResult } from '../../../../lib/pipeline/result';
import { trimEndChar, trimEndClass } from '../../../../lib/pipeline/text/trim-run';
import type { Claim, Sentence } from '../../../../lib/pipeline/types';
import {
  capMentions,
  DEFAULT_WORK_BUDGET,
  leadingSentences,
  splitLongSentences,
  topClaims,
} from '../../../../lib/pipeline/work-budget';

const clock = (): number => 0;
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function sentenceOf(text: string, start = 0): Sentence {
  return { text, start, end: start + text.length };
}

function claim(score: number, start: number): Claim {
  return {
    text: `claim ${start}`,
    start,
    end: start + 7,
    score,
    checkworthy: true,
    types: [],
    entities: [],
    numbers: [],
    dates: [],
    hedged: false,
  };
}

describe('trim-run', () => {
  it('trims a trailing run of a class, code points included', () => {
    expect(trimEndClass('Most read » ->  ', /[\s>»-]/u)).toBe('Most read');
    expect(trimEndClass('a😀😀', /\p{Extended_Pictographic}/u)).toBe('a');
    expect(trimEndChar('slug---', '-')).toBe('slug');
    expect(trimEndChar('---', '-')).toBe('');
  });
});

describe('splitLongSentences', () => {
  it('cuts sentences over the cap into exact-offset pieces, at spaces when it can', () => {
    const text = `${'word '.repeat(500)}end.`;
    const { sentences, split } = splitLongSentences([sentenceOf(text, 10)], 1000);
    expect(split).toBe(1);
    expect(sentences.length).toBe(3);
    for (const s of sentences) {
      expect(s.text.length).toBeLessThanOrEqual(1000);
      expect(text.slice(s.start - 10, s.end - 10)).toBe(s.text);
      expect(s.text.startsWith('word') || s.text === 'end.').toBe(true);
    }
  });

  it('cuts a spaceless run hard, never inside a surrogate pair', () => {
    const text = '😀'.repeat(1500);
    const { sentences } = splitLongSentences([sentenceOf(text)], 1001);
    expect(sentences.map((s) => s.text).join('')).toBe(text);
    for (const s of sentences) expect(s.text.length % 2).toBe(0);
  });

  it('leaves short sentences alone', () => {
    const input = [sentenceOf('Short one.'), sentenceOf('Another.', 11)];
    expect(splitLongSentences(input, 1000)).toEqual({ sentences: input, split: 0 });
  });
});

describe('leadingSentences, topClaims, capMentions', () => {
  it('takes the first sentences within a count and a character budget, at least one', () => {
    const s = [sentenceOf('a'.repeat(10)), sentenceOf('b'.repeat(10)), sentenceOf('c'.repeat(10))];
    expect(leadingSentences(s, 2, 100)).toHaveLength(2);
    expect(leadingSentences(s, 10, 25)).toHaveLength(2);
    expect(leadingSentences(s, 10, 5)).toHaveLength(1);
  });

  it('keeps the best claims in document order, ties to the earlier', () => {
    const kept = topClaims([claim(0.6, 0), claim(0.9, 10), claim(0.6, 20), claim(0.7, 30)], 3);
    expect(kept.map((c) => c.start)).toEqual([0, 10, 30]);
  });

  it('caps mentions per claim and counts what it dropped', () => {
    const entity = { text: 'Paris', start: 0, end: 5, type: 'place' as const, canonical: 'Paris' };
    const many = { ...claim(0.9, 0), entities: Array.from({ length: 25 }, () => entity) };
    const capped = capMentions(many, 20);
    expect(capped.claim.entities).toHaveLength(20);
    expect(capped.dropped).toBe(5);
  });
});

describe('analyzeArticle within the work budget', () => {
  it('says in limits what it cut, and nothing for an ordinary article', () => {
    const ordinary = prepareArticle(encode('Harbour plan\n\nThe council approved the plan on Monday.\n'), {
      maxBytes: 1 << 20,
      clock,
      fileName: 'a.txt',
    });
    if (ordinary.kind !== 'prepared') throw new Error('rejected');
    const plain = analyzeArticle(ordinary.article, { uploadedAt: '2026-01-01T00:00:00Z', clock });
    expect(plain.limits).toBeUndefined();
    expect(
      buildProcessedResult({ key: 'a.txt' }, ordinary, plain, { kind: 'unique' }).limits,
    ).toBeUndefined();

    const long = fillTo(
      'The minister said 45 percent of 2,000 workers in Paris lost $3 million in 2019 and ',
      30_000,
    );
    const prepared = prepareArticle(encode(`Harbour plan\n\n${long}\n`), {
      maxBytes: 1 << 20,
      clock,
      fileName: 'a.txt',
    });
    if (prepared.kind !== 'prepared') throw new Error('rejected');
    const analysis = analyzeArticle(prepared.article, {
      uploadedAt: '2026-01-01T00:00:00Z',
      clock,
      budget: { ...DEFAULT_WORK_BUDGET, maxClaims: 5 },
    });
    expect(analysis.claims.length).toBeLessThanOrEqual(5);
    const stages = analysis.limits?.truncated.map((t) => `${t.stage}: ${t.reason}`) ?? [];
    expect(stages.some((s) => s.startsWith('segment: sentences over 1000'))).toBe(true);
    expect(stages.some((s) => s.startsWith('claims: only the 5 highest-scoring'))).toBe(true);
    for (const t of analysis.limits?.truncated ?? []) expect(t.kept).toBeLessThan(t.total);
    for (const c of analysis.claims) expect(prepared.article.text.slice(c.start, c.end)).toBe(c.text);
  });
});

function fillTo(unit: string, n: number): string {
  return unit.repeat(Math.ceil(n / unit.length));
}

describe('boundMarkup', () => {
  it('returns ordinary markup unchanged', () => {
    const html = '<html><body><ul><li>a<li>b</ul><p>x<p>y<br><img src=a></body></html>';
    expect(boundMarkup(html, 4, 100)).toEqual({ html });
  });

  it('flattens elements past the depth cap and keeps their text', () => {
    const html = `<body>${'<div>'.repeat(10)}deep text${'</div>'.repeat(10)}<p>after</p></body>`;
    const bounded = boundMarkup(html, 5, 100);
    expect(bounded.truncated).toEqual({ reason: 'depth', kept: 6, total: 12 });
    expect(bounded.html).toContain('deep text');
    expect(bounded.html.match(/<div>/g)).toHaveLength(4);
    expect(bounded.html.match(/<\/div>/g)).toHaveLength(4);
    expect(bounded.html).toContain('<p>after</p>');
  });

  it('drops tags past the element cap, and a dropped script with its text', () => {
    const bounded = boundMarkup(`<p>a</p><p>b</p><script>var x = "<p>";</script><p>c</p>`, 10, 2);
    expect(bounded.truncated?.reason).toBe('elements');
    expect(bounded.html).not.toContain('var x');
    expect(bounded.html).toContain('c');
    expect(bounded.html.match(/<p>/g)).toHaveLength(2);
  });

  it('reports the cut through parseHtml', () => {
    const depth = 400;
    const parsed = parseHtml(
      `<html><body>${'<div class="x">'.repeat(depth)}<p>The council approved the plan on Monday.</p>${'</div>'.repeat(depth)}</body></html>`,
    );
    if (parsed.kind !== 'parsed') throw new Error('rejected');
    expect(parsed.body).toContain('The council approved the plan on Monday.');
    expect(parsed.truncated?.[0]?.stage).toBe('extract');
  });
});
