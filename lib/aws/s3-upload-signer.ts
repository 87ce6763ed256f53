import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ObjectRef, UploadGrant, UploadSigner } from '../ports';
import { type ClientSettings, createS3PresignClient } from './clients';
import { ObjectStoreError } from './errors';

/**
 * Presigns S3 PUT URLs. Content-Length and Content-Type are signed headers, so the URL uploads exactly
 * the declared number of bytes of the declared type to exactly one key, until it expires. The signer
 * builds its own client: a default one would sign the empty body's checksum into the URL
 * (`createS3PresignClient`).
 */
export class S3UploadSigner implements UploadSigner {
  private readonly client: S3Client;

  constructor(settings: ClientSettings) {
    this.client = createS3PresignClient(settings);
  }

  /** A presigned PUT URL for `ref`; the caller must send the signed headers as given. */
  async presignPut(ref: ObjectRef, grant: UploadGrant): Promise<string> {
    try {
      return await getSignedUrl(
        this.client,
        new PutObjectCommand({
          Bucket: ref.bucket,
          Key: ref.key,
          ContentLength: grant.contentLength,
          ContentType: grant.contentType,
        }),
        {
          expiresIn: grant.expiresInSeconds,
          signableHeaders: new Set(['content-length', 'content-type']),
        },
      );
    } catch (error) {
      throw new ObjectStoreError(`Presigning PUT s3://${ref.bucket}/${ref.key} failed`, { cause: error });
    }
  }
}
