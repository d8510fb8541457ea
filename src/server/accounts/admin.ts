// Running a deployment's accounts: the user list, approvals, switching accounts off, roles and
// the security log. Each action asks the policy whether this actor may act on this account.

import type { Role, UserStatus } from '../../db/schema';
import { HttpError } from '../http/errors';
import type { AccountsContext } from './context';
import { mayManageUser, visibleRoles } from './policy';
import type { Actor, UserAction } from './policy';
import { fromDbTime, toDbTime } from '../../db/time';
import { publicUser } from './users';
import type { PublicUser, UserRow } from './users';

/** The account when the actor may act on it; 404 when they may not even see it (no probing). */
async function target(
  ctx: AccountsContext,
  actor: Actor,
  id: string,
  action: UserAction,
): Promise<UserRow> {
  const user = await ctx.users.byId(id);
  if (!user || !mayManageUser(actor, user, 'view'))
    throw new HttpError(404, 'not_found', 'No such account');
  if (!mayManageUser(actor, user, action))
    throw new HttpError(403, 'forbidden', 'You may not do this to this account');
  return user;
}

export async function listUsers(
  ctx: AccountsContext,
  actor: Actor,
  filter: { status?: UserStatus | undefined; role?: Role | undefined },
): Promise<PublicUser[]> {
  const roles = visibleRoles(actor).filter((r) => !filter.role || r === filter.role);
  if (roles.length === 0) return [];
  let q = ctx.db.kysely.selectFrom('kite_user').selectAll().where('role', 'in', roles);
  if (filter.status) q = q.where('status', '=', filter.status);
  const rows = await q.orderBy('created_at', 'desc').limit(500).execute();
  return rows.map(publicUser);
}

export async function approveUser(
  ctx: AccountsContext,
  actor: Actor,
  id: string,
): Promise<PublicUser> {
  const now = ctx.now();
  const user = await target(ctx, actor, id, 'approve');
  if (user.status !== 'pending_approval' && user.status !== 'unverified') {
    throw new HttpError(400, 'bad_request', 'This account is not waiting for approval');
  }
  await ctx.users.update(user.id, { status: 'active' }, now);
  await ctx.audit.record(
    {
      event: 'user.approved',
      outcome: 'ok',
      actorId: actor.id,
      subjectId: user.id,
      detail: { role: user.role },
    },
    now,
  );
  return publicUser({ ...user, status: 'active' });
}

export async function disableUser(
  ctx: AccountsContext,
  actor: Actor,
  id: string,
): Promise<PublicUser> {
  const now = ctx.now();
  const user = await target(ctx, actor, id, 'disable');
  await ctx.users.update(user.id, { status: 'disabled' }, now);
  await ctx.sessions.revokeAll(user.id);
  await ctx.audit.record(
    { event: 'user.disabled', outcome: 'ok', actorId: actor.id, subjectId: user.id },
    now,
  );
  return publicUser({ ...user, status: 'disabled' });
}

export async function setRole(
  ctx: AccountsContext,
  actor: Actor,
  id: string,
  role: Role,
): Promise<PublicUser> {
  const now = ctx.now();
  const user = await target(ctx, actor, id, 'set_role');
  await ctx.users.update(user.id, { role }, now);
  // A new role may need a second factor the old one did not: sign in again.
  await ctx.sessions.revokeAll(user.id);
  await ctx.audit.record(
    {
      event: 'user.role_changed',
      outcome: 'ok',
      actorId: actor.id,
      subjectId: user.id,
      detail: { from: user.role, to: role },
    },
    now,
  );
  return publicUser({ ...user, role });
}

export interface AuditRow {
  readonly at: string;
  readonly event: string;
  readonly outcome: string;
  readonly actorId: string | null;
  readonly subjectId: string | null;
  readonly detail: unknown;
}

export async function readAudit(ctx: AccountsContext, limit: number): Promise<AuditRow[]> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_audit')
    .selectAll()
    .orderBy('at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((a) => ({
    at: toDbTime(fromDbTime(a.at)),
    event: a.event,
    outcome: a.outcome,
    actorId: a.actor_id,
    subjectId: a.subject_id,
    detail: typeof a.detail === 'string' ? (JSON.parse(a.detail) as unknown) : a.detail,
  }));
}
