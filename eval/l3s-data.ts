/**
 * The development half of L3S-GN1 (Kohlschütter, Fankhauser & Nejdl, "Boilerplate Detection using
 * Shallow Text Features", WSDM 2010) as prepared in ../shared/data/l3s-gn1 (its README says how):
 * per page the original HTML, the page's text copied as lines, and the assessors' labelled runs.
 * Used by eval/boilerplate.ts and eval/train-boilerplate.ts; nothing from it goes into the repo
 * except the weights that eval/train-boilerplate.ts fits.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';

export const L3S_DIR = resolve(__dirname, '../../shared/data/l3s-gn1');

const LabelFile = z.object({
  id: z.string(),
  url: z.string(),
  headline: z.string(),
  headlines: z.array(z.string()),
  body: z.array(z.string()),
  supplemental: z.array(z.string()),
  related: z.array(z.string()),
  comments: z.array(z.string()),
});

export type L3sPage = z.infer<typeof LabelFile> & {
  /** The host of the page's URL without "www.": pages of one site share it (cross-validation groups). */
  readonly domain: string;
  readonly text: string;
  readonly html: string;
};

export function l3sAvailable(): boolean {
  return existsSync(join(L3S_DIR, 'labels'));
}

/** Loads every page of the development half, sorted by id. */
export function loadL3sPages(): L3sPage[] {
  const ids = readdirSync(join(L3S_DIR, 'labels'))
    .filter((name) => name.endsWith('.json'))
    .map((name) => name.slice(0, -'.json'.length))
    .sort();
  return ids.map((id) => {
    const labels = LabelFile.parse(JSON.parse(readFileSync(join(L3S_DIR, 'labels', `${id}.json`), 'utf8')));
    let domain = '';
    try {
      domain = new URL(labels.url).hostname.replace(/^www\d?\./, '');
    } catch {
      domain = id;
    }
    return {
      ...labels,
      domain,
      text: readFileSync(join(L3S_DIR, 'text', `${id}.txt`), 'utf8'),
      html: readFileSync(join(L3S_DIR, 'original', `${id}.html`), 'utf8'),
    };
  });
}

/** Lower-cased word tokens (letters and digits), as the bag-of-words scores count them. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

export function bag(texts: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const token of tokens(text)) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/** Whitespace collapsed, lower case: how a labelled line is looked for in an output. */
export function squash(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}
