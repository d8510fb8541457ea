import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { stdSerializers } from 'pino';
import type { Logger } from 'pino';
import { redactSecrets } from '../../db/redact';
import { routePath } from './route-path';
import { excerpt } from './errors';

/** Fields that hold credentials wherever they appear in a log line: replaced whole. */
const SECRET_FIELDS = [
  'databaseUrl',
  'connectionString',
  'password',
  'authorization',
  'cookie',
  'headers.authorization',
  'headers.cookie',
];

/** An error as pino writes it, with credentials out of its message and stack. */
function errSerializer(err: Error) {
  const out = stdSerializers.err(err);
  return { ...out, message: redactSecrets(out.message), stack: redactSecrets(out.stack) };
}

/** Routes that are polled by load balancers and monitors: never logged per request. */
const QUIET_ROUTES = new Set(['/api/health', '/api/ready']);

/**
 * Logger options for Fastify: pino, JSON lines. Requests are described only by method, path
 * (without query string), status and duration: never bodies, cookies, headers or IP addresses.
 */
export function loggerOptions(
  level: string,
  stream?: NodeJS.WritableStream,
): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    base: undefined,
    // Credentials never reach a log line: named fields are replaced, and URLs and
    // `password=` pairs in messages and errors are masked (redactSecrets).
    redact: {
      paths: SECRET_FIELDS.flatMap((f) => [f, `*.${f}`]),
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a: unknown) => (typeof a === 'string' ? redactSecrets(a) : a));
        method.apply(this, masked as Parameters<typeof method>);
      },
    },
    serializers: {
      err: errSerializer,
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        path: routePath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** The one line logged per finished request: nothing personal, no query string. */
export function requestLine(request: FastifyRequest, status: number) {
  return {
    reqId: request.id,
    method: excerpt(request.method, 20),
    path: excerpt(routePath(request.url), 200),
    status,
  };
}

/**
 * Fastify's per-request log lines, replaced by one line per finished request that carries only
 * what is safe to keep. Health checks are not logged, unless a client got them wrong (4xx).
 */
export class KiteLogController extends LogController {
  override incomingRequest(): void {}

  override requestCompleted(err: Error | null, request: FastifyRequest, reply: FastifyReply) {
    // Below the logger's level (KITE_LOG_LEVEL=warn) a success is not described at all.
    const log = reply.log as Partial<Pick<Logger, 'isLevelEnabled'>>;
    if (!err && log.isLevelEnabled?.('info') === false) return;
    const status = reply.statusCode;
    const quiet = QUIET_ROUTES.has(routePath(request.url)) && (status < 400 || status >= 500);
    if (quiet) return;
    const line = { ...requestLine(request, status), ms: Math.round(reply.elapsedTime * 10) / 10 };
    if (err) reply.log.error({ ...line, err }, 'request failed');
    else reply.log.info(line, 'request');
  }
}
