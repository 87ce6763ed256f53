import { performance } from 'node:perf_hooks';
import type { Writable } from 'node:stream';
import type { LineStatus } from './worker-protocol';

/** Redraws of the progress line at most this often: often enough to look live, rarely enough to cost nothing. */
const REDRAW_MS = 100;
/** Erases the terminal line from the cursor (ECMA-48 EL), so a shorter line leaves no tail of the longer one. */
const CLEAR_LINE = '\r\x1b[K';

/** Files counted by status, and rejected files by error code. */
export type Tally = {
  files: number;
  readonly statuses: Map<string, number>;
  readonly codes: Map<string, number>;
};

/** An empty tally. */
export function createTally(): Tally {
  return { files: 0, statuses: new Map(), codes: new Map() };
}

/** Counts one result into a tally. */
export function countResult(tally: Tally, result: LineStatus): void {
  tally.files++;
  tally.statuses.set(result.status, (tally.statuses.get(result.status) ?? 0) + 1);
  if (result.error !== undefined)
    tally.codes.set(result.error.code, (tally.codes.get(result.error.code) ?? 0) + 1);
}

/**
 * The last line on stderr: `factsum: 12 files in 0.4 s (30.0 files/s): 9 processed, 1 duplicate, 2 rejected
 * (EMPTY 1, UNREADABLE 1)`. Statuses in a fixed order, error codes by name.
 */
export function formatSummary(tally: Tally, seconds: number): string {
  const parts = ['processed', 'duplicate', 'rejected'].map((status) => {
    const count = tally.statuses.get(status) ?? 0;
    const codes = [...tally.codes].sort(([a], [b]) => (a < b ? -1 : 1)).map(([c, n]) => `${c} ${n}`);
    return status === 'rejected' && codes.length > 0
      ? `${count} rejected (${codes.join(', ')})`
      : `${count} ${status}`;
  });
  return `factsum: ${tally.files} file${tally.files === 1 ? '' : 's'} in ${seconds.toFixed(1)} s (${rate(tally.files, seconds)} files/s): ${parts.join(', ')}`;
}

function rate(files: number, seconds: number): string {
  return (files / Math.max(seconds, 1e-3)).toFixed(1);
}

/** Minutes and seconds, or hours too: the ETA of the progress line. */
function formatDuration(seconds: number): string {
  const whole = Math.ceil(seconds);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const s = String(whole % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}

/** The progress line: `  340/1824 files  61.2 files/s  rejected 2  ETA 0:25`. */
export function formatProgress(done: number, total: number, rejected: number, seconds: number): string {
  const perSecond = done / Math.max(seconds, 1e-3);
  const eta = done === 0 ? '?' : formatDuration((total - done) / perSecond);
  return `${done}/${total} files  ${rate(done, seconds)} files/s  rejected ${rejected}  ETA ${eta}`;
}

export type Progress = {
  /** Counts a finished file (its status as known now) and redraws the line when due. */
  readonly advance: (result: LineStatus) => void;
  /** Erases the line and writes the summary of `tally` (the final results), always. */
  readonly finish: (tally: Tally) => void;
};

/**
 * Progress on stderr: a line redrawn in place while files are analysed, only when stderr is a terminal and
 * not `quiet` (a log or a pipe gets no control characters), then the summary line in every case.
 */
export function startProgress(stderr: Writable, total: number, quiet: boolean): Progress {
  const live = !quiet && 'isTTY' in stderr && stderr.isTTY === true;
  const started = performance.now();
  const seen = createTally();
  let drawnAt = Number.NEGATIVE_INFINITY;
  const elapsed = () => (performance.now() - started) / 1000;
  const draw = () => {
    const line = formatProgress(seen.files, total, seen.statuses.get('rejected') ?? 0, elapsed());
    stderr.write(`${CLEAR_LINE}${line}`);
    drawnAt = performance.now();
  };
  if (live && total > 0) draw();
  return {
    advance: (result) => {
      countResult(seen, result);
      if (live && (performance.now() - drawnAt >= REDRAW_MS || seen.files === total)) draw();
    },
    finish: (tally) => {
      stderr.write(`${live && total > 0 ? CLEAR_LINE : ''}${formatSummary(tally, elapsed())}\n`);
    },
  };
}
