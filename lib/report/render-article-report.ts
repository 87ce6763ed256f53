import { escapeHtml } from './escape-html';
import { renderFactChecks } from './fact-check-list';
import { formatBasis, formatNumber, formatScore, plural } from './format-values';
import { isSafeExternalUrl, reportHrefFor } from './report-links';
import { renderPage } from './report-page';
import { corpusIdOf, type ReportClaim, type ReportResult, type ReportSource } from './report-schema';
import { type Segment, segmentText } from './text-segments';

/** How a report links to other reports; the defaults suit `<key>.html` objects in a results bucket. */
export type ArticleReportOptions = {
  /** The href of another article's report, given its corpus id; undefined for no link. */
  readonly hrefFor?: (articleId: string) => string | undefined;
  /** The href of the corpus index, when there is one next to the report. */
  readonly indexHref?: string;
};

/**
 * Renders the report of one result document: a self-contained HTML page with the clean text, the summary
 * sentences highlighted and each claim underlined and detailed. Pure: no I/O, no clock; every piece of
 * article text is escaped.
 */
export function renderArticleReport(result: ReportResult, options: ArticleReportOptions = {}): string {
  const hrefFor = options.hrefFor ?? ((id: string) => reportHrefFor(result.source, id));
  const title = result.article?.title.trim() || sourceLabel(result.source);
  const body = [
    '<main>',
    renderHeader(result, title, options.indexHref),
    renderNotice(result, hrefFor),
    renderLimits(result),
    result.article === undefined ? '' : renderArticleSections(result, hrefFor),
    '</main>',
  ].join('\n');
  return renderPage({ title: `${title} — factsum report`, body });
}

/** Where the article came from, as a reader would type it: `s3://bucket/key` or the local path. */
export function sourceLabel(source: ReportSource): string {
  if (source.bucket !== undefined && source.key !== undefined) return `s3://${source.bucket}/${source.key}`;
  return source.path ?? source.key ?? '(unknown source)';
}

function renderHeader(result: ReportResult, title: string, indexHref: string | undefined): string {
  const article = result.article;
  const rows: [string, string][] = [
    ['Status', statusBadge(result.status)],
    ['Source', `<code>${escapeHtml(sourceLabel(result.source))}</code>`],
    [
      'Published',
      article?.published ? escapeHtml(article.published) : '<span class="muted">not stated</span>',
    ],
  ];
  if (result.source.uploadedAt) rows.push(['Uploaded', escapeHtml(result.source.uploadedAt)]);
  if (article?.byline) rows.push(['Byline', escapeHtml(article.byline)]);
  if (article?.url) {
    const url = escapeHtml(article.url);
    rows.push([
      'URL',
      isSafeExternalUrl(article.url) ? `<a href="${url}" rel="noopener noreferrer">${url}</a>` : url,
    ]);
  }
  if (article) {
    const details = [
      article.format,
      article.encoding,
      article.language,
      article.wordCount === undefined ? undefined : plural(article.wordCount, 'word'),
    ].filter((part): part is string => part !== undefined && part !== '');
    if (details.length > 0) rows.push(['Input', escapeHtml(details.join(' · '))]);
  }
  return [
    '<header class="page">',
    indexHref === undefined ? '' : `<p><a href="${escapeHtml(indexHref)}">← Corpus index</a></p>`,
    `<h1 id="title">${escapeHtml(title)}</h1>`,
    `<dl class="meta">${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`,
    '</header>',
  ].join('\n');
}

/** The status as a coloured badge; the status is one of three known words. */
export function statusBadge(status: ReportResult['status']): string {
  return `<span class="badge status-${status}" data-status="${status}">${status}</span>`;
}

