import { PassThrough } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { ErrorBodySchema, HttpError } from '../../http/errors';
import { NoQuery } from '../accounts/schemas';
import type { HubsContext } from '../../hubs/context';
import { ingestChunk, OutOfScope } from '../../hubs/ingest';
import {
  HubAckSchema,
  HubChunkSchema,
  MAX_CHUNK_BYTES,
  RecordsAckSchema,
  RecordsPageSchema,
  RecordsPushSchema,
  RecordsQuerySchema,
} from '../../hubs/protocol';
import { recordsPage, takeRecords } from '../../hubs/records';
import { RecordsOutOfScope } from '../../records/records';
import { admit } from '../../hubs/queue';
import type { LastSync } from '../../hubs/queue';
import { hubOfToken } from '../../hubs/provisioning';
import type { HubIdentity } from '../../hubs/provisioning';

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,100})$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** The hub a hub credential speaks for, on the hub routes. */
    hub: HubIdentity | null;
  }
}

/**
 * A gzipped body as the plain body Fastify's JSON parser reads, the route's body limit holding
 * for the gunzipped bytes (no "zip bomb") and `Content-Length` checked against the bytes that
 * came. Bad gzip is `bad_gzip`.
 */
function gunzipped(raw: NodeJS.ReadableStream): NodeJS.ReadableStream {
  const out = new PassThrough() as PassThrough & { receivedEncodedLength: number };
  out.receivedEncodedLength = 0;
  raw.on('data', (c: Buffer) => (out.receivedEncodedLength += c.length));
  const gunzip = createGunzip();
  gunzip.on('error', () =>
    out.destroy(new HttpError(400, 'bad_gzip', 'The body is not valid gzip')),
  );
  raw.pipe(gunzip).pipe(out);
  return out;
}

/**
 * The national server's routes for school hubs (docs/deploy.md "A school hub"), in their own
 * scope: a hub credential in `Authorization: Bearer` (no session or device credential counts
 * here, and a hub credential counts nowhere else). A process works on at most
 * `uploadsInFlight` uploads at once; beyond them a hub hears 429 with `Retry-After` before its
 * body is read, the last free slot and the shorter waits going to the hubs that have gone
 * longest without an upload (queue.ts, SCALE-11).
 */
export const hubRoutes =
  (ctx: HubsContext): FastifyPluginAsyncZod =>
  async (app) => {
    // The last successful upload of each hub whose upload this process works on now.
    const inFlight = new Set<{ readonly lastSync: LastSync }>();
    app.decorateRequest('hub', null);
    app.addHook('onRequest', async (request: FastifyRequest, reply) => {
      const m = BEARER.exec(request.headers.authorization ?? '');
      if (!m) throw new HttpError(401, 'unauthenticated', 'This hub is not signed in');
      // One indexed read per upload, refused ones included: whom to favour is in the database.
      const hub = await hubOfToken(ctx.db, m[1] as string);
      const served = [...inFlight].map((u) => u.lastSync);
      const a = admit(served, ctx.uploadsInFlight, hub.lastSyncAt, ctx.now());
      if (!a.admit)
        throw new HttpError(429, 'server_busy', 'Many hubs are uploading; try again later', {
          'retry-after': String(a.retryAfterS),
        });
      const slot = { lastSync: hub.lastSyncAt };
      inFlight.add(slot);
      reply.raw.once('close', () => inFlight.delete(slot));
      request.hub = { id: hub.id, schoolId: hub.schoolId };
    });
    app.addHook('preParsing', async (request, _reply, payload) => {
      const encoding = (request.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
      if (encoding === 'identity') return payload;
      if (encoding === 'gzip') return gunzipped(payload);
      throw new HttpError(415, 'unsupported_media_type', 'Send the body as it is or gzipped');
    });

    app.post(
      '/api/hubs/upload',
      {
        bodyLimit: MAX_CHUNK_BYTES,
        schema: {
          tags: ['hubs'],
          summary:
            "A school hub's chunk of at most 500 events, gzipped or not: stored once, and the hub's high-water mark advanced with them",
          security: [{ hub: [] }],
          querystring: NoQuery,
          body: HubChunkSchema,
          response: {
            200: HubAckSchema,
            400: ErrorBodySchema,
            401: ErrorBodySchema,
            403: ErrorBodySchema,
            409: ErrorBodySchema,
            413: ErrorBodySchema,
            415: ErrorBodySchema,
            429: ErrorBodySchema,
          },
        },
      },
      async (request) => {
        const hub = request.hub as HubIdentity;
        try {
          const { ack, instance, newInstance } = await ingestChunk(ctx, hub, request.body);
          // A copy of a hub's database, or one restored from a backup, uploads as a new
          // instance (SCALE-06): worth a line for the operator.
          if (newInstance)
            request.log.warn(
              { hub: hub.id, instance },
              'hub upload from a new instance of this hub',
            );
          return ack;
        } catch (e) {
          if (e instanceof OutOfScope)
            request.log.warn(
              { hub: hub.id, events: e.events },
              'hub upload refused: learners outside its school',
            );
          throw e;
        }
      },
    );

    app.get(
      '/api/hubs/records',
      {
        schema: {
          tags: ['hubs'],
          summary:
            "The changes of the hub's school's classes, children and assignments after the server's change number `after`, at most 500, each field with its clock",
          security: [{ hub: [] }],
          querystring: RecordsQuerySchema,
          response: {
            200: RecordsPageSchema,
            400: ErrorBodySchema,
            401: ErrorBodySchema,
            429: ErrorBodySchema,
          },
        },
      },
      async (request) =>
        recordsPage(ctx.db, request.hub as HubIdentity, Number(request.query.after)),
    );

    app.post(
      '/api/hubs/records',
      {
        bodyLimit: MAX_CHUNK_BYTES,
        schema: {
          tags: ['hubs'],
          summary:
            "A hub's own changes of its school's classes, children and assignments, gzipped or not: merged field by field, the later write winning",
          security: [{ hub: [] }],
          querystring: NoQuery,
          body: RecordsPushSchema,
          response: {
            200: RecordsAckSchema,
            400: ErrorBodySchema,
            401: ErrorBodySchema,
            403: ErrorBodySchema,
            413: ErrorBodySchema,
            415: ErrorBodySchema,
            429: ErrorBodySchema,
          },
        },
      },
      async (request) => {
        const hub = request.hub as HubIdentity;
        try {
          const applied = await takeRecords(ctx.db, hub, request.body, ctx.now());
          // A hub whose clock is more than a day ahead (SCALE-09): its readings were clamped.
          if (applied.clamped > 0)
            request.log.warn(
              { hub: hub.id, fields: applied.clamped },
              'hub records clamped: their clock readings were more than a day ahead of this server',
            );
          return applied;
        } catch (e) {
          if (e instanceof RecordsOutOfScope)
            request.log.warn(
              { hub: hub.id, records: e.records },
              'hub records refused: outside its school',
            );
          throw e;
        }
      },
    );
  };
