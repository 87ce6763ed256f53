import { z } from 'zod';

/** The fields of a stored result that the terminal shows; everything else passes through. */
const resultViewSchema = z.looseObject({
  status: z.string(),
  error: z.looseObject({ code: z.string(), message: z.string() }).optional(),
  article: z.looseObject({ title: z.string().optional() }).optional(),
  dedup: z.looseObject({ kind: z.string(), of: z.string().optional() }).optional(),
  summary: z.looseObject({ sentences: z.array(z.looseObject({ text: z.string() })) }).optional(),
  claims: z.array(z.unknown()).optional(),
});

/** One line of the table `npm start` prints. */
export type ResultRow = {
  readonly key: string;
  readonly status: string;
  readonly title: string;
  /** The first summary sentence; for a duplicate its canonical, for a rejection the reason. */
  readonly firstSentence: string;
  readonly claims: string;
};

/** Widths that keep a row within a 160-column terminal. */
const COLUMN_WIDTHS = { key: 34, status: 10, title: 36, firstSentence: 60, claims: 6 } as const;

/** Reads what the table shows from a stored result; `invalid` when it is not a factsum result. */
export function toResultRow(key: string, result: unknown): ResultRow {
  const parsed = resultViewSchema.safeParse(result);
  if (!parsed.success) return { key, status: 'invalid', title: '', firstSentence: '', claims: '' };
  const view = parsed.data;
  const detail =
    view.status === 'duplicate'
      ? `duplicate of ${view.dedup?.of ?? '?'}`
      : view.status === 'rejected'
        ? `${view.error?.code ?? '?'}: ${view.error?.message ?? ''}`
        : (view.summary?.sentences[0]?.text ?? '');
  return {
    key,
    status: view.status,
    title: view.article?.title ?? '',
    firstSentence: detail,
    claims: view.claims ? String(view.claims.length) : '-',
  };
}

/** Formats rows as a fixed-width table with a header line, truncating long cells with `…`. */
export function formatResultTable(rows: readonly ResultRow[]): string {
  const header: ResultRow = {
    key: 'KEY',
    status: 'STATUS',
    title: 'TITLE',
    firstSentence: 'SUMMARY',
    claims: 'CLAIMS',
  };
  return [header, ...rows]
    .map((row) =>
      [
        cell(row.key, COLUMN_WIDTHS.key),
        cell(row.status, COLUMN_WIDTHS.status),
        cell(row.title, COLUMN_WIDTHS.title),
        cell(row.firstSentence, COLUMN_WIDTHS.firstSentence),
        row.claims.padStart(COLUMN_WIDTHS.claims),
      ].join('  '),
    )
    .join('\n');
}

function cell(text: string, width: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const characters = [...flat];
  const fitted = characters.length > width ? `${characters.slice(0, width - 1).join('')}…` : flat;
  return fitted + ' '.repeat(Math.max(0, width - [...fitted].length));
}
