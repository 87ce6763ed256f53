import type { SummaryOptions } from '../pipeline';

/** A summary-length rule for keys under a prefix (e.g. short briefs get one sentence). */
export type SummaryRule = { readonly prefix: string } & SummaryOptions;

/** Object metadata keys (x-amz-meta-…) that override the summary length of one upload. */
export const SUMMARY_METADATA = {
  sentences: 'factsum-sentences',
  words: 'factsum-words',
  ratio: 'factsum-ratio',
} as const;

/** A positive whole number from text, else undefined. */
function wholeNumber(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,4}$/.test(value.trim())) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** A ratio in (0, 1] from text, else undefined. */
function ratio(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  return Number.isFinite(n) && n > 0 && n <= 1 ? n : undefined;
}

/**
 * The summary length for one object: the deployment's default, then the longest matching prefix
 * rule, then the object's own metadata (`x-amz-meta-factsum-sentences`, `-words`, `-ratio`), each
 * later source replacing the earlier as a whole. Invalid metadata values are ignored.
 */
export function resolveSummaryOptions(
  key: string,
  metadata: Readonly<Record<string, string>>,
  settings: { readonly defaults?: SummaryOptions; readonly rules?: readonly SummaryRule[] },
): SummaryOptions {
  let options: SummaryOptions = settings.defaults ?? {};
  const rule = [...(settings.rules ?? [])]
    .filter((candidate) => key.startsWith(candidate.prefix))
    .sort((a, b) => b.prefix.length - a.prefix.length)[0];
  if (rule) {
    const { prefix: _prefix, ...fromRule } = rule;
    options = fromRule;
  }
  const fromMetadata: { maxSentences?: number; maxWords?: number; ratio?: number } = {};
  const sentences = wholeNumber(metadata[SUMMARY_METADATA.sentences]);
  const words = wholeNumber(metadata[SUMMARY_METADATA.words]);
  const share = ratio(metadata[SUMMARY_METADATA.ratio]);
  if (sentences !== undefined) fromMetadata.maxSentences = sentences;
  if (words !== undefined) fromMetadata.maxWords = words;
  if (share !== undefined) fromMetadata.ratio = share;
  return Object.keys(fromMetadata).length > 0 ? fromMetadata : options;
}
