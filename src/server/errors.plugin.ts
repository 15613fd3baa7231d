import type { FastifyError, FastifyInstance } from 'fastify';
import { DomainError, type ErrorCode, TooManyRequests, Unauthorized } from '../errors.ts';

/** The HTTP status of each domain error; TAXII's routes map them the same way. */
export const STATUS: Record<ErrorCode, number> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_many_requests: 429,
};

/** Codes for the framework's own refusals (body too large, wrong media type, bad JSON). */
const HTTP_CODES: Record<number, string> = {
  400: 'invalid',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/** The error answers a route may give, for its schema: each has the one error shape. */
export const ERROR_RESPONSES = {
  400: { $ref: 'Error#' },
  401: { $ref: 'Error#' },
  403: { $ref: 'Error#' },
  404: { $ref: 'Error#' },
  409: { $ref: 'Error#' },
} as const;

/** Wire shape of every error: `{"error": {"code", "message", "details"}}`. */
export function errorBody(code: string, message: string, details: Record<string, unknown> = {}) {
  return { error: { code, message, details } };
}

/** Field name of an Ajv validation fault: `/limit` or `must have required property 'q'`. */
function fieldOf(error: FastifyError): string {
  const first = error.validation?.[0];
  if (!first) return 'request';
  const missing =
    (first.params as { missingProperty?: string; additionalProperty?: string } | undefined) ?? {};
  const path = first.instancePath.replace(/^\//, '').replaceAll('/', '.');
  return missing.missingProperty ?? missing.additionalProperty ?? (path || 'request');
}

/**
 * The one mapping from errors to HTTP. Domain errors keep their message; schema faults name the
 * parameter; anything else is a 500 that says only the request id (the log has the rest).
 */
export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (error instanceof TooManyRequests) reply.header('retry-after', String(error.retryAfterSeconds));
      if (error instanceof Unauthorized && request.headers.authorization?.startsWith('Basic ')) {
        reply.header('www-authenticate', 'Basic realm="SCO Platform", charset="UTF-8"');
      }
      return reply
        .status(STATUS[error.code])
        .send(errorBody(error.code, error.message, { ...error.details, requestId: request.id }));
    }
    if (error.validation) {
      const field = fieldOf(error);
      const where = error.validationContext ?? 'request';
      const problem = error.validation[0]?.message ?? 'is invalid';
      const message =
        error.validation[0]?.keyword === 'additionalProperties'
          ? `${field}: unknown ${where} parameter`
          : `${field}: ${problem}`;
      return reply
        .status(400)
        .send(errorBody('invalid', message, { field, in: where, requestId: request.id }));
    }
    const status = error.statusCode ?? 500;
    if (status < 500) {
      const code = HTTP_CODES[status] ?? 'bad_request';
      return reply.status(status).send(errorBody(code, error.message, { requestId: request.id }));
    }
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', 'internal error', { requestId: request.id }));
  });
}
