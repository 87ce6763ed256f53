/**
 * Cross-article claim relations on labelled article pairs written for factsum (test/fixtures/
 * relation-pairs*.ts): each pair run as `factsum analyze --corpus a.txt b.txt` (eval/relation-pairs-run.ts),
 * the relation B shows to A compared with the label. Prints, per split, accuracy per expected relation and
 * per kind of pair, the confusion between corroborates, conflicts and none, swapped relations (a conflict
 * called corroboration or the reverse) and links not mirrored on A.
 *
 *   npm run eval:relations              # both splits
 *   npm run eval:relations -- --errors  # also list the pairs that came out wrong
 *
 *   npm run eval:relations -- --split fresh2   # one split
 *
 * The dev split is what the frame rules were tuned on; the report split was written before the code (one
 * change followed its first run); fresh and fresh2 were written later and first run as written
 * (docs/benchmarks.md gives their first-run figures and what each run led to).
 */
import { parseArgs } from 'node:util';
import { type ExpectedRelation, RELATION_SPLITS, type RelationPair } from '../test/fixtures/relation-pairs';
import { runPair } from './relation-pairs-run';

const RELATIONS: readonly ExpectedRelation[] = ['corroborates', 'conflicts', 'none'];

type Row = { readonly pair: RelationPair; readonly predicted: ExpectedRelation; readonly mirrored: boolean };

const pct = (n: number, d: number): string =>
  d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;

function report(name: string, rows: readonly Row[], errors: boolean): void {
  const right = rows.filter((r) => r.predicted === r.pair.expected).length;
  console.log(
    `\n## ${name} split: ${rows.length} pairs, accuracy ${(right / rows.length).toFixed(3)} (${right}/${rows.length})`,
  );
  console.log('\nexpected       pairs  accuracy');
  for (const relation of RELATIONS) {
    const of = rows.filter((r) => r.pair.expected === relation);
    const ok = of.filter((r) => r.predicted === relation).length;
    console.log(`${relation.padEnd(13)} ${String(of.length).padStart(6)}  ${pct(ok, of.length)}`);
  }
  console.log('\nconfusion (rows expected, columns predicted)');
  console.log(`${''.padEnd(13)} ${RELATIONS.map((r) => r.padStart(13)).join('')}`);
  for (const expected of RELATIONS) {
    const cells = RELATIONS.map((p) =>
      String(rows.filter((r) => r.pair.expected === expected && r.predicted === p).length).padStart(13),
    );
    console.log(`${expected.padEnd(13)} ${cells.join('')}`);
  }
  const swapped = rows.filter(
    (r) => r.pair.expected !== 'none' && r.predicted !== 'none' && r.predicted !== r.pair.expected,
  );
  const unmirrored = rows.filter((r) => !r.mirrored);
  console.log(
    `\nswapped (conflicts <-> corroborates): ${swapped.length}; links not mirrored on A: ${unmirrored.length}`,
  );
  const kinds = [...new Set(rows.map((r) => r.pair.kind))].sort();
  console.log('\nkind                 pairs  accuracy');
  for (const kind of kinds) {
    const of = rows.filter((r) => r.pair.kind === kind);
    const ok = of.filter((r) => r.predicted === r.pair.expected).length;
    console.log(`${kind.padEnd(20)} ${String(of.length).padStart(5)}  ${pct(ok, of.length)}`);
  }
  if (errors)
    for (const r of rows.filter((row) => row.predicted !== row.pair.expected))
      console.log(
        `\n  [${r.pair.kind}] expected ${r.pair.expected}, got ${r.predicted}\n    A: ${r.pair.a}\n    B: ${r.pair.b}`,
      );
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { errors: { type: 'boolean' }, split: { type: 'string' } } });
  console.log('# Cross-article claim relations on labelled pairs (analyze --corpus a.txt b.txt)');
  for (const [name, pairs] of Object.entries(RELATION_SPLITS)) {
    if (values.split !== undefined && values.split !== name) continue;
    const rows: Row[] = [];
    for (const pair of pairs) {
      const outcome = await runPair(pair);
      rows.push({ pair, predicted: outcome.predicted, mirrored: outcome.mirrored });
    }
    report(name, rows, values.errors ?? false);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
