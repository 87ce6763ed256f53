import { describe, expect, it } from 'vitest';
import { createMemoryPorts } from '../../../lib/app/wiring';
import { DEFAULT_NEAR_THRESHOLD } from '../../../lib/pipeline';
import { toCorpusDigest } from '../../../lib/report/corpus-digest';
import { buildCorpusView } from '../../../lib/report/corpus-view';
import { parseReportResult } from '../../../lib/report/report-schema';
import { processObjectCreated } from '../../../lib/service';
import { HALVARD_CONFLICTS, HALVARD_FIRST } from '../../fixtures/claims-corpus-articles';

describe('toCorpusDigest', () => {
  it('keeps what the corpus view shows, drops the article text, and is far smaller than the result', async () => {
    // Prepare: two articles that conflict, through the service; their digests are written next to the results.
    const ports = createMemoryPorts();
    const long = `${HALVARD_FIRST}\n\n${'The terminal lies at the mouth of the river. '.repeat(400)}`;
    for (const [i, [key, text]] of [
      ['first.txt', long],
      ['second.txt', HALVARD_CONFLICTS],
    ].entries()) {
      const etag = ports.objects.put(
        { bucket: 'in', key: String(key) },
        new TextEncoder().encode(String(text)),
      );
      await processObjectCreated(
        {
          bucket: 'in',
          key: String(key),
          eventTime: new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
          etag,
        },
        ports,
        { maxBytes: 1 << 20, nearThreshold: DEFAULT_NEAR_THRESHOLD },
      );
    }
    const full = (await ports.results.read({ bucket: 'in', key: 'first.txt' }))?.document;

    // Act
    const { digests } = await ports.results.listDigests(10);

    // Assess
    expect(digests.map((d) => d.inputKey)).toEqual(['first.txt', 'second.txt']);
    const first = digests[0]?.digest;
    expect(first).toEqual(toCorpusDigest(full));
    expect(JSON.stringify(first).length).toBeLessThan(JSON.stringify(full).length / 10);
    const fromDigests = buildCorpusView(digests.map((d) => ({ result: toCorpusDigest(d.digest) ?? fail() })));
    const fromResults = buildCorpusView(
      await Promise.all(
        ['first.txt', 'second.txt'].map(async (key) => ({
          result: parseReportResult((await ports.results.read({ bucket: 'in', key }))?.document) ?? fail(),
        })),
      ),
    );
    // Rows link to reports, not to the article text: the view from digests is the view from whole results.
    expect(fromDigests).toEqual(fromResults);
    expect(fromDigests.conflicts.length).toBeGreaterThan(0);
    expect(fromDigests.rows.map((row) => row.claims)).toEqual(fromResults.rows.map((row) => row.claims));
  });
});

function fail(): never {
  throw new Error('not a result');
}
