import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { EXAMPLE_FEED } from './seed-library';

/** Content types by extension, as a browser or the AWS CLI would send them. */
const CONTENT_TYPES: ReadonlyMap<string, string> = new Map([
  ['.txt', 'text/plain; charset=utf-8'],
  ['.md', 'text/markdown; charset=utf-8'],
  ['.markdown', 'text/markdown; charset=utf-8'],
  ['.html', 'text/html'],
  ['.htm', 'text/html'],
  ['.json', 'application/json'],
]);

/** The content type an upload of `path` gets; unknown extensions are plain bytes. */
export function contentTypeFor(path: string): string {
  return CONTENT_TYPES.get(extname(path).toLowerCase()) ?? 'application/octet-stream';
}

/**
 * Every file under `dir`, recursively, as [absolute path, key] with `/` separators, sorted by
 * key. Hidden files and READMEs (which describe the examples, they are not articles) are left out.
 */
export function listFilesForUpload(dir: string): { readonly path: string; readonly key: string }[] {
  const files: { path: string; key: string }[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      // Hidden files, the README and the example fact-check feed (it is the library, not an article).
      if (entry.name.startsWith('.') || /^readme(\.|$)/i.test(entry.name) || entry.name === EXAMPLE_FEED)
        continue;
      const path = join(current, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile()) files.push({ path, key: relative(dir, path).split(sep).join('/') });
    }
  };
  walk(dir);
  return files.sort(compareUploadOrder);
}

/**
 * Name order, comparing names without their extension first, so that `city-budget.txt` comes
 * before `city-budget-copy.txt` (plain code-unit order puts `-` before `.`): the upload order is
 * the corpus order, and the original should be the canonical of its copy.
 */
function compareUploadOrder(a: { readonly key: string }, b: { readonly key: string }): number {
  const stem = (key: string) => key.replace(/\.[^./]*$/, '');
  const byStem = compareStrings(stem(a.key), stem(b.key));
  return byStem !== 0 ? byStem : compareStrings(a.key, b.key);
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Uploads one local file as `key`. */
export async function uploadFile(client: S3Client, bucket: string, key: string, path: string): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: readFileSync(path),
      ContentType: contentTypeFor(path),
    }),
  );
}

/** The HTTP API URL of a stored result: each key segment percent-encoded, `/` kept. */
export function resultUrl(apiEndpoint: string, key: string): string {
  return `${apiEndpoint}/results/${key.split('/').map(encodeURIComponent).join('/')}`;
}
