import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeadObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';

/** What a fault does to a matching request. */
export type FaultKind =
  /** 503 with S3's SlowDown error document (throttling; the SDK retries it). */
  | 'slowdown'
  /** 500 InternalError (DynamoDB and S3 both answer these during incidents). */
  | 'internal'
  /** The connection is dropped without an answer (a server that went away). */
  | 'reset'
  /** The request is forwarded after `delayMs` (a slow dependency). */
  | 'delay';

/** A fault applied to requests that match it, for a number of requests and/or until a time. */
export type FaultRule = {
  readonly kind: FaultKind;
  /** Only requests with this method (GET, PUT, POST, …); any method when absent. */
  readonly method?: string;
  /** Only requests whose path (with query) contains this text, e.g. a bucket name. */
  readonly pathIncludes?: string;
  /** At most this many matching requests are faulted; unlimited when absent. */
  readonly times?: number;
  /** Only until this time (ms since epoch); forever when absent. */
  readonly until?: number;
  readonly delayMs?: number;
};

export type FaultProxy = {
  /** http://127.0.0.1:<port>: point a client here instead of at the target. */
  readonly endpoint: string;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  /** How many requests were faulted so far. */
  readonly faulted: number;
  close(): Promise<void>;
};

const PRECONDITION_FAILED_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-Match</Condition></Error>';
const NO_SUCH_KEY_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';

const SLOW_DOWN_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>';
const INTERNAL_BODY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>';

/**
 * A small HTTP proxy on 127.0.0.1 that forwards to a local server (s3rver, dynalite) and injects faults
 * on request: throttling, errors, dropped connections, delays. Headers pass unchanged (Host included),
 * so SigV4 signatures made for the proxy's address stay valid at the target.
 */
