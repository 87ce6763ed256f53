import { findJsonErrorOffset } from '../extract/json-error-offset';
import { findClaimReviews, recordFromClaimReview } from './parse-claim-review';
import { type FactCheckRecord, recordIdOf } from './record';
import { checkClaim, checkDate, checkText, checkUrl, describe, type FieldCheck } from './record-fields';

/** A record that was not imported, and where it was: a line (JSON Lines) or a JSON path (JSON-LD). */
export type ImportIssue = {
  readonly source: string;
  readonly line?: number;
  readonly path?: string;
  readonly reason: string;
};

/** Where a record was found: a line (JSON Lines) or a JSON path (JSON-LD). */
export type Position = { readonly line?: number; readonly path?: string };

/** A good record and where it was. */
export type ImportedRecord = { readonly record: FactCheckRecord } & Position;

/** What one feed yielded: its good records, its bad ones, and typed nodes that are not ClaimReviews. */
export type FeedImport = {
  readonly source: string;
  readonly records: readonly ImportedRecord[];
  readonly issues: readonly ImportIssue[];
  readonly skipped: number;
};

export type ImportOptions = {
  /** Names the feed in issues (a file name). */
  readonly source: string;
  /** The licence under which the deployment holds these records; set on every record when given. */
  readonly licence?: string;
};

const isObject = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A record from one JSON Lines object `{id, claim, title?, subtitle?, rating?, publisher?, url?, date?, language?}`. */
function recordFromLine(value: unknown, licence: string | undefined): FieldCheck<FactCheckRecord> {
  if (!isObject(value))
    return { ok: false, reason: `a line must hold a JSON object, not ${describe(value)}` };
  const id = checkText('id', value.id);
  if (!id.ok) return id;
  if (id.value === undefined) return { ok: false, reason: 'id is missing or empty' };
  const claim = checkClaim('claim', value.claim);
  if (!claim.ok || claim.value === undefined) return claim.ok ? { ok: false, reason: 'no claim' } : claim;
  const texts = {
    title: checkText('title', value.title),
    subtitle: checkText('subtitle', value.subtitle),
    rating: checkText('rating', value.rating),
    publisher: checkText('publisher', value.publisher),
    url: checkUrl('url', value.url),
    date: checkDate('date', value.date),
    language: checkText('language', value.language),
    licence: checkText('licence', licence ?? value.licence),
  };
  const fields: Partial<Record<keyof typeof texts, string>> = {};
  for (const [key, check] of Object.entries(texts)) {
    if (!check.ok) return check;
    if (check.value !== undefined) fields[key as keyof typeof texts] = check.value;
  }
  return {
    ok: true,
    value: { id: recordIdOf(id.value, fields.url, claim.value), claimReviewed: claim.value, ...fields },
  };
}

/** Line and column (1-based) of an offset in a text. */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Imports JSON Lines: each non-blank line one record; a bad line is reported with its number and skipped. */
function importJsonLines(text: string, options: ImportOptions): FeedImport {
  const records: ImportedRecord[] = [];
  const issues: ImportIssue[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      const at = findJsonErrorOffset(line) ?? 0;
      issues.push({ source: options.source, line: i + 1, reason: `not valid JSON (at column ${at + 1})` });
      return;
    }
    const record = recordFromLine(value, options.licence);
    if (record.ok && record.value !== undefined) records.push({ record: record.value, line: i + 1 });
    else if (!record.ok) issues.push({ source: options.source, line: i + 1, reason: record.reason });
  });
  return { source: options.source, records, issues, skipped: 0 };
}

/** Imports a parsed JSON-LD document: every ClaimReview in it, bad ones reported with their JSON path. */
function importJsonLd(document: unknown, options: ImportOptions): FeedImport {
  const { reviews, others } = findClaimReviews(document);
  const records: ImportedRecord[] = [];
  const issues: ImportIssue[] = [];
  for (const { node, path } of reviews) {
    const record = recordFromClaimReview(node, options.licence);
    if (record.ok && record.value !== undefined) records.push({ record: record.value, path });
    else if (!record.ok) issues.push({ source: options.source, path, reason: record.reason });
  }
  if (reviews.length === 0) {
    issues.push({
      source: options.source,
      reason: 'no ClaimReview found (expected JSON-LD ClaimReview, @graph or DataFeed)',
    });
  }
  return { source: options.source, records, issues, skipped: others };
}

