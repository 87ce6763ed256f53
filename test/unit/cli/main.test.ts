import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { ANALYZE_HELP } from '../../../lib/cli/analyze-command';
import { main } from '../../../lib/cli/main';

/** Runs the command in this process with buffered streams. */
async function run(argv: string[], env: Record<string, string> = {}) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const code = await main(argv, { stdin: new PassThrough(), stdout, stderr }, env);
  return { code, stdout: String(stdout.read() ?? ''), stderr: String(stderr.read() ?? '') };
}

const UNDER_NPX = { npm_command: 'exec' };

describe('factsum help and hints', () => {
  it.each([
    { argv: ['help'], starts: 'factsum: extract' },
    { argv: ['--help'], starts: 'factsum: extract' },
    { argv: ['-h'], starts: 'factsum: extract' },
    // npm 11's npx passes the `--` of `npx factsum -- --help` through.
    { argv: ['--', '--help'], starts: 'factsum: extract' },
    { argv: ['--', 'help', 'analyze'], starts: 'factsum analyze:' },
    { argv: ['help', 'analyze'], starts: 'factsum analyze:' },
    { argv: ['analyze', '--help'], starts: 'factsum analyze:' },
    { argv: ['help', 'claims'], starts: 'factsum claims:' },
    { argv: ['claims', '--help'], starts: 'factsum claims:' },
    { argv: ['help', 'backfill'], starts: 'factsum backfill:' },
  ])('$argv prints factsum help and exits 0', async ({ argv, starts }) => {
    const { code, stdout } = await run(argv);
    expect(code).toBe(0);
    expect(stdout.startsWith(starts)).toBe(true);
  });

  it('analyze --help documents folders, globs, --out, --jobs and --quiet', async () => {
    const { stdout } = await run(['analyze', '--help']);
    expect(stdout).toBe(`${ANALYZE_HELP}\n`);
    for (const option of ['--include', '--exclude', '--out', '--jobs', '--quiet'])
      expect(stdout).toContain(option);
  });

  it.each([
    { env: UNDER_NPX, hint: "Run 'npx factsum help analyze' for usage." },
    { env: {}, hint: "Run 'factsum help analyze' for usage." },
  ])('names the help the way factsum was run ($hint)', async ({ env, hint }) => {
    const { code, stderr } = await run(['analyze', '--jobs', '0', 'x.txt'], env);
    expect(code).toBe(2);
    expect(stderr).toContain('--jobs must be a whole number from 1 to 64');
    expect(stderr).toContain(hint);
  });

  it('points an unknown command to the help, in a form that reaches factsum under npx', async () => {
    const { code, stderr } = await run(['analyse'], UNDER_NPX);
    expect(code).toBe(2);
    expect(stderr).toBe("factsum: unknown command 'analyse'\nRun 'npx factsum help' for usage.\n");
  });

  it('never suggests `factsum --help` (npx may take --help for itself)', async () => {
    const { stdout } = await run(['help'], UNDER_NPX);
    expect(stdout).toContain("Run 'npx factsum help COMMAND' (or 'npx factsum COMMAND --help')");
    expect(stdout).not.toMatch(/factsum --help|factsum -h\b/);
  });
});
