import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

/** Runs the installed `factsum` bin as a user would (through node, from the repo root). */
function factsum(args: string[], input?: string) {
  const run = spawnSync(process.execPath, ['bin/factsum.cjs', ...args], { input, encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

let dir: string;
const FEED = 'examples/factchecks.jsonld';
/** Some tests start the CLI two or three times (a Node process with tsx each): seconds apiece on a busy machine. */
const SPAWNING = { timeout: 180_000 };

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'factsum-fc-'));
  writeFileSync(
    join(dir, 'extra.jsonl'),
    [
      JSON.stringify({
        id: 'x-1',
        claim: 'The Millbrook canal froze solid for the first time in 1963.',
        rating: 'True',
      }),
      JSON.stringify({
        id: 'x-2',
        claim: 'A bakery in Eastport sells a loaf for £20.',
        url: 'factcheck.example/x-2',
      }),
      JSON.stringify({ id: 'x-3', title: 'No claim here' }),
      JSON.stringify({
        id: 'x-4',
        claim: 'Eastport ferries run every ten minutes in summer.',
        date: '2025-06-01',
      }),
    ].join('\n'),
  );
});

describe('factsum library import', SPAWNING, () => {
  it('imports the good records, reports each bad one with file:line and reason, and writes the index', () => {
    const out = join(dir, 'index.json');
    const { code, stderr } = factsum([
      'library',
      'import',
      FEED,
      join(dir, 'extra.jsonl'),
      '--out',
      out,
      '--licence',
      'Test use',
    ]);
    expect(code).toBe(0);
    expect(stderr).toContain(
      `${join(dir, 'extra.jsonl')}:2: url 'factcheck.example/x-2' is not an absolute http(s) URL`,
    );
    expect(stderr).toContain(`${join(dir, 'extra.jsonl')}:3: claim is missing or empty`);
    expect(stderr).toMatch(/imported 9 fact-check\(s\) from 2 file\(s\); 2 rejected/);
    const index = JSON.parse(readFileSync(out, 'utf8'));
    expect(index.body.records).toHaveLength(9);
    expect(index.body.records.every((r: { licence?: string }) => r.licence === 'Test use')).toBe(true);
  });

  it('writes the same bytes when the same feeds are imported again, in another order', () => {
    const first = join(dir, 'a.json');
    const second = join(dir, 'b.json');
    factsum(['library', 'import', FEED, join(dir, 'extra.jsonl'), '--out', first]);
    factsum(['library', 'import', join(dir, 'extra.jsonl'), FEED, '--out', second]);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
  });

  it('exits 1 and writes nothing when no record is good, 2 on usage errors', () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"id":"a"}\n');
    expect(factsum(['library', 'import', join(dir, 'bad.jsonl'), '--out', join(dir, 'none.json')]).code).toBe(
      1,
    );
    expect(factsum(['library', 'import']).code).toBe(2);
    expect(factsum(['library', 'export', FEED]).code).toBe(2);
  });
});

describe('factsum match', SPAWNING, () => {
  it('prints one line per query in order, at least five matches each, best first', () => {
    const queries = [
      { id: 'q1', text: 'Otters have returned to all of the monitored stretches of the River Aldwyn.' },
      { id: 'q2', text: 'The union said it would ballot members in May.' },
      { id: 'q3', text: 'Nearly 38,000 cars and lorries use the Eastport harbour bridge every day.' },
    ];
    const { code, stdout } = factsum(
      ['match', '--library', FEED],
      queries.map((q) => JSON.stringify(q)).join('\n'),
    );
    expect(code).toBe(0);
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id)).toEqual(['q1', 'q2', 'q3']);
    for (const line of lines) {
      expect(line.matches.length).toBeGreaterThanOrEqual(5);
      const scores = line.matches.map((m: { score: number }) => m.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(lines[0].matches[0].score).toBeGreaterThan(0.9);
    expect(lines[1].matches[0].score).toBeLessThan(0.1);
  });

  it('reads an index file as well as a feed, with the same answers', () => {
    const index = join(dir, 'm.json');
    factsum(['library', 'import', FEED, '--out', index]);
    const query = JSON.stringify({ id: 7, text: 'A photo of a shark on a flooded motorway is fake.' });
    expect(factsum(['match', '--library', index], query).stdout).toBe(
      factsum(['match', '--library', FEED], query).stdout,
    );
  });

  it('reports a bad input line on stderr and exits 1', () => {
    const { code, stdout, stderr } = factsum(
      ['match', '--library', FEED],
      'not json\n{"id":"ok","text":"Otters"}\n',
    );
    expect(code).toBe(1);
    expect(stderr).toContain('stdin:1: expected a JSON object {"id","text"}');
    expect(stdout.trim().split('\n')).toHaveLength(1);
  });
});
