import type { Result } from '../pipeline/types';
import * as z from '../zod';
import type { StepRecording } from './pipeline-replay';

/**
 * The messages between `analyze`'s main thread and its worker threads. Both ends are factsum's own code, but
 * a message arrives untyped, so each is checked at the boundary like any other input.
 */

/** One file for a worker: alone in a corpus of its own, or (`record`) recorded for the shared corpus. */
export type FileTask = { readonly path: string; readonly uploadedAt?: string; readonly record: boolean };

/** What the tally and the progress line need of a result. */
export type LineStatus = { readonly status: Result['status']; readonly error?: { readonly code: string } };

/**
 * A file's result; or its output line already written out, with its status (a file alone, when the run
 * keeps no results for --html: a string crosses between threads for a fraction of what the result's object
 * graph costs to copy, and the line is made on the thread that analysed it); or (for the shared corpus) its
 * bytes and the recording of its pure steps.
 */
export type FileOutcome =
  | { readonly kind: 'result'; readonly result: Result }
  | { readonly kind: 'line'; readonly line: string; readonly result: LineStatus }
  | {
      readonly kind: 'read';
      readonly bytes: Uint8Array;
      readonly modified: string;
      readonly recording?: StepRecording;
    };

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null;

/** A worker's start-up data: the `analyze` arguments, parsed there by the same code as here. */
export const workerDataSchema = z.object({ args: z.array(z.string()) });

export const taskMessageSchema = z.object({
  id: z.number(),
  task: z.object({ path: z.string(), uploadedAt: z.optional(z.string()), record: z.boolean() }),
});

const outcomeSchema = z.union([
  z.object({
    kind: z.literal('result'),
    result: z.custom<Result>((value) => isObject(value) && 'schemaVersion' in Object(value)),
  }),
  z.object({
    kind: z.literal('line'),
    line: z.string(),
    result: z.object({
      status: z.enum(['processed', 'duplicate', 'rejected']),
      error: z.optional(z.object({ code: z.string() })),
    }),
  }),
  z.object({
    kind: z.literal('read'),
    bytes: z.instanceof(Uint8Array),
    modified: z.string(),
    recording: z.optional(z.custom<StepRecording>(isObject)),
  }),
]);

export const outcomeMessageSchema = z.union([
  z.object({ id: z.number(), outcome: outcomeSchema }),
  z.object({ id: z.number(), failure: z.string() }),
]);
