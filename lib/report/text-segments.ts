/**
 * Splits a text into segments at every boundary of a set of possibly overlapping spans, so that each
 * segment is covered by a fixed set of spans: the interval-partition ("sweep line") approach, which
 * renders nested and crossing spans alike without ever nesting markup.
 */

/** A span of a text to mark: half-open offsets [start, end) into that text. */
export type Span = { readonly start: number; readonly end: number };

/** A piece of the text between two consecutive boundaries, with the indices of the spans covering it. */
export type Segment = {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Indices into each span list given to segmentText, in ascending order. */
  readonly covers: readonly (readonly number[])[];
};

/** True when a span points inside the text and is not empty; others are left unmarked. */
export function isValidSpan(span: Span, textLength: number): boolean {
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.start < span.end &&
    span.end <= textLength
  );
}

/**
 * Cuts `text` at the start and end of every valid span of every list and reports, per segment, which
 * spans of each list cover it. Segments are contiguous and together are the whole text. Offsets are
 * UTF-16 code-unit offsets, as JavaScript's `slice` and the pipeline's results use.
 */
export function segmentText(text: string, spanLists: readonly (readonly Span[])[]): Segment[] {
  const boundaries = new Set<number>([0, text.length]);
  for (const spans of spanLists) {
    for (const span of spans) {
      if (!isValidSpan(span, text.length)) continue;
      boundaries.add(span.start);
      boundaries.add(span.end);
    }
  }
  const cuts = [...boundaries].sort((a, b) => a - b);
  const cutIndex = new Map(cuts.map((offset, index) => [offset, index]));
  const segmentCount = Math.max(0, cuts.length - 1);
  // covers[segment][list] = indices of that list's spans covering the segment, ascending by construction.
  const covers = Array.from({ length: segmentCount }, () => spanLists.map((): number[] => []));
  spanLists.forEach((spans, list) => {
    spans.forEach((span, index) => {
      if (!isValidSpan(span, text.length)) return;
      const first = cutIndex.get(span.start) ?? 0;
      const last = cutIndex.get(span.end) ?? first;
      for (let segment = first; segment < last; segment++) covers[segment]?.[list]?.push(index);
    });
  });
  return covers.map((covering, i) => {
    const start = cuts[i] ?? 0;
    const end = cuts[i + 1] ?? start;
    return { start, end, text: text.slice(start, end), covers: covering };
  });
}
