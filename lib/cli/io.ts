import type { Readable, Writable } from 'node:stream';

/** The streams a command reads and writes (process streams in the bin, buffers in tests). */
export type CliIo = { readonly stdin: Readable; readonly stdout: Writable; readonly stderr: Writable };
