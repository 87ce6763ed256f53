import { escapeHtml } from './escape-html';
import { formatScore } from './format-values';
import type { ReportClaim } from './report-schema';

/** Schemes a fact-check's link may use: anything else (javascript:, data:) is shown as text, never linked. */
const LINKABLE = /^https?:\/\//i;

/**
 * The published fact-checks matched to a claim, as a list under it: who checked it, their rating exactly as
 * published, when, how sure the match is, and a link to the fact-check (opened without a referrer or an opener).
 * Undefined when there are none.
 */
export function renderFactChecks(matches: NonNullable<ReportClaim['factChecks']>): string | undefined {
  if (matches.length === 0) return undefined;
  const items = matches.map((match) => {
    const wording = `“${escapeHtml(match.claimReviewed)}”`;
    const quoted =
      match.url !== undefined && LINKABLE.test(match.url)
        ? `<a href="${escapeHtml(match.url)}" rel="noopener noreferrer">${wording}</a>`
        : wording;
    const rating =
      match.rating === undefined ? '' : ` — <strong class="rating">${escapeHtml(match.rating)}</strong>`;
    const by =
      match.publisher === undefined ? '' : ` <span class="muted">by ${escapeHtml(match.publisher)}</span>`;
    const when = match.date === undefined ? '' : ` <span class="muted">(${escapeHtml(match.date)})</span>`;
    return `<li data-fact-check="${escapeHtml(match.id)}">${quoted}${rating}${by}${when} <span class="muted">match ${formatScore(match.score)}</span></li>`;
  });
  return `<ul class="fact-checks">${items.join('')}</ul>`;
}
