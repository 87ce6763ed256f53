import * as z from '../../zod';
import { packModelBytes, unpackModelBytes } from '../model-bytes';

/**
 * How rare a term is, from the library's own document frequencies blended with a background count shipped with
 * the model (document frequencies over the fact-checks the re-ranker was trained with). A library of a dozen
 * records cannot tell "council" from "otter" by itself; with the background, a term's weight stays about the
 * same whether the library holds ten records or a million, and so does the calibrated match probability.
 */
export type Background = { readonly documents: number; readonly df: ReadonlyMap<string, number> };

export type TermRarity = {
  /** Inverse document frequency, BM25's form: ln(1 + (N − df + 0.5) / (df + 0.5)). */
  idf(term: string): number;
  /** Blended document frequency. */
  df(term: string): number;
};

/** Rarity over a library (its size and per-term frequency) and a background. */
export function createTermRarity(
  library: { readonly documents: number; documentFrequency(term: string): number },
  background: Background,
): TermRarity {
  const documents = library.documents + background.documents;
  const df = (term: string) => library.documentFrequency(term) + (background.df.get(term) ?? 0);
  return {
    df,
    idf: (term) => {
      const n = df(term);
      return Math.log(1 + (documents - n + 0.5) / (n + 0.5));
    },
  };
}

/**
 * The stored form of background document frequencies: terms grouped by count, `{ "<count>": "term term …" }`
 * (groups by ascending count, terms sorted), as JSON, then brotli and base64 (lib/pipeline/model-bytes.ts). The
 * shipped model's 13,429 terms are 110 KB of JSON and 57 KB stored so: bundle size.
 */
export const BACKGROUND_ENCODING = 'df-groups-json/brotli/base64';

/** Background document frequencies as a model file stores them. */
export type PackedBackground = { readonly encoding: typeof BACKGROUND_ENCODING; readonly data: string };

/** Encodes document frequencies in the stored form. */
export function encodeBackground(df: ReadonlyMap<string, number>): PackedBackground {
  const groups = new Map<number, string[]>();
  for (const [term, n] of df) {
    const list = groups.get(n) ?? [];
    list.push(term);
    groups.set(n, list);
  }
  const out: Record<string, string> = {};
  for (const n of [...groups.keys()].sort((a, b) => a - b))
    out[String(n)] = (groups.get(n) ?? []).sort().join(' ');
  return { encoding: BACKGROUND_ENCODING, data: packModelBytes(Buffer.from(JSON.stringify(out), 'utf8')) };
}

const groupsSchema = z.record(z.string(), z.string());

/** Decodes encodeBackground's data; undefined when it is malformed. */
export function decodeBackground(data: string): Map<string, number> | undefined {
  const bytes = unpackModelBytes(data);
  if (bytes === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const groups = z.safeParse(groupsSchema, raw);
  if (!groups.success) return undefined;
  const df = new Map<string, number>();
  for (const [count, terms] of Object.entries(groups.data)) {
    const n = Number(count);
    if (!Number.isInteger(n) || n < 1) return undefined;
    for (const term of terms.split(' ')) if (term !== '') df.set(term, n);
  }
  return df;
}
