/**
 * Fact-check matching quality on CheckThat! 2022 task 2A English (../shared/data/clef2022-2a): MAP@1/3/5 and
 * P@1 on the dev-test queries (reported) and dev (used for tuning), for a hand-written BM25 over claim + title
 * (the baseline, same run), FlexSearch, factsum's first stage (MiniSearch) alone, and with the re-ranker
 * (rankFactChecks, end to end), with queries per second; then the match threshold on dev-test queries with
 * their fact-check in the library and with it removed, and the index's size and load time. Train is not
 * evaluated here (the re-ranker was fitted on it). Run: npm run eval:match. Skips cleanly without the data.
 */
import { Document } from 'flexsearch';
import { loadIndex, rankFactChecks, serializeIndex } from '../lib/pipeline/factcheck';
import { MATCH_MODEL, MAX_MATCHES_PER_CLAIM } from '../lib/pipeline/factcheck/match-claims';
import { buildIndex, type FactCheckIndex } from '../lib/pipeline/factcheck/search-index';
import { createTermRarity } from '../lib/pipeline/factcheck/term-rarity';
import { CLEF_DIR, loadClef, type Query, rankingMetrics } from './clef-data';
import { cachedViews, prepare, smallLibrary, thresholdMetrics } from './match-training';
import { buildBm25 } from './reference/bm25';

/** Results kept per query: MAP@5 reads five; a few more cost nothing. */
const DEPTH = 10;
const f3 = (x: number): string => x.toFixed(3);
/** Other fact-checks in the small library (as in eval/train-match.ts), and its seed. */
const SMALL_LIBRARY = 300;
const SMALL_SEED = 20_220_402;

type System = { readonly name: string; readonly rank: (text: string) => readonly string[] };

/** Rankings of `queries` by a system, and its speed in queries per second (after one warm-up pass). */
function run(system: System, queries: readonly Query[]): { rankings: (readonly string[])[]; qps: number } {
  for (const q of queries.slice(0, 20)) system.rank(q.text);
  const started = performance.now();
  const rankings = queries.map((q) => system.rank(q.text));
  return { rankings, qps: queries.length / ((performance.now() - started) / 1000) };
}

function flexSearch(records: ReturnType<typeof loadIndex>['records']): System {
  const index = new Document({ document: { id: 'id', index: ['claim', 'title'] }, tokenize: 'strict' });
  records.forEach((r, i) => {
    index.add({ id: i, claim: r.claimReviewed, title: r.title ?? '' });
  });
  return {
    name: 'FlexSearch 0.8 (claim, title; default encoder, strict tokens)',
    rank: (text) => {
      const hits = index.search(text, { limit: DEPTH, merge: true, suggest: true });
      return hits.map((h) => records[Number(h.id)]?.id ?? '');
    },
  };
}

