import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createMemoryPorts } from '../../../lib/app/memory-ports';
import { analysisRunOf, parseAnalyzeArgs } from '../../../lib/cli/analyze-args';
import { analyzeFileTask } from '../../../lib/cli/file-task';
import { type AnalyzeRun, readLocalResult, uploadLocalFile } from '../../../lib/cli/local-files';
import { createReplaySteps, type ReplayTally, type StepRecording } from '../../../lib/cli/pipeline-replay';
import { readLocalFile } from '../../../lib/cli/read-local-file';
import { FERRY_ARTICLE } from '../../fixtures/articles';
import { HALVARD_CONFLICTS, HALVARD_FIRST } from '../../fixtures/claims-corpus-articles';

/** The settings of `factsum analyze <flags>`. */
function runOf(...flags: string[]): AnalyzeRun {
  const parsed = parseAnalyzeArgs([...flags, 'x.txt']);
  if (parsed === 'help') throw new Error('unexpected help');
  return analysisRunOf(parsed);
}

const UPLOADED = (position: number) => new Date(Date.UTC(2026, 2, 14) + position).toISOString();

let paths: string[];
beforeAll(() => {
  const dir = mkdtempSync(join(tmpdir(), 'factsum-replay-'));
  const files = {
    'a.txt': HALVARD_FIRST,
    'b.txt': FERRY_ARTICLE,
    'c.txt': FERRY_ARTICLE,
    'd.txt': HALVARD_CONFLICTS,
  };
  paths = Object.entries(files).map(([name, text]) => {
    writeFileSync(join(dir, name), text);
    return join(dir, name);
  });
});

/** Each file recorded as a worker thread does, and passed through a structured clone as postMessage does. */
async function record(run: AnalyzeRun): Promise<StepRecording[]> {
  return Promise.all(
    paths.map(async (path, position) => {
      const outcome = await analyzeFileTask({ path, uploadedAt: UPLOADED(position), record: true }, run);
      if (outcome.kind !== 'read' || outcome.recording === undefined) throw new Error('no recording');
      return structuredClone(outcome.recording);
    }),
  );
}

/** The files uploaded into one corpus in order, replaying recordings when given; results without timings. */
async function shareCorpus(run: AnalyzeRun, recordings?: readonly StepRecording[], tally?: ReplayTally) {
  const ports = createMemoryPorts();
  for (const [position, path] of paths.entries()) {
    const file = await readLocalFile(path);
    if (file.kind !== 'read') throw new Error(`cannot read ${path}`);
    const recording = recordings?.[position];
    const deps =
      recording === undefined || tally === undefined
        ? ports
        : { ...ports, pipeline: createReplaySteps(file.bytes, recording, tally) };
    await uploadLocalFile(deps, run, { path, bytes: file.bytes, uploadedAt: UPLOADED(position) });
  }
  return Promise.all(
    paths.map(async (path) => {
      const { timings: _timings, ...rest } = await readLocalResult(ports, path);
      return rest;
    }),
  );
}

describe('recorded pipeline steps replayed into a shared corpus', () => {
  it('give the documents computed on the spot, without computing a step again', async () => {
    // Settings that reach both steps: a publication date, a format, a summary length.
    const run = runOf('--corpus', '--published', '2026-03-14', '--format', 'text', '--words', '60');
    const tally: ReplayTally = { replayed: 0, computed: 0 };
    const replayed = await shareCorpus(run, await record(run), tally);
    const computed = await shareCorpus(run);
    expect(replayed).toEqual(computed);
    expect(computed.map((result) => result.status)).toEqual([
      'processed',
      'processed',
      'duplicate',
      'processed',
    ]);
    expect(JSON.stringify(computed[3])).toContain('"conflicts"');
    // Four preparations and three analyses (the duplicate is not analysed): all from the recordings.
    expect(tally).toEqual({ replayed: 7, computed: 0 });
  });

  it('compute a step whose inputs differ from the recording (here: another summary length)', async () => {
    const run = runOf('--corpus');
    const tally: ReplayTally = { replayed: 0, computed: 0 };
    const replayed = await shareCorpus(run, await record(runOf('--sentences', '1')), tally);
    expect(replayed).toEqual(await shareCorpus(run));
    // Preparation does not depend on the summary length; every analysis does.
    expect(tally).toEqual({ replayed: 4, computed: 3 });
  });
});
