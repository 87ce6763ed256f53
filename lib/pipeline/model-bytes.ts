import { brotliCompressSync, brotliDecompressSync, constants } from 'node:zlib';

/*
 * Binary payloads of the shipped models (lib/models/checkworthy.json, ner.json, factcheck-match.json) are
 * stored brotli-compressed, then base64. The models are most of the Lambda bundle esbuild builds from
 * functions/process-article.ts, whose floor is 1,000,000 bytes (docs/benchmarks.md): brotli takes the
 * payloads to 39-85% of their size (the check-worthiness weights' 240,000 varint bytes to 138,190), which
 * brought that bundle from 1,199,153 to 977,689 bytes. Decompressing all of them at module load costs a few
 * milliseconds (7.7 ms on a machine where `node -e 0` takes 70-100 ms).
 */

/** Compresses `bytes` as densely as brotli can (quality 11, a 16 MiB window) and writes them as base64. */
export function packModelBytes(bytes: Uint8Array): string {
  return brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_LGWIN]: 24 },
  }).toString('base64');
}

/** The bytes packModelBytes packed; undefined when `data` is not a brotli stream. */
export function unpackModelBytes(data: string): Buffer | undefined {
  try {
    return brotliDecompressSync(Buffer.from(data, 'base64'));
  } catch {
    return undefined;
  }
}
