import { createInterface } from 'node:readline';
import { scoreSentence } from '../pipeline';
import { CLAIMS_HELP } from './claims-help';
import type { CliIo } from './io';
import { UsageError } from './usage-error';

/** `factsum claims`: scores each non-blank stdin line for check-worthiness. */
export async function runClaims(args: readonly string[], io: CliIo): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    io.stdout.write(`${CLAIMS_HELP}\n`);
    return 0;
  }
  if (args.length > 0)
    throw new UsageError(`claims reads stdin and takes no arguments; got '${args.join(' ')}'`);
  const lines = createInterface({ input: io.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const text = line.trim();
    if (text === '') continue;
    io.stdout.write(`${JSON.stringify(scoreSentence(text))}\n`);
  }
  return 0;
}
