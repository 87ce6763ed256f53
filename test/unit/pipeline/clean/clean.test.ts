import { describe, expect, it } from 'vitest';
import { cleanArticle } from '../../../../lib/pipeline/clean/clean';
import type { Article, ParsedDocument, Rejection } from '../../../../lib/pipeline/types';

const P1 =
  'The regional water board approved a €38 million plan on Thursday to replace 140 kilometres of lead pipes by 2030.';
const P2 =
  '"Every household will be connected to safe pipes within five years," said board chair Elena Sousa.';
const P3 =
  'The plan will be paid for by a 3% rise in water charges from January and a loan from the European Investment Bank.';

function doc(body: string, title = 'Water board approves pipe plan'): ParsedDocument {
  return { kind: 'parsed', format: 'text', title, body };
}

function article(result: Article | Rejection): Article {
  if ('kind' in result) throw new Error(`expected an article, got ${result.code}: ${result.message}`);
  return result;
}

function paragraphs(body: string, title?: string): string[] {
  return article(cleanArticle(doc(body, title))).text.split('\n\n');
}

describe('cleanArticle: normalisation', () => {
  const cases: { name: string; body: string; text: string }[] = [
    { name: 'NFD accents become NFC', body: 'Cafe\u0301 in Sa\u0303o Paulo.', text: 'Café in São Paulo.' },
    {
      name: 'NBSP, narrow NBSP and tabs become spaces',
      body: '€\u00a038\u202fmillion\tapproved.',
      text: '€ 38 million approved.',
    },
    {
      name: 'zero-width space, BOM and soft hyphen are removed',
      body: 'Water\u200bboard\ufeff ap\u00adproved.',
      text: 'Waterboard approved.',
    },
    { name: 'CRLF and CR line endings', body: 'One.\r\n\r\nTwo.\rThree.', text: 'One.\n\nTwo.\nThree.' },
    { name: 'runs of spaces collapse', body: 'Too    many   spaces.', text: 'Too many spaces.' },
    {
      name: 'control characters are removed',
      body: 'Bell\u0007 and\u0085 next line.',
      text: 'Bell and\nnext line.',
    },
  ];
  it.each(cases)('$name', ({ body, text }) => {
    expect(article(cleanArticle(doc(body))).text).toBe(text);
  });
});

describe('cleanArticle: reflowing hard-wrapped text', () => {
  it('joins lines wrapped at a fixed width into one paragraph', () => {
    const wrapped = [
      'The regional water board approved a €38 million plan on Thursday to',
      'replace 140 kilometres of lead pipes by 2030, a project that its engineers',
      'say will take five years and require 60 extra staff.',
    ].join('\n');
    expect(paragraphs(wrapped)).toEqual([
      'The regional water board approved a €38 million plan on Thursday to replace 140 kilometres of lead pipes by 2030, a project that its engineers say will take five years and require 60 extra staff.',
    ]);
  });

  it('keeps list items one per line, with the line that introduces them', () => {
    const body =
      'The plan has three parts:\n- replace lead pipes\n- test water in 1,200 schools\n- publish results every month';
    expect(paragraphs(body)).toEqual([body]);
  });

  it('splits off a short heading line that sits directly above a wrapped paragraph', () => {
    const body = [
      'Costs and charges',
      'The plan will be paid for by a 3% rise in water charges from January and a',
      'loan from the European Investment Bank, the board said in a statement today.',
    ].join('\n');
    expect(paragraphs(body)).toEqual([
      'Costs and charges',
      'The plan will be paid for by a 3% rise in water charges from January and a loan from the European Investment Bank, the board said in a statement today.',
    ]);
  });

  it('keeps short lines (an address, a table) together as written', () => {
    expect(paragraphs('Water Board\n12 Harbour Road\nPorto')).toEqual([
      'Water Board\n12 Harbour Road\nPorto',
    ]);
  });
});

