import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FERRY_ARTICLE, LIBRARY_ARTICLE } from '../../fixtures/articles';

/** Runs the installed `factsum` bin as a user would (through node, from the repo root). */
function factsum(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/factsum.cjs', ...args], { input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factsum-cli-'));
  writeFileSync(join(dir, 'ferry.txt'), FERRY_ARTICLE);
  writeFileSync(join(dir, 'ferry-copy.txt'), FERRY_ARTICLE);
  writeFileSync(join(dir, 'library.md'), `# ${LIBRARY_ARTICLE}`);
  writeFileSync(join(dir, 'empty.txt'), '');
});

describe('factsum analyze', () => {
  it('prints one JSON line per file in input order, rejected inputs included', () => {
    const { code, stdout } = factsum([
      'analyze',
      join(dir, 'ferry.txt'),
      join(dir, 'empty.txt'),
      join(dir, 'library.md'),
    ]);
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => [line.source.path, line.status])).toEqual([
      [join(dir, 'ferry.txt'), 'processed'],
      [join(dir, 'empty.txt'), 'rejected'],
      [join(dir, 'library.md'), 'processed'],
    ]);
    expect(lines[1].error.code).toBe('EMPTY');
  });

  it('with --corpus marks a later copy as a duplicate of the earlier file', () => {
    const first = join(dir, 'ferry.txt');
    const { stdout } = factsum(['analyze', '--corpus', first, join(dir, 'ferry-copy.txt')]);
    const [, copy] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(copy).toMatchObject({ status: 'duplicate', dedup: { kind: 'exact', of: first } });
  });

  it('with --corpus finds a re-edited copy as a near-duplicate', () => {
    const edited = join(dir, 'ferry-edited.txt');
    writeFileSync(
      edited,
      FERRY_ARTICLE.replace('four extra night crossings', 'four additional night crossings'),
    );
    const first = join(dir, 'ferry.txt');
    const { stdout } = factsum(['analyze', '--corpus', first, edited]);
    const [, copy] = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(copy).toMatchObject({
      status: 'duplicate',
      dedup: { kind: 'near', of: first },
      source: { path: edited },
    });
  });

  describe('with --corpus, a near copy that changes a figure', () => {
    const floods = (toll: string) =>
      `Floods in Brenna\n\n${toll} people died in the floods in Brenna last week, the regional government said on Monday.\n`;
    const lines = (stdout: string) =>
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));

    it('is analysed, names the article it nearly copies, and its claim conflicts with that one', () => {
      const first = join(dir, 'floods.txt');
      const changed = join(dir, 'floods-19.txt');
      writeFileSync(first, floods('Twelve'));
      writeFileSync(changed, floods('Nineteen'));
      const [a, b] = lines(factsum(['analyze', '--corpus', first, changed]).stdout);
      expect(b).toMatchObject({
        status: 'processed',
        dedup: { kind: 'unique', nearCopyOf: first, differs: 'figures' },
      });
      expect(b.dedup.similarity).toBeGreaterThanOrEqual(0.8);
      expect(b.claims[0].related).toMatchObject([{ relation: 'conflicts', articleId: first, claimIndex: 0 }]);
      // Shown on both sides.
      expect(a.claims[0].related).toMatchObject([{ relation: 'conflicts', articleId: changed }]);
      expect(a.dedup).toEqual({ kind: 'unique' });
    });

    it('shows only the conflict: its unchanged claims are the same source, which corroborates nothing', () => {
      const homes = '\nThe floods destroyed 300 homes in the valley, the Red Cross said.\n';
      const first = join(dir, 'floods-homes.txt');
      const changed = join(dir, 'floods-homes-19.txt');
      writeFileSync(first, floods('Twelve') + homes);
      writeFileSync(changed, floods('Nineteen') + homes);
      const [a, b] = lines(factsum(['analyze', '--corpus', first, changed]).stdout);
      expect(b.status).toBe('processed');
      expect(b.claims).toHaveLength(2);
      expect(b.claims.map((claim: { related?: { relation: string }[] }) => claim.related)).toMatchObject([
        [{ relation: 'conflicts', articleId: first }],
        undefined,
      ]);
      expect(a.claims[1].related).toBeUndefined();
    });

    it('stays a duplicate when only the words change ("Twelve" → "12")', () => {
      const first = join(dir, 'floods.txt');
      const digits = join(dir, 'floods-digits.txt');
      writeFileSync(first, floods('Twelve'));
      writeFileSync(digits, floods('12'));
      const [, b] = lines(factsum(['analyze', '--corpus', first, digits]).stdout);
      expect(b).toMatchObject({ status: 'duplicate', dedup: { kind: 'near', of: first } });
    });
  });

  it('without --corpus analyses every file on its own', () => {
    const { stdout } = factsum(['analyze', join(dir, 'ferry.txt'), join(dir, 'ferry-copy.txt')]);
    expect(
      stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).status),
    ).toEqual(['processed', 'processed']);
  });

  it('with --format claimreview prints schema.org ClaimReview objects without a rating', () => {
    const { code, stdout } = factsum(['analyze', '--format', 'claimreview', join(dir, 'ferry.txt')]);
    expect(code).toBe(0);
    const reviews = JSON.parse(stdout);
    expect(reviews.length).toBeGreaterThan(0);
    for (const review of reviews) {
      expect(review).toMatchObject({ '@type': 'ClaimReview', itemReviewed: { '@type': 'Claim' } });
      expect(FERRY_ARTICLE).toContain(review.claimReviewed);
      expect(review.reviewRating).toBeUndefined();
    }
  });

  it('honours --sentences', () => {
    const { stdout } = factsum(['analyze', '--sentences', '2', join(dir, 'ferry.txt')]);
    expect(JSON.parse(stdout).summary.sentences).toHaveLength(2);
  });

  it.each([
    { args: ['analyze'], message: 'at least one FILE' },
    { args: ['analyze', '--sentences', 'lots', 'x.txt'], message: '--sentences' },
    { args: ['analyze', '--format', 'pdf', 'x.txt'], message: '--format' },
    { args: ['analyse', 'x.txt'], message: "unknown command 'analyse'" },
  ])('exits 2 on usage error: $args', ({ args, message }) => {
    const { code, stderr } = factsum(args);
    expect(code).toBe(2);
    expect(stderr).toContain(message);
  });

  it('reports a missing file as a rejected line and exits 1', () => {
    const { code, stdout } = factsum(['analyze', join(dir, 'missing.txt')]);
    expect(code).toBe(1);
    expect(JSON.parse(stdout)).toMatchObject({ status: 'rejected', error: { code: 'UNREADABLE' } });
  });

  it('documents both commands in --help', () => {
    const { code, stdout } = factsum(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('factsum analyze');
    expect(stdout).toContain('factsum claims');
  });
});

describe('factsum claims', () => {
  it('scores each stdin line in order', () => {
    const { code, stdout } = factsum(
      ['claims'],
      'Unemployment fell to 4.1% in March 2026.\n\nWhat a lovely day!\n',
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((line) => line.text)).toEqual([
      'Unemployment fell to 4.1% in March 2026.',
      'What a lovely day!',
    ]);
    expect(lines[0].checkworthy).toBe(true);
    expect(lines[1].checkworthy).toBe(false);
    for (const line of lines)
      expect(Object.keys(line).sort()).toEqual(['checkworthy', 'score', 'text', 'types']);
  });
});