function renderNotice(result: ReportResult, hrefFor: (id: string) => string | undefined): string {
  if (result.status === 'rejected') {
    const code = result.error?.code ?? 'UNKNOWN';
    const message = result.error?.message ?? 'No reason was recorded.';
    return `<p class="notice error" id="rejection">Rejected: <strong>${escapeHtml(code)}</strong>: ${escapeHtml(message)}</p>`;
  }
  if (result.status === 'duplicate' && result.dedup.of !== undefined) {
    const kind = result.dedup.kind === 'near' ? 'a near duplicate' : 'an exact duplicate';
    const similarity =
      result.dedup.similarity === undefined ? '' : ` (similarity ${formatScore(result.dedup.similarity)})`;
    return [
      '<p class="notice" id="duplicate">',
      `This article is ${kind} of ${linkTo(result.dedup.of, hrefFor)}${similarity}. `,
      'It was not analysed again: the summary and claims are in the canonical’s report.',
      '</p>',
    ].join('');
  }
  if (result.status === 'processed' && result.dedup.nearCopyOf !== undefined) {
    const similarity =
      result.dedup.similarity === undefined ? '' : ` (similarity ${formatScore(result.dedup.similarity)})`;
    return [
      '<p class="notice" id="near-copy">',
      `This article nearly copies ${linkTo(result.dedup.nearCopyOf, hrefFor)}${similarity} but states other figures, `,
      'so it was analysed in full and its claims are related to that article’s.',
      '</p>',
    ].join('');
  }
  return '';
}

/**
 * What the work budget cut on this input (lib/pipeline/work-budget.ts): a reviewer must know that a summary or
 * claim list of a huge or crafted input is not the whole article's.
 */
function renderLimits(result: ReportResult): string {
  const truncated = result.limits?.truncated ?? [];
  if (truncated.length === 0) return '';
  const items = truncated.map(
    (t) =>
      `<li>${escapeHtml(t.stage)}: ${escapeHtml(t.reason)} (${t.kept.toLocaleString('en')} of ${t.total.toLocaleString('en')} kept)</li>`,
  );
  return [
    '<div class="notice" id="limits">',
    '<p>This input exceeded factsum’s work budget, so parts of it were not analysed in full:</p>',
    `<ul>${items.join('')}</ul>`,
    '</div>',
  ].join('');
}

/** A link to another article's report, showing its corpus id; plain text when there is no href. */
function linkTo(articleId: string, hrefFor: (id: string) => string | undefined, fragment = ''): string {
  const href = hrefFor(articleId);
  const label = `<code>${escapeHtml(articleId)}</code>`;
  return href === undefined ? label : `<a href="${escapeHtml(`${href}${fragment}`)}">${label}</a>`;
}

function renderArticleSections(result: ReportResult, hrefFor: (id: string) => string | undefined): string {
  const text = result.article?.text ?? '';
  const sentences = result.summary?.sentences ?? [];
  const claims = result.claims ?? [];
  const selfId = corpusIdOf(result.source);
  const legend =
    sentences.length + claims.length === 0
      ? ''
      : '<p class="legend"><span class="in-summary">highlighted</span>: summary sentence · ' +
        '<span class="in-claim">underlined</span>: claim (number links to its details)</p>';
  const aside =
    result.status === 'processed'
      ? ['<div>', renderSummary(sentences), renderClaims(claims, hrefFor, selfId), '</div>'].join('\n')
      : '';
  return [
    '<div class="layout">',
    '<section class="panel" id="article"><h2>Article</h2>',
    legend,
    `<div class="article-text" id="article-text">${renderMarkedText(text, sentences, claims)}</div>`,
    '</section>',
    aside,
    '</div>',
  ].join('\n');
}

/**
 * The article text with summary sentences highlighted and claims underlined. The text is cut at every
 * span boundary (text-segments.ts); each segment lists, 1-based, the summary sentences (`data-summary`)
 * and claims (`data-claims`) covering it, and a claim's number follows its last segment.
 */
export function renderMarkedText(
  text: string,
  sentences: readonly { readonly start: number; readonly end: number }[],
  claims: readonly ReportClaim[],
): string {
  const segments = segmentText(text, [sentences, claims]);
  const endingAt = new Map<number, number[]>();
  claims.forEach((claim, index) => {
    const list = endingAt.get(claim.end) ?? [];
    list.push(index);
    endingAt.set(claim.end, list);
  });
  // Only claims that were marked get a number: a span outside the text has no segment to follow.
  const marked = new Set(segments.flatMap((segment) => segment.covers[1] ?? []));
  let html = '';
  for (const segment of segments) {
    html += renderSegment(segment, claims);
    const ending = endingAt.get(segment.end) ?? [];
    for (const index of ending) {
      if (!marked.has(index)) continue;
      const number = index + 1;
      html += `<sup class="claim-ref"><a href="#claim-${number}" data-claim-ref="${number}">${number}</a></sup>`;
    }
  }
  return html;
}

