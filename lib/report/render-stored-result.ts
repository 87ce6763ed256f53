import { type ArticleReportOptions, renderArticleReport } from './render-article-report';
import { parseReportResult } from './report-schema';

/**
 * Validates a result document and renders its report; undefined when it is not a result the reports can
 * read. The service writes it next to every result (lib/service/result-writes.ts).
 */
export function renderStoredResult(value: unknown, options?: ArticleReportOptions): string | undefined {
  const result = parseReportResult(value);
  return result === undefined ? undefined : renderArticleReport(result, options);
}
