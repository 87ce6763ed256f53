/** corpus: how claims meet other articles' claims: index keys, and corroborates / conflicts relations mirrored on both results. */
export { indexKeysOf, toIndexedClaims } from './claim-keys';
export type { CorpusEntry, IndexedClaim } from './corpus-types';
export { addRelated, type MirrorLink, mirrorRelations, relateClaims, removeRelated } from './relate-claims';
