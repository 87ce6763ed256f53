import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../lib/pipeline/text/segment';

describe('segmentSentences', () => {
  it('splits two sentences with exact offsets', () => {
    const text = 'One. Two!';
    const sentences = segmentSentences(text);
    expect(sentences.map((s) => s.text)).toEqual(['One.', 'Two!']);
    for (const s of sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
