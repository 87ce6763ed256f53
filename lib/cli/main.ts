import { ANALYZE_HELP, runAnalyze } from './analyze-command';
import { BACKFILL_HELP } from './backfill-help';
import { CLAIMS_HELP } from './claims-help';
import { ENTITIES_HELP } from './entities-help';
import type { CliIo } from './io';
import { LIBRARY_HELP } from './library-help';
import { MATCH_HELP } from './match-help';
import { UsageError } from './usage-error';

export type { CliIo } from './io';

/**
 * Each command: what runs it and its help text. Commands that load heavy parts (the AWS SDK, the models)
 * import them when they run, so that `factsum help` and the main thread of `analyze --jobs N` stay light.
 */
const COMMANDS: Readonly<
  Record<
    string,
    { readonly run: (args: readonly string[], io: CliIo) => Promise<number>; readonly help: string }
  >
> = {
  analyze: { run: runAnalyze, help: ANALYZE_HELP },
  claims: {
    run: async (args, io) => (await import('./claims-command')).runClaims(args, io),
    help: CLAIMS_HELP,
  },
  entities: {
    run: async (args, io) => (await import('./entities-command')).runEntities(args, io),
    help: ENTITIES_HELP,
  },
  backfill: {
    run: async (args, io) => (await import('./backfill-command')).runBackfill(args, io, process.env),
    help: BACKFILL_HELP,
  },
  library: {
    run: async (args, io) => (await import('./library')).runLibrary(args, io, process.env),
    help: LIBRARY_HELP,
  },
  match: {
    run: async (args, io) => (await import('./match')).runMatch(args, io),
    help: MATCH_HELP,
  },
};

/**
 * How the user ran factsum, for the hints it prints: `npx factsum` under npx (npm sets npm_command=exec for
 * `npx` and `npm exec`), `factsum` otherwise (a global install, `npm link`, a shell alias).
 */
export function invokedAs(env: Readonly<Record<string, string | undefined>>): string {
  return env.npm_command === 'exec' ? 'npx factsum' : 'factsum';
}

/** The overview; the hints name the forms that reach factsum through npx too (npx may keep `--help`). */
function overview(program: string): string {
  return `factsum: extract, deduplicate, summarise and list check-worthy claims of news articles.

Usage:
  factsum analyze [options] PATH...   analyse local files and folders; one JSON line per file, in input order
  factsum claims                      score sentences read from stdin (one per line) for check-worthiness
  factsum entities                    named entities with offsets of stdin lines (JSON Lines or text)
  factsum backfill --bucket B [...]   re-run the service over objects already in a bucket
  factsum library import FILE...      build the fact-check library from ClaimReview / JSON Lines feeds
  factsum match --library FILE        rank library fact-checks for JSON Lines {"id","text"} on stdin
  factsum help [COMMAND]              this help, or a command's

Run '${program} help COMMAND' (or '${program} COMMAND --help') for a command's options.`;
}

/** Runs the factsum command; resolves to the process exit code. */
export async function main(
  argv: readonly string[],
  io: CliIo,
  env: Readonly<Record<string, string | undefined>> = process.env,
): Promise<number> {
  const program = invokedAs(env);
  // Some npm versions pass the `--` of `npx factsum -- --help` through: it separates nothing here.
  const [command, ...rest] = argv[0] === '--' ? argv.slice(1) : argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    const help = topic === undefined ? overview(program) : COMMANDS[topic]?.help;
    if (help === undefined) return unknownCommand(io, topic ?? '', program);
    io.stdout.write(`${help}\n`);
    return command === undefined ? 2 : 0;
  }
  const entry = COMMANDS[command];
  if (entry === undefined) return unknownCommand(io, command, program);
  try {
    return await entry.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`factsum: ${error.message}\nRun '${program} help ${command}' for usage.\n`);
      return 2;
    }
    throw error;
  }
}

function unknownCommand(io: CliIo, command: string, program: string): number {
  io.stderr.write(`factsum: unknown command '${command}'\nRun '${program} help' for usage.\n`);
  return 2;
}
