/**
 * Okapi BM25 (Robertson & Zaragoza, "The Probabilistic Relevance Framework: BM25 and Beyond", 2009) over one
 * concatenated text per document, written out by hand: the baseline that fact-check retrieval must beat, and
 * the "hand-written BM25" that the first stage's search library is measured against. Same terms as the
 * library's (retrievalTerms), k1 1.2, b 0.75.
 */
import { retrievalTerms } from '../../lib/pipeline/factcheck/terms';

const K1 = 1.2;
const B = 0.75;

/** A search function over `texts`: the `limit` best document positions for a query, best first. */
export function buildBm25(texts: readonly string[]): (query: string, limit: number) => number[] {
  const lengths = new Float64Array(texts.length);
  const postings = new Map<string, number[]>();
  texts.forEach((text, doc) => {
    const terms = retrievalTerms(text);
    lengths[doc] = terms.length;
    const tf = new Map<string, number>();
    for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const [t, n] of tf) {
      const list = postings.get(t) ?? [];
      list.push(doc, n);
      postings.set(t, list);
    }
  });
  const average = lengths.reduce((s, n) => s + n, 0) / Math.max(1, texts.length);
  const count = texts.length;
  return (query, limit) => {
    const scores = new Map<number, number>();
    for (const term of new Set(retrievalTerms(query))) {
      const list = postings.get(term);
      if (list === undefined) continue;
      const df = list.length / 2;
      const idf = Math.log(1 + (count - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i] ?? 0;
        const tf = list[i + 1] ?? 0;
        const norm = tf + K1 * (1 - B + (B * (lengths[doc] ?? 0)) / average);
        scores.set(doc, (scores.get(doc) ?? 0) + (idf * tf * (K1 + 1)) / norm);
      }
    }
    return [...scores]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([doc]) => doc);
  };
}
