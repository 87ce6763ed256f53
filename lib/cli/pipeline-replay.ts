import {
  type Analysis,
  analyzeArticle,
  type PreparedArticle,
  prepareArticle,
  type RejectedInput,
} from '../pipeline';
import type { PipelineSteps } from '../service';

/**
 * `analyze --corpus --jobs N`: worker threads run each file's pure steps (prepare, analyse) in a corpus of
 * its own and record them; the main thread then uploads the files into the shared corpus in input order and
 * the service, whenever it calls a step with exactly the recorded inputs, gets the recorded output instead of
 * computing it again. The pipeline is deterministic and a step's output depends on nothing but its inputs, so
 * every document is the one `--jobs 1` writes (timings aside, measured in the worker); a call with other
 * inputs is computed on the spot. The corpus decisions (dedup, links, demotions) stay on the main thread, in
 * upload order.
 */

/** One file's pure steps: the inputs each was called with (as text) and what it returned. */
export type StepRecording = {
  readonly prepare?: { readonly inputs: string; readonly output: PreparedArticle | RejectedInput };
  readonly analyze?: { readonly inputs: string; readonly output: Analysis };
};

/** How many step calls were replayed and how many had to be computed on the main thread. */
export type ReplayTally = { replayed: number; computed: number };

/**
 * A step's options as comparable text. JSON leaves out the clock, a function and the one input that differs
 * by design; the other options are plain data built in a fixed key order by the service.
 */
function inputsOf(options: object): string {
  return JSON.stringify(options);
}

/** Steps that compute as usual and remember the first call of each, for `createReplaySteps` elsewhere. */
export function createRecordingSteps(): {
  readonly steps: PipelineSteps;
  readonly recording: () => StepRecording;
} {
  let prepare: StepRecording['prepare'];
  let analyze: StepRecording['analyze'];
  const steps: PipelineSteps = {
    prepareArticle: (bytes, options) => {
      const output = prepareArticle(bytes, options);
      prepare ??= { inputs: inputsOf(options), output };
      return output;
    },
    analyzeArticle: (article, options) => {
      const output = analyzeArticle(article, options);
      analyze ??= { inputs: inputsOf(options), output };
      return output;
    },
  };
  return { steps, recording: () => ({ ...(prepare ? { prepare } : {}), ...(analyze ? { analyze } : {}) }) };
}

/**
 * Steps that return a recording's outputs for the very inputs it was made with (the same bytes, the same
 * options, the article the recorded preparation returned) and compute anything else.
 */
export function createReplaySteps(
  bytes: Uint8Array,
  recording: StepRecording,
  tally: ReplayTally,
): PipelineSteps {
  const prepared = recording.prepare?.output;
  return {
    prepareArticle: (input, options) => {
      if (
        recording.prepare !== undefined &&
        recording.prepare.inputs === inputsOf(options) &&
        Buffer.from(input.buffer, input.byteOffset, input.byteLength).equals(bytes)
      ) {
        tally.replayed++;
        return recording.prepare.output;
      }
      tally.computed++;
      return prepareArticle(input, options);
    },
    analyzeArticle: (article, options) => {
      if (
        recording.analyze !== undefined &&
        prepared?.kind === 'prepared' &&
        article === prepared.article &&
        recording.analyze.inputs === inputsOf(options)
      ) {
        tally.replayed++;
        return recording.analyze.output;
      }
      tally.computed++;
      return analyzeArticle(article, options);
    },
  };
}
