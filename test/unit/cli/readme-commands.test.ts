import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');
/** npx, then tsx and the pipeline, sometimes worker threads, on a shared and loaded machine. */
const SLOW = 300_000;
/** A README comment that says a command needs servers: its `--help` is checked instead. */
const NEEDS_STACK = 'needs the local stack';

/** Every line of the README's `sh` blocks that runs `npx factsum`, and the comment after it. */
function documentedCommands(): { readonly command: string; readonly comment: string }[] {
  const lines: { command: string; comment: string }[] = [];
  let inShell = false;
  for (const line of README.split('\n')) {
    if (line.startsWith('```')) inShell = line === '```sh';
    else if (inShell && line.includes('npx factsum')) {
      const hash = line.indexOf('  # ');
      lines.push({
        command: (hash < 0 ? line : line.slice(0, hash)).trim(),
        comment: hash < 0 ? '' : line.slice(hash + 4),
      });
    }
  }
  return lines;
}

/** Output paths (--out, --html) moved into a temporary folder, so the test writes nothing into the repository. */
function withOutputsIn(dir: string, command: string): string {
  return command
    .split(' ')
    .map((word, at, words) => {
      const flag = words[at - 1];
      return flag === '--out' || flag === '--html' ? join(dir, basename(word)) : word;
    })
    .join(' ');
}

/** Runs a shell line from the repository root, as a reader pastes it. */
function shell(command: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('sh', ['-c', command], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** factsum's own output: its help text, or JSON lines (results, ClaimReview arrays, claim scores). */
function isFactsumOutput(text: string): boolean {
  if (text.startsWith('factsum')) return true;
  const lines = text.trim().split('\n');
  return (
    text.trim() !== '' &&
    lines.every((line) => {
      try {
        JSON.parse(line);
        return true;
      } catch {
        return false;
      }
    })
  );
}

const commands = documentedCommands();

describe("the README's command lines, through npx", () => {
  it('documents the commands, and no form that npx may keep for itself', () => {
    expect(commands.length).toBeGreaterThanOrEqual(8);
    expect(README).not.toMatch(/npx factsum (--help|-h|--)\b/);
  });

  it.concurrent.each(commands)(
    '$command',
    async ({ command, comment }) => {
      const dir = mkdtempSync(join(tmpdir(), 'factsum-readme-'));
      const run = comment.includes(NEEDS_STACK)
        ? `${command.split(' ').slice(0, 3).join(' ')} --help`
        : withOutputsIn(dir, command);
      const { code, stdout, stderr } = await shell(run);
      expect(stderr).not.toContain('npm exec');
      expect({ code, stderr: code === 0 ? '' : stderr }).toEqual({ code: 0, stderr: '' });
      const out = run.match(/--out (\S+)/)?.[1];
      if (out === undefined) expect(isFactsumOutput(stdout), stdout.slice(0, 400)).toBe(true);
      else expect(isFactsumOutput(readFileSync(out, 'utf8'))).toBe(true);
      if (run.includes('--html')) expect(existsSync(join(dir, 'out', 'index.html'))).toBe(true);
      // analyze always ends with its summary line.
      if (run.includes(' analyze ') && !run.includes('--help'))
        expect(stderr.trim().split('\n').at(-1)).toMatch(/^factsum: \d+ files? in /);
    },
    SLOW,
  );
});
