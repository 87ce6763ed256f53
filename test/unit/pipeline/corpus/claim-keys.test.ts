import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../lib/pipeline/claims/claims';
import {
  entityKeys,
  quantityUnit,
  relationWords,
  toIndexedClaims,
} from '../../../../lib/pipeline/corpus/claim-keys';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';
import type { Entity } from '../../../../lib/pipeline/types';

const OPTIONS = { referenceDate: '2026-03-12', referenceSource: 'published' as const };

/** An entity whose mention is its own canonical, as a name that resolves to nothing longer. */
const entity = (text: string, type: Entity['type'], canonical = text): Entity => ({
  text,
  start: 0,
  end: text.length,
  type,
  canonical,
});

describe('entityKeys', () => {
  it.each<[string, Entity, string[]]>([
    ['title dropped, surname kept', entity('Ms Priya Patel', 'person'), ['priya-patel', 'patel']],
    ['surname alone', entity('Mr Patel', 'person'), ['patel']],
    ['organisation, no surname', entity('Bank of England', 'organization'), ['bank-of-england']],
    ['possessive', entity("Halvard Shipping's", 'other'), ['halvard-shipping']],
    ['accents folded', entity('Zoë Ångström', 'person'), ['zoe-angstrom', 'angstrom']],
    ['only a title', entity('President', 'person'), []],
    ['empty', entity('', 'other'), []],
    // The key is the article's canonical name, not the mention.
    [
      'a surname resolved to the full name',
      entity('Sharaa', 'person', 'Ahmed al-Sharaa'),
      ['ahmed-al-sharaa', 'sharaa'],
    ],
    [
      'a role phrase resolved to a person',
      entity('Syrian president', 'person', 'Ahmed al-Sharaa'),
      ['ahmed-al-sharaa', 'sharaa'],
    ],
    [
      'a particle surname alone keeps the surname key',
      entity('al-Sharaa', 'person'),
      ['al-sharaa', 'sharaa'],
    ],
  ])('%s', (_name, e, keys) => {
    expect(entityKeys(e)).toEqual(keys);
  });
});

describe('relationWords', () => {
  it.each([
    ['noun after a count', 'Acme will cut 400 jobs at the plant.', '400', ['job', 'cut', 'plant']],
    ['reporting and time words left out', 'Sales rose 12% last year, he said.', '12%', ['rose', 'sale']],
    ['nothing around', '400.', '400', []],
  ])('%s', (_name, text, mention, words) => {
    const start = text.indexOf(mention);
    expect(relationWords(text, start, start + mention.length, new Set(['acme']))).toEqual(words);
  });
});

describe('quantityUnit', () => {
  it.each([
    [{ text: '$5m', value: 5e6, unit: 'currency' as const, currency: 'USD' }, 'currency:USD'],
    [{ text: '5m euros', value: 5e6, unit: 'currency' as const, currency: 'EUR' }, 'currency:EUR'],
    [{ text: '5%', value: 5, unit: 'percent' as const }, 'percent'],
    [{ text: '5', value: 5, unit: 'count' as const }, 'count'],
  ])('%j → %s', (mention, unit) => {
    expect(quantityUnit(mention)).toBe(unit);
  });
});

describe('toIndexedClaims', () => {
  const index = (text: string) =>
    toIndexedClaims(
      { id: 'bucket/a.txt', uploadedAt: '2026-03-12T08:00:00Z' },
      extractClaims(text, segmentSentences(text), OPTIONS),
    );

  it('keys a claim by its entities and its figures', () => {
    const [claim] = index('Halvard Shipping will cut 420 jobs at its Brennport terminal by June 2026.');
    expect(claim).toMatchObject({
      articleId: 'bucket/a.txt',
      claimIndex: 0,
      entities: ['halvard-shipping', 'brennport'],
      quantities: [{ value: 420, unit: 'count', text: '420', relation: expect.arrayContaining(['job']) }],
      dates: [{ value: '2026-06', text: 'June 2026' }],
    });
  });

  it.each([
    ['no entity', 'Unemployment fell to 4.1% in the first quarter of the year.'],
    ['no figure', 'Halvard Shipping announced a merger with Nordbank.'],
    ['only the date of the statement', 'Halvard Shipping said on Monday that the merger had collapsed.'],
    ['empty', ''],
  ])('leaves out claims it cannot relate: %s', (_name, text) => {
    expect(index(text)).toEqual([]);
  });
});
