/**
 * Zeroed typed arrays carved from a few shared ArrayBuffers. V8 gives every typed array of more than 64
 * bytes a backing store of its own outside the JavaScript heap, at about a microsecond apiece; summarizing
 * one article needs some fifty such arrays, and carving them as views of one buffer costs tens of
 * nanoseconds each. A Scratch serves one computation: its arrays are never handed out twice, and a view
 * that outlives the computation just keeps its buffer alive.
 */
export type Scratch = {
  readonly float64: (length: number) => Float64Array;
  readonly int32: (length: number) => Int32Array;
  readonly uint8: (length: number) => Uint8Array;
};

/**
 * Bytes per shared buffer: one short article's arrays fit in two or three. Larger requests (over half of
 * it, e.g. the similarity matrix of a long article) get a backing store of their own.
 */
const BUFFER_BYTES = 16_384;

/** A fresh Scratch. */
export function createScratch(): Scratch {
  let buffer = new ArrayBuffer(0);
  let used = 0;
  /** Whether `bytes` fit a shared buffer; if so, `buffer` is one with room for them from `used` on. */
  const fits = (bytes: number): boolean => {
    if (bytes > BUFFER_BYTES / 2) return false;
    if (used + bytes > buffer.byteLength) {
      buffer = new ArrayBuffer(BUFFER_BYTES);
      used = 0;
    }
    return true;
  };
  /** Reserves `bytes` at `used`, rounded up to 8 so that every view stays aligned; returns their offset. */
  const take = (bytes: number): number => {
    const at = used;
    used += Math.ceil(bytes / 8) * 8;
    return at;
  };
  return {
    float64: (length) =>
      fits(8 * length) ? new Float64Array(buffer, take(8 * length), length) : new Float64Array(length),
    int32: (length) =>
      fits(4 * length) ? new Int32Array(buffer, take(4 * length), length) : new Int32Array(length),
    uint8: (length) => (fits(length) ? new Uint8Array(buffer, take(length), length) : new Uint8Array(length)),
  };
}
