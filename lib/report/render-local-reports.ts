import { renderArticleReport } from './render-article-report';
import { renderCorpusIndex } from './render-corpus-index';
import { baseNameOf, REPORT_SUFFIX } from './report-links';
import { corpusIdOf, parseReportResult, type ReportResult } from './report-schema';

/** The corpus index's file name; no article report may take it. */
export const INDEX_FILE_NAME = 'index.html';

/** One page to write into the output folder. */
export type ReportFile = { readonly fileName: string; readonly html: string };

/**
 * Renders the reports of local files (`factsum analyze --html OUT_DIR`) for one flat folder: one
 * `<file name>.html` per result and `index.html`, all linked to each other. Two inputs with the same file
 * name from different folders get `~2`, `~3` … before `.html`; names compare case-insensitively, as
 * some file systems do. Results that are not valid result documents are left out. Pure: the caller writes.
 */
export function renderLocalReports(results: readonly unknown[]): ReportFile[] {
  const taken = new Set<string>([INDEX_FILE_NAME]);
  const fileNames = new Map<string, string>();
  const pages: { result: ReportResult; fileName: string }[] = [];
  for (const value of results) {
    const result = parseReportResult(value);
    if (result === undefined) continue;
    const id = corpusIdOf(result.source) ?? `result-${pages.length + 1}`;
    const base = baseNameOf(id);
    let fileName = `${base}${REPORT_SUFFIX}`;
    for (let n = 2; taken.has(fileName.toLowerCase()); n++) fileName = `${base}~${n}${REPORT_SUFFIX}`;
    taken.add(fileName.toLowerCase());
    if (!fileNames.has(id)) fileNames.set(id, fileName);
    pages.push({ result, fileName });
  }
  const hrefFor = (id: string): string | undefined => {
    const fileName = fileNames.get(id);
    return fileName === undefined ? undefined : encodeURIComponent(fileName);
  };
  const files = pages.map(({ result, fileName }) => ({
    fileName,
    html: renderArticleReport(result, { hrefFor, indexHref: INDEX_FILE_NAME }),
  }));
  const index = renderCorpusIndex(
    pages.map(({ result, fileName }) => ({ result, href: encodeURIComponent(fileName) })),
    { hrefFor },
  );
  return [...files, { fileName: INDEX_FILE_NAME, html: index }];
}
