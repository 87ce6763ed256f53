/**
 * Where `npm start`'s local stack listens and the only credentials s3rver accepts: one definition for the
 * stack itself (infra/local) and for clients of it in lib/ (`factsum backfill --local`).
 */
export const LOCAL_STACK = {
  host: '127.0.0.1',
  /** The port the README promises for the S3 endpoint. */
  s3Port: 4569,
  /** Next to S3's, away from DynamoDB Local's 8000 which a developer may already run. */
  dynamoPort: 4570,
  region: 'us-east-1',
  /** s3rver accepts only these; dynalite accepts any. */
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
} as const;
