import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../lib/pipeline/clean/clean';
import { decodeBytes } from '../../../lib/pipeline/decode/decode';
import { detectFormat } from '../../../lib/pipeline/extract/detect-format';
import { parseDocument } from '../../../lib/pipeline/extract/parse-document';
import type { Article } from '../../../lib/pipeline/types';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');
const MAX_BYTES = 1_000_000;

/** Runs the text stages on one example file, failing loudly on any rejection. */
function run(file: string): Article & { format: string; encoding: string } {
  const decoded = decodeBytes(readFileSync(join(EXAMPLES, file)), { maxBytes: MAX_BYTES });
  if (decoded.kind !== 'decoded') throw new Error(`${file}: ${decoded.message}`);
  const format = detectFormat(decoded.text, { fileName: file });
  const parsed = parseDocument(decoded.text, format);
  if (parsed.kind !== 'parsed') throw new Error(`${file}: ${parsed.message}`);
  const article = cleanArticle(parsed);
  if ('kind' in article) throw new Error(`${file}: ${article.message}`);
  return { ...article, format, encoding: decoded.encoding };
}

describe('examples/ through decode → detect → parse → clean', () => {
  it('city-budget.txt: title from line 1, paragraphs intact', () => {
    const article = run('city-budget.txt');
    expect(article).toMatchObject({
      format: 'text',
      encoding: 'utf-8',
      title: 'Millbrook council approves £412m budget with 4.9% council tax rise',
    });
    expect(article.text.startsWith('Millbrook City Council approved a £412 million budget')).toBe(true);
    expect(article.text.split('\n\n')).toHaveLength(10);
    expect(article.removed).toEqual({ repeatedParagraphs: 0, boilerplateBlocks: 0 });
  });

  it('city-budget-copy.txt is the same article, byte for byte', () => {
    expect(run('city-budget-copy.txt')).toEqual(run('city-budget.txt'));
  });

  it('harbour-bridge.html: only the article survives the page furniture, with its metadata', () => {
    const article = run('harbour-bridge.html');
    expect(article).toMatchObject({
      format: 'html',
      title: 'Harbour bridge to close for six weeks as cracks found in deck',
      published: '2025-03-11T07:45:00+00:00',
      language: 'en-GB',
      url: 'https://coastline-gazette.example/news/2025/03/harbour-bridge-closure',
      byline: 'Hannah Whitlock',
    });
    const paragraphs = article.text.split('\n\n');
    expect(paragraphs[0]).toMatch(/^The Eastport harbour bridge will close/);
    expect(paragraphs).toContain('Repairs will cost £4.8m');
    expect(paragraphs.at(-1)).toMatch(/struck a barrier on 2 February\.$/);
    for (const furniture of [
      'cookies',
      'Most read',
      'Related stories',
      'Comments',
      'Facebook',
      'All rights reserved',
      'Photo:',
      'Subscribe',
      'Tags:',
    ]) {
      expect(article.text).not.toContain(furniture);
    }
  });

  it('river-survey.md: front matter, stripped markup, kept list and code', () => {
    const article = run('river-survey.md');
    expect(article).toMatchObject({
      format: 'markdown',
      title: 'Survey finds river otters back in all 12 stretches of the Aldwyn',
      published: '2025-02-18',
      byline: 'Nadia Farooq',
    });
    expect(article.text).toContain('published on Tuesday by the Aldwyn Rivers Trust.');
    expect(article.text).toContain('- 23 kilometres of new fencing that keeps cattle off the banks;');
    expect(article.text).toContain('Sites surveyed: 146');
    expect(article.text).not.toMatch(/\*\*|\]\(|!\[|^#/m);
    expect(article.removed.repeatedParagraphs).toBe(0);
  });

  it('vaccine-trial.json: fields mapped', () => {
    expect(run('vaccine-trial.json')).toMatchObject({
      format: 'json',
      title: 'RSV vaccine cut hospital admissions of over-60s by 71%, trial finds',
      url: 'https://health-desk.example/2025/04/rsv-vaccine-trial-results',
      published: '2025-04-03T09:00:00Z',
    });
  });

  it('syndicated-wind-farm.txt: one copy of the body, no disclaimer, no most-popular list', () => {
    const article = run('syndicated-wind-farm.txt');
    expect(article.removed).toEqual({ repeatedParagraphs: 7, boilerplateBlocks: 2 });
    expect(article.text.split('\n\n')).toHaveLength(7);
    expect(article.text).not.toMatch(
      /information only|All rights reserved|Most popular|Ferry operator confirms/,
    );
    expect(article.text.endsWith('with the first turbines installed in 2028.')).toBe(true);
  });
});
