import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { notFoundBody } from './error-handler';
import { routePath } from './route-path';
import { installContentGate } from './content-gate';
import { loadRouteHints } from './route-hints';
import { isAppPath } from '../../engine';

/** Vite puts content-hashed files here: they never change, so browsers may keep them. */
const IMMUTABLE_PREFIX = '/assets/';

/**
 * Serves the production build of the web app from `webDir`: hashed assets cached for a year,
 * everything else revalidated. The app's pages (the engine's route table) get `index.html` so
 * client-side links work; other non-API paths get it too, with 404, so the browser still shows
 * the app's friendly not-found page while crawlers and tools see the status.
 */
export async function installWebApp(
  app: FastifyInstance,
  webDir: string | undefined,
  disabledTopics: readonly string[] = [],
) {
  if (!webDir) return;
  const root = resolve(webDir);
  if (!existsSync(resolve(root, 'index.html'))) {
    app.log.warn({ webDir: root }, 'web app not built; only the API is served');
    return;
  }
  // One encapsulated scope: its hooks (the content gate, the shell's Link header) run for the
  // web app's files and pages only, so API answers pay nothing for them (bench:http).
  await app.register(async (scope) => {
    installContentGate(scope, root, disabledTopics);
    // The app shell of a page (`/` from the static files, the others below) names what that
    // page's first screen loads, so a first visit fetches it at once (route-hints.ts).
    const hints = loadRouteHints(root, disabledTopics, (msg) => scope.log.warn(msg));
    scope.addHook('onSend', async (request, reply, payload) => {
      if (reply.statusCode !== 200 || (request.method !== 'GET' && request.method !== 'HEAD'))
        return payload;
      if (!String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
      const path = routePath(request.url);
      if (!isAppPath(path)) return payload;
      const link = await hints.link(
        path,
        new URLSearchParams(request.url.slice(path.length + 1)),
        request.headers['accept-language'],
      );
      if (link) reply.header('link', link);
      return payload;
    });
    await scope.register(fastifyStatic, {
      root,
      wildcard: false,
      preCompressed: true,
      index: ['index.html'],
      // The recording studio's page is served by its own route, after the access check
      // (routes/studio/document.ts), never as a plain file.
      globIgnore: ['studio/**'],
      cacheControl: false,
      setHeaders(reply, path) {
        reply.header(
          'cache-control',
          path.includes(IMMUTABLE_PREFIX) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });

    scope.get('/favicon.ico', { schema: { hide: true } }, (_req, reply) =>
      reply.redirect('/favicon.svg', 301),
    );

    scope.get('/*', { schema: { hide: true } }, (request, reply) => {
      const path = routePath(request.url);
      if (path.startsWith('/api/') || path === '/api' || /\.[a-z0-9]+$/i.test(path)) {
        return reply.code(404).send(notFoundBody(request.method, path));
      }
      reply.header('cache-control', 'no-cache');
      if (!isAppPath(path)) reply.code(404);
      return reply.sendFile('index.html');
    });
  });
}
