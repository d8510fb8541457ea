import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AccountsContext } from '../../accounts/context';
import {
  acceptInvite,
  requestReset,
  resetPassword,
  setupAdmin,
  signin,
  signinMfa,
  signup,
  verifyEmail,
} from '../../accounts/credentials';
import type { Client } from '../../accounts/credentials';
import { deviceLabel } from '../../accounts/device';
import { publicUser } from '../../accounts/users';
import { ErrorBodySchema } from '../../http/errors';
import { actorOf, clearSessionCookie, guarded, setSessionCookie } from './guard';
import {
  Code,
  DisplayName,
  Email,
  NewPassword,
  NoQuery,
  Password,
  SignedInSchema,
  StageSchema,
  Token,
  UserSchema,
} from './schemas';

export function clientOf(request: FastifyRequest): Client {
  return { ip: request.ip, device: deviceLabel(request.headers['user-agent']) };
}

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  429: ErrorBodySchema,
};

/** Signing up, in and out; verification, reset, invitations, the first admin. */
export const authRoutes =
  (ctx: AccountsContext, secure: boolean): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['auth'];

    app.get(
      '/api/auth/csrf',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary: 'A CSRF token to send as x-csrf-token on state-changing requests',
          querystring: NoQuery,
          response: { 200: z.object({ token: z.string() }) },
        },
      },
      async (_request, reply) => ({ token: reply.generateCsrf() }),
    );

    app.get(
      '/api/auth/session',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary: 'Who is signed in on this browser, if anyone',
          querystring: NoQuery,
          response: {
            200: z.object({ user: UserSchema.nullable(), stage: StageSchema.nullable() }),
          },
        },
      },
      async (request) => {
        if (!request.actor) return { user: null, stage: null };
        const user = await ctx.users.byId(request.actor.id);
        return user
          ? { user: publicUser(user), stage: request.actor.stage }
          : { user: null, stage: null };
      },
    );

    app.post(
      '/api/auth/signup',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary: 'Make a parent or teacher account, or ask for a company account',
          body: z.strictObject({
            email: Email,
            displayName: DisplayName,
            password: NewPassword,
            role: z.enum(['parent', 'teacher', 'company']),
          }),
          response: {
            201: z.object({ status: z.enum(['verify_email', 'pending_approval']) }),
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const status = await signup(ctx, request.body, clientOf(request));
        return reply.code(201).send({ status });
      },
    );

    app.post(
      '/api/auth/verify-email',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary: 'Confirm an email address with the link from the mail',
          body: z.strictObject({ token: Token }),
          response: {
            200: z.object({ status: z.enum(['active', 'pending_approval']) }),
            ...errors,
          },
        },
      },
      async (request) => ({ status: await verifyEmail(ctx, request.body.token) }),
    );

    app.post(
      '/api/auth/signin',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary:
            'Sign in with email and password (then the second step, when the account has one)',
          body: z.strictObject({ email: Email, password: Password }),
          response: { 200: SignedInSchema, ...errors },
        },
      },
      async (request, reply) => {
        const result = await signin(ctx, request.body, clientOf(request));
        // A new token at every sign-in: a session fixed before it is worth nothing.
        if (request.sessionId && request.actor) {
          await ctx.sessions.revoke(request.actor.id, request.sessionId);
        }
        setSessionCookie(reply, secure, result.token);
        return { stage: result.stage, user: result.user };
      },
    );

    app.post(
      '/api/auth/signin/mfa',
      {
        ...guarded('session'),
        schema: {
          tags,
          summary: 'The second step of signing in: a code from the app, or a recovery code',
          body: z.strictObject({ code: Code }),
          response: { 200: SignedInSchema, ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (actor.stage !== 'mfa') {
          return reply
            .code(400)
            .send({ error: { code: 'bad_request', message: 'No second step is waiting' } });
        }
        const result = await signinMfa(
          ctx,
          { id: actor.sessionId, userId: actor.id },
          request.body.code,
          clientOf(request),
        );
        setSessionCookie(reply, secure, result.token);
        return { stage: result.stage, user: result.user };
      },
    );

    app.post(
      '/api/auth/signout',
      {
        ...guarded('session'),
        schema: {
          tags,
          summary: 'Sign out on this browser',
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        await ctx.sessions.revoke(actor.id, actor.sessionId);
        await ctx.audit.record(
          { event: 'signout', outcome: 'ok', actorId: actor.id, subjectId: actor.id },
          ctx.now(),
        );
        clearSessionCookie(reply, secure);
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/auth/reset/request',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary:
            'Ask for a password-reset mail (the same answer whether or not the address has an account)',
          body: z.strictObject({ email: Email }),
          response: { 202: z.object({ status: z.literal('sent') }), ...errors },
        },
      },
      async (request, reply) => {
        await requestReset(ctx, request.body.email, clientOf(request));
        return reply.code(202).send({ status: 'sent' as const });
      },
    );

    app.post(
      '/api/auth/reset',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary: 'Choose a new password with the link from the mail; every session ends',
          body: z.strictObject({ token: Token, password: NewPassword }),
          response: { 200: z.object({ status: z.literal('reset') }), ...errors },
        },
      },
      async (request) => {
        await resetPassword(ctx, request.body.token, request.body.password);
        return { status: 'reset' as const };
      },
    );

    app.post(
      '/api/auth/invite/accept',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary: 'Make the invited account',
          body: z.strictObject({ token: Token, displayName: DisplayName, password: NewPassword }),
          response: {
            201: z.object({ status: z.literal('active'), user: UserSchema }),
            409: ErrorBodySchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const user = await acceptInvite(
          ctx,
          request.body.token,
          request.body.displayName,
          request.body.password,
        );
        return reply.code(201).send({ status: 'active' as const, user });
      },
    );

    app.post(
      '/api/auth/setup',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary:
            "Make the first admin with the one-time link printed at the server's first start",
          body: z.strictObject({
            token: Token,
            email: Email,
            displayName: DisplayName,
            password: NewPassword,
          }),
          response: {
            201: z.object({ status: z.literal('active'), user: UserSchema }),
            409: ErrorBodySchema,
            ...errors,
          },
        },
      },
      async (request, reply) => {
        const { token, ...input } = request.body;
        const user = await setupAdmin(ctx, token, input);
        return reply.code(201).send({ status: 'active' as const, user });
      },
    );
  };
