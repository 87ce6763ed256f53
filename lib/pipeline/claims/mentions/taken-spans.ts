/** A half-open character range. */
type Span = { readonly start: number; readonly end: number };

/**
 * The characters of a text that a mention already claimed. Asking whether a new span overlaps any of them
 * costs the span's length, where scanning the list of taken spans (`taken.some(...)`) costs their number:
 * quadratic on a sentence of a thousand dates or numbers ("March 3 March 3 …").
 */
export class TakenSpans {
  private readonly used: Uint8Array;

  constructor(length: number, spans: readonly Span[] = []) {
    this.used = new Uint8Array(length);
    for (const span of spans) this.add(span);
  }

  /** Whether any character of `span` is taken. */
  overlaps(span: Span): boolean {
    const end = Math.min(span.end, this.used.length);
    for (let i = Math.max(0, span.start); i < end; i++) if (this.used[i] === 1) return true;
    return false;
  }

  add(span: Span): void {
    this.used.fill(1, Math.max(0, span.start), Math.min(span.end, this.used.length));
  }
}
