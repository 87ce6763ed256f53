/** claims: check-worthy sentences with their types, entities, numbers, dates, attribution and hedging (claims/mentions/). */
export { extractClaims, scoreSentence } from './claims';
export { claimFrameSchema, readFigures } from './frames';
export { extractEntities } from './mentions';
