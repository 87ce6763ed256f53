import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSettings } from '../../lib/app/settings';
import { createFactCheckLibrary } from '../../lib/app/wiring';
import { importFeed, mergeFeeds, serializeIndex } from '../../lib/pipeline';
import type { LocalStack } from './stack';

/** The example fact-check feed (invented ClaimReviews about the example articles), published by `npm start`. */
export const EXAMPLE_FEED = 'factchecks.jsonld';

/**
 * Publishes the examples' fact-check feed as the local stack's library unless one is there already, so that the
 * first reports a newcomer opens show a claim matched to a published fact-check. Returns how many records went in
 * (0 when a library existed or there is no feed).
 */
export async function seedFactCheckLibrary(stack: LocalStack, examplesDir: string): Promise<number> {
  const feedPath = join(examplesDir, EXAMPLE_FEED);
  if (!existsSync(feedPath)) return 0;
  const settings = loadSettings({
    AWS_ENDPOINT_URL_S3: stack.endpoints.s3,
    AWS_REGION: stack.region,
    FACTSUM_S3_FORCE_PATH_STYLE: 'true',
  });
  const library = createFactCheckLibrary(
    settings,
    { bucket: stack.factcheckBucket },
    { credentials: stack.credentials },
  );
  if ((await library.version()) !== undefined) return 0;
  const { records } = mergeFeeds([importFeed(readFileSync(feedPath, 'utf8'), { source: feedPath })]);
  await library.publish(serializeIndex(records).text);
  return records.length;
}
