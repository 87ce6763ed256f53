/**
 * Runs labelled article pairs as `factsum analyze --corpus a.txt b.txt` runs them: both files uploaded in
 * order into one in-memory corpus through the service core (lib/cli/corpus-analysis.ts), results read back
 * at the end. Shared by the relations evaluation (eval/relations.ts) and its test table.
 */
import { analysisRunOf, parseAnalyzeArgs } from '../lib/cli/analyze-args';
import { startSharedCorpus } from '../lib/cli/corpus-analysis';
import type { Result } from '../lib/pipeline/types';
import type { ExpectedRelation, RelationPair } from '../test/fixtures/relation-pairs';

/** The newest "modification time" of the two files: upload times and relative dates resolve against it. */
const NEWEST = Date.parse('2026-03-12T08:00:00.000Z');

/** What one pair came out as: the relation B shows to A, and whether A shows the same back. */
export type PairOutcome = {
  readonly predicted: ExpectedRelation;
  /** A's claims show the mirror image of B's link (or neither shows a link). */
  readonly mirrored: boolean;
  readonly results: readonly [Result, Result];
};

/** The relation a result's claims show to `otherId`: conflicts over corroborates, 'none' when there is none. */
function relationTo(result: Result, otherId: string): ExpectedRelation {
  const links = (result.claims ?? []).flatMap((c) => c.related ?? []).filter((r) => r.articleId === otherId);
  if (links.some((l) => l.relation === 'conflicts')) return 'conflicts';
  return links.length > 0 ? 'corroborates' : 'none';
}

/** Analyses A then B as one corpus and reads the relation between them. */
export async function runPair(pair: RelationPair): Promise<PairOutcome> {
  const options = parseAnalyzeArgs(['--corpus', 'a.txt', 'b.txt']);
  if (options === 'help') throw new Error('analyze arguments parsed as help');
  const corpus = startSharedCorpus(analysisRunOf(options), NEWEST);
  const encoder = new TextEncoder();
  const modified = new Date(NEWEST).toISOString();
  await corpus.add('a.txt', { kind: 'read', bytes: encoder.encode(pair.a), modified }, 0);
  await corpus.add('b.txt', { kind: 'read', bytes: encoder.encode(pair.b), modified }, 1);
  const [a, b] = await corpus.results();
  if (a === undefined || b === undefined) throw new Error('the corpus lost a result');
  const predicted = relationTo(b, 'a.txt');
  return { predicted, mirrored: relationTo(a, 'b.txt') === predicted, results: [a, b] };
}