function main(): void {
  const data = loadClef();
  if (data === undefined) {
    console.log(`eval:match skipped: ${CLEF_DIR} not found`);
    return;
  }
  let started = performance.now();
  const serialised = serializeIndex(data.records).text;
  const buildMs = performance.now() - started;
  started = performance.now();
  const index = loadIndex(serialised);
  const loadMs = performance.now() - started;
  const records = index.records;
  const bm25Of = (text: (r: (typeof records)[number]) => string, name: string): System => {
    const search = buildBm25(records.map(text));
    return { name, rank: (q) => search(q, DEPTH).map((i) => records[i]?.id ?? '') };
  };
  const systems: System[] = [
    bm25Of((r) => `${r.claimReviewed} ${r.title ?? ''}`, 'BM25, claim + title (baseline)'),
    bm25Of(
      (r) => `${r.claimReviewed} ${r.title ?? ''} ${r.subtitle ?? ''}`,
      'BM25, claim + title + subtitle',
    ),
    flexSearch(records),
    {
      name: 'factsum first stage (MiniSearch, claim ×2, title, subtitle ×0.5)',
      rank: (q) => index.search(q, DEPTH).map((c) => records[c.position]?.id ?? ''),
    },
    {
      name: 'factsum first stage + re-ranker (shipped model)',
      rank: (q) =>
        rankFactChecks(index, q)
          .slice(0, DEPTH)
          .map((hit) => hit.record.id),
    },
  ];
  console.log(
    `Library: ${records.length} Snopes fact-checks; queries: dev-test ${data.devTest.length} (reported), dev ${data.dev.length} (tuning). Re-ranker trained on train (${data.train.length}).\n`,
  );
  console.log(
    '| system | split | MAP@1 | MAP@3 | MAP@5 | P@1 | queries/s |\n|---|---|---:|---:|---:|---:|---:|',
  );
  const map5: Record<string, number> = {};
  for (const [split, queries] of [
    ['dev-test', data.devTest],
    ['dev', data.dev],
  ] as const) {
    for (const system of systems) {
      const { rankings, qps } = run(system, queries);
      const m = rankingMetrics(queries, rankings);
      if (split === 'dev-test') map5[system.name] = m.map5;
      console.log(
        `| ${system.name} | ${split} | ${f3(m.map1)} | ${f3(m.map3)} | ${f3(m.map5)} | ${f3(m.p1)} | ${qps.toFixed(0)} |`,
      );
    }
  }
  const baseline = map5[systems[0]?.name ?? ''] ?? 0;
  const ours = map5[systems[systems.length - 1]?.name ?? ''] ?? 0;
  console.log(
    `\nDev-test MAP@5: re-ranked ${f3(ours)} vs BM25 ${f3(baseline)}: ${ours - baseline >= 0 ? '+' : ''}${f3(ours - baseline)}`,
  );

  // The threshold: dev-test queries with their fact-check in the library, and the same queries without it,
  // in the whole library and in a small one (300 other fact-checks, plus the queries' own when present).
  const views = cachedViews(index);
  const rarityOf = (lib: FactCheckIndex) =>
    createTermRarity(
      { documents: lib.records.length, documentFrequency: lib.documentFrequency },
      MATCH_MODEL.background,
    );
  const full = {
    withGold: prepare(index, data.devTest, MATCH_MODEL.candidates, views, rarityOf(index)),
    withoutGold: prepare(index, data.devTest, MATCH_MODEL.candidates, views, rarityOf(index), true),
  };
  const smallWith = buildIndex(smallLibrary(records, data.devTest, SMALL_LIBRARY, true, SMALL_SEED));
  const smallWithout = buildIndex(smallLibrary(records, data.devTest, SMALL_LIBRARY, false, SMALL_SEED));
  const small = {
    withGold: prepare(
      smallWith,
      data.devTest,
      MATCH_MODEL.candidates,
      cachedViews(smallWith),
      rarityOf(smallWith),
    ),
    withoutGold: prepare(
      smallWithout,
      data.devTest,
      MATCH_MODEL.candidates,
      cachedViews(smallWithout),
      rarityOf(smallWithout),
    ),
  };
  console.log(
    `\nMatch threshold on dev-test (shipped: ${MATCH_MODEL.threshold}, chosen on dev by F0.5). Each query twice: with its fact-check in the library, and with it removed (a claim nobody has checked). At most ${MAX_MATCHES_PER_CLAIM} matches shown per claim.\n`,
  );
  console.log(
    '| library | threshold | precision of shown matches | queries whose fact-check is shown | queries without a counterpart that get a match |\n|---|---:|---:|---:|---:|',
  );
  for (const [name, set] of [
    [`all ${records.length}`, full],
    [`${SMALL_LIBRARY} others (+ gold)`, small],
  ] as const) {
    for (const threshold of [0.2, 0.5, MATCH_MODEL.threshold, 0.9]) {
      const t = thresholdMetrics(MATCH_MODEL, set.withGold, set.withoutGold, threshold);
      const mark = threshold === MATCH_MODEL.threshold ? ' (shipped)' : '';
      console.log(
        `| ${name} | ${threshold}${mark} | ${f3(t.precision)} | ${f3(t.recall)} | ${f3(t.unrelatedWithMatch)} |`,
      );
    }
  }
  console.log(
    `Index: ${(serialised.length / 1e6).toFixed(1)} MB serialised, built in ${buildMs.toFixed(0)} ms, loaded (parse + validate + open) in ${loadMs.toFixed(0)} ms`,
  );
}

main();
