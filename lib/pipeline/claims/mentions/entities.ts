import modelJson from '../../../models/ner.json';
import { segmentSentences } from '../../text';
import type { Entity, EntityType } from '../../types';
import { parseNerModel } from './ner/model';
import { type TextRange, tagDocument } from './ner/tag-text';
import { type Mention, resolveMentions } from './resolve-mentions';

/** Validated once at module load: a malformed model file fails loudly, not silently. */
const MODEL = parseNerModel(modelJson);

/** CoNLL-2003's types as factsum names them. */
const TYPE_OF: Readonly<Record<'PER' | 'ORG' | 'LOC' | 'MISC', EntityType>> = {
  PER: 'person',
  ORG: 'organization',
  LOC: 'place',
  MISC: 'other',
};

/**
 * Named entities of an article, per sentence (in the order given), with offsets into `text` and an
 * article-level canonical name: a trained tagger (ner/, Collins 2002 structured perceptron, trained on
 * CoNLL-2003 by eval/train-entities.ts) tags every sentence once, then mentions are resolved across the
 * article (resolve-mentions.ts): "Sharaa" → "Ahmed al-Sharaa", "the Syrian president" → the same.
 */
export function extractArticleEntities(text: string, sentences: readonly TextRange[]): Entity[][] {
  const tagged = tagDocument(MODEL, text, sentences);
  return resolveMentions(
    tagged.map((s) => ({
      tokens: s.tokens,
      mentions: s.spans.map(
        (span): Mention => ({
          text: text.slice(span.start, span.end),
          start: span.start,
          end: span.end,
          type: TYPE_OF[span.type],
        }),
      ),
    })),
  );
}

/** Named entities of a text of any length (split into sentences first), offsets into `text`, resolved. */
export function extractEntities(text: string): Entity[] {
  return extractArticleEntities(text, segmentSentences(text)).flat();
}
