import { describe, expect, it } from 'vitest';
import { MemoryClaimIndex } from '../../../../lib/local/memory-claim-index';
import { analyzeArticle } from '../../../../lib/pipeline/analyze';
import { toIndexedClaims } from '../../../../lib/pipeline/corpus/claim-keys';
import { relateClaims } from '../../../../lib/pipeline/corpus/relate-claims';
import type { Article, Claim } from '../../../../lib/pipeline/types';
import type { VersionEntry } from '../../../../lib/ports';

// Two articles of our own about one person: the first names him in full once and then by surname or role,
// the second never gives his first name.
const FULL_NAME_FIRST = [
  'Syrian President Ahmed al-Sharaa arrived in Baghdad on Sunday for two days of talks.',
  'Sharaa said his government would release 1,200 prisoners before the end of the year.',
  'The Syrian president also promised to reopen the main border crossing.',
].join(' ');
const SURNAME_ONLY = [
  'Officials in Damascus gave few details of the plan on Monday.',
  'Al-Sharaa told reporters that 1,200 prisoners would be released before the end of the year.',
].join(' ');
const OTHER_PERSON = [
  'Iraqi Prime Minister Mohammed Shia al-Sudani hosted the talks.',
  'Sudani said 1,200 prisoners would be released before the end of the year.',
].join(' ');

const article = (text: string): Article => ({
  title: '',
  text,
  wordCount: text.split(/\s+/).length,
  removed: { repeatedParagraphs: 0, boilerplateBlocks: 0 },
});
const claimsOf = (text: string): readonly Claim[] =>
  analyzeArticle(article(text), { uploadedAt: '2026-03-12T08:00:00Z', clock: () => 0 }).claims;

/** Indexes the articles in order and relates each one's claims to those before it. */
async function relate(articles: readonly [VersionEntry, string][]): Promise<Map<string, Claim[]>> {
  const index = new MemoryClaimIndex();
  const out = new Map<string, Claim[]>();
  for (const [me, text] of articles) {
    const claims = claimsOf(text);
    const keys = toIndexedClaims(me, claims);
    await index.putClaims(me, keys);
    out.set(me.id, relateClaims(claims, await index.findRelated(keys), { selfId: me.id }));
  }
  return out;
}

describe('claims of articles that name one person differently', () => {
  it('resolve to one canonical name within an article', () => {
    const persons = claimsOf(FULL_NAME_FIRST)
      .flatMap((c) => c.entities)
      .filter((e) => e.type === 'person');
    expect(persons.map((e) => [e.text, e.canonical])).toEqual(
      expect.arrayContaining([
        ['Sharaa', 'Ahmed al-Sharaa'],
        ['Syrian president', 'Ahmed al-Sharaa'],
      ]),
    );
  });

  it('are linked across articles through the canonical name', async () => {
    const entry = (id: string, day: number): VersionEntry => ({
      id,
      uploadedAt: `2026-03-${day}T08:00:00Z`,
      etag: `e-${id}`,
    });
    const out = await relate([
      [entry('full', 10), FULL_NAME_FIRST],
      [entry('surname', 11), SURNAME_ONLY],
      [entry('other', 12), OTHER_PERSON],
    ]);
    const related = (out.get('surname') ?? []).flatMap((c) => c.related ?? []);
    expect(related).toEqual([
      expect.objectContaining({ relation: 'corroborates', articleId: 'full', entities: ['sharaa'] }),
    ]);
    // The same figure about somebody else is not linked.
    expect((out.get('other') ?? []).flatMap((c) => c.related ?? [])).toEqual([]);
  });
});
