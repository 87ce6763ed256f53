import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { logger } from './observability';

/** An error meant for the caller: its status, a stable code and a message safe to show. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'HttpError';
  }
}

/** A JSON response with the headers every factsum response carries. */
export function jsonResponse(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: `${JSON.stringify(body)}\n`,
  };
}

/**
 * Middleware that turns errors into JSON responses: HttpErrors under 500 show their code and
 * message; everything else is logged with its causes and answered with a bare 500.
 */
export function httpErrors(): MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2> {
  return {
    onError: async function httpErrorsOnError(request) {
      const { error } = request;
      if (error instanceof HttpError && error.statusCode < 500) {
        request.response = jsonResponse(error.statusCode, {
          error: { code: error.code, message: error.message },
        });
        return;
      }
      logger.error('request failed', { path: request.event.rawPath, error });
      request.response = jsonResponse(500, { error: { code: 'INTERNAL', message: 'Internal server error' } });
    },
  };
}
