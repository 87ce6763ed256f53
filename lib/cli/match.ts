import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { type FactCheckIndex, rankFactChecks } from '../pipeline/factcheck';
import * as z from '../zod';
import type { CliIo } from './io';
import { openLibraryFile } from './library';
import { MATCH_HELP } from './match-help';
import { UsageError } from './usage-error';

const OPTIONS = {
  library: { type: 'string' },
  top: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const DEFAULT_TOP = 5;
const querySchema = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

/** The best `top` records for a text: the re-ranked candidates, then (when fewer) other records with score 0. */
function topMatches(index: FactCheckIndex, text: string, top: number): { id: string; score: number }[] {
  const ranked = rankFactChecks(index, text).map((hit) => ({ id: hit.record.id, score: hit.score }));
  const seen = new Set(ranked.map((m) => m.id));
  for (const record of index.records) {
    if (ranked.length >= top) break;
    if (!seen.has(record.id)) ranked.push({ id: record.id, score: 0 });
  }
  return ranked.slice(0, Math.max(top, 0));
}

/** `factsum match`: resolves to the exit code. */
export async function runMatch(args: readonly string[], io: CliIo): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    ({ values } = parseArgs({ args: [...args], options: OPTIONS, strict: true }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), { cause: error });
  }
  if (values.help) {
    io.stdout.write(`${MATCH_HELP}\n`);
    return 0;
  }
  if (values.library === undefined) throw new UsageError('match needs --library FILE');
  const top = values.top === undefined ? DEFAULT_TOP : Number(values.top);
  if (!(Number.isInteger(top) && top >= 1 && top <= 100)) {
    throw new UsageError(`--top must be a whole number from 1 to 100; got '${values.top}'`);
  }
  const index = await openLibraryFile(values.library, io);
  let bad = 0;
  let lineNumber = 0;
  for await (const line of createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
    lineNumber++;
    if (line.trim() === '') continue;
    let raw: unknown;
    try {
      raw = JSON.parse(line);
    } catch {
      raw = undefined;
    }
    const query = z.safeParse(querySchema, raw);
    if (!query.success) {
      io.stderr.write(`stdin:${lineNumber}: expected a JSON object {"id","text"}; skipped\n`);
      bad++;
      continue;
    }
    const matches = topMatches(index, query.data.text, top);
    io.stdout.write(`${JSON.stringify({ id: query.data.id, matches })}\n`);
  }
  return bad > 0 ? 1 : 0;
}