function renderSegment(segment: Segment, claims: readonly ReportClaim[]): string {
  const inSummary = segment.covers[0] ?? [];
  const inClaims = segment.covers[1] ?? [];
  const text = escapeHtml(segment.text);
  if (inSummary.length === 0 && inClaims.length === 0) return text;
  const classes = ['seg'];
  const attributes: string[] = [];
  if (inSummary.length > 0) {
    classes.push('in-summary');
    attributes.push(`data-summary="${inSummary.map((i) => i + 1).join(' ')}"`);
  }
  if (inClaims.length > 0) {
    classes.push('in-claim');
    if (inClaims.length > 1) classes.push('overlap');
    if (inClaims.every((i) => claims[i]?.checkworthy === false)) classes.push('weak');
    attributes.push(`data-claims="${inClaims.map((i) => i + 1).join(' ')}"`);
    const tips = inClaims.map((i) => {
      const claim = claims[i];
      return claim === undefined
        ? ''
        : `Claim ${i + 1}: ${claim.types.join(', ') || 'untyped'}, score ${formatScore(claim.score)}`;
    });
    attributes.push(`title="${escapeHtml(tips.join('\n'))}"`);
  }
  return `<span class="${classes.join(' ')}" ${attributes.join(' ')}>${text}</span>`;
}

type ReportSentence = NonNullable<ReportResult['summary']>['sentences'][number];

/** "sentence 1 (lede) · centrality 0.82 · headline 0.5 · lede +2.1, centroid +0.9": why a sentence was picked. */
function describeWhy(why: NonNullable<ReportSentence['why']>): string {
  const parts = [
    `sentence ${why.position + 1}${why.lede ? ' (lede)' : ''}`,
    `centrality ${why.centrality}`,
    `headline ${why.headline}`,
  ];
  if (why.top.length > 0) parts.push(why.top.map((t) => `${t.feature} +${t.logit}`).join(', '));
  return parts.join(' · ');
}

function renderSummary(sentences: readonly ReportSentence[]): string {
  if (sentences.length === 0) {
    return '<section class="panel" id="summary"><h2>Summary</h2><p class="muted">No summary.</p></section>';
  }
  const items = sentences.map(
    (sentence, index) =>
      `<li data-summary-item="${index + 1}">${escapeHtml(sentence.text)}` +
      (sentence.score === undefined ? '' : ` <span class="muted">(${formatScore(sentence.score)})</span>`) +
      (sentence.why === undefined
        ? ''
        : `<br><small class="muted why">why: ${escapeHtml(describeWhy(sentence.why))}</small>`) +
      '</li>',
  );
  return `<section class="panel" id="summary"><h2>Summary</h2><ol>${items.join('')}</ol></section>`;
}

function renderClaims(
  claims: readonly ReportClaim[],
  hrefFor: (id: string) => string | undefined,
  selfId: string | undefined,
): string {
  if (claims.length === 0) {
    return '<section class="panel" id="claims"><h2>Claims</h2><p class="muted">No claims.</p></section>';
  }
  const items = claims.map((claim, index) => renderClaim(claim, index + 1, hrefFor, selfId));
  return [
    `<section class="panel" id="claims"><h2>${plural(claims.length, 'claim')}</h2>`,
    `<ol class="claims">${items.join('\n')}</ol>`,
    '</section>',
  ].join('\n');
}

/** One frame of a claim: subject, measure, value and time as the claim writes them. */
function renderFrame(frame: ReportClaim['frames'][number]): string {
  const time = frame.time === undefined ? '' : ` · for ${escapeHtml(frame.time.text)}`;
  return (
    `<span data-frame="subject">${escapeHtml(frame.subject.text)}</span> · ` +
    `<span data-frame="measure">${escapeHtml(frame.measure.text)}</span> · ` +
    `<span data-frame="value">${escapeHtml(frame.value.text)}</span> ` +
    `<span class="muted">(${escapeHtml(frame.value.unit)})</span>${time}`
  );
}

