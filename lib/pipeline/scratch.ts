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
 * Bytes per shared buffer: one short article's arrays fit in one or two. Larger requests (over half of it,
 * e.g. the similarity matrices of long articles) get a buffer of their own.
 */
const BUFFER_BYTES = 16_384;

/** A fresh Scratch. */
export function createScratch(): Scratch {
  let buffer = new ArrayBuffer(0);
  let used = 0;
  /** Reserves `bytes` (rounded up to 8, so that every view is aligned) and returns [buffer, offset]. */
  const reserve = (bytes: number): readonly [ArrayBuffer, number] => {
    const size = Math.ceil(bytes / 8) * 8;
    if (size > BUFFER_BYTES / 2) return [new ArrayBuffer(size), 0];
    if (used + size > buffer.byteLength) {
      buffer = new ArrayBuffer(BUFFER_BYTES);
      used = 0;
    }
    const at = used;
    used += size;
    return [buffer, at];
  };
  return {
    float64: (length) => {
      const [b, at] = reserve(8 * length);
      return new Float64Array(b, at, length);
    },
    int32: (length) => {
      const [b, at] = reserve(4 * length);
      return new Int32Array(b, at, length);
    },
    uint8: (length) => {
      const [b, at] = reserve(length);
      return new Uint8Array(b, at, length);
    },
  };
}
