/** A Lambda invocation that failed: the function threw, timed out, or the endpoint refused it. */
export class LambdaInvokeError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'LambdaInvokeError';
  }
}

/**
 * How long to wait for one invocation: the function's own timeout in serverless.yml (60 s)
 * plus the time serverless-offline needs to start a worker thread for it.
 */
const INVOKE_TIMEOUT_MS = 90_000;

/**
 * Invokes a function synchronously (RequestResponse) through a Lambda Invoke API endpoint,
 * here serverless-offline's (`POST /2015-03-31/functions/<name>/invocations`), and returns
 * its JSON payload. Throws LambdaInvokeError when the function failed, as AWS reports it:
 * HTTP 200 with an `X-Amz-Function-Error` header, or a non-200 status.
 */
export async function invokeLambda(options: {
  readonly endpoint: string;
  readonly functionName: string;
  readonly event: unknown;
  readonly timeoutMs?: number;
  /** Aborts the invocation (the local stack stopping). */
  readonly signal?: AbortSignal;
}): Promise<unknown> {
  const url = `${options.endpoint}/2015-03-31/functions/${encodeURIComponent(options.functionName)}/invocations`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-amz-invocation-type': 'RequestResponse' },
      body: JSON.stringify(options.event),
      signal: AbortSignal.any([
        AbortSignal.timeout(options.timeoutMs ?? INVOKE_TIMEOUT_MS),
        ...(options.signal ? [options.signal] : []),
      ]),
    });
  } catch (error) {
    throw new LambdaInvokeError(`could not reach ${url}`, { cause: error });
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw new LambdaInvokeError(`reading the answer of ${options.functionName} failed`, { cause: error });
  }
  const functionError = response.headers.get('x-amz-function-error');
  if (response.status !== 200 || functionError) {
    throw new LambdaInvokeError(
      `${options.functionName} failed (HTTP ${response.status}${functionError ? `, ${functionError}` : ''}): ${describePayload(text)}`,
    );
  }
  return text.length > 0 ? parseJson(text) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** The error message of a Lambda error payload (`{errorMessage, errorType}`), else the raw text, shortened. */
function describePayload(text: string): string {
  const payload = parseJson(text);
  if (typeof payload === 'object' && payload !== null && 'errorMessage' in payload) {
    const type = 'errorType' in payload ? `${String(payload.errorType)}: ` : '';
    return `${type}${String(payload.errorMessage)}`;
  }
  return text.slice(0, 500);
}
