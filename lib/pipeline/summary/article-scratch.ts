import type { Scratch } from '../text/scratch';

/**
 * Bytes of scratch that summarizing an article of `sentences` sentences and `chars` characters takes, rounded
 * up: the two sentence graphs and their PageRank systems grow as n², the term arrays with the text. Measured on
 * BBC articles of 9–32 sentences the estimate is 3–8% above what the features use.
 */
export function summaryScratchBytes(sentences: number, chars: number): number {
  return 32 * sentences * sentences + 12 * chars + 200 * sentences + 1024;
}

/** Above this the scratch is not carved from one buffer: long documents get an array each, as createScratch gives. */
const MAX_ARENA_BYTES = 1 << 20;

/** The buffer that reusable scratches are carved from (see createArticleScratch), grown as needed. */
let shared = new ArrayBuffer(0);

/**
 * A Scratch (see text/scratch.ts) that carves its zeroed arrays from ONE buffer of `bytes` bytes, and falls
 * back to an array of its own for a request that does not fit. A fresh ArrayBuffer is a backing store outside
 * the JavaScript heap, zero-filled in freshly mapped pages: in the profile of a summary, createScratch's
 * fixed 16 KiB buffers (three per median news article) were the largest single cost, and one buffer of
 * the article's size cost nearly as much as three.
 *
 * With `reuse`, the buffer is one kept by this module, zeroed again and handed out anew: no allocation at all
 * and memory that is already in cache. Only for a caller that lets nothing carved from it outlive the call
 * (selectSummary returns plain objects), and that does not run another reusing caller inside its own run:
 * the next reusing scratch overwrites it. JavaScript runs one call at a time per thread, and each worker
 * thread has its own copy of this module, so calls never share it.
 */
export function createArticleScratch(bytes: number, reuse = false): Scratch {
  const size = Math.min(MAX_ARENA_BYTES, Math.ceil(Math.max(0, bytes) / 8) * 8);
  let buffer: ArrayBuffer;
  if (!reuse) buffer = new ArrayBuffer(size);
  else {
    if (shared.byteLength < size) shared = new ArrayBuffer(size);
    else new Uint8Array(shared, 0, size).fill(0);
    buffer = shared;
  }
  let used = 0;
  /** Offset of `bytes` bytes reserved in the buffer (8-aligned), or −1 when they do not fit. */
  const take = (bytes: number): number => {
    const rounded = Math.ceil(bytes / 8) * 8;
    if (used + rounded > size) return -1;
    const at = used;
    used += rounded;
    return at;
  };
  return {
    float64: (length) => {
      const at = take(8 * length);
      return at < 0 ? new Float64Array(length) : new Float64Array(buffer, at, length);
    },
    int32: (length) => {
      const at = take(4 * length);
      return at < 0 ? new Int32Array(length) : new Int32Array(buffer, at, length);
    },
    uint8: (length) => {
      const at = take(length);
      return at < 0 ? new Uint8Array(length) : new Uint8Array(buffer, at, length);
    },
  };
}
