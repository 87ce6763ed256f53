import { describe, expect, it } from 'vitest';
import { isPlaceSignature, isSignature, signatureFlags } from '../../../../lib/pipeline/clean/block-features';
import { cleanArticle } from '../../../../lib/pipeline/clean/clean';
import { findCommentThread, recentCommentBlocks } from '../../../../lib/pipeline/clean/comment-thread';
import { isLinkPrompt, removeFeedFurniture } from '../../../../lib/pipeline/clean/feed-furniture';
import { isBoilerplateParagraph } from '../../../../lib/pipeline/clean/furniture-lines';
import { cutAtComments } from '../../../../lib/pipeline/clean/page-copy';
import { reflowParagraph } from '../../../../lib/pipeline/clean/reflow';
import { parseDocument } from '../../../../lib/pipeline/extract/parse-document';
import type { Article, Rejection } from '../../../../lib/pipeline/types';
import { EN } from '../../../fixtures/feed-articles';

function article(result: Article | Rejection): Article {
  if ('kind' in result) throw new Error(`expected an article, got ${result.code}: ${result.message}`);
  return result;
}

function clean(text: string, format: 'text' | 'html' = 'text'): Article {
  const parsed = parseDocument(text, format);
  if (parsed.kind !== 'parsed') throw new Error('expected the text to parse');
  return article(cleanArticle(parsed));
}

const HEAD = ['Lindholm bridge to close to cars', ...EN];

/** Readers' comments written for these tests, each signed below (as blog platforms print them). */
const COMMENTS_SIGNED_BELOW = [
  'I cross that bridge twice a day on my bike and the footbridge had better be wide enough for all of us.',
  'Posted by: Rosa | Jun 2, 2025 7:41:12 PM',
  'Eighteen months is optimistic, the last repair on the ring road took three years.',
  'Posted by: Henrik T | Jun 2, 2025 8:03:55 PM',
  'Good decision.',
  'Safety first, the shops will survive.',
  'Posted by: Mona | Jun 2, 2025 9:17:02 PM',
  'Does anyone know if the ferry will run more often while the bridge is shut?',
  'Posted by: Pete | Jun 3, 2025 6:30:40 AM',
];

describe('comment threads found by their signatures', () => {
  it('recognises signature shapes: name with date or time, relative times, name and place', () => {
    expect(isSignature('Posted by: Rosa | Jun 2, 2025 7:41:12 PM')).toBe(true);
    expect(isSignature('Rosa | June 2, 2025')).toBe(true);
    expect(isSignature('Rosa (3 days ago)')).toBe(true);
    expect(isSignature('BY ROSA AT 06/02/25 07:41 PM')).toBe(true);
    expect(isSignature('The council met at the town hall.')).toBe(false);
    expect(isPlaceSignature('Rosa K, Lindholm, Norway')).toBe(true);
    expect(isPlaceSignature('henrik, north harbour,')).toBe(true);
    expect(isPlaceSignature('The bridge, which opened in 1961, is closing.')).toBe(false);
  });

  it('counts name-and-place lines only when they recur', () => {
    expect(signatureFlags(['LINDHOLM, Norway', EN[0] ?? ''])).toEqual([0, 0]);
    const three = ['Rosa K, Lindholm', 'x', 'Henrik T, Oslo, Norway', 'y', 'Mona, Bergen'];
    expect(signatureFlags(three)).toEqual([1, 0, 1, 0, 1]);
  });

  it('drops a thread signed below each comment, including the first comment above its signature', () => {
    const result = clean([...HEAD, ...COMMENTS_SIGNED_BELOW, 'Leave a reply'].join('\n'));
    expect(result.text.split('\n\n')).toEqual(EN);
    expect(result.removed.boilerplateBlocks).toBeGreaterThanOrEqual(COMMENTS_SIGNED_BELOW.length);
    expect(result.text).not.toMatch(/footbridge had better|ring road|ferry|Posted by/);
  });

  it('drops a thread signed with the reader’s name and town', () => {
    const comments = [
      'I cross that bridge twice a day on my bike and the footbridge had better be wide enough for all of us.',
      'Rosa K, Lindholm,',
      'Eighteen months is optimistic, the last repair on the ring road took three years.',
      'Henrik T, Oslo, Norway',
      'Does anyone know if the ferry will run more often while the bridge is shut?',
      'Pete, Lindholm',
    ];
    const result = clean([...HEAD, ...comments, 'Have your say'].join('\n'));
    expect(result.text.split('\n\n')).toEqual(EN);
  });

  it('drops a thread whose signatures lead their comments, including the last comment', () => {
    const comments = [
      'BY ROSA AT 06/02/25 07:41 PM',
      'I cross that bridge twice a day on my bike and the footbridge had better be wide enough for all of us.',
      'BY HENRIK AT 06/02/25 08:03 PM',
      'Eighteen months is optimistic, the last repair on the ring road took three years.',
      'BY PETE AT 06/03/25 06:30 AM',
      'Does anyone know if the ferry will run more often while the bridge is shut?',
    ];
    const blocks = [...HEAD, ...comments];
    expect(findCommentThread(blocks)).toEqual({ start: HEAD.length, end: blocks.length - 1 });
  });

  it('needs the article above and three signatures: a byline and a dated caption are no thread', () => {
    const blocks = ['Posted by: Tomas Berg | Jun 2, 2025', ...EN, 'Photo: Rosa | Jun 2, 2025'];
    expect(findCommentThread(blocks)).toBeUndefined();
  });

  it('leaves signatures to the block classifier in text, still drops a lone one as a link bar in HTML', () => {
    const html = `<html><head><title>Bridge</title></head><body><article>${EN.map((p) => `<p>${p}</p>`).join('')}<p>Rosa | Jun 2, 2025</p></article></body></html>`;
    expect(clean(html, 'html').text).not.toMatch(/Rosa/);
  });
});

