import { CORPUS_INDEX_SCRIPT } from './corpus-index-script';
import { buildCorpusView, type Conflict, type CorpusIndexEntry, type CorpusRow } from './corpus-view';
import { escapeHtml } from './escape-html';
import { formatBasis, formatScore, plural } from './format-values';
import { statusBadge } from './render-article-report';
import { renderPage } from './report-page';

export type CorpusIndexOptions = {
  /** A sentence shown above the table, e.g. that the listing was cut at some number of results. */
  readonly notice?: string;
  /** The href of an article's report that is not among the entries (a canonical outside the listing). */
  readonly hrefFor?: (articleId: string) => string | undefined;
};

/** The sortable columns: header label, the row's data attribute (as `dataset` names it) and its type. */
const COLUMNS: readonly { label: string; key?: string; type?: 'number' }[] = [
  { label: 'Title', key: 'sortTitle' },
  { label: 'Status', key: 'status' },
  { label: 'Published', key: 'published' },
  { label: 'Uploaded', key: 'uploaded' },
  { label: 'Claims', key: 'claims', type: 'number' },
  { label: 'Conflicts', key: 'conflicts', type: 'number' },
  { label: 'Duplicate of' },
];

/**
 * Renders the corpus index: every article with status, dates, title and number of claims, the duplicate
 * clusters and the claims that conflict across articles; sortable and filterable in the page. Pure.
 */
export function renderCorpusIndex(
  entries: readonly CorpusIndexEntry[],
  options: CorpusIndexOptions = {},
): string {
  const view = buildCorpusView(entries);
  const hrefs = new Map(view.rows.map((row) => [row.id, row.href]));
  const hrefFor = (id: string): string | undefined => hrefs.get(id) ?? options.hrefFor?.(id);
  const link = (id: string, label: string, fragment = ''): string => {
    const href = hrefFor(id);
    return href === undefined ? label : `<a href="${escapeHtml(`${href}${fragment}`)}">${label}</a>`;
  };
  const statuses = ['processed', 'duplicate', 'rejected'] as const;
  const counts = statuses
    .map((status) => `${view.rows.filter((row) => row.status === status).length} ${status}`)
    .join(', ');
  const body = [
    '<main>',
    '<header class="page">',
    '<h1>factsum corpus</h1>',
    `<p>${plural(view.rows.length, 'article')}: ${counts}.</p>`,
    options.notice === undefined
      ? ''
      : `<p class="notice" id="listing-notice">${escapeHtml(options.notice)}</p>`,
    '</header>',
    '<section class="panel" id="articles"><h2>Articles</h2>',
    '<div class="filters" id="filters" hidden>',
    '<label>Filter <input type="search" id="filter-text" placeholder="title or key"></label>',
    '<label>Status <select id="filter-status"><option value="">all</option>',
    statuses.map((status) => `<option value="${status}">${status}</option>`).join(''),
    '</select></label>',
    `<span class="muted"><span id="shown-count">${view.rows.length}</span> of ${view.rows.length} shown</span>`,
    '</div>',
    '<table class="corpus" id="corpus"><thead><tr>',
    COLUMNS.map(renderHeaderCell).join(''),
    '</tr></thead><tbody>',
    view.rows.map((row, order) => renderRow(row, order, link)).join('\n'),
    '</tbody></table>',
    '</section>',
    renderClusters(view.clusters, link),
    renderConflicts(view.conflicts, link),
    '</main>',
  ].join('\n');
  return renderPage({ title: 'factsum corpus', body, script: CORPUS_INDEX_SCRIPT });
}

function renderHeaderCell(column: (typeof COLUMNS)[number]): string {
  const numeric = column.type === 'number' ? ' class="num"' : '';
  if (column.key === undefined) return `<th scope="col"${numeric}>${column.label}</th>`;
  const type = column.type === undefined ? '' : ` data-sort-type="${column.type}"`;
  return `<th scope="col"${numeric} data-sort-key="${column.key}"${type}><button type="button">${column.label}</button></th>`;
}

