import { z } from 'zod';

/**
 * Every error code a client can see. Codes are stable: clients and tests match on them, so a
 * code is never renamed or reused once shipped.
 */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'not_found',
  'method_not_allowed',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'server_busy',
  'database_unavailable',
  'internal_error',
  'unknown_activity',
  'unknown_challenge',
  'unknown_guide',
  'unsupported_language',
  'unsupported_paper',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** The one error shape of the API. */
export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.enum(ERROR_CODES),
      message: z.string(),
    }),
  })
  .meta({ id: 'Error' });

export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An error a route throws on purpose: a status, a stable code and a message safe to show. */
export class HttpError extends Error {
  override readonly name = 'HttpError';
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (message = 'Not found') => new HttpError(404, 'not_found', message);
export const badRequest = (message: string) => new HttpError(400, 'bad_request', message);

export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}
