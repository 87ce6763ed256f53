/** claims/mentions: entity, number and date mentions in a sentence, with their offsets and normalised values. */
export { type DateSpan, extractDates } from './dates';
export { collectKnownNames, extractEntities } from './entities';
export { extractNumbers, type NumberSpan } from './numbers';