function renderClaim(
  claim: ReportClaim,
  number: number,
  hrefFor: (id: string) => string | undefined,
  selfId: string | undefined,
): string {
  const flags = [
    claim.checkworthy ? '' : '<span class="flag weak">not check-worthy</span>',
    claim.hedged ? '<span class="flag hedged" data-flag="hedged">hedged</span>' : '',
    claim.attribution?.anonymous
      ? '<span class="flag anonymous" data-flag="anonymous">anonymous source</span>'
      : '',
  ].join('');
  const types = claim.types.map((type) => `<span class="type">${escapeHtml(type)}</span>`).join('');
  const facts: [string, string][] = [];
  if (claim.entities.length > 0) {
    facts.push([
      'Entities',
      list(
        claim.entities.map(
          (e) =>
            `${escapeHtml(e.text)}${e.canonical !== undefined && e.canonical !== e.text ? ` → ${escapeHtml(e.canonical)}` : ''} <span class="muted">(${escapeHtml(e.type ?? e.kind ?? 'other')})</span>`,
        ),
      ),
    ]);
  }
  if (claim.numbers.length > 0) {
    facts.push([
      'Numbers',
      list(claim.numbers.map((n) => `${escapeHtml(n.text)} → ${escapeHtml(formatQuantity(n))}`)),
    ]);
  }
  if (claim.dates.length > 0) facts.push(['Dates', list(claim.dates.map((d) => escapeHtml(formatDate(d))))]);
  if (claim.attribution) {
    const { source, verb, anonymous } = claim.attribution;
    facts.push([
      'Attribution',
      `${escapeHtml(source)} <span class="muted">(${escapeHtml(verb)})</span>${anonymous ? ' — anonymous' : ''}`,
    ]);
  }
  facts.push(['Hedged', claim.hedged ? 'yes' : 'no']);
  if (claim.frames.length > 0) facts.push(['Frames', list(claim.frames.map(renderFrame))]);
  const related = claim.related ?? [];
  if (related.length > 0) {
    const links = related.map((link) => {
      const fragment = `#claim-${link.claimIndex + 1}`;
      const on = link.on ? ` <span class="muted">(${escapeHtml(formatBasis(link.on))})</span>` : '';
      const where = link.articleId === selfId ? 'this article' : linkTo(link.articleId, hrefFor, fragment);
      return (
        `<li data-relation="${link.relation}"><span class="rel-${link.relation}">${link.relation}</span>: ` +
        `“${escapeHtml(link.claimText)}” in ${where}${on}</li>`
      );
    });
    facts.push(['Related', `<ul class="related">${links.join('')}</ul>`]);
  }
  const checked = renderFactChecks(claim.factChecks ?? []);
  if (checked !== undefined) facts.push(['Fact-checked', checked]);
  return [
    `<li id="claim-${number}" data-claim="${number}">`,
    `<div class="claim-head"><span class="claim-no">${number}</span>${types}`,
    `<span class="muted">score ${formatScore(claim.score)}</span>${flags}</div>`,
    `<blockquote class="claim-text">${escapeHtml(claim.text)}</blockquote>`,
    `<dl class="facts">${facts.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('')}</dl>`,
    '</li>',
  ].join('');
}

function list(items: readonly string[]): string {
  return `<ul class="inline">${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
}

/** A normalised number as a reader checks it: "412,000,000 GBP", "4.9 %", "34". */
export function formatQuantity(number: ReportClaim['numbers'][number]): string {
  const value = formatNumber(number.value);
  if (number.unit === 'percent') return `${value} %`;
  if (number.unit === 'currency') return `${value} ${number.currency ?? '(currency?)'}`;
  return value;
}

/** A date mention with its resolved value and what a relative one was resolved against. */
export function formatDate(date: ReportClaim['dates'][number]): string {
  if (date.value === undefined) return `${date.text} → unresolved`;
  const value = date.granularity === 'week' ? `week of ${date.value}` : date.value;
  const reference = date.reference ? ` (from ${date.reference.date}, ${date.reference.source})` : '';
  return `${date.text} → ${value}${reference}`;
}
