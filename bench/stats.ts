/**
 * Small statistics and table helpers shared by the benchmark runner and its workers.
 */

/** The nearest-rank percentile (0..100) of a sample; NaN when it is empty. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/** The median of a sample; NaN when it is empty. */
export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

/** Sum of a sample. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** A number with a fixed count of decimals, or "–" when it is not finite. */
export function fmt(value: number | undefined, decimals = 1): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals);
}

/** Bytes as KiB or MiB with one decimal. */
export function fmtBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(2)} MiB`;
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/** A Markdown table: header, alignment row (numbers right-aligned) and rows. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const numeric = header.map(
    (_, i) => rows.length > 0 && rows.every((r) => /^[-\d.,×x%<>≈ ]+$|^–$/.test(r[i] ?? '')),
  );
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${numeric.map((n) => (n ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
  return lines.join('\n');
}

/** Peak resident set size of this process so far, in bytes. */
export function peakRssBytes(): number {
  // resourceUsage().maxRSS is in kilobytes.
  return process.resourceUsage().maxRSS * 1024;
}
