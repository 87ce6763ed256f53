import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../../../lib/pipeline/claims/claims';
import { entityKeys, indexKeysOf, toIndexedClaims } from '../../../../lib/pipeline/corpus/claim-keys';
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

describe('toIndexedClaims', () => {
  const index = (text: string) =>
    toIndexedClaims(
      { id: 'bucket/a.txt', uploadedAt: '2026-03-12T08:00:00Z' },
      extractClaims(text, segmentSentences(text), OPTIONS),
    );

  it('keys a claim by the subject and measure of its frames', () => {
    const [claim] = index('Halvard Shipping will cut 420 jobs at its Brennport terminal by June 2026.');
    expect(claim).toMatchObject({
      articleId: 'bucket/a.txt',
      claimIndex: 0,
      entities: ['halvard-shipping'],
      frames: [
        {
          measure: { key: 'job', verb: 'cut' },
          value: { text: '420', unit: 'count', amount: 420 },
          time: { text: 'June 2026', value: '2026-06' },
        },
      ],
    });
    expect(claim === undefined ? [] : indexKeysOf(claim)).toEqual(['halvard-shipping~job', 'brennport~job']);
  });

  it('keys a claim whose subject is a common noun phrase', () => {
    const [claim] = index('Unemployment in the port district fell to 5.1% last year.');
    expect(claim === undefined ? [] : indexKeysOf(claim)).toEqual(['port-district~unemployment']);
  });

  it.each([
    ['no subject', 'Unemployment fell to 4.1% in the first quarter of the year.'],
    ['no figure', 'Halvard Shipping announced a merger with Nordbank.'],
    ['only the date of the statement', 'Halvard Shipping said on Monday that the merger had collapsed.'],
    ['empty', ''],
  ])('leaves out claims it cannot relate: %s', (_name, text) => {
    expect(index(text)).toEqual([]);
  });
});
