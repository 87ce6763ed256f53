import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { collectInputFiles } from '../../../lib/cli/input-files';

let root: string;

/** A small archive: nested folders, names whose sort order differs by locale, hidden entries, links. */
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'factsum-walk-'));
  const files = [
    'b.txt',
    'a.txt',
    'a-z.txt',
    'B.txt',
    '2024/jan/one.html',
    '2024/feb/two.md',
    'drafts/wip.txt',
    '.hidden.txt',
    '.git/config',
    'é.txt',
  ];
  for (const file of files) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), 'text');
  }
  // A link back to the root (a loop), a second way into 2024 (walked once), a link to a file, a dangling link.
  symlinkSync(root, join(root, '2024', 'loop'));
  symlinkSync(join(root, '2024'), join(root, 'years'));
  symlinkSync(join(root, 'a.txt'), join(root, 'link.txt'));
  symlinkSync(join(root, 'missing.txt'), join(root, 'dangling.txt'));
});

/** The walk's files, relative to the root, with the kind of each entry that is not a plain file. */
async function walk(include: string[] = [], exclude: string[] = []): Promise<string[]> {
  const found = await collectInputFiles([root], { include, exclude });
  return found.map(
    (file) => `${relative(root, file.path)}${file.kind === 'unreadable' ? ' (unreadable)' : ''}`,
  );
}

describe('collectInputFiles', () => {
  it('lists a folder depth first, each folder sorted by code units, hidden entries skipped, each folder once', async () => {
    expect(await walk()).toEqual([
      '2024/feb/two.md',
      '2024/jan/one.html',
      'B.txt',
      'a-z.txt',
      'a.txt',
      'b.txt',
      'dangling.txt (unreadable)',
      'drafts/wip.txt',
      'link.txt',
      'é.txt',
    ]);
  });

  it.each([
    {
      name: 'a name glob matches at any depth',
      include: ['*.txt'],
      exclude: [],
      expected: [
        'B.txt',
        'a-z.txt',
        'a.txt',
        'b.txt',
        'dangling.txt (unreadable)',
        'drafts/wip.txt',
        'link.txt',
        'é.txt',
      ],
    },
    {
      name: 'a path glob matches below the folder given',
      include: ['2024/**'],
      exclude: [],
      expected: ['2024/feb/two.md', '2024/jan/one.html'],
    },
    {
      name: 'braces and several includes',
      include: ['*.{md,html}', 'b.txt'],
      exclude: [],
      expected: ['2024/feb/two.md', '2024/jan/one.html', 'b.txt'],
    },
    {
      name: 'exclude skips a whole folder',
      include: ['*.txt'],
      exclude: ['drafts'],
      expected: ['B.txt', 'a-z.txt', 'a.txt', 'b.txt', 'dangling.txt (unreadable)', 'link.txt', 'é.txt'],
    },
    {
      name: 'exclude wins over include',
      include: ['*.txt'],
      exclude: ['a*', 'dangling.txt', 'link.txt'],
      expected: ['B.txt', 'b.txt', 'drafts/wip.txt', 'é.txt'],
    },
    { name: 'nothing matches', include: ['*.pdf'], exclude: [], expected: [] },
  ])('$name', async ({ include, exclude, expected }) => {
    expect(await walk(include, exclude)).toEqual(expected);
  });

  it('keeps files named on the command line, in their order, whatever the globs; a missing one stays an input', async () => {
    const found = await collectInputFiles(
      [join(root, 'b.txt'), join(root, 'nope.txt'), join(root, '2024', 'feb'), join(root, '.hidden.txt')],
      { include: ['*.html'], exclude: ['b.txt'] },
    );
    expect(found.map((file) => [relative(root, file.path), file.kind])).toEqual([
      ['b.txt', 'file'],
      ['nope.txt', 'file'],
      ['.hidden.txt', 'file'],
    ]);
  });

  it('walks a folder named twice only once; a link to an ancestor leads no further than the ancestor', async () => {
    const found = await collectInputFiles([join(root, '2024'), join(root, 'years')], {
      include: [],
      exclude: ['drafts', '*.txt'],
    });
    // 2024/loop is the root, not walked yet: walked once through the link, and 2024 inside it not again.
    expect(found.map((file) => relative(root, file.path))).toEqual(['2024/feb/two.md', '2024/jan/one.html']);
  });
});
