import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import type { Settings } from '../lib/app/settings';
import type { UploadSigner } from '../lib/ports';
import { checkObjectKey } from '../lib/service';
import * as z from '../lib/zod';
import { HttpError, jsonResponse } from './http';

/** 5 minutes: long enough to start a slow upload, short enough that a leaked URL is soon useless. */
export const UPLOAD_URL_EXPIRES_SECONDS = 300;

/** Where presigned uploads land, below the input prefix (the API's role may write only there). */
export const UPLOADS_FOLDER = 'uploads/';

const uploadRequestSchema = z.strictObject({
  /** A file name, kept readable in the key; no folders (`/`): every upload gets its own folder. */
  name: z.string().check(
    z.minLength(1),
    z.maxLength(255),
    z.refine((name) => !name.includes('/'), 'must not contain "/"'),
  ),
  /** Exact size in bytes: signed into the URL, so the upload cannot be larger. */
  size: z.number().check(z.int(), z.positive()),
  contentType: z._default(z.string().check(z.minLength(1), z.maxLength(255)), 'application/octet-stream'),
});

/** The request body as text (API Gateway base64-encodes binary bodies). */
function bodyText(event: APIGatewayProxyEventV2): string {
  if (event.body === undefined || event.body === null) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

/**
 * POST /uploads `{"name","size","contentType"?}` → 201 with a presigned PUT URL for one new key
 * under `<input prefix>uploads/<uuid>/<name>`, valid for UPLOAD_URL_EXPIRES_SECONDS and exactly
 * `size` bytes; 400 for a bad request or key, 413 over MAX_INPUT_BYTES.
 */
export async function createUpload(
  event: APIGatewayProxyEventV2,
  config: Pick<Settings, 'inputBucket' | 'inputPrefix' | 'maxInputBytes'>,
  signer: UploadSigner,
  now: Date,
): Promise<APIGatewayProxyStructuredResultV2> {
  let json: unknown;
  try {
    json = JSON.parse(bodyText(event));
  } catch (error) {
    throw new HttpError(400, 'BAD_REQUEST', 'The body must be JSON: {"name","size","contentType"}', {
      cause: error,
    });
  }
  const request = uploadRequestSchema.safeParse(json);
  if (!request.success) {
    throw new HttpError(
      400,
      'BAD_REQUEST',
      `Invalid upload request: ${z.prettifyError(request.error).replace(/\n/g, ' ')}`,
    );
  }
  const { name, size, contentType } = request.data;
  if (size > config.maxInputBytes) {
    throw new HttpError(
      413,
      'TOO_LARGE',
      `The upload is ${size} bytes; the limit is ${config.maxInputBytes} bytes`,
    );
  }
  // NFC: the name as the caller sees it, in the one form the processor accepts (lib/service/object-key.ts).
  const key = `${config.inputPrefix}${UPLOADS_FOLDER}${randomUUID()}/${name.normalize('NFC')}`;
  const check = checkObjectKey(key);
  if (check.kind === 'invalid') throw new HttpError(400, check.code, check.message);
  const url = await signer.presignPut(
    { bucket: config.inputBucket, key },
    { contentLength: size, contentType, expiresInSeconds: UPLOAD_URL_EXPIRES_SECONDS },
  );
  return jsonResponse(201, {
    key,
    method: 'PUT',
    url,
    headers: { 'content-length': String(size), 'content-type': contentType },
    expiresAt: new Date(now.getTime() + UPLOAD_URL_EXPIRES_SECONDS * 1000).toISOString(),
    result: `/results/${key.split('/').map(encodeURIComponent).join('/')}`,
  });
}
