import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * bin/cli-bundle.cjs: the CLI runs from a bundle that is rebuilt whenever what it was built from changed, and
 * reused otherwise. Each run here builds into its own temporary cache (FACTSUM_CLI_CACHE), so the cache the
 * other CLI tests share is never touched.
 */
const cache = mkdtempSync(join(tmpdir(), 'factsum-cli-cache-'));
afterAll(() => rmSync(cache, { recursive: true, force: true }));

type Manifest = { digest: string; bundler: string; inputs: string[] };
const manifestPath = join(cache, 'manifest.json');
const readManifest = (): Manifest => JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
/** The cache's entries other than the manifest: bundle folders (and staging folders, which must not stay). */
const folders = (): string[] =>
  readdirSync(cache)
    .filter((name) => name !== 'manifest.json')
    .sort();

function help(env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, ['bin/factsum.cjs', 'help'], {
    encoding: 'utf8',
    env: { ...process.env, FACTSUM_CLI_CACHE: cache, ...env },
  });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe('the CLI bundle cache', () => {
  it('builds a bundle on first use and records what it was built from', () => {
    const out = help();
    expect(out).toContain('factsum');
    const manifest = readManifest();
    expect(folders()).toEqual([manifest.digest]);
    expect(existsSync(join(cache, manifest.digest, 'main.cjs'))).toBe(true);
    expect(existsSync(join(cache, manifest.digest, 'analyze-worker.cjs'))).toBe(true);
    // The sources, the build options (this loader) and the stand-ins all count.
    expect(manifest.inputs).toContain('lib/cli/main.ts');
    expect(manifest.inputs).toContain('bin/cli-bundle.cjs');
    expect(manifest.inputs).toContain('infra/bundle/aliases.json');
    expect(manifest.bundler).toMatch(/^esbuild \d/);
  });

  it('reuses it while nothing changed', () => {
    const { digest } = readManifest();
    const built = statSync(join(cache, digest, 'main.cjs')).mtimeMs;
    help();
    expect(readManifest().digest).toBe(digest);
    expect(statSync(join(cache, digest, 'main.cjs')).mtimeMs).toBe(built);
    expect(folders()).toEqual([digest]);
  });

  it.each<[string, (m: Manifest) => Manifest]>([
    // What a changed source looks like to the loader: its files no longer hash to the recorded digest.
    ['a recorded digest that the inputs no longer give', (m) => ({ ...m, digest: '0'.repeat(32) })],
    [
      'a manifest of an older loader, without its own file among the inputs',
      (m) => ({
        ...m,
        inputs: m.inputs.filter((input) => input !== 'bin/cli-bundle.cjs'),
      }),
    ],
    ['another esbuild', (m) => ({ ...m, bundler: 'esbuild 0.0.1' })],
  ])('rebuilds for %s', (_name, edit) => {
    const before = readManifest();
    writeFileSync(manifestPath, JSON.stringify(edit(before)));
    help();
    const after = readManifest();
    // The same sources give the same bundle again, recorded in full.
    expect(after).toEqual(before);
    expect(existsSync(join(cache, after.digest, 'main.cjs'))).toBe(true);
    expect(folders().some((name) => name.startsWith('staging-'))).toBe(false);
  });

  it('rebuilds when the bundle itself is gone', () => {
    const { digest } = readManifest();
    rmSync(join(cache, digest), { recursive: true, force: true });
    help();
    expect(existsSync(join(cache, digest, 'main.cjs'))).toBe(true);
  });

  it('runs from the sources, building nothing, with FACTSUM_FROM_SOURCE=1', () => {
    const other = mkdtempSync(join(tmpdir(), 'factsum-cli-cache-'));
    try {
      const run = spawnSync(process.execPath, ['bin/factsum.cjs', 'help'], {
        encoding: 'utf8',
        env: { ...process.env, FACTSUM_CLI_CACHE: other, FACTSUM_FROM_SOURCE: '1' },
      });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout).toBe(help());
      expect(readdirSync(other)).toEqual([]);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});
