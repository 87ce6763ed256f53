/** dedup: the body's identity hash and its MinHash signature with LSH band keys, for exact and near-duplicate detection. */
export { fingerprintBody, normalizeForIdentity, sha256Hex } from './fingerprint';
export { bandKeys, DEFAULT_NEAR_THRESHOLD, estimateSimilarity, minhashSignature } from './minhash';
