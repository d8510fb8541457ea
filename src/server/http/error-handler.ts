import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { HttpError, errorBody, excerpt } from './errors';
import type { ErrorCode } from './errors';
import { describeInputError } from './input-errors';
import type { RouteTable } from './route-table';
import { requestLine } from './logging';
import { routePath } from './route-path';
import { isFailoverError } from '../../db/failover-errors';
import { DatabaseUnavailableError } from '../../db/retry';

/** Seconds a client waits before sending again what met a database failover. */
const FAILOVER_RETRY_AFTER_S = 5;

/** Fastify's own error codes that are the client's fault, with the code we expose for each. */
const FASTIFY_CLIENT_ERRORS: Readonly<Record<string, readonly [number, ErrorCode, string]>> = {
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
  // Errors Fastify raises before routing (see frameworkErrorHandler).
  FST_ERR_BAD_URL: [400, 'invalid_url', 'The address is not a valid URL'],
  FST_ERR_MAX_PARAM_LENGTH: [414, 'uri_too_long', 'A part of the address is too long'],
  // @fastify/csrf-protection: a state-changing request without its token, or with a wrong one.
  FST_CSRF_MISSING_SECRET: [
    403,
    'csrf_rejected',
    'The request lacks its form token; reload the page',
  ],
  FST_CSRF_INVALID_TOKEN: [
    403,
    'csrf_rejected',
    'The request lacks its form token; reload the page',
  ],
};

/**
 * The one error handler: every error leaves as `{ error: { code, message } }`. Unexpected
 * errors are logged with their stack and reach the client only as `internal_error`. Errors
 * raised before routing and malformed HTTP use the same table (see `frameworkErrorHandler` and
 * `client-errors.ts`).
 */
export function handleError(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof HttpError) {
    if (err.headers) reply.headers(err.headers);
    return reply.code(err.status).send(errorBody(err.code, err.message));
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const { code, message } = describeInputError(request, err.validation, err.validationContext);
    return reply.code(400).send(errorBody(code, message));
  }
  const known = err.code ? FASTIFY_CLIENT_ERRORS[err.code] : undefined;
  if (known) {
    const [status, code, message] = known;
    return reply.code(status).send(errorBody(code, message));
  }
  if (err instanceof DatabaseUnavailableError || isFailoverError(err)) {
    // The primary is restarting or failing over: the request may be sent again in a moment.
    // Idempotent work was retried already (Db.retrying); other writes are not sent twice.
    request.log.warn(
      { code: (err as { code?: unknown }).code, why: err.message.slice(0, 200) },
      'database unavailable',
    );
    const seconds =
      err instanceof DatabaseUnavailableError ? err.retryAfterSeconds : FAILOVER_RETRY_AFTER_S;
    return reply
      .code(503)
      .header('retry-after', String(seconds))
      .send(
        errorBody('database_unavailable', 'The database is not available just now; try again soon'),
      );
  }
  if (err.statusCode === 429) {
    return reply.code(429).send(errorBody('rate_limited', 'Too many requests; try again soon'));
  }
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return reply.code(err.statusCode).send(errorBody('bad_request', 'The request is not valid'));
  }
  request.log.error({ err }, 'unhandled error');
  return reply.code(500).send(errorBody('internal_error', 'Something went wrong on our side'));
}

/**
 * Fastify's `frameworkErrors`: a URL it cannot decode (`/api/%zz`) or a path parameter over
 * its length limit, answered before any route or hook ran. The same shape, headers and log line
 * as every other error; the URL is not echoed.
 */
export function frameworkErrorHandler(headers: Readonly<Record<string, string>>) {
  return (err: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    reply.headers(headers);
    // Fastify writes no request line for these; this is it.
    reply.raw.once('finish', () =>
      request.log.info(requestLine(request, reply.statusCode), 'request'),
    );
    return handleError(err, request, reply);
  };
}

/**
 * Installs the error handler, and the handler of requests no route takes: 405 with `Allow`
 * when the path exists for other methods, else 404. Neither echoes the query string.
 */
export function installErrorHandling(app: FastifyInstance, routes: RouteTable): void {
  app.setErrorHandler(handleError);

  app.setNotFoundHandler((request, reply) => {
    const path = routePath(request.url);
    const allowed = routes.methodsFor(path);
    if (allowed.length > 0) {
      return reply
        .code(405)
        .header('allow', allowed.join(', '))
        .send(
          errorBody(
            'method_not_allowed',
            `${excerpt(request.method, 20)} is not allowed here; use ${allowed.join(' or ')}`,
          ),
        );
    }
    return reply.code(404).send(notFoundBody(request.method, path));
  });
}

/** The body of a 404 for a path no route serves (the path only, as an excerpt). */
export function notFoundBody(method: string, path: string) {
  return errorBody('not_found', `No route for ${excerpt(method, 20)} ${excerpt(path, 80)}`);
}
