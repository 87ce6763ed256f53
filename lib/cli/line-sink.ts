import { once } from 'node:events';
import { open } from 'node:fs/promises';
import type { Writable } from 'node:stream';

/** Where the JSON lines go: stdout, or the file of --out. */
export type LineSink = {
  readonly write: (line: string) => Promise<void>;
  readonly close: () => Promise<void>;
};

/**
 * Lines into a stream, waiting whenever it asks to (`write` returned false): thousands of results piped into
 * a slow reader wait for it instead of piling up in memory. The --out file is opened (created or truncated)
 * before any work, so a path that cannot be written fails at once.
 */
export async function openLineSink(stdout: Writable, outFile?: string): Promise<LineSink> {
  if (outFile === undefined) return streamSink(stdout, async () => undefined);
  const stream = (await open(outFile, 'w')).createWriteStream();
  return streamSink(stream, async () => {
    const finished = once(stream, 'finish');
    stream.end();
    await finished;
  });
}

function streamSink(stream: Writable, end: () => Promise<void>): LineSink {
  let failure: Error | undefined;
  // A write error (a full disk, a closed pipe) is kept and thrown by the next write or the close.
  stream.on('error', (error) => {
    failure ??= error;
  });
  return {
    write: async (line) => {
      if (failure !== undefined) throw failure;
      if (!stream.write(`${line}\n`)) await once(stream, 'drain');
    },
    close: async () => {
      if (failure !== undefined) throw failure;
      await end();
    },
  };
}
