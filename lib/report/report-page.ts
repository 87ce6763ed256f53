import { createHash } from 'node:crypto';
import { escapeHtml } from './escape-html';

/**
 * The page shell every report shares: one self-contained HTML document with inline CSS and, at most, one
 * inline script. The Content-Security-Policy forbids every network request (no default source) and lets
 * only that one script run, pinned by its SHA-256 hash: if article text ever slipped past escaping, a
 * `<script>` or `onerror=` in it would still not run (CSP Level 3, "hash-source").
 */

const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d2330; --muted: #5d6575; --line: #d9dde5; --paper: #fff;
  --summary: #fff1a8; --claim: #1f5fbf; --weak: #8a93a3; --conflict: #b3261e; --agree: #1e7a3c; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #f4f5f8; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
header.page { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .5rem; overflow-wrap: anywhere; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: 0; }
a { color: #174ea6; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; font-size: .92rem; }
dl.meta dt { color: var(--muted); }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.badge { display: inline-block; padding: 0 .45rem; border-radius: 999px; font-size: .8rem; font-weight: 600; border: 1px solid currentColor; white-space: nowrap; }
.status-processed { color: var(--agree); } .status-duplicate { color: #8a5a00; } .status-rejected { color: var(--conflict); }
.notice { background: #fff8e6; border: 1px solid #f0d48a; border-radius: 8px; padding: .75rem 1rem; margin-bottom: 1rem; overflow-wrap: anywhere; }
.notice.error { background: #fdecea; border-color: #f2b8b5; }
.layout { display: grid; grid-template-columns: minmax(0, 3fr) minmax(0, 2fr); gap: 1rem; align-items: start; }
@media (max-width: 60rem) { .layout { grid-template-columns: 1fr; } }
section.panel { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin-bottom: 1rem; }
.legend { font-size: .85rem; color: var(--muted); margin: 0 0 .75rem; }
.article-text { white-space: pre-wrap; overflow-wrap: anywhere; font-family: Georgia, "Times New Roman", serif; font-size: 1.05rem; line-height: 1.7; }
.seg.in-summary, .legend .in-summary { background: var(--summary); }
.seg.in-claim { text-decoration-line: underline; text-decoration-color: var(--claim); text-decoration-thickness: 2px; text-underline-offset: 3px; }
.seg.in-claim.weak { text-decoration-color: var(--weak); text-decoration-style: dotted; }
.seg.in-claim.overlap { text-decoration-style: double; }
.legend .in-claim { text-decoration: underline 2px var(--claim); text-underline-offset: 3px; }
sup.claim-ref { font-family: system-ui, sans-serif; font-size: .7rem; margin-left: 1px; }
sup.claim-ref a { text-decoration: none; color: var(--claim); font-weight: 700; }
ol.claims { list-style: none; margin: 0; padding: 0; }
ol.claims > li { border-top: 1px solid var(--line); padding: .75rem 0; }
ol.claims > li:first-child { border-top: 0; padding-top: 0; }
ol.claims > li:target { background: #eef4ff; outline: 2px solid #b9cdf5; border-radius: 6px; }
.claim-head { display: flex; flex-wrap: wrap; gap: .35rem; align-items: baseline; margin-bottom: .35rem; }
.claim-no { font-weight: 700; color: var(--claim); }
.type { background: #eef1f6; color: #33415c; border-radius: 4px; padding: 0 .35rem; font-size: .8rem; }
.flag { border-radius: 4px; padding: 0 .35rem; font-size: .8rem; font-weight: 600; }
.flag.anonymous { background: #fdecea; color: var(--conflict); }
.flag.hedged { background: #fff1d6; color: #7a4b00; }
.flag.weak { background: #eef1f6; color: var(--muted); }
blockquote.claim-text { margin: .25rem 0 .5rem; padding-left: .75rem; border-left: 3px solid var(--claim); overflow-wrap: anywhere; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem; margin: 0; font-size: .88rem; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; overflow-wrap: anywhere; }
ul.inline { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
ul.related { margin: 0; padding-left: 1.1rem; }
.rel-conflicts { color: var(--conflict); font-weight: 600; } .rel-corroborates { color: var(--agree); font-weight: 600; }
.muted { color: var(--muted); }
table.corpus { width: 100%; border-collapse: collapse; background: var(--paper); font-size: .92rem; }
table.corpus th, table.corpus td { border-bottom: 1px solid var(--line); padding: .4rem .5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
table.corpus th button { font: inherit; font-weight: 700; background: none; border: 0; padding: 0; cursor: pointer; color: inherit; }
table.corpus th[aria-sort="ascending"] button::after { content: " ▲"; }
table.corpus th[aria-sort="descending"] button::after { content: " ▼"; }
table.corpus th { white-space: nowrap; }
td.num, th.num { text-align: right; }
td.date { white-space: nowrap; font-size: .85rem; }
.filters { display: flex; flex-wrap: wrap; gap: .75rem; align-items: center; margin-bottom: .75rem; }
.filters input[type="search"] { min-width: 16rem; padding: .3rem .5rem; font: inherit; }
.filters select { font: inherit; padding: .25rem; }
ul.clusters, ul.conflicts { margin: 0; padding-left: 1.1rem; }
ul.conflicts > li { margin-bottom: .6rem; overflow-wrap: anywhere; }
`;

/**
 * The policy of every report page. Stylesheets are inline; images only as data: URLs (the favicon);
 * scripts only the one whose hash is given, or none.
 */
export function contentSecurityPolicy(scriptHash?: string): string {
  const script = scriptHash === undefined ? "'none'" : `'sha256-${scriptHash}'`;
  return [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    `script-src ${script}`,
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** Wraps a page body into a complete, self-contained HTML document. `title` is plain text. */
export function renderPage(page: {
  readonly title: string;
  readonly body: string;
  readonly script?: string;
}): string {
  const scriptHash =
    page.script === undefined ? undefined : createHash('sha256').update(page.script, 'utf8').digest('base64');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    // First in <head>, so that nothing before it can fetch anything.
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(scriptHash))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    // An empty data: icon: without it a browser asks the server for /favicon.ico.
    '<link rel="icon" href="data:,">',
    `<title>${escapeHtml(page.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    page.body,
    page.script === undefined ? '' : `<script>${page.script}</script>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
