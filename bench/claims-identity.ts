/**
 * Output identity of the claims stage on the BBC articles, for changes meant to make it faster only:
 *   claims-identity.ts write <file>    writes the claims (and summary) of every article as JSON lines
 *   claims-identity.ts check <file>    compares today's output with such a file, byte for byte
 *   claims-identity.ts time            CPU time of the claims stage alone over the corpus (3 passes)
 * Write the file with the code before the change, check with the code after it. Timings are left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { analyzeArticle, prepareArticle } from '../lib/pipeline/analyze';
import { loadBbcArticles } from './corpus';

const UPLOADED_AT = '2026-01-01T00:00:00.000Z';
const MAX_BYTES = 5 * 1024 * 1024;
const clock = (): number => performance.now();

/** One JSON line per article: its id, claims, summary and limits. */
function outputs(): { lines: string[]; claimsMs: number } {
  const articles = loadBbcArticles();
  if (articles === undefined) throw new Error('BBC articles not found');
  const lines: string[] = [];
  let claimsMs = 0;
  for (const a of articles) {
    const prepared = prepareArticle(a.bytes, { maxBytes: MAX_BYTES, clock, fileName: a.id });
    if (prepared.kind !== 'prepared') {
      lines.push(JSON.stringify({ id: a.id, rejected: prepared.error }));
      continue;
    }
    const { timings, ...analysis } = analyzeArticle(prepared.article, { uploadedAt: UPLOADED_AT, clock });
    claimsMs += timings.claims ?? 0;
    lines.push(JSON.stringify({ id: a.id, ...analysis }));
  }
  return { lines, claimsMs };
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if (mode === 'time') {
    outputs();
    const cpu0 = process.cpuUsage();
    const ms: number[] = [];
    for (let p = 0; p < 3; p++) ms.push(outputs().claimsMs);
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(
      `claims stage wall ms per pass: ${ms.map((m) => m.toFixed(0)).join(' ')}; process CPU s: ${((cpu.user + cpu.system) / 1e6).toFixed(2)}\n`,
    );
    return;
  }
  if (file === undefined || (mode !== 'write' && mode !== 'check')) {
    process.stderr.write('usage: claims-identity.ts write|check <file> | time\n');
    process.exitCode = 2;
    return;
  }
  const { lines } = outputs();
  if (mode === 'write') {
    writeFileSync(file, `${lines.join('\n')}\n`);
    process.stdout.write(`wrote ${lines.length} articles to ${file}\n`);
    return;
  }
  const expected = readFileSync(file, 'utf8').split('\n').slice(0, -1);
  let differing = 0;
  for (let i = 0; i < Math.max(lines.length, expected.length); i++) {
    if (lines[i] === expected[i]) continue;
    differing++;
    if (differing <= 5) process.stdout.write(`differs: ${(lines[i] ?? expected[i] ?? '').slice(0, 120)}\n`);
  }
  process.stdout.write(`${lines.length} articles, ${differing} differ\n`);
  if (differing > 0) process.exitCode = 1;
}

main();
