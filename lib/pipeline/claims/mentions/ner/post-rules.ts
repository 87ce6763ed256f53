import { NAME_PARTICLES, NAME_PREFIXES, TITLE_WORDS } from './lexicon';
import type { TokenSpan } from './tagger';
import type { NerToken } from './tokens';

/** Which post-rules run; all by default. eval/train-entities.ts measures each one alone. */
export type PostRules = {
  /** "Ahmed" + "al-Sharaa", "Osama" + "bin Laden", "Ruud" + "van der Sar": a person's name runs over particles. */
  readonly particles: boolean;
  /** "President Ahmed al-Sharaa" → "Ahmed al-Sharaa": titles are not part of a name (CoNLL's convention too). */
  readonly titles: boolean;
  /** "Halvard Shipping Ltd": a capitalised organisation word right after a name makes it an organisation. */
  readonly orgSuffix: boolean;
  /** "(WIRE) Intelligence chiefs": a lone common word opening the sentence is not a name (features.ts markCommonOpeners). */
  readonly commonOpeners: boolean;
};

export const ALL_POST_RULES: PostRules = {
  particles: true,
  titles: true,
  orgSuffix: true,
  commonOpeners: true,
};

/** Particles at most this long run inside a name ("de la", "van der"): more is a sentence, not a name. */
const MAX_PARTICLES = 2;
/** Organisation suffixes that name a company whatever came before ("Ltd", "Inc"), not "Bank" or "News". */
const COMPANY_SUFFIXES = new Set(
  'inc inc. ltd ltd. corp corp. plc llc ag sa nv gmbh bv spa co. holdings group'.split(' '),
);

const isCapitalised = (w: string): boolean => {
  const ch = w[0] ?? '';
  return ch !== ch.toLowerCase();
};
const hasNamePrefix = (w: string): boolean => {
  const lower = w.toLowerCase();
  return NAME_PREFIXES.some((p) => lower.startsWith(p) && lower.length > p.length + 1);
};

/** An "al-Sharaa"-shaped word: a name prefix and a capital. */
const startsSurname = (w: string): boolean => hasNamePrefix(w) && /\p{Lu}/u.test(w);

/** Where a person's name that ends at `end` really ends, counting particles and "al-" surnames after it. */
function extendOverParticles(tokens: readonly NerToken[], end: number): number {
  let j = end;
  while (j < tokens.length && j - end < MAX_PARTICLES && NAME_PARTICLES.has(tokens[j]?.text ?? '')) j++;
  const next = tokens[j];
  if (next === undefined) return end;
  const joined = (tokens[j - 1]?.end ?? 0) < next.start || j === end;
  if (j > end && isCapitalised(next.text) && joined) return j + 1;
  if (j === end && startsSurname(next.text)) return end + 1;
  return end;
}

/** Applies the post-rules to the tagger's spans of one sentence; spans stay sorted and disjoint. */
export function applyPostRules(
  tokens: readonly NerToken[],
  spans: readonly TokenSpan[],
  rules: PostRules,
  openers: Uint8Array,
): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (let k = 0; k < spans.length; k++) {
    const span = spans[k];
    if (span === undefined) continue;
    if (rules.commonOpeners && span.end - span.start === 1 && openers[span.start] === 1) continue;
    let { start, end, type } = span;
    if (rules.titles && type === 'PER')
      while (end - start > 1 && TITLE_WORDS.has((tokens[start]?.text ?? '').toLowerCase())) start++;
    // "Bashar al-Assad's government": a short name right before an "al-" surname is a person's.
    if (rules.particles && type !== 'PER' && end - start <= 2 && startsSurname(tokens[end]?.text ?? ''))
      type = 'PER';
    if (rules.particles && type === 'PER') {
      let extended = extendOverParticles(tokens, end);
      while (extended > end) {
        end = extended;
        extended = extendOverParticles(tokens, end);
      }
    }
    const after = tokens[end]?.text ?? '';
    if (rules.orgSuffix && isCapitalised(after) && COMPANY_SUFFIXES.has(after.toLowerCase())) {
      end++;
      type = 'ORG';
    }
    // A span swallowed by the extension is dropped; one partly covered starts after it.
    while (k + 1 < spans.length && (spans[k + 1]?.start ?? Number.POSITIVE_INFINITY) < end) {
      const next = spans[k + 1];
      k++;
      if (next !== undefined && next.end > end) end = next.end;
    }
    out.push({ start, end, type });
  }
  return out;
}
