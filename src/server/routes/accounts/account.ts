import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccountsContext } from '../../accounts/context';
import { deleteMyAccount, exportMyData } from '../../accounts/data-rights';
import { deviceLabel } from '../../accounts/device';
import {
  changePassword,
  me,
  mfaConfirm,
  mfaDisable,
  mfaSetup,
  regenerateRecoveryCodes,
  rename,
} from '../../accounts/self-service';
import { ErrorBodySchema, HttpError } from '../../http/errors';
import { actorOf, clearSessionCookie, guarded, setSessionCookie } from './guard';
import {
  Code,
  DisplayName,
  IdParams,
  NewPassword,
  NoQuery,
  Password,
  RecoveryCodesSchema,
  UserSchema,
} from './schemas';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  429: ErrorBodySchema,
};

/** A signed-in person's own account: settings, second factor, sessions, their data. */
export const accountRoutes =
  (ctx: AccountsContext, secure: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['account'];
    const mine = (r: { actor: unknown; sessionId: unknown } & Parameters<typeof actorOf>[0]) => {
      const a = actorOf(r);
      return { userId: a.id, sessionId: a.sessionId };
    };

    app.get(
      '/api/account',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'My account',
          querystring: NoQuery,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request) => me(ctx, mine(request)),
    );

    app.patch(
      '/api/account',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Change my name',
          body: z.strictObject({ displayName: DisplayName }),
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request) => rename(ctx, mine(request), request.body.displayName),
    );

    app.post(
      '/api/account/password',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Change my password; my other sessions end',
          body: z.strictObject({ currentPassword: Password, newPassword: NewPassword }),
          response: { 200: z.object({ status: z.literal('changed') }), ...errors },
        },
      },
      async (request, reply) => {
        const { token } = await changePassword(
          ctx,
          mine(request),
          request.body.currentPassword,
          request.body.newPassword,
          deviceLabel(request.headers['user-agent']),
        );
        setSessionCookie(reply, secure, token);
        return { status: 'changed' as const };
      },
    );

    app.post(
      '/api/account/mfa/setup',
      {
        ...guarded('enrolling'),
        schema: {
          tags,
          summary: 'Start two-step sign-in: a secret for the authenticator app',
          response: {
            200: z.object({ secret: z.string(), uri: z.string(), qrSvg: z.string() }),
            ...errors,
          },
        },
      },
      async (request) => mfaSetup(ctx, mine(request)),
    );

    app.post(
      '/api/account/mfa/confirm',
      {
        ...guarded('enrolling'),
        schema: {
          tags,
          summary:
            'Finish two-step sign-in with a code from the app; returns recovery codes, shown once',
          body: z.strictObject({ code: Code }),
          response: { 200: RecoveryCodesSchema, ...errors },
        },
      },
      async (request, reply) => {
        const { recoveryCodes, token } = await mfaConfirm(
          ctx,
          mine(request),
          request.body.code,
          deviceLabel(request.headers['user-agent']),
        );
        if (token) setSessionCookie(reply, secure, token);
        return { recoveryCodes };
      },
    );

    app.post(
      '/api/account/mfa/disable',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Switch two-step sign-in off (parents and companies only)',
          body: z.strictObject({ password: Password }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await mfaDisable(ctx, mine(request), request.body.password);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/account/mfa/recovery-codes',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'New recovery codes (the old ones stop working)',
          body: z.strictObject({ code: Code }),
          response: { 200: RecoveryCodesSchema, ...errors },
        },
      },
      async (request) => ({
        recoveryCodes: await regenerateRecoveryCodes(ctx, mine(request), request.body.code),
      }),
    );

    app.get(
      '/api/account/sessions',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Where I am signed in',
          querystring: NoQuery,
          response: {
            200: z.object({
              sessions: z.array(
                z.object({
                  id: z.string(),
                  current: z.boolean(),
                  device: z.string(),
                  createdAt: z.string(),
                  lastSeenAt: z.string(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const m = mine(request);
        const list = await ctx.sessions.list(m.userId, ctx.now());
        return {
          sessions: list.map((s) => ({
            id: s.id,
            current: s.id === m.sessionId,
            device: s.device,
            createdAt: new Date(s.createdAt).toISOString(),
            lastSeenAt: new Date(s.lastSeenAt).toISOString(),
          })),
        };
      },
    );

    app.delete(
      '/api/account/sessions/:id',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Sign out one of my sessions',
          params: IdParams,
          response: { 204: z.null(), 404: ErrorBodySchema, ...errors },
        },
      },
      async (request, reply) => {
        const m = mine(request);
        // Another person's session is "not found": ids cannot be probed.
        if (!(await ctx.sessions.revoke(m.userId, request.params.id))) {
          throw new HttpError(404, 'not_found', 'No such session');
        }
        await ctx.audit.record(
          { event: 'session.revoked', outcome: 'ok', actorId: m.userId, subjectId: m.userId },
          ctx.now(),
        );
        if (request.params.id === m.sessionId) clearSessionCookie(reply, secure);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/account/sessions/revoke-all',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Sign out everywhere, this browser included',
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const m = mine(request);
        const n = await ctx.sessions.revokeAll(m.userId);
        await ctx.audit.record(
          {
            event: 'sessions.revoked_all',
            outcome: 'ok',
            actorId: m.userId,
            subjectId: m.userId,
            detail: { count: n },
          },
          ctx.now(),
        );
        clearSessionCookie(reply, secure);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/account/export',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Download everything Kite holds about me, as JSON',
          querystring: NoQuery,
          response: { 200: z.record(z.string(), z.unknown()), ...errors },
        },
      },
      async (request, reply) => {
        const data = await exportMyData(ctx, mine(request));
        reply.header('content-disposition', 'attachment; filename="kite-my-data.json"');
        reply.header('cache-control', 'no-store');
        return data;
      },
    );

    app.post(
      '/api/account/delete',
      {
        ...guarded('account'),
        schema: {
          tags,
          summary: 'Delete my account and everything about me, now',
          body: z.strictObject({ password: Password }),
          response: { 204: z.null(), 409: ErrorBodySchema, ...errors },
        },
      },
      async (request, reply) => {
        await deleteMyAccount(ctx, mine(request), request.body.password);
        clearSessionCookie(reply, secure);
        return reply.code(204).send(null);
      },
    );
  };
