import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AccountsContext } from '../../accounts/context';
import { approveUser, disableUser, listUsers, readAudit, setRole } from '../../accounts/admin';
import { invite } from '../../accounts/credentials';
import { invitableRoles } from '../../accounts/policy';
import { ErrorBodySchema, HttpError } from '../../http/errors';
import { actorOf, guarded } from './guard';
import { Email, IdParams, RoleSchema, StatusSchema, UserSchema } from './schemas';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};

/** Running the deployment's accounts (admins; coordinators for companies). */
export const adminRoutes =
  (ctx: AccountsContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['admin'];
    const managers = guarded(['admin', 'coordinator']);

    app.get(
      '/api/admin/users',
      {
        ...managers,
        schema: {
          tags,
          summary: 'Accounts I may manage',
          querystring: z.strictObject({
            status: StatusSchema.optional(),
            role: RoleSchema.optional(),
          }),
          response: { 200: z.object({ users: z.array(UserSchema) }), ...errors },
        },
      },
      async (request) => ({ users: await listUsers(ctx, actorOf(request), request.query) }),
    );

    app.post(
      '/api/admin/invites',
      {
        ...managers,
        schema: {
          tags,
          summary: 'Invite a person with a role (admins: any; coordinators: companies)',
          body: z.strictObject({ email: Email, role: RoleSchema }),
          response: { 201: z.object({ link: z.string(), mailed: z.boolean() }), ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        if (!invitableRoles(actor).includes(request.body.role)) {
          throw new HttpError(403, 'forbidden', 'You may not invite this role');
        }
        return reply
          .code(201)
          .send(await invite(ctx, actor, request.body.email, request.body.role));
      },
    );

    app.post(
      '/api/admin/users/:id/approve',
      {
        ...managers,
        schema: {
          tags,
          summary: 'Approve an account waiting for approval',
          params: IdParams,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request) => approveUser(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/api/admin/users/:id/disable',
      {
        ...guarded(['admin']),
        schema: {
          tags,
          summary: 'Switch an account off; its sessions end',
          params: IdParams,
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request) => disableUser(ctx, actorOf(request), request.params.id),
    );

    app.post(
      '/api/admin/users/:id/role',
      {
        ...guarded(['admin']),
        schema: {
          tags,
          summary: "Change an account's role; its sessions end",
          params: IdParams,
          body: z.strictObject({ role: RoleSchema }),
          response: { 200: UserSchema, ...errors },
        },
      },
      async (request) => setRole(ctx, actorOf(request), request.params.id, request.body.role),
    );

    app.get(
      '/api/admin/audit',
      {
        ...guarded(['admin']),
        schema: {
          tags,
          summary: 'The security log, newest first',
          querystring: z.strictObject({
            limit: z.coerce.number().int().min(1).max(1000).default(200),
          }),
          response: {
            200: z.object({
              entries: z.array(
                z.object({
                  at: z.string(),
                  event: z.string(),
                  outcome: z.string(),
                  actorId: z.string().nullable(),
                  subjectId: z.string().nullable(),
                  detail: z.unknown(),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => ({ entries: await readAudit(ctx, request.query.limit) }),
    );
  };
