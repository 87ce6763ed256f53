import { ANALYZE_HELP, runAnalyze } from './analyze-command';
import { BACKFILL_HELP, runBackfill } from './backfill-command';
import { CLAIMS_HELP, runClaims } from './claims-command';
import type { CliIo } from './io';
import { LIBRARY_HELP, runLibrary } from './library';
import { MATCH_HELP, runMatch } from './match';
import { UsageError } from './usage-error';

export type { CliIo } from './io';

/** Each command: what runs it and its help text. */
const COMMANDS: Readonly<
  Record<
    string,
    { readonly run: (args: readonly string[], io: CliIo) => Promise<number>; readonly help: string }
  >
> = {
  analyze: { run: runAnalyze, help: ANALYZE_HELP },
  claims: { run: runClaims, help: CLAIMS_HELP },
  backfill: { run: (args, io) => runBackfill(args, io, process.env), help: BACKFILL_HELP },
  library: { run: (args, io) => runLibrary(args, io, process.env), help: LIBRARY_HELP },
  match: { run: runMatch, help: MATCH_HELP },
};

const HELP = `factsum: extract, deduplicate, summarise and list check-worthy claims of news articles.

Usage:
  factsum analyze [options] FILE...   analyse local files; one JSON line per file, in input order
  factsum claims                      score sentences read from stdin (one per line) for check-worthiness
  factsum backfill --bucket B [...]   re-run the service over objects already in a bucket
  factsum library import FILE...      build the fact-check library from ClaimReview / JSON Lines feeds
  factsum match --library FILE        rank library fact-checks for JSON Lines {"id","text"} on stdin
  factsum help [COMMAND]              this help, or a command's

Run 'factsum help COMMAND' (or 'factsum COMMAND --help') for a command's options.`;

/** Runs the factsum command; resolves to the process exit code. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    const help = topic === undefined ? HELP : COMMANDS[topic]?.help;
    if (help === undefined) return unknownCommand(io, topic ?? '');
    io.stdout.write(`${help}\n`);
    return command === undefined ? 2 : 0;
  }
  const entry = COMMANDS[command];
  if (entry === undefined) return unknownCommand(io, command);
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`factsum: ${error.message}\nRun 'factsum help ${command}' for usage.\n`);
      return 2;
    }
    throw error;
  }
}

function unknownCommand(io: CliIo, command: string): number {
  io.stderr.write(`factsum: unknown command '${command}'\nRun 'factsum help' for usage.\n`);
  return 2;
}
