// The import graph of the repository's TypeScript, checked so that the layering stays true: no cycles
// anywhere, and each layer imports only what its role allows (functions → lib/service → lib/ports ←
// lib/pipeline; adapters in lib/aws and lib/local implement the ports; lib/app wires them for every entry point).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..');
const SOURCE_FOLDERS = ['lib', 'functions', 'infra', 'bin', 'eval', 'bench', 'test'];

/** Every TypeScript source file under the folders, as paths relative to the repository root. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(?:ts|mts|cts)$/.test(name) && !name.endsWith('.d.ts')) out.push(relative(ROOT, path));
    }
  };
  for (const folder of SOURCE_FOLDERS) if (existsSync(join(ROOT, folder))) walk(join(ROOT, folder));
  return out.sort();
}

/** Static and dynamic import specifiers of a file (`import … from`, `export … from`, `import(…)`, `import '…'`). */
function importSpecifiers(text: string): string[] {
  const specifiers: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)(['"])([^'"\n]+)\1/gm)) {
    if (match[2] !== undefined) specifiers.push(match[2]);
  }
  return specifiers;
}

/** A relative specifier resolved to a repository file, or undefined for packages and builtins. */
function resolveImport(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = resolve(ROOT, dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.mts`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return undefined;
}

type Graph = ReadonlyMap<string, { readonly files: readonly string[]; readonly packages: readonly string[] }>;

function importGraph(): Graph {
  const graph = new Map<string, { files: string[]; packages: string[] }>();
  for (const file of sourceFiles()) {
    const specifiers = importSpecifiers(readFileSync(join(ROOT, file), 'utf8'));
    graph.set(file, {
      files: specifiers.flatMap((s) => resolveImport(file, s) ?? []),
      packages: specifiers.filter((s) => !s.startsWith('.')),
    });
  }
  return graph;
}

/** Strongly connected components with more than one file, or a file importing itself (Tarjan 1972). */
function cycles(graph: Graph): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)?.files ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    for (let top = stack.pop(); top !== undefined; top = stack.pop()) {
      onStack.delete(top);
      component.push(top);
      if (top === node) break;
    }
    if (component.length > 1 || graph.get(node)?.files.includes(node)) found.push(component.sort());
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

/** The layer of a file: the folder rule it falls under. */
function layerOf(file: string): string {
  for (const layer of [
    'lib/pipeline',
    'lib/service',
    'lib/aws',
    'lib/local',
    'lib/report',
    'lib/app',
    'lib/cli',
    'lib/models',
  ]) {
    if (file.startsWith(`${layer}/`)) return layer;
  }
  if (file === 'lib/ports.ts' || file === 'lib/zod.ts') return file;
  return file.split('/')[0] ?? file;
}

/** Which layers each layer may import from (besides itself). */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  'lib/pipeline': ['lib/models', 'lib/zod.ts'],
  'lib/ports.ts': ['lib/pipeline'],
  'lib/service': ['lib/pipeline', 'lib/ports.ts', 'lib/report', 'lib/zod.ts'],
  'lib/aws': ['lib/ports.ts', 'lib/pipeline', 'lib/zod.ts'],
  'lib/local': ['lib/ports.ts', 'lib/pipeline', 'lib/zod.ts'],
  'lib/report': ['lib/pipeline', 'lib/zod.ts'],
  'lib/app': ['lib/aws', 'lib/local', 'lib/service', 'lib/pipeline', 'lib/ports.ts', 'lib/zod.ts'],
  'lib/cli': [
    'lib/app',
    'lib/service',
    'lib/pipeline',
    'lib/ports.ts',
    'lib/report',
    'lib/local',
    'lib/zod.ts',
  ],
  functions: ['lib/app', 'lib/service', 'lib/pipeline', 'lib/ports.ts', 'lib/report', 'lib/zod.ts'],
};

/** Packages the pure pipeline must never import: I/O, the cloud, the environment. */
const PIPELINE_FORBIDDEN_PACKAGES =
  /^(?:@aws-sdk\/|@middy\/|@aws-lambda-powertools\/|node:(?:fs|child_process|net|http|https|os|worker_threads)|fs$)/;

describe('architecture', () => {
  const graph = importGraph();

  it('finds the source files it checks', () => {
    expect(graph.has('lib/pipeline/analyze.ts')).toBe(true);
    expect(graph.get('lib/service/process-upload.ts')?.files).toContain('lib/pipeline/index.ts');
  });

  it('has no import cycles anywhere', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('keeps each layer to the imports its role allows', () => {
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      const layer = layerOf(file);
      const allowed = ALLOWED[layer];
      if (allowed === undefined) continue;
      for (const target of imports.files) {
        const targetLayer = layerOf(target);
        if (targetLayer !== layer && !allowed.includes(targetLayer)) violations.push(`${file} → ${target}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('keeps the pipeline pure: no cloud SDK, middleware, file system or environment', () => {
    const violations: string[] = [];
    for (const [file, imports] of graph) {
      if (layerOf(file) !== 'lib/pipeline') continue;
      for (const name of imports.packages)
        if (PIPELINE_FORBIDDEN_PACKAGES.test(name)) violations.push(`${file} → ${name}`);
      if (/\bprocess\.env\b|\bDate\.now\(|\bnew Date\(\)/.test(readFileSync(join(ROOT, file), 'utf8')))
        violations.push(`${file} reads the environment or the clock`);
    }
    expect(violations).toEqual([]);
  });

  it('cites in comments and docs only files that exist in the repository', () => {
    const cited =
      /\b((?:docs|lib|test|eval|bench|infra|functions|examples|bin)\/[\w./-]*\w\.(?:md|ts|mts|cjs|json|yml))\b|\b([A-Z][A-Z_]+\.md)\b/g;
    const documents = [
      ...graph.keys(),
      'README.md',
      ...readdirSync(join(ROOT, 'docs')).map((name) => `docs/${name}`),
    ];
    const missing: string[] = [];
    for (const file of documents) {
      for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(cited)) {
        const path = match[1] ?? match[2] ?? '';
        const exists = [path, join('docs', path)].some((candidate) => existsSync(join(ROOT, candidate)));
        if (!exists) missing.push(`${file}: ${path}`);
      }
    }
    expect([...new Set(missing)]).toEqual([]);
  });
});
