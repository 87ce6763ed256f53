import type { ReportSource } from './report-schema';

/** The file-name suffix of a report: `<key>.html` next to `<key>.json` in the results bucket. */
export const REPORT_SUFFIX = '.html';

/** Percent-encodes each path segment of a key, keeping the slashes: a relative URL for that key. */
export function encodeKeyPath(key: string): string {
  return key.split('/').map(encodeURIComponent).join('/');
}

/** The last path segment of a local path (either separator), as the CLI names its report files. */
export function baseNameOf(path: string): string {
  const parts = path.split(/[\\/]/);
  return parts[parts.length - 1] || path;
}

/**
 * The relative link from the report of `from` to the report of another article, given that article's
 * corpus id. For S3 results both reports are `<key>.html` in the same results bucket, so the link climbs
 * out of `from`'s folders and down into the other key's. For local files (the CLI writes every report
 * into one folder) it is the other file's base name. Undefined when the id names no article.
 */
export function reportHrefFor(from: ReportSource, articleId: string): string | undefined {
  if (from.key !== undefined) {
    const slash = articleId.indexOf('/');
    if (slash <= 0 || slash === articleId.length - 1) return undefined;
    const otherKey = articleId.slice(slash + 1);
    const depth = from.key.split('/').length - 1;
    return `${'../'.repeat(depth)}${encodeKeyPath(otherKey)}${REPORT_SUFFIX}`;
  }
  if (articleId === '') return undefined;
  return `${encodeURIComponent(baseNameOf(articleId))}${REPORT_SUFFIX}`;
}

/** True for links a reader may follow out of a report: http and https only, never `javascript:`. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
