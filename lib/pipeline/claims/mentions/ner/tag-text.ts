import {
  collectDocumentContext,
  featureArena,
  featurizeSentence,
  markCommonOpeners,
  type SentenceFeatures,
} from './features';
import type { NerModel } from './model';
import { ALL_POST_RULES, applyPostRules, type PostRules } from './post-rules';
import { labelsToSpans, type TokenSpan, tagFeatures } from './tagger';
import { type NerToken, tokenizeForNer } from './tokens';

/** A tagged entity with character offsets into the document's text. */
export type NerSpan = { readonly start: number; readonly end: number; readonly type: TokenSpan['type'] };

/** A span of text to tag on its own, usually a sentence. */
export type TextRange = { readonly start: number; readonly end: number };

/** The tokens and feature slots of every range of a document, as the tagger and its trainer see them. */
export type PreparedDocument = {
  readonly tokens: readonly (readonly NerToken[])[];
  readonly features: readonly SentenceFeatures[];
  /** Per range, 1 for a token that opens it and is a common word (markCommonOpeners). */
  readonly openers: readonly Uint8Array[];
};

/**
 * Tokens a sentence may have for tagging. Sentences come from the segmenter, which caps their length, so
 * this only bounds hostile input: past it, the rest of the sentence is not tagged.
 */
const MAX_SENTENCE_TOKENS = 400;

/**
 * Tokenises every range and computes its features, with the document context of all of them and the
 * model's list of common words.
 */
export function prepareDocument(
  text: string,
  ranges: readonly TextRange[],
  common: ReadonlySet<number>,
): PreparedDocument {
  const tokens = ranges.map((r) =>
    tokenizeForNer(text, r.start, r.end, MAX_SENTENCE_TOKENS).slice(0, MAX_SENTENCE_TOKENS),
  );
  const words = tokens.map((ts) => ts.map((t) => t.text));
  const doc = collectDocumentContext(words, common);
  const arena = featureArena(words.map((ws) => ws.length));
  return {
    tokens,
    features: words.map((ws) => featurizeSentence(ws, doc, arena)),
    openers: words.map((ws) => markCommonOpeners(ws, doc)),
  };
}

/** Label indices of one prepared sentence under a model. */
export function tagPrepared(model: NerModel, features: SentenceFeatures): Uint8Array {
  return tagFeatures(model, features);
}

/** One range's tokens and the tagger's entities in it. */
export type TaggedRange = { readonly tokens: readonly NerToken[]; readonly spans: readonly NerSpan[] };

/**
 * Named entities of each range of `text` (person, organisation, location, miscellaneous as CoNLL-2003
 * types), tagged in one pass with a document context shared by all ranges; offsets into `text`.
 */
export function tagDocument(
  model: NerModel,
  text: string,
  ranges: readonly TextRange[],
  rules: PostRules = ALL_POST_RULES,
): TaggedRange[] {
  const prepared = prepareDocument(text, ranges, model.common);
  return prepared.tokens.map((tokens, i) => {
    const features = prepared.features[i];
    const labels = features === undefined ? new Uint8Array(0) : tagPrepared(model, features);
    const openers = prepared.openers[i] ?? new Uint8Array(tokens.length);
    const spans = applyPostRules(tokens, labelsToSpans(labels), rules, openers).flatMap((s) => {
      const first = tokens[s.start];
      const last = tokens[s.end - 1];
      return first === undefined || last === undefined
        ? []
        : [{ start: first.start, end: last.end, type: s.type }];
    });
    return { tokens, spans };
  });
}
