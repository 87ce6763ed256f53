import { describe, expect, it } from 'vitest';
import { parseStoredClaims } from '../../../lib/service/stored-result';

const claim = (entities: unknown[]) => ({
  text: 'Halvard Shipping will cut 420 jobs in Brennport.',
  start: 100,
  end: 148,
  score: 0.9,
  checkworthy: true,
  types: ['numeric'],
  entities,
  numbers: [],
  dates: [],
  hedged: false,
});

describe('parseStoredClaims', () => {
  it('reads entities as the pipeline writes them', () => {
    const entity = { text: 'Brennport', start: 138, end: 147, type: 'place', canonical: 'Brennport' };
    expect(parseStoredClaims([claim([entity])])[0]?.entities).toEqual([entity]);
  });

  it('upgrades entities of results stored before the tagger ({text, kind}), locating them in the claim', () => {
    const [parsed] = parseStoredClaims([
      claim([
        { text: 'Halvard Shipping', kind: 'organisation' },
        { text: 'Brennport', kind: 'place' },
      ]),
    ]);
    expect(parsed?.entities).toEqual([
      { text: 'Halvard Shipping', start: 100, end: 116, type: 'organization', canonical: 'Halvard Shipping' },
      { text: 'Brennport', start: 138, end: 147, type: 'place', canonical: 'Brennport' },
    ]);
  });

  it('drops claims whose entities are neither shape', () => {
    expect(parseStoredClaims([claim([{ text: 'Brennport', kind: 'planet' }])])).toEqual([]);
  });
});
