import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError, errorBody } from './errors';
import type { ErrorCode } from './errors';

/** Fastify's own error codes that are the client's fault, with the code we expose for each. */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, [number, ErrorCode, string]>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'payload_too_large', 'The request body is too large'],
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [
    415,
    'unsupported_media_type',
    'This content type is not supported',
  ],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'bad_request', 'The content length is wrong'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'bad_request', 'The JSON body is empty'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'bad_request', 'The body is not valid JSON'],
  FST_ERR_VALIDATION: [400, 'validation_failed', 'The request is not valid'],
};

/**
 * One central error handler: every error leaves as `{ error: { code, message } }`. Unexpected
 * errors are logged with their stack and reach the client only as `internal_error`.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.status).send(errorBody(err.code, err.message));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const first = err.validation[0];
      const where = first?.instancePath ? ` at ${first.instancePath}` : '';
      const context = err.validationContext ?? 'request';
      return reply
        .code(400)
        .send(errorBody('validation_failed', `Invalid ${context}${where}: ${first?.message}`));
    }
    const known = err.code ? FASTIFY_CLIENT_ERRORS[err.code] : undefined;
    if (known) {
      const [status, code, message] = known;
      return reply.code(status).send(errorBody(code, message));
    }
    if (err.statusCode === 429) {
      return reply.code(429).send(errorBody('rate_limited', 'Too many requests; try again soon'));
    }
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
      return reply.code(err.statusCode).send(errorBody('bad_request', 'The request is not valid'));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(errorBody('internal_error', 'Something went wrong on our side'));
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send(errorBody('not_found', `No route for ${request.method} ${routePath(request.url)}`));
  });
}

/** The path of a URL without its query string (query strings may carry personal data). */
export function routePath(url: string): string {
  const q = url.indexOf('?');
  return q === -1 ? url : url.slice(0, q);
}
