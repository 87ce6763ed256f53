/**
 * dedup: the body's identity hash, its MinHash signature with LSH band keys, and its figures fingerprint, for exact
 * and near-duplicate detection.
 */
export { figuresAgree, figuresFingerprint } from './figures';
export { fingerprintBody, normalizeForIdentity, sha256Hex } from './fingerprint';
export { bandKeys, DEFAULT_NEAR_THRESHOLD, estimateSimilarity, minhashSignature } from './minhash';
