/** claims/mentions: entity, number and date mentions in a sentence, with their offsets and normalised values. */
export { type DateSpan, extractDates } from './dates';
export { extractArticleEntities, extractEntities } from './entities';
export { NAME_PARTICLES } from './ner/lexicon';
export { extractNumbers, type NumberSpan } from './numbers';
