import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { decide } from '../../accounts/policy';
import { CONTENT_SECURITY_POLICY, PERMISSIONS_POLICY } from '../../http/security-headers';
import { guarded } from '../accounts/guard';
import { STUDIO_ROLES } from './index';

/** The studio's own page: the only one that may use the microphone, on its own origin. */
export const STUDIO_PERMISSIONS_POLICY = PERMISSIONS_POLICY.replace(
  'microphone=()',
  'microphone=(self)',
);

/**
 * The studio's Content Security Policy: Kite's, and the takes the page just recorded played
 * from `blob:` URLs (they never leave the page before they are approved).
 */
export const STUDIO_CONTENT_SECURITY_POLICY = `${CONTENT_SECURITY_POLICY}; media-src 'self' blob:`;

/** The built studio document (`dist/studio/index.html`), or null when the web app is not built. */
export function loadStudioDocument(webDir: string | undefined): string | null {
  if (!webDir) return null;
  const file = resolve(webDir, 'studio', 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/**
 * `GET /studio/`: the recording studio, a document of its own (not the app shell, and never
 * kept by the service worker). Signed out, or half signed in, it sends the person to sign in and
 * back; a role that may not record gets the page with status 403 and no microphone, and the page
 * says so in words; an admin or coordinator gets it with `microphone=(self)`.
 */
export function studioDocumentRoutes(html: string) {
  return async (app: FastifyInstance) => {
    const hidden = { schema: { hide: true } };
    app.get('/studio', { ...guarded('public'), ...hidden }, (_request, reply) =>
      reply.redirect('/studio/', 301),
    );
    app.get('/studio/', { ...guarded('public'), ...hidden }, (request, reply) => {
      const verdict = decide(STUDIO_ROLES, request.actor);
      if (!verdict.ok && verdict.code === 'unauthenticated')
        return reply.redirect(`/account/signin?next=${encodeURIComponent('/studio/')}`, 303);
      if (!verdict.ok && verdict.code === 'mfa_required')
        return reply.redirect('/account/mfa', 303);
      reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store');
      if (!verdict.ok) return reply.code(403).send(html);
      return reply
        .header('permissions-policy', STUDIO_PERMISSIONS_POLICY)
        .header('content-security-policy', STUDIO_CONTENT_SECURITY_POLICY)
        .send(html);
    });
  };
}
