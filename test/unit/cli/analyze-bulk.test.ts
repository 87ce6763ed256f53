import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FERRY_ARTICLE, LIBRARY_ARTICLE, ORCHARD_ARTICLE } from '../../fixtures/articles';
import { HALVARD_AGREES, HALVARD_CONFLICTS, HALVARD_FIRST } from '../../fixtures/claims-corpus-articles';

/** Each run starts tsx, the pipeline and (with --jobs) worker threads: slow on a shared, loaded machine. */
const SLOW = 240_000;

/** Runs the bin as a user would (through node, from the repo root), without blocking other tests. */
function factsum(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/factsum.cjs', ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** JSON lines with the one field allowed to differ between runs (measured durations) taken out. */
function withoutTimings(text: string): unknown[] {
  return text
    .trim()
    .split('\n')
    .map((line) => {
      const { timings: _timings, ...rest } = JSON.parse(line);
      return rest;
    });
}

/** The summary line without its duration and rate, which differ between runs. */
function counts(stderr: string): string {
  return (stderr.trim().split('\n').at(-1) ?? '').replace(/ in [\d.]+ s \([\d.]+ files\/s\)/, '');
}

let dir: string;
/**
 * An archive as users have them: exact, near and re-headlined copies, articles whose claims agree and
 * conflict, an empty and a binary file, a dangling link, in nested folders.
 */
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factsum-bulk-'));
  const files: Record<string, string | Uint8Array> = {
    'ferry.txt': FERRY_ARTICLE,
    'ferry-copy.txt': FERRY_ARTICLE,
    'news/ferry-edited.txt': FERRY_ARTICLE.replace(
      'four extra night crossings',
      'four additional night crossings',
    ),
    'news/library.md': `# ${LIBRARY_ARTICLE}`,
    'news/orchard.txt': ORCHARD_ARTICLE,
    'halvard/1-first.txt': HALVARD_FIRST,
    'halvard/2-agrees.txt': HALVARD_AGREES,
    'halvard/3-conflicts.txt': HALVARD_CONFLICTS,
    'halvard/4-reheadlined.txt': HALVARD_FIRST.replace(/^[^\n]*/, 'Brennport terminal to lose 420 jobs'),
    'empty.txt': '',
    'photo.bin': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0, 0, 0]),
    '.DS_Store': 'hidden',
  };
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'news', 'dangling.txt'));
  symlinkSync(dir, join(dir, 'news', 'loop'));
});

