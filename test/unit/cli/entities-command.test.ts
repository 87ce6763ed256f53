import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `factsum entities` as a user would, with `input` on stdin. */
function entities(input: string, args: string[] = []) {
  const run = spawnSync(process.execPath, ['bin/factsum.cjs', 'entities', ...args], {
    input,
    encoding: 'utf8',
  });
  return {
    code: run.status,
    lines: run.stdout
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l)),
    stderr: run.stderr,
  };
}

describe('factsum entities', () => {
  it('tags JSON Lines and plain lines in order, with offsets into each text', () => {
    const input = [
      JSON.stringify({ id: 'a1', text: 'Prime Minister Mohammed Shia al-Sudani visited Oslo.' }),
      '',
      'Shares of Halvard Shipping Ltd fell in London.',
      JSON.stringify({ id: 7, text: 'nothing to see here' }),
      '{not json, just text about Brennport',
    ].join('\n');
    const { code, lines } = entities(input);
    expect(code).toBe(0);
    expect(lines.map((l) => l.id)).toEqual(['a1', 3, 7, 5]);
    expect(lines[0].entities).toEqual([
      { text: 'Mohammed Shia al-Sudani', start: 15, end: 38, type: 'person' },
      { text: 'Oslo', start: 47, end: 51, type: 'place' },
    ]);
    expect(lines[1].entities.map((e: { text: string; type: string }) => [e.text, e.type])).toEqual([
      ['Halvard Shipping Ltd', 'organization'],
      ['London', 'place'],
    ]);
    expect(lines[2].entities).toEqual([]);
  });

  it('rejects arguments with a usage error', () => {
    const { code, stderr } = entities('', ['file.txt']);
    expect(code).toBe(2);
    expect(stderr).toContain('entities reads stdin');
  });
});
