import { describe, expect, it } from 'vitest';
import { segmentSentences } from '../../../lib/pipeline/text/segment';

describe('segmentSentences', () => {
  it('keeps offsets exact', () => {
    const text = 'One. Two!';
    for (const s of segmentSentences(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});