describe('comment openers and prompts', () => {
  it('cuts at a WordPress-style "N responses to “title”" line', () => {
    for (const opener of [
      'One Response to “Lindholm bridge to close to cars”',
      '12 comments on "Lindholm bridge to close to cars"',
      '3 thoughts on “Lindholm bridge to close to cars”',
    ]) {
      const text = [...EN, opener, 'Safety first, the shops will survive.'].join('\n');
      expect(cutAtComments(text)).toEqual({ head: `${EN.join('\n')}\n`, cut: true });
    }
  });

  it('does not cut at prose that starts like one', () => {
    const text = [...EN, 'Two responses to the closure were discussed at the meeting.', 'More prose.'].join(
      '\n',
    );
    expect(cutAtComments(text).cut).toBe(false);
  });

  it('cuts at talkback headings', () => {
    const text = [...EN, 'Most recent of 4 talkback(s)', 'Safety first, the shops will survive.'].join('\n');
    expect(cutAtComments(text).cut).toBe(true);
  });

  it('drops "your views on this story" prompts and "(read the rest)" teasers', () => {
    expect(isBoilerplateParagraph('Your views on this story? Write to the desk at letters@example.org')).toBe(
      true,
    );
    expect(isBoilerplateParagraph('The footbridge will be narrow... (Read the rest)')).toBe(true);
    expect(isBoilerplateParagraph('Your views on the bridge matter, the mayor told residents.')).toBe(false);
  });

  it('drops a "recent comments" widget of three or more lines', () => {
    const blocks = [
      'Rosa on Bridge to close: I cross it twice a day and had no idea.',
      'Henrik Tand on Ferry timetable changes: About time they ran later boats.',
      'Mona on Library opens on Sundays: Finally somewhere quiet to work.',
      ...EN,
    ];
    expect([...recentCommentBlocks(blocks)]).toEqual([0, 1, 2]);
    expect(recentCommentBlocks(['Rosa on Monday: the council met.', ...EN]).size).toBe(0);
  });
});

describe('page links and bylines', () => {
  it('drops capitalised kicker links and interactive-guide prompts, keeps prose with a bar', () => {
    expect(isLinkPrompt('VOTERS GUIDE | Where and when to vote')).toBe(true);
    expect(isLinkPrompt('Interactive guide: Compare the bridge plans')).toBe(true);
    expect(isLinkPrompt('The vote was 7 | 2 in favour, the clerk said.')).toBe(false);
  });

  it('drops byline lines, keeps sentences that start with "By"', () => {
    expect(isBoilerplateParagraph('By Tomas Berg')).toBe(true);
    expect(isBoilerplateParagraph('By Ana de la Cruz and Li Wei')).toBe(true);
    expect(isBoilerplateParagraph('By the numbers')).toBe(false);
    expect(isBoilerplateParagraph('By Monday the bridge was closed.')).toBe(false);
  });

  it('does not join a bare URL or a list of headlines as a wrapped block', () => {
    const url = 'https://example.org/news/2025/06/02/lindholm-bridge-to-close-to-cars-from-september';
    const lines = [
      EN[0] ?? '',
      url,
      'Ferry to run later boats while the bridge is closed',
      'Library in the old mill opens on Sundays from July',
      'Harbour festival moves to August after the bridge vote',
      EN[1] ?? '',
    ];
    const paragraphs = reflowParagraph(lines.join('\n'));
    expect(paragraphs).toEqual(lines);
  });
});

describe('a headline between two furniture lines', () => {
  const before = 'In pictures: the bridge before the repairs';
  const after = 'Lindholm homepage | Harbour homepage';

  it('goes with them', () => {
    const result = removeFeedFurniture([EN[0] ?? '', before, 'Ferry to run later boats', after, EN[1] ?? '']);
    expect(result.paragraphs).toEqual([EN[0], EN[1]]);
  });

  it('a sentence there stays', () => {
    const result = removeFeedFurniture([
      EN[0] ?? '',
      before,
      'The ferry will run later.',
      after,
      EN[1] ?? '',
    ]);
    expect(result.paragraphs).toEqual([EN[0], 'The ferry will run later.', EN[1]]);
  });
});