/** The bodies of `<script type="application/ld+json">` elements of an HTML page, found by a linear scan. */
export function jsonLdScripts(html: string): string[] {
  const out: string[] = [];
  const lower = html.toLowerCase();
  for (let at = lower.indexOf('<script'); at !== -1; at = lower.indexOf('<script', at + 1)) {
    const close = lower.indexOf('>', at);
    if (close === -1) break;
    if (!lower.slice(at, close).includes('application/ld+json')) continue;
    const end = lower.indexOf('</script', close);
    if (end === -1) break;
    out.push(html.slice(close + 1, end));
    at = end;
  }
  return out;
}

/**
 * Reads one feed of published fact-checks: ClaimReview JSON-LD (an object, a list, `@graph`, a DataFeed, or
 * the JSON-LD scripts of an HTML page) or JSON Lines. Good records are kept as published; each bad one is
 * reported with its line or JSON path and the reason, and skipped.
 */
export function importFeed(text: string, options: ImportOptions): FeedImport {
  const body = text.replace(/^\uFEFF/, '');
  const start = body.trimStart();
  if (start.startsWith('<')) {
    const parts = jsonLdScripts(body).map((script, i) => {
      try {
        return importJsonLd(JSON.parse(script), options);
      } catch {
        const issue = { source: options.source, path: `script[${i}]`, reason: 'not valid JSON' };
        return { source: options.source, records: [], issues: [issue], skipped: 0 };
      }
    });
    if (parts.length === 0) {
      const issue = { source: options.source, reason: 'no JSON-LD script in the page' };
      return { source: options.source, records: [], issues: [issue], skipped: 0 };
    }
    return {
      source: options.source,
      records: parts.flatMap((p) => p.records),
      issues: parts.flatMap((p) => p.issues),
      skipped: parts.reduce((n, p) => n + p.skipped, 0),
    };
  }
  let whole: unknown;
  try {
    whole = JSON.parse(body);
  } catch {
    // Not one JSON value: JSON Lines when its first line is JSON on its own, else a broken JSON-LD document.
    const firstLine = start.slice(0, start.indexOf('\n') === -1 ? undefined : start.indexOf('\n'));
    if (firstLine.trim().startsWith('{') && findJsonErrorOffset(firstLine) === undefined) {
      return importJsonLines(body, options);
    }
    const at = lineAndColumn(body, findJsonErrorOffset(body) ?? 0);
    return {
      source: options.source,
      records: [],
      issues: [
        {
          source: options.source,
          line: at.line,
          reason: `not valid JSON (line ${at.line}, column ${at.column})`,
        },
      ],
      skipped: 0,
    };
  }
  // One line of JSON Lines is also one JSON value: a record without a schema.org type is a JSON Lines record.
  if (isObject(whole) && whole['@type'] === undefined && whole['@graph'] === undefined && 'claim' in whole) {
    return importJsonLines(body, options);
  }
  return importJsonLd(whole, options);
}

/** Sorts records by id (code-unit order): the order of the index, whatever the order of the feeds. */
export function compareIds(a: FactCheckRecord, b: FactCheckRecord): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** "file:line" or "file path" for messages. */
export function formatPosition(source: string, position: Position): string {
  if (position.line !== undefined) return `${source}:${position.line}`;
  return position.path !== undefined ? `${source} ${position.path}` : source;
}

/**
 * The library from several feeds: records by id, the first of two records with one id kept (the other reported
 * unless it is the same record repeated), sorted by id.
 */
export function mergeFeeds(feeds: readonly FeedImport[]): {
  records: FactCheckRecord[];
  issues: ImportIssue[];
} {
  const byId = new Map<string, { record: FactCheckRecord; at: string }>();
  const issues: ImportIssue[] = feeds.flatMap((f) => f.issues);
  for (const feed of feeds) {
    for (const { record, ...position } of feed.records) {
      const kept = byId.get(record.id);
      if (kept === undefined) byId.set(record.id, { record, at: formatPosition(feed.source, position) });
      else if (JSON.stringify(kept.record) !== JSON.stringify(record)) {
        const reason = `id '${record.id}' is already used by a different record (${kept.at}); kept that one`;
        issues.push({ source: feed.source, ...position, reason });
      }
    }
  }
  return { records: [...byId.values()].map((k) => k.record).sort(compareIds), issues };
}
