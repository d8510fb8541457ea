import type { FastifyInstance } from 'fastify';

/**
 * Kite's Content Security Policy. Written by hand rather than taken from helmet, whose default
 * adds `upgrade-insecure-requests` and `https:` sources that break plain-HTTP school hubs.
 * No inline scripts; everything from our own origin.
 */
export const CONTENT_SECURITY_POLICY = [
  // default-src covers scripts, styles, fonts, connections, workers, media and the manifest.
  "default-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every response, computed once. Kept short on purpose: they go out with every API
 * answer too, and their bytes are most of a small JSON response (see bench:http).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'permissions-policy': 'geolocation=(), camera=(), microphone=()',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
});

/** Adds {@link SECURITY_HEADERS} to every response, errors and 404s included. */
export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(SECURITY_HEADERS);
    done();
  });
}
