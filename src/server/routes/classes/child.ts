import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ClassesContext } from '../../classes/context';
import { learnerOfToken, lookUpClass, signInChild, signOutDevice } from '../../classes/child-auth';
import { confirmLink } from '../../classes/family';
import { childMe } from '../../classes/me';
import { eraseProgress, sync } from '../../classes/sync';
import { ErrorBodySchema, HttpError } from '../../http/errors';
import { NoQuery } from '../accounts/schemas';
import { refuseUnexpectedBody } from '../../http/no-body';
import {
  BandSchema,
  ChildLearnerSchema,
  ClassCode,
  Id,
  PictureId,
  StoredEventSchema,
  SyncRequestSchema,
} from './schemas';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** A child route: `device` needs a device credential (`Authorization: Bearer`). */
    child?: 'public' | 'device';
  }
}

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  404: ErrorBodySchema,
  410: ErrorBodySchema,
  429: ErrorBodySchema,
  // The database restarting or failing over (database_unavailable, with Retry-After): a sync
  // is first sent again for KITE_DB_RETRY_MS (docs/deploy.md).
  503: ErrorBodySchema,
};

const BEARER = /^Bearer ([A-Za-z0-9_-]{1,100})$/;

/** The device token of a request, or null. */
function bearer(request: FastifyRequest): string | null {
  const m = BEARER.exec(request.headers.authorization ?? '');
  return m ? (m[1] as string) : null;
}

/** The signed-in learner of a device route (the hook below checked it). */
const signedIn = (request: FastifyRequest) => request.learnerId as string;

declare module 'fastify' {
  interface FastifyRequest {
    /** The learner a device credential speaks for, on child routes. */
    learnerId: string | null;
  }
}

/**
 * The child's routes, in their own scope: a device credential in `Authorization: Bearer`
 * (never a cookie, so no CSRF), checked before every `device` route; no adult session counts
 * here, and a device credential counts nowhere else.
 */
export const childRoutes =
  (ctx: ClassesContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['child'];
    app.decorateRequest('learnerId', null);
    app.addHook('onRoute', (route) => {
      const child = route.config?.child;
      if (child === undefined)
        throw new Error(`${String(route.method)} ${route.url} declares no child access`);
      route.schema = {
        querystring: NoQuery,
        ...route.schema,
        security: child === 'public' ? [] : [{ device: [] }],
      };
    });
    app.addHook('onRequest', async (request) => {
      if (request.routeOptions.config.child !== 'device') return;
      const token = bearer(request);
      if (!token) throw new HttpError(401, 'unauthenticated', 'This device is not signed in');
      // A read and a touch of the credential's last use: the same when done twice, so sent
      // again while the primary fails over, like the sync it comes before.
      request.learnerId = await ctx.db.retrying(() => learnerOfToken(ctx, token));
    });
    app.addHook('preValidation', refuseUnexpectedBody);
    const pub = { config: { child: 'public' as const } };
    const device = { config: { child: 'device' as const } };

    app.post(
      '/api/child/class',
      {
        ...pub,
        schema: {
          tags,
          summary: "Sign-in, step one: a class code gives the class's nicknames (throttled)",
          body: z.strictObject({ code: ClassCode }),
          response: {
            200: z.object({
              class: z.object({ name: z.string(), band: BandSchema, lang: z.string() }),
              children: z.array(
                z.object({ id: z.string(), nickname: z.string(), avatar: z.string() }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => lookUpClass(ctx, request.body.code, request.ip),
    );

    app.post(
      '/api/child/sign-in',
      {
        ...pub,
        schema: {
          tags,
          summary:
            'Sign-in, step two: the child taps their three pictures; the device gets a credential',
          body: z.strictObject({
            code: ClassCode,
            learner: Id,
            pictures: z.array(PictureId).length(3),
          }),
          response: {
            201: z.object({ token: z.string(), learner: ChildLearnerSchema }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await signInChild(ctx, request.body, request.ip)),
    );

    app.get(
      '/api/child/me',
      {
        ...device,
        schema: {
          tags,
          summary: 'The signed-in child: who can see their progress, assignments, link requests',
          response: {
            200: z.object({
              learner: ChildLearnerSchema,
              watchers: z.array(
                z.object({ role: z.enum(['teacher', 'parent']), displayName: z.string() }),
              ),
              assignments: z.array(z.object({ id: z.string(), activity: z.string() })),
              links: z.array(z.object({ id: z.string(), parent: z.string() })),
            }),
            ...errors,
          },
        },
      },
      async (request) => childMe(ctx, signedIn(request)),
    );

    app.post(
      '/api/child/sync',
      {
        ...device,
        schema: {
          tags,
          summary: 'Send new events and receive those of other devices (idempotent by event id)',
          body: SyncRequestSchema,
          response: {
            200: z.union([
              z.object({
                epoch: z.number().int(),
                acked: z.array(z.string()),
                events: z.array(StoredEventSchema),
                cursor: z.string().nullable(),
                more: z.boolean(),
              }),
              z.object({ erased: z.object({ epoch: z.number().int() }) }),
            ]),
            ...errors,
          },
        },
      },
      async (request) => sync(ctx, signedIn(request), request.body),
    );

    app.post(
      '/api/child/links/:linkId/confirm',
      {
        ...device,
        schema: {
          tags,
          summary: 'The child agrees that a parent may see their progress',
          params: z.strictObject({ linkId: Id }),
          response: { 200: z.object({ confirmed: z.literal(true) }), ...errors },
        },
      },
      async (request) => {
        await confirmLink(ctx, signedIn(request), request.params.linkId);
        return { confirmed: true as const };
      },
    );

    app.delete(
      '/api/child/me/progress',
      {
        ...device,
        schema: {
          tags,
          summary: "Erase the child's progress everywhere (every device is told when it syncs)",
          response: { 200: z.object({ epoch: z.number().int() }), ...errors },
        },
      },
      async (request) => {
        const epoch = await eraseProgress(ctx, signedIn(request));
        await ctx.audit.record(
          { event: 'child.progress_erased', outcome: 'ok', subjectId: signedIn(request) },
          ctx.now(),
        );
        return { epoch };
      },
    );

    app.delete(
      '/api/child/device',
      {
        ...device,
        schema: {
          tags,
          summary: 'Sign this device out ("not you?" on a shared device)',
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await signOutDevice(ctx, bearer(request)!);
        return reply.code(204).send(null);
      },
    );
  };
