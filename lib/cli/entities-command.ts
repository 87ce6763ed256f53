import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { extractEntities } from '../pipeline';
import * as z from '../zod';
import { ENTITIES_HELP } from './entities-help';
import { UsageError } from './usage-error';

const recordSchema = z.object({ id: z.optional(z.union([z.string(), z.number()])), text: z.string() });

/** The id and text of one input line: a JSON Lines record when it is one, else the line itself. */
function readLine(line: string, lineNumber: number): { id: string | number; text: string } {
  if (line.trimStart().startsWith('{')) {
    try {
      const record = recordSchema.safeParse(JSON.parse(line));
      if (record.success) return { id: record.data.id ?? lineNumber, text: record.data.text };
    } catch {
      // Not JSON: a line of text that happens to start with "{".
    }
  }
  return { id: lineNumber, text: line };
}

/** `factsum entities`: tags each stdin line (JSON Lines or plain text) and prints its entities with offsets. */
export async function runEntities(
  args: readonly string[],
  io: { readonly stdin: Readable; readonly stdout: Writable },
): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${ENTITIES_HELP}\n`);
    return 0;
  }
  if (args.length > 0)
    throw new UsageError(`entities reads stdin and takes no arguments; got '${args.join(' ')}'`);
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { id, text } = readLine(line, lineNumber);
    const entities = extractEntities(text).map(({ text: mention, start, end, type }) => ({
      text: mention,
      start,
      end,
      type,
    }));
    io.stdout.write(`${JSON.stringify({ id, entities })}\n`);
  }
  return 0;
}
