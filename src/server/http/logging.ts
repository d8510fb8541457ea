import { LogController } from 'fastify';
import type { FastifyReply, FastifyRequest, FastifyServerOptions } from 'fastify';
import { routePath } from './error-handler';

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
    serializers: {
      req: (req: { method: string; url: string }) => ({
        method: req.method,
        path: routePath(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/**
 * Fastify's per-request log lines, replaced by one line per finished request (none for health
 * checks) that carries only what is safe to keep.
 */
export class KiteLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: (request) => QUIET_ROUTES.has(routePath(request.url)) });
  }

  override incomingRequest(): void {}

  override requestCompleted(err: Error | null, request: FastifyRequest, reply: FastifyReply) {
    if (this.isLogDisabled(request)) return;
    const line = {
      reqId: request.id,
      method: request.method,
      path: routePath(request.url),
      status: reply.statusCode,
      ms: Math.round(reply.elapsedTime * 10) / 10,
    };
    if (err) reply.log.error({ ...line, err }, 'request failed');
    else reply.log.info(line, 'request');
  }
}
