import type { Sentence } from './types';

/** Splits text into sentences with exact offsets (placeholder). */
export function segmentSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?]*/g)) {
    const raw = m[0];
    const lead = raw.length - raw.trimStart().length;
    const t = raw.trim();
    if (t === '') continue;
    const start = (m.index ?? 0) + lead;
    out.push({ text: t, start, end: start + t.length });
  }
  return out;
}