describe('cleanArticle: repeated paragraphs', () => {
  it('keeps one copy of a body that was pasted twice', () => {
    const body = [P1, P2, P3, P1, P2, P3].join('\n\n');
    const result = article(cleanArticle(doc(body)));
    expect(result.text).toBe([P1, P2, P3].join('\n\n'));
    expect(result.removed.repeatedParagraphs).toBe(3);
  });

  it('treats differences in case, punctuation, quotes and spacing as the same paragraph', () => {
    const variant = P2.replace(/"/g, '“')
      .replace('Every', 'every')
      .replace(' will', '  will')
      .replace(/\.$/, '');
    expect(paragraphs([P1, P2, variant].join('\n\n'))).toEqual([P1, P2]);
  });

  it('drops a near-exact repeat with one changed word', () => {
    const edited = P3.replace('January', 'February');
    expect(paragraphs([P1, P3, edited].join('\n\n'))).toEqual([P1, P3]);
  });

  it('keeps two different paragraphs that share a phrase', () => {
    const other =
      'The plan will be paid for by the city, not by the board, according to the mayor, who spoke on Friday.';
    expect(paragraphs([P3, other].join('\n\n'))).toEqual([P3, other]);
  });

  it('drops a first paragraph that only repeats the title', () => {
    const result = article(cleanArticle(doc(`Water board approves pipe plan\n\n${P1}`)));
    expect(result.text).toBe(P1);
    expect(result.removed.repeatedParagraphs).toBe(1);
  });
});

describe('cleanArticle: boilerplate', () => {
  const cases: { name: string; junk: string }[] = [
    {
      name: 'legal disclaimer',
      junk: 'This article is for information only and does not constitute financial advice.',
    },
    { name: 'copyright line', junk: '© 2025 Lusa News Agency. All rights reserved.' },
    {
      name: 'reproduction notice',
      junk: 'Reproduction prohibited without the written permission of the publisher.',
    },
    { name: 'German rights notice', junk: 'Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung.' },
    { name: 'share prompt', junk: 'Share this article' },
    { name: 'share bar', junk: 'Facebook Twitter WhatsApp Email' },
    { name: 'follow prompt', junk: 'Follow us on Twitter and Facebook for the latest news.' },
    { name: 'newsletter prompt', junk: 'Sign up for our newsletter to get the morning briefing.' },
    { name: 'comment prompt', junk: 'Leave a comment' },
    { name: 'comment counter', junk: '12 comments' },
    { name: 'join the conversation', junk: 'Join the conversation' },
    { name: 'photo credit', junk: 'Photo: Reuters' },
    { name: 'image copyright', junk: 'Image copyright Getty Images' },
    { name: 'advertisement label', junk: 'Advertisement' },
    { name: 'Spanish advertisement label', junk: 'Publicidad' },
    { name: 'read more one-liner', junk: 'Read more: Drought leaves reservoirs at record low' },
    { name: 'French read-also one-liner', junk: 'Lire aussi : La sécheresse vide les réservoirs' },
    {
      name: 'cookie notice',
      junk: 'We use cookies to improve your experience. By continuing to use this site you accept our policy.',
    },
  ];
  it.each(cases)('drops a $name and counts it', ({ junk }) => {
    const result = article(cleanArticle(doc([P1, junk, P2].join('\n\n'))));
    expect(result.text).toBe([P1, P2].join('\n\n'));
    expect(result.removed.boilerplateBlocks).toBe(1);
  });

  it('drops a "Most popular" heading with the headline list that follows, and nothing after it', () => {
    const body = [
      P1,
      P2,
      'Most popular',
      '1. Storm closes coastal road\n2. New hospital wing opens\n3. Ferry fares to rise in spring',
      'Related stories',
      'Drought leaves reservoirs at record low',
      'Farmers call for water relief',
      P3,
    ].join('\n\n');
    const result = article(cleanArticle(doc(body)));
    expect(result.text).toBe([P1, P2, P3].join('\n\n'));
    expect(result.removed.boilerplateBlocks).toBe(2);
  });

  it('drops list headings in German, Spanish and French', () => {
    for (const heading of ['Meistgelesen', 'Lo más leído', 'À lire aussi']) {
      const body = [P1, heading, 'Titel eins\nTitel zwei', P2].join('\n\n');
      expect(paragraphs(body)).toEqual([P1, P2]);
    }
  });

  it('drops "Advertisement" lines inside a paragraph', () => {
    expect(paragraphs(`${P1}\nAdvertisement\n${P2}`)).toEqual([P1, P2]);
  });

  it('keeps prose that only mentions a boilerplate phrase', () => {
    const prose =
      'Critics said the board should share this information with residents sooner, and the opposition asked for a photo of every site, according to minutes published on Friday.';
    const copyright =
      'Copyright lawyers for the board said the plans could be published in full once the tender closes in March, because the designs belong to the public.';
    expect(paragraphs([P1, prose, copyright].join('\n\n'))).toEqual([P1, prose, copyright]);
  });

  it('keeps datelines in the text', () => {
    const dated = `LISBON (Reuters) - ${P1}`;
    expect(paragraphs(dated)).toEqual([dated]);
  });
});

describe('cleanArticle: result', () => {
  it('counts words, ignoring list dashes', () => {
    expect(article(cleanArticle(doc('One two three.\n\n- four\n- five')))).toMatchObject({ wordCount: 5 });
  });

  it('uses the first short line as the title when the document has none', () => {
    const result = article(cleanArticle(doc(`Pipe plan approved\n\n${P1}`, '')));
    expect(result.title).toBe('Pipe plan approved');
    expect(result.text).toBe(`Pipe plan approved\n\n${P1}`);
  });

  it('leaves the title empty when the first line is long prose', () => {
    const long = `${P1} ${P3}`;
    expect(article(cleanArticle(doc(long, ''))).title).toBe('');
  });

  it('passes metadata through', () => {
    const parsed: ParsedDocument = {
      ...doc(P1),
      url: 'https://x.example/a',
      published: '2025-01-02',
      language: 'pt',
      byline: 'Rui Costa',
    };
    expect(cleanArticle(parsed)).toMatchObject({
      url: 'https://x.example/a',
      published: '2025-01-02',
      language: 'pt',
      byline: 'Rui Costa',
    });
  });

  const empty: { name: string; body: string; message: RegExp }[] = [
    { name: 'empty body', body: '', message: /no body text/ },
    { name: 'whitespace and zero-width only', body: ' \n\u200b\u00a0\n ', message: /no body text/ },
    {
      name: 'only boilerplate',
      body: 'Advertisement\n\nShare this article\n\n© 2025 Someone. All rights reserved.',
      message: /3 boilerplate blocks/,
    },
  ];
  it.each(empty)('rejects $name as NO_TEXT', ({ body, message }) => {
    const result = cleanArticle(doc(body));
    expect(result).toMatchObject({ kind: 'rejected', code: 'NO_TEXT' });
    if ('kind' in result) expect(result.message).toMatch(message);
  });

  it('handles a very long article with many repeats in reasonable work', () => {
    const distinct = (i: number): string =>
      `Report ${i} lists ${i * 7} pipes, ${i * 13} valves and ${i * 31} meters in district ${i * 97}.`;
    const body = Array.from({ length: 3000 }, (_, i) => distinct(i % 1500)).join('\n\n');
    const result = article(cleanArticle(doc(body)));
    expect(result.removed.repeatedParagraphs).toBe(1500);
  });
});
