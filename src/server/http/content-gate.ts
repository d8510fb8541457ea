import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { errorBody } from './errors';
import { routePath } from './route-path';

/** The content bundles that list or hold activities or item banks (src/content/bundle.ts). */
const BUNDLE =
  /^\/content\/([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\/(index|bands\/[a-z0-9-]+|measurement\/[a-z0-9-]+|activities\/[^/]+)\.json$/;

type Item = { id?: unknown; topic?: unknown };
type Json = Record<string, unknown>;

/** A bundle as this deployment serves it: without the switched-off topics, or not at all. */
type Gated = { body: Buffer; etag: string } | 'not_offered' | 'missing';

/**
 * Holds a deployment's disabled topics on the built content bundles, which are static files:
 * the index and band bundles are served without those topics and their activities, guides and
 * challenges, the measurement bundles without their item banks, and an activity of such a
 * topic answers `404 not_offered`. Only installed when a
 * topic is disabled; each bundle is filtered once and kept.
 */
export function installContentGate(
  app: FastifyInstance,
  webRoot: string,
  disabledTopics: readonly string[],
): void {
  if (disabledTopics.length === 0) return;
  const off = new Set(disabledTopics);
  const on = (v: unknown) => !off.has(String((v as Item).topic));
  const cache = new Map<string, Promise<Gated>>();

  const filter = (kind: string, json: Json): Json | 'not_offered' => {
    if (kind.startsWith('activities/')) return on(json) ? json : 'not_offered';
    const out: Json = { ...json };
    if (Array.isArray(json.topics)) {
      out.topics = json.topics.filter((t) => !off.has(String((t as Item).id)));
    }
    const withheld: string[] = [];
    for (const key of ['activities', 'guides', 'challenges', 'banks']) {
      if (!Array.isArray(json[key])) continue;
      const items = json[key] as unknown[];
      out[key] = items.filter(on);
      for (const item of items) if (!on(item)) withheld.push(String((item as Item).id));
    }
    // The index names what it leaves out, so a page can say "not offered here", not "not found".
    if (kind === 'index') out.notOffered = withheld;
    return out;
  };

  const load = async (path: string, kind: string): Promise<Gated> => {
    let text: string;
    try {
      text = await readFile(join(webRoot, path), 'utf8');
    } catch {
      return 'missing';
    }
    const gated = filter(kind, JSON.parse(text) as Json);
    if (gated === 'not_offered') return gated;
    const body = Buffer.from(JSON.stringify(gated));
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 27)}"`;
    return { body, etag };
  };

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return;
    const path = routePath(request.url);
    const match = BUNDLE.exec(path);
    if (!match) return;
    let pending = cache.get(path);
    if (!pending) {
      pending = load(path, match[2] ?? '');
      cache.set(path, pending);
    }
    const gated = await pending;
    if (gated === 'missing') return; // the static files answer (404)
    if (gated === 'not_offered') {
      return reply
        .code(404)
        .send(
          errorBody(
            'not_offered',
            'This is not offered here: the deployment switched its topic off',
          ),
        );
    }
    reply.header('cache-control', 'no-cache').header('etag', gated.etag);
    if (request.headers['if-none-match'] === gated.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(gated.body);
  });
}
