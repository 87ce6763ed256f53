import { describe, expect, it } from 'vitest';
import { tokenizeForNer } from '../../../../../lib/pipeline/claims/mentions/ner/tokens';
import { type Mention, resolveMentions } from '../../../../../lib/pipeline/claims/mentions/resolve-mentions';
import type { EntityType } from '../../../../../lib/pipeline/types';

const TYPES = ['person', 'organization', 'place', 'other'] as const satisfies readonly EntityType[];

/**
 * Resolves an article given as sentences whose mentions are marked [like this]/type, e.g.
 * "[Ahmed al-Sharaa]/person spoke", and returns "mention → canonical" per entity.
 */
function resolve(sentences: string[]): string[] {
  const input = sentences.map((marked) => {
    const mentions: Mention[] = [];
    let text = '';
    for (const part of marked.split(/(\[[^\]]+\]\/\w+)/)) {
      const m = /^\[([^\]]+)\]\/(\w+)$/.exec(part);
      if (m?.[1] !== undefined && m[2] !== undefined) {
        const type = TYPES.find((t) => t === m[2]);
        if (type === undefined) throw new Error(`bad type ${m[2]}`);
        mentions.push({ text: m[1], start: text.length, end: text.length + m[1].length, type });
        text += m[1];
      } else text += part;
    }
    return { tokens: tokenizeForNer(text), mentions };
  });
  return resolveMentions(input)
    .flat()
    .map((e) => (e.text === e.canonical ? e.text : `${e.text} → ${e.canonical}`));
}

describe('resolveMentions', () => {
  it('resolves surnames and particle forms to the full name', () => {
    expect(
      resolve([
        'Syrian President [Ahmed al-Sharaa]/person arrived.',
        '[Sharaa]/person said so, and [al-Sharaa]/person left.',
        '[al-Sharaa]/person returned.',
      ]),
    ).toEqual([
      'Ahmed al-Sharaa',
      'Sharaa → Ahmed al-Sharaa',
      'al-Sharaa → Ahmed al-Sharaa',
      'al-Sharaa → Ahmed al-Sharaa',
    ]);
  });

  it('takes the longest full name that the others end with', () => {
    expect(
      resolve(['[Ahmed al-Sharaa]/person and [Ahmed Hussein al-Sharaa]/person; [Sharaa]/person.']),
    ).toEqual([
      'Ahmed al-Sharaa → Ahmed Hussein al-Sharaa',
      'Ahmed Hussein al-Sharaa',
      'Sharaa → Ahmed Hussein al-Sharaa',
    ]);
  });

  it('leaves a surname shared by two people unresolved', () => {
    expect(
      resolve(['[Bashar al-Assad]/person succeeded [Hafez al-Assad]/person.', '[Assad]/person fled.']),
    ).toEqual(['Bashar al-Assad', 'Hafez al-Assad', 'Assad']);
  });

  it('does not resolve across types or from first names', () => {
    expect(resolve(['[Kofi Annan]/person spoke; [Annan]/place is a town; [Kofi]/person smiled.'])).toEqual([
      'Kofi Annan',
      'Annan',
      'Kofi',
    ]);
  });

  it('resolves an acronym to the one same-type name with its initials', () => {
    expect(
      resolve(['The [European Union]/organization said the [EU]/organization and the [U.S.]/place agree.']),
    ).toEqual(['European Union', 'EU → European Union', 'U.S.']);
  });

  it('links a role phrase to the one person named with that role before it', () => {
    expect(
      resolve([
        'Syrian President [Ahmed al-Sharaa]/person met Iraqi intelligence director [Hamid al-Shatri]/person.',
        'The [Syrian]/other president thanked the director.',
      ]),
    ).toEqual([
      'Ahmed al-Sharaa',
      'Hamid al-Shatri',
      'Syrian president → Ahmed al-Sharaa',
      'director → Hamid al-Shatri',
    ]);
  });

  it.each<[string, string[]]>([
    [
      'two presidents',
      ['President [Ana Ruiz]/person met President [Ola Berg]/person.', 'The president left.'],
    ],
    [
      'the modifier does not fit',
      ['French President [Ana Ruiz]/person spoke.', 'The Syrian president left.'],
    ],
    ['role named only after the phrase', ['The president left.', 'President [Ana Ruiz]/person spoke.']],
    [
      '"the president of" says more',
      ['President [Ana Ruiz]/person spoke.', 'The president of the club left.'],
    ],
  ])('keeps a role phrase unlinked when it is not certain: %s', (_name, sentences) => {
    expect(resolve(sentences).some((e) => e.includes('→'))).toBe(false);
  });
});
