import type { FastifyRequest } from 'fastify';
import { HttpError, excerpt } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A `preValidation` hook: a state-changing route without a `body` schema takes no body (none,
 * or `{}`). Fastify validates a missing body as null, so this is a check of its own rather than
 * a schema.
 */
export async function refuseUnexpectedBody(request: FastifyRequest): Promise<void> {
  if (SAFE_METHODS.has(request.method) || request.routeOptions.schema?.body !== undefined) return;
  const body: unknown = request.body;
  if (body === undefined) return;
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
    const [key] = Object.keys(body);
    if (key === undefined) return;
    throw new HttpError(400, 'unknown_parameter', `Unknown field "${excerpt(key)}"; it takes none`);
  }
  throw new HttpError(400, 'validation_failed', 'This request takes no body');
}
