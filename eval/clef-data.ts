/**
 * Loading the CheckThat! 2022 task 2A English data (Nakov et al. 2022; ../shared/data/clef2022-2a): Snopes
 * verified claims as fact-check records, and the train, dev and dev-test tweets with their gold claim. The
 * official test queries are held out and not read here. Shared by eval/train-match.ts and eval/match.ts.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FactCheckRecord } from '../lib/pipeline/factcheck';
import * as z from '../lib/zod';

export const CLEF_DIR = resolve(import.meta.dirname, '../../shared/data/clef2022-2a');

export type Query = { readonly id: string; readonly text: string; readonly gold: ReadonlySet<string> };

export type ClefData = {
  readonly records: readonly FactCheckRecord[];
  readonly train: readonly Query[];
  readonly dev: readonly Query[];
  readonly devTest: readonly Query[];
};

/** Rows of a tab-separated file whose fields may be CSV-quoted ("...", inner quotes doubled). */
export function parseQuotedTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
      continue;
    }
    if (c === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
    } else if (c === '\t') {
      row.push(field);
      field = '';
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
      field = '';
      atFieldStart = true;
    } else {
      field += c;
      atFieldStart = false;
    }
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

/** One line of vclaims.jsonl. */
const claimSchema = z.object({
  id: z.string(),
  vclaim: z.string(),
  title: z.optional(z.string()),
  subtitle: z.optional(z.string()),
  date: z.optional(z.string()),
});

/** One verified claim as a fact-check record: the claim, its title and subtitle, Snopes as publisher. */
function toRecord(raw: unknown): FactCheckRecord | undefined {
  const parsed = z.safeParse(claimSchema, raw);
  if (!parsed.success) return undefined;
  const { id, vclaim, title, subtitle, date } = parsed.data;
  return {
    id,
    claimReviewed: vclaim,
    ...(title ? { title } : {}),
    ...(subtitle ? { subtitle } : {}),
    ...(date ? { date } : {}),
    publisher: 'Snopes',
  };
}

function readQueries(file: string, qrels: string): Query[] {
  const texts = new Map(
    parseQuotedTsv(readFileSync(resolve(CLEF_DIR, file), 'utf8')).map(([id, t]) => [id, t]),
  );
  const gold = new Map<string, Set<string>>();
  for (const [qid, , cid] of parseQuotedTsv(readFileSync(resolve(CLEF_DIR, qrels), 'utf8'))) {
    if (qid === undefined || cid === undefined) continue;
    const set = gold.get(qid) ?? new Set<string>();
    set.add(cid);
    gold.set(qid, set);
  }
  const out: Query[] = [];
  for (const [id, ids] of gold) {
    const text = texts.get(id);
    if (text !== undefined) out.push({ id, text, gold: ids });
  }
  return out;
}

/** The data set, or undefined when ../shared/data/clef2022-2a is absent. */
export function loadClef(): ClefData | undefined {
  if (!existsSync(resolve(CLEF_DIR, 'vclaims.jsonl'))) return undefined;
  const records: FactCheckRecord[] = [];
  for (const line of readFileSync(resolve(CLEF_DIR, 'vclaims.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const record = toRecord(JSON.parse(line));
    if (record !== undefined) records.push(record);
  }
  return {
    records,
    train: readQueries('CT2022-Task2A-EN-Train-Dev_Queries.tsv', 'CT2022-Task2A-EN-Train_QRELs.tsv'),
    dev: readQueries('CT2022-Task2A-EN-Train-Dev_Queries.tsv', 'CT2022-Task2A-EN-Dev_QRELs.tsv'),
    devTest: readQueries('CT2022-Task2A-EN-Dev-Test_Queries.tsv', 'CT2022-Task2A-EN-Dev-Test_QRELs.tsv'),
  };
}

/**
 * Average precision at k of one ranking (CheckThat! 2022's MAP@k: precision at each relevant rank ≤ k, divided
 * by the number of relevant items, capped at k).
 */
export function averagePrecisionAt(ranking: readonly string[], gold: ReadonlySet<string>, k: number): number {
  let hits = 0;
  let sum = 0;
  for (let i = 0; i < Math.min(k, ranking.length); i++) {
    const id = ranking[i];
    if (id !== undefined && gold.has(id)) {
      hits++;
      sum += hits / (i + 1);
    }
  }
  return gold.size === 0 ? 0 : sum / Math.min(gold.size, k);
}

/** MAP@1, MAP@3, MAP@5 and P@1 of rankings against their queries' gold sets. */
export function rankingMetrics(
  queries: readonly Query[],
  rankings: readonly (readonly string[])[],
): { map1: number; map3: number; map5: number; p1: number } {
  const mean = (f: (q: Query, r: readonly string[]) => number) =>
    queries.reduce((s, q, i) => s + f(q, rankings[i] ?? []), 0) / Math.max(1, queries.length);
  return {
    map1: mean((q, r) => averagePrecisionAt(r, q.gold, 1)),
    map3: mean((q, r) => averagePrecisionAt(r, q.gold, 3)),
    map5: mean((q, r) => averagePrecisionAt(r, q.gold, 5)),
    p1: mean((q, r) => (r[0] !== undefined && q.gold.has(r[0]) ? 1 : 0)),
  };
}