function renderRow(row: CorpusRow, order: number, link: (id: string, label: string) => string): string {
  const title = row.title === '' ? `<span class="muted">(no title)</span>` : escapeHtml(row.title);
  const attributes = [
    `data-id="${escapeHtml(row.id)}"`,
    `data-order="${order}"`,
    `data-sort-title="${escapeHtml((row.title || row.id).toLowerCase())}"`,
    `data-status="${row.status}"`,
    `data-published="${escapeHtml(row.published)}"`,
    `data-uploaded="${escapeHtml(row.uploaded)}"`,
    `data-claims="${row.claims}"`,
    `data-conflicts="${row.conflicts}"`,
    `data-search="${escapeHtml(row.search)}"`,
  ];
  const duplicate =
    row.duplicateOf === undefined
      ? ''
      : link(row.duplicateOf, `<code>${escapeHtml(row.duplicateOf)}</code>`) +
        (row.similarity === undefined ? '' : ` <span class="muted">(${formatScore(row.similarity)})</span>`);
  return [
    `<tr ${attributes.join(' ')}>`,
    `<td>${link(row.id, title)}<br><code class="muted">${escapeHtml(row.id)}</code></td>`,
    `<td>${statusBadge(row.status)}</td>`,
    `<td class="date">${escapeHtml(row.published) || '<span class="muted">–</span>'}</td>`,
    `<td class="date">${escapeHtml(row.uploaded) || '<span class="muted">–</span>'}</td>`,
    `<td class="num">${row.status === 'processed' ? row.claims : '<span class="muted">–</span>'}</td>`,
    `<td class="num">${row.conflicts > 0 ? `<strong>${row.conflicts}</strong>` : '0'}</td>`,
    `<td>${duplicate}</td>`,
    '</tr>',
  ].join('');
}

function renderClusters(
  clusters: ReturnType<typeof buildCorpusView>['clusters'],
  link: (id: string, label: string) => string,
): string {
  const items = clusters.map((cluster) => {
    const members = cluster.members.map(
      (member) =>
        `<li>${link(member.id, `<code>${escapeHtml(member.id)}</code>`)} <span class="muted">(${escapeHtml(member.kind)}` +
        `${member.similarity === undefined ? '' : `, similarity ${formatScore(member.similarity)}`})</span></li>`,
    );
    return (
      `<li data-canonical="${escapeHtml(cluster.canonical)}">canonical ${link(cluster.canonical, `<code>${escapeHtml(cluster.canonical)}</code>`)}` +
      `<ul>${members.join('')}</ul></li>`
    );
  });
  return [
    '<section class="panel" id="clusters"><h2>Duplicate clusters</h2>',
    items.length === 0
      ? '<p class="muted">No duplicates.</p>'
      : `<ul class="clusters">${items.join('')}</ul>`,
    '</section>',
  ].join('\n');
}

function renderConflicts(
  conflicts: readonly Conflict[],
  link: (id: string, label: string, fragment?: string) => string,
): string {
  const side = (s: Conflict['a']): string =>
    `“${escapeHtml(s.text)}” in ${link(s.articleId, `<code>${escapeHtml(s.articleId)}</code>`, `#claim-${s.claimIndex + 1}`)}`;
  const items = conflicts.map((conflict) => {
    const on = conflict.on ? ` <span class="muted">(${escapeHtml(formatBasis(conflict.on))})</span>` : '';
    return `<li class="conflict">${side(conflict.a)}<br><span class="rel-conflicts">conflicts with</span> ${side(conflict.b)}${on}</li>`;
  });
  return [
    '<section class="panel" id="conflicts"><h2>Conflicting claims across articles</h2>',
    items.length === 0
      ? '<p class="muted">No conflicts.</p>'
      : `<ul class="conflicts">${items.join('')}</ul>`,
    '</section>',
  ].join('\n');
}
