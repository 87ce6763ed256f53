import { describe, expect, it } from 'vitest';
import { leadInLength } from '../../../../lib/pipeline/summary/lead-in';
import { summarize } from '../../../../lib/pipeline/summary/summarize';
import { segmentSentences } from '../../../../lib/pipeline/text/segment';

/** A self-written story, after the dump's metadata fields. */
const BODY =
  'A council in Tessby has approved a new ferry route to the three outer islands after a two-year review. ' +
  'The route will run four times a day from May and is expected to carry about 90,000 passengers a year. ' +
  'Local businesses said the link would bring visitors back to the islands after a quiet decade. ' +
  'Critics said the authority had ignored the cost of dredging the old harbour entrance.';
const LEDE =
  'A council in Tessby has approved a new ferry route to the three outer islands after a two-year review.';

const leadIn = (text: string): number => leadInLength(segmentSentences(text).map((s) => s.text));

describe('leadInLength', () => {
  it.each<[string, string, number]>([
    [
      'byline and two labelled time stamps',
      `By . Ella Marsh . PUBLISHED: . 11:42 EST, 3 March 2014 . | . UPDATED: . 12:15 EST, 3 March 2014 . ${BODY}`,
      7,
    ],
    // The segmenter keeps "Tom Reyes . and Ana Ruiz ." together: three fields.
    ['two names and a place', `By . Tom Reyes . and Ana Ruiz . In Lisbon . ${BODY}`, 3],
    ['an agency byline', `By . Daily Mail Reporter . ${BODY}`, 2],
    ['a "Last updated" line', `Last updated at 4:12 PM on 3rd March 2014 . ${BODY}`, 1],
    ['no metadata', BODY, 0],
    // "By" that starts a sentence of the story is not a byline.
    ['"By" in a lede', `By 2030 the ferry route will carry half a million passengers a year. ${BODY}`, 0],
    ['"Updated" in a lede', `Updated figures show the ferry route will cost twice the estimate. ${BODY}`, 0],
    ['"Published on" in a lede', `Published on Monday, the review found half the ferries unsafe. ${BODY}`, 0],
    ['a labelled stamp in one field', `Updated: Tessby, Jan 16 06:49 . ${BODY}`, 1],
    // Names count only after "By": a short capitalised opener is a lede ("Tessby votes.").
    ['a short capitalised opener', `Tessby Votes . ${BODY}`, 0],
    // Nothing but metadata: no lead-in, the text is what there is.
    ['metadata alone', 'By . Ella Marsh . PUBLISHED: . 11:42 EST, 3 March 2014 .', 0],
  ])('%s', (_name, text, expected) => {
    expect(leadIn(text)).toBe(expected);
  });

  it('reads a bounded number of sentences however long the run of fields', () => {
    const fields = Array.from({ length: 20_000 }, () => 'By .').join(' ');
    expect(leadIn(`${fields} ${BODY}`)).toBe(12);
  });
});

describe('summaries of archive dumps', () => {
  it('start at the lede, not at the byline or the time stamps', () => {
    for (const opener of [
      'By . Ella Marsh . PUBLISHED: . 11:42 EST, 3 March 2014 . | . UPDATED: . 12:15 EST, 3 March 2014 .',
      'By . Daily Mail Reporter .',
      'Last updated at 4:12 PM on 3rd March 2014 .',
    ]) {
      const text = `${opener} ${BODY}`;
      const picks = summarize({ title: '', text }, segmentSentences(text), { maxSentences: 3 });
      expect(picks[0]?.text).toBe(LEDE);
      expect(picks[0]?.why?.lede).toBe(true);
      expect(picks.map((p) => p.text).join(' ')).not.toMatch(/EST|Marsh|Reporter|updated/);
    }
  });

  it('never pick the metadata, whatever the length asked for', () => {
    const text = `By . Ella Marsh . PUBLISHED: . 11:42 EST, 3 March 2014 . ${BODY}`;
    const picks = summarize({ title: '', text }, segmentSentences(text), { maxSentences: 10 });
    expect(picks.map((p) => p.text).join(' ')).not.toMatch(/EST|Marsh|PUBLISHED/);
  });
});
