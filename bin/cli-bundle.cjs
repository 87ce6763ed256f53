'use strict';
/*
 * The CLI from a bundle of its TypeScript sources, built once with esbuild and reused while they are unchanged.
 *
 * Compiling the ~300 modules of the pipeline through tsx costs about 0.9 s of CPU at every start, and once more
 * in each worker thread of `analyze --jobs N`; loading one bundled file costs about 0.2 s (docs/benchmarks.md,
 * "factsum analyze on the BBC folder"). So the first run after a change bundles lib/cli/main.ts and the worker thread's entry into
 * node_modules/.cache/factsum-cli/<digest>/, where <digest> hashes every file the bundle was built from (the
 * sources and the packages they import, as esbuild's metafile lists them) and esbuild's version. Each start
 * hashes those files again and uses the bundle only if nothing changed. Anything that goes wrong (no esbuild,
 * a read-only folder, a failed build) falls back to running the sources through tsx, which gives the same
 * results, more slowly; FACTSUM_FROM_SOURCE=1 asks for that. FACTSUM_CLI_CACHE names another cache folder
 * (test/unit/cli/cli-bundle.test.ts builds into a temporary one).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const CACHE = process.env.FACTSUM_CLI_CACHE || path.join(ROOT, 'node_modules', '.cache', 'factsum-cli');
const MANIFEST = path.join(CACHE, 'manifest.json');
/** Bundles are named after their entry: the worker pool starts `analyze-worker.cjs` beside the main bundle. */
const ENTRIES = { main: 'lib/cli/main.ts', 'analyze-worker': 'lib/cli/analyze-worker.ts' };
/** Packages replaced by stand-ins in every factsum bundle (infra/bundle/aliases.json). */
const ALIASES = 'infra/bundle/aliases.json';
/** This file, relative to the project: its build options are part of what a bundle was built from. */
const SELF = path.relative(ROOT, __filename).split(path.sep).join('/');
/** A bundle another run may still be using is kept this long after a newer one replaced it. */
const KEEP_REPLACED_MS = 24 * 60 * 60 * 1000;

/** The digest of a bundle's inputs (paths relative to the project) and of the bundler that built it. */
function digestOf(inputs, bundler) {
  const hash = crypto.createHash('sha256');
  hash.update(`${bundler}\0`);
  for (const input of inputs) {
    hash.update(`${input}\0`);
    hash.update(fs.readFileSync(path.join(ROOT, input)));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** The installed esbuild as a manifest names it, read from its package.json (not loading esbuild itself). */
function installedBundler() {
  const manifest = require.resolve('esbuild/package.json', { paths: [ROOT] });
  return `esbuild ${JSON.parse(fs.readFileSync(manifest, 'utf8')).version}`;
}

/** The folder of the current bundle when every input is as it was built from, or undefined. */
function currentBundle() {
  let manifest;
  try {
    manifest = JSON.parse(fs.readFileSync(MANIFEST, 'utf8'));
  } catch {
    return undefined;
  }
  if (!Array.isArray(manifest.inputs) || typeof manifest.digest !== 'string') return undefined;
  // A bundle recorded without these among its inputs was built by an older version of this file.
  if (!manifest.inputs.includes(SELF) || !manifest.inputs.includes(ALIASES)) return undefined;
  // esbuild is no input of the bundle (its metafile does not list it): an upgrade is seen by its version.
  if (manifest.bundler !== installedBundler()) return undefined;
  const dir = path.join(CACHE, manifest.digest);
  try {
    if (digestOf(manifest.inputs, manifest.bundler) !== manifest.digest) return undefined;
    if (!fs.existsSync(path.join(dir, 'main.cjs')) || !fs.existsSync(path.join(dir, 'analyze-worker.cjs')))
      return undefined;
  } catch {
    return undefined;
  }
  return dir;
}

/** Bundles the entries into a fresh folder, moves it into place and records it; returns its folder. */
function build() {
  const esbuild = require('esbuild');
  fs.mkdirSync(CACHE, { recursive: true });
  const staging = fs.mkdtempSync(path.join(CACHE, 'staging-'));
  try {
    const result = esbuild.buildSync({
      absWorkingDir: ROOT,
      entryPoints: ENTRIES,
      outdir: staging,
      outExtension: { '.js': '.cjs' },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      // The one use of import.meta in the CLI finds the worker's entry beside the module that starts it.
      define: { 'import.meta.dirname': '__dirname' },
      // The stand-ins the function bundles use (serverless.yml): the same parser code, ~450 KB less to load.
      alias: JSON.parse(fs.readFileSync(path.join(ROOT, ALIASES), 'utf8')),
      metafile: true,
      sourcemap: 'linked',
      sourcesContent: false,
      logLevel: 'silent',
    });
    const bundler = `esbuild ${esbuild.version}`;
    // This file's build options and the alias file shape the bundle without being part of it: hashed as
    // inputs all the same, so that changing either builds a new bundle.
    const inputs = [...Object.keys(result.metafile.inputs), ALIASES, SELF].sort();
    const digest = digestOf(inputs, bundler);
    const dir = path.join(CACHE, digest);
    try {
      fs.renameSync(staging, dir);
    } catch (error) {
      // Another run built the same bundle first: use theirs.
      if (!fs.existsSync(path.join(dir, 'main.cjs'))) throw error;
      fs.rmSync(staging, { recursive: true, force: true });
    }
    const manifestTemp = `${MANIFEST}.${process.pid}.tmp`;
    fs.writeFileSync(manifestTemp, JSON.stringify({ digest, bundler, inputs }));
    fs.renameSync(manifestTemp, MANIFEST);
    pruneReplaced(digest);
    return dir;
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Removes bundles other than `keep` built more than a day ago (a run started from one loaded it long since),
 * and staging folders abandoned by runs that stopped while building.
 */
function pruneReplaced(keep) {
  const now = Date.now();
  for (const name of fs.readdirSync(CACHE)) {
    if (name === keep || name === 'manifest.json' || name.endsWith('.tmp')) continue;
    const where = path.join(CACHE, name);
    try {
      if (now - fs.statSync(where).mtimeMs > KEEP_REPLACED_MS)
        fs.rmSync(where, { recursive: true, force: true });
    } catch {
      // Gone already, or not ours to remove: either way nothing to do.
    }
  }
}

/**
 * The CLI's `main`: from the bundle when it is current or can be built, from the sources through tsx
 * otherwise.
 */
function loadCli() {
  if (process.env.FACTSUM_FROM_SOURCE !== '1') {
    let dir;
    try {
      dir = currentBundle() ?? build();
    } catch {
      dir = undefined;
    }
    if (dir !== undefined) {
      process.setSourceMapsEnabled(true);
      return require(path.join(dir, 'main.cjs'));
    }
  }
  require('tsx/cjs/api').register();
  // The ESM hook as well: commands load their heavy parts with import() only when they need them.
  require('tsx/esm/api').register();
  return require(path.join(ROOT, 'lib', 'cli', 'main.ts'));
}

module.exports = { loadCli };