export async function startFaultProxy(options: {
  readonly target: string;
  /**
   * One request at a time per path. S3 makes a PUT visible atomically; s3rver writes the file in
   * place, so concurrent PUTs of one key can interleave and a GET can read a half-written file.
   * Serialising per key restores S3's semantics for tests that write one key from parallel workers.
   */
  readonly atomicPerKey?: boolean;
  /** Port to listen on (default: any free one). */
  readonly port?: number;
  /**
   * Honour S3's conditional writes, which s3rver ignores: a PUT or DELETE with If-Match (or a PUT with
   * If-None-Match: *) is answered 412 Precondition Failed (404 for If-Match on a missing key) unless the
   * object's current ETag satisfies it, checked with a HEAD in the key's turn (needs atomicPerKey), as S3 does
   * atomically. These are the credentials and region the HEAD is signed with.
   */
  readonly conditional?: {
    readonly credentials: { accessKeyId: string; secretAccessKey: string };
    readonly region: string;
  };
}): Promise<FaultProxy> {
  const target = new URL(options.target);
  const rules: { rule: FaultRule; used: number }[] = [];
  let faulted = 0;
  const lastByPath = new Map<string, Promise<void>>();

  /** Runs `start` once earlier requests for the same path have finished (when atomicPerKey). */
  function inTurn(request: IncomingMessage, response: ServerResponse, start: () => void): void {
    if (options.atomicPerKey !== true) {
      start();
      return;
    }
    const path = (request.url ?? '').split('?')[0] ?? '';
    const previous = lastByPath.get(path) ?? Promise.resolve();
    const done = new Promise<void>((resolve) => response.on('close', () => resolve()));
    const turn = previous.then(() => done);
    lastByPath.set(path, turn);
    void turn.then(() => {
      if (lastByPath.get(path) === turn) lastByPath.delete(path);
    });
    void previous.then(start);
  }

  const conditional =
    options.conditional === undefined
      ? undefined
      : new S3Client({
          endpoint: options.target,
          region: options.conditional.region,
          credentials: options.conditional.credentials,
          forcePathStyle: true,
        });

  /** The refusal S3 would give a conditional request whose condition fails; undefined when it holds (or there is none). */
  async function failedCondition(
    request: IncomingMessage,
  ): Promise<{ status: number; body: string } | undefined> {
    const ifMatch = request.headers['if-match'];
    const ifNoneMatch = request.headers['if-none-match'];
    if (conditional === undefined || (request.method !== 'PUT' && request.method !== 'DELETE'))
      return undefined;
    if (ifMatch === undefined && ifNoneMatch === undefined) return undefined;
    const [bucket, ...keyParts] = (request.url ?? '').split('?')[0]?.split('/').slice(1) ?? [];
    if (bucket === undefined || keyParts.length === 0) return undefined;
    const key = keyParts.map((part) => decodeURIComponent(part)).join('/');
    let etag: string | undefined;
    try {
      etag = (await conditional.send(new HeadObjectCommand({ Bucket: bucket, Key: key }))).ETag;
    } catch (error) {
      if (!(error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404)) throw error;
    }
    if (ifNoneMatch === '*' && etag !== undefined) return { status: 412, body: PRECONDITION_FAILED_BODY };
    if (ifMatch !== undefined && etag === undefined) return { status: 404, body: NO_SUCH_KEY_BODY };
    if (ifMatch !== undefined && ifMatch !== etag && ifMatch !== '*')
      return { status: 412, body: PRECONDITION_FAILED_BODY };
    return undefined;
  }

  /** Forwards a request in its key's turn, unless its S3 condition fails (then answers as S3 would). */
  function forwardChecked(request: IncomingMessage, response: ServerResponse): void {
    failedCondition(request).then(
      (refusal) => {
        if (refusal === undefined) return forward(request, response);
        request.resume();
        response.writeHead(refusal.status, {
          'content-type': 'application/xml',
          'content-length': Buffer.byteLength(refusal.body),
        });
        response.end(refusal.body);
      },
      () => response.destroy(),
    );
  }

  function matchingRule(request: IncomingMessage): FaultRule | undefined {
    const now = Date.now();
    for (const entry of rules) {
      const { rule } = entry;
      if (rule.until !== undefined && now > rule.until) continue;
      if (rule.times !== undefined && entry.used >= rule.times) continue;
      if (rule.method !== undefined && rule.method !== request.method) continue;
      if (rule.pathIncludes !== undefined && !(request.url ?? '').includes(rule.pathIncludes)) continue;
      entry.used++;
      return rule;
    }
    return undefined;
  }

  function forward(request: IncomingMessage, response: ServerResponse): void {
    const upstream = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: request.method,
        path: request.url,
        headers: request.headers,
      },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    upstream.on('error', () => response.destroy());
    // A client that gave up (its own timeout) must not leave the upstream request open.
    response.on('close', () => {
      if (!response.writableFinished) upstream.destroy();
    });
    request.pipe(upstream);
  }

  const server = createServer((request, response) => {
    const rule = matchingRule(request);
    if (rule === undefined) return inTurn(request, response, () => forwardChecked(request, response));
    faulted++;
    switch (rule.kind) {
      case 'delay':
        setTimeout(
          () => inTurn(request, response, () => forwardChecked(request, response)),
          rule.delayMs ?? 0,
        );
        return;
      case 'reset':
        request.socket.destroy();
        return;
      case 'slowdown':
      case 'internal': {
        // Drain the request body first: an unread upload would stall the client.
        request.resume();
        request.on('end', () => {
          const body = rule.kind === 'slowdown' ? SLOW_DOWN_BODY : INTERNAL_BODY;
          response.writeHead(rule.kind === 'slowdown' ? 503 : 500, {
            'content-type': 'application/xml',
            'content-length': Buffer.byteLength(body),
          });
          response.end(body);
        });
        return;
      }
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    addFault: (rule) => {
      rules.push({ rule, used: 0 });
    },
    clearFaults: () => {
      rules.length = 0;
    },
    get faulted() {
      return faulted;
    },
    close: () =>
      new Promise<void>((resolve) => {
        conditional?.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