describe('factsum analyze on a folder', () => {
  it.each([
    { mode: 'each file alone', flags: [] },
    { mode: '--corpus', flags: ['--corpus'] },
  ])(
    '$mode: --jobs 3 writes exactly the lines of --jobs 1, timings aside',
    async ({ flags }) => {
      const [one, three] = await Promise.all([
        factsum(['analyze', '--jobs', '1', ...flags, dir]),
        factsum(['analyze', '--jobs', '3', ...flags, dir]),
      ]);
      expect(one.code).toBe(1); // the dangling link cannot be read
      expect(three.code).toBe(1);
      const lines = withoutTimings(one.stdout);
      expect(withoutTimings(three.stdout)).toEqual(lines);
      expect(counts(three.stderr)).toBe(counts(one.stderr));
      expect(lines).toHaveLength(12);
      if (flags.includes('--corpus')) {
        // The corpus decisions made in input order: copies of the earliest, claims linked across articles.
        expect(JSON.stringify(lines)).toContain('"conflicts"');
        expect(counts(one.stderr)).toBe(
          'factsum: 12 files: 6 processed, 3 duplicate, 3 rejected (BINARY 1, EMPTY 1, UNREADABLE 1)',
        );
      } else {
        expect(counts(one.stderr)).toBe(
          'factsum: 12 files: 9 processed, 0 duplicate, 3 rejected (BINARY 1, EMPTY 1, UNREADABLE 1)',
        );
      }
    },
    SLOW,
  );

  it(
    'walks folders in sorted order, filters with globs, writes the lines to --out and only the summary to stderr',
    async () => {
      const out = `${dir}-out.jsonl`;
      const run = await factsum([
        'analyze',
        '--out',
        out,
        '--include',
        '*.txt',
        '--exclude',
        'halvard/[23]-*',
        '--exclude',
        'news',
        dir,
        join(dir, 'news', 'library.md'),
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toBe('');
      // Piped stderr: no progress, no control characters, one summary line.
      expect(run.stderr).not.toContain('\r');
      expect(run.stderr).not.toContain('\x1b');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(counts(run.stderr)).toBe('factsum: 6 files: 5 processed, 0 duplicate, 1 rejected (EMPTY 1)');
      const paths = readFileSync(out, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line).source.path.slice(dir.length + 1));
      // Sorted by code units ('-' before '.'), 'news' pruned, then the file named on the command line.
      expect(paths).toEqual([
        'empty.txt',
        'ferry-copy.txt',
        'ferry.txt',
        'halvard/1-first.txt',
        'halvard/4-reheadlined.txt',
        'news/library.md',
      ]);
    },
    SLOW,
  );

  it.each([
    { args: ['--jobs', '0'], message: '--jobs must be a whole number from 1 to 64' },
    { args: ['--jobs', 'many'], message: '--jobs must be a whole number from 1 to 64' },
    { args: ['--out', '/nonexistent-folder/x.jsonl'], message: '--out:' },
  ])(
    'exits 2 on $args',
    async ({ args, message }) => {
      const run = await factsum(['analyze', ...args, dir]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(message);
    },
    SLOW,
  );
});

/** `script` (util-linux) runs a command on a pseudo-terminal: stderr is then a TTY, as in a user's shell. */
const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

describe.skipIf(!hasScript)('progress in a terminal', () => {
  /** Runs the bin on a pseudo-terminal, lines to a file; what the terminal showed (stderr only). */
  function onTerminal(flags: readonly string[]): Promise<string> {
    const out = `${dir}-tty${flags.join('')}.jsonl`;
    const command = [
      process.execPath,
      'bin/factsum.cjs',
      'analyze',
      '--jobs',
      '1',
      '--out',
      out,
      ...flags,
      dir,
    ]
      .map((word) => `'${word.replace(/'/g, `'\\''`)}'`)
      .join(' ');
    return new Promise((resolve) => {
      const child = spawn('script', ['-qfec', command, '/dev/null'], { stdio: ['ignore', 'pipe', 'pipe'] });
      let shown = '';
      child.stdout.on('data', (chunk: Buffer) => {
        shown += chunk.toString('utf8');
      });
      child.on('close', () => resolve(shown));
    });
  }

  /** The terminal's output with the redraw sequence (carriage return, erase line) made visible. */
  const visible = (shown: string) => shown.replaceAll('\r\x1b[K', '<redraw>');

  it(
    'redraws a progress line (done/total, files/s, rejected, ETA), then ends with the summary',
    async () => {
      const shown = visible(await onTerminal([]));
      expect(shown).toMatch(/<redraw>\d+\/12 files {2}[\d.]+ files\/s {2}rejected \d+ {2}ETA (\d+:\d\d|\?)/);
      expect(shown).toContain('<redraw>12/12 files');
      expect(shown).toMatch(/<redraw>factsum: 12 files in [\d.]+ s .*3 rejected/);
    },
    SLOW,
  );

  it(
    'shows no progress with --quiet, only the summary',
    async () => {
      const shown = await onTerminal(['--quiet']);
      expect(shown).not.toContain('ETA');
      expect(shown).toMatch(/^factsum: 12 files in [\d.]+ s .*3 rejected/);
    },
    SLOW,
  );
});

describe('factsum analyze into a reader that goes away', () => {
  it(
    'stops quietly with the status of a tool ended by SIGPIPE, as `factsum analyze dir | head` does',
    async () => {
      const many = mkdtempSync(join(tmpdir(), 'factsum-pipe-'));
      // Far more output than a pipe buffers, so the run is still writing when its reader leaves.
      for (let i = 0; i < 200; i += 1) writeFileSync(join(many, `ferry-${i}.txt`), FERRY_ARTICLE);
      const ended = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, ['bin/factsum.cjs', 'analyze', '--jobs', '1', many], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stderr = '';
        child.stdout.once('data', () => child.stdout.destroy());
        child.stderr.on('data', (chunk: Buffer) => {
          stderr += chunk.toString('utf8');
        });
        child.on('close', (code) => resolve({ code, stderr }));
      });
      expect(ended.stderr).not.toContain('EPIPE');
      expect(ended.code).toBe(141);
    },
    SLOW,
  );
});

describe('factsum analyze on a folder with nothing to analyse', () => {
  it(
    'says so on stderr, and that the filters left nothing when they did',
    async () => {
      const empty = mkdtempSync(join(tmpdir(), 'factsum-empty-'));
      const bare = await factsum(['analyze', empty]);
      expect(bare.stdout).toBe('');
      expect(bare.stderr).toContain(`factsum: no files to analyse in ${empty}\n`);
      writeFileSync(join(empty, 'note.txt'), FERRY_ARTICLE);
      const filtered = await factsum(['analyze', '--include', '*.md', empty]);
      expect(filtered.stderr).toContain('that --include/--exclude keep');
      expect(filtered.code).toBe(0);
    },
    SLOW,
  );
});
