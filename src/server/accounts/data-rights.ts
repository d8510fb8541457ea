// Data rights (PRIV-14): "download my data" and "delete my account". The export names every
// field Kite holds about the person (docs/privacy/data-inventory.yaml marks which fields are
// exported and why secrets are not); deletion removes every row about them at once and keeps
// only an audit entry that names nobody. test/integration/privacy-inventory.test.ts holds both
// to the inventory and to every table of the database.

import { HttpError } from '../http/errors';
import type { AccountsContext } from './context';
import type { Me } from './self-service';
import { fromDbTime, toDbTime } from '../../db/time';
import { throttleBuckets } from './throttle';
import { removeLearnersOf } from '../classes/erase';
import { stampClassesDeleted } from '../records/records';

const when = (t: string | Date | null) => (t === null ? null : toDbTime(fromDbTime(t)));

export async function exportMyData(ctx: AccountsContext, m: Me): Promise<Record<string, unknown>> {
  const now = ctx.now();
  const k = ctx.db.kysely;
  const u = await k
    .selectFrom('kite_user')
    .selectAll()
    .where('id', '=', m.userId)
    .executeTakeFirst();
  if (!u) throw new HttpError(401, 'unauthenticated', 'Sign in again');
  const sessions = await k
    .selectFrom('kite_session')
    .selectAll()
    .where('user_id', '=', u.id)
    .execute();
  const codes = await k
    .selectFrom('kite_recovery_code')
    .selectAll()
    .where('user_id', '=', u.id)
    .execute();
  // The person's own links, and invitations sent to their address before they had an account.
  const tokens = await k
    .selectFrom('kite_token')
    .selectAll()
    .where((eb) => eb.or([eb('user_id', '=', u.id), eb('email', '=', u.email)]))
    .orderBy('created_at')
    .execute();
  const audit = await k
    .selectFrom('kite_audit')
    .selectAll()
    .where((eb) => eb.or([eb('actor_id', '=', u.id), eb('subject_id', '=', u.id)]))
    .orderBy('at')
    .execute();
  // Children the person added (with their consent) or follows, and a teacher's classes: what
  // they are, not the children's answers (those are the children's, PRIV-10).
  const ownChildren = await k
    .selectFrom('kite_learner')
    .select([
      'id',
      'nickname',
      'avatar',
      'band',
      'lang',
      'consent_at',
      'consent_notice',
      'created_at',
    ])
    .where('parent_id', '=', u.id)
    .orderBy('created_at')
    .execute();
  const links = await k
    .selectFrom('kite_family_link as f')
    .innerJoin('kite_learner as l', 'l.id', 'f.learner_id')
    .select([
      'l.id',
      'l.nickname',
      'f.created_at',
      'f.child_confirmed_at',
      'f.teacher_approved_at',
      'f.consent_notice',
    ])
    .where('f.parent_id', '=', u.id)
    .orderBy('f.created_at')
    .execute();
  const classes = await k
    .selectFrom('kite_class as c')
    .innerJoin('kite_school as s', 's.id', 'c.school_id')
    .select(['c.id', 'c.name', 'c.band', 'c.lang', 'c.created_at', 's.name as school'])
    .where('c.teacher_id', '=', u.id)
    .orderBy('c.created_at')
    .execute();
  // A company's services and assessments (docs/industry.md): what they are and where they
  // stand; the answers themselves are in the company's pages and reports.
  const services = await k
    .selectFrom('kite_industry_service')
    .select(['id', 'name', 'type', 'features', 'child_share', 'created_at'])
    .where('owner_id', '=', u.id)
    .orderBy('created_at')
    .execute();
  const assessments = await k
    .selectFrom('kite_industry_assessment')
    .select(['id', 'service_id', 'framework', 'state', 'created_at', 'submitted_at', 'accepted_at'])
    .where('owner_id', '=', u.id)
    .orderBy('created_at')
    .execute();
  await ctx.audit.record(
    { event: 'account.exported', outcome: 'ok', actorId: u.id, subjectId: u.id },
    now,
  );
  return {
    format: 'kite-my-data/1',
    exportedAt: toDbTime(now),
    about:
      'Everything Kite holds about you. Secrets (your password, the key of your sign-in app, session and link tokens) are stored only in a form nobody can read back, so they are named but not shown.',
    account: {
      id: u.id,
      email: u.email,
      displayName: u.display_name,
      role: u.role,
      status: u.status,
      passwordHash: 'held, not shown (Argon2id)',
      mfaEnabled: u.mfa_secret !== null,
      mfaSecret: u.mfa_secret === null ? null : 'held, not shown',
      mfaSetupInProgress: u.mfa_pending_secret !== null,
      mfaEnabledAt: when(u.mfa_enabled_at),
      mfaLastCodeStep: u.mfa_last_step === null ? null : Number(u.mfa_last_step),
      createdAt: when(u.created_at),
      updatedAt: when(u.updated_at),
      lastActiveAt: when(u.last_active_at),
      invitedBy: u.invited_by,
    },
    sessions: sessions.map((s) => ({
      id: s.id,
      stage: s.stage,
      device: s.device,
      createdAt: when(s.created_at),
      lastSeenAt: when(s.last_seen_at),
      expiresAt: when(s.expires_at),
      tokenHash: 'held, not shown',
    })),
    recoveryCodes: codes.map((c) => ({ usedAt: when(c.used_at), codeHash: 'held, not shown' })),
    links: tokens.map((t) => ({
      kind: t.kind,
      email: t.email,
      role: t.role,
      createdBy: t.created_by,
      createdAt: when(t.created_at),
      expiresAt: when(t.expires_at),
      usedAt: when(t.used_at),
      tokenHash: 'held, not shown',
    })),
    securityLog: audit.map((a) => ({
      at: when(a.at),
      event: a.event,
      outcome: a.outcome,
      byYou: a.actor_id === u.id,
      aboutYou: a.subject_id === u.id,
      detail: typeof a.detail === 'string' ? (JSON.parse(a.detail) as unknown) : a.detail,
    })),
    children: [
      ...ownChildren.map((c) => ({
        id: c.id,
        nickname: c.nickname,
        avatar: c.avatar,
        band: c.band,
        lang: c.lang,
        addedByYou: true,
        consentGivenAt: when(c.consent_at),
        consentNotice: c.consent_notice,
        createdAt: when(c.created_at),
      })),
      ...links.map((l) => ({
        id: l.id,
        nickname: l.nickname,
        addedByYou: false,
        linkAskedAt: when(l.created_at),
        childConfirmedAt: when(l.child_confirmed_at),
        teacherApprovedAt: when(l.teacher_approved_at),
        consentNotice: l.consent_notice,
      })),
    ],
    industry: {
      services: services.map((x) => ({
        id: x.id,
        name: x.name,
        type: x.type,
        features: JSON.parse(x.features) as unknown,
        childShare: x.child_share,
        createdAt: when(x.created_at),
      })),
      assessments: assessments.map((x) => ({
        id: x.id,
        serviceId: x.service_id,
        framework: x.framework,
        state: x.state,
        createdAt: when(x.created_at),
        submittedAt: when(x.submitted_at),
        acceptedAt: when(x.accepted_at),
      })),
    },
    classes: classes.map((c) => ({
      id: c.id,
      name: c.name,
      school: c.school,
      band: c.band,
      lang: c.lang,
      createdAt: when(c.created_at),
    })),
  };
}

/**
 * Deletes the account and every row about it, at once. The security log keeps its entries
 * with the person's id removed, and one entry saying an account was deleted (its role only).
 * The last active admin cannot delete themselves (the deployment would have no one to run it).
 */
export async function deleteMyAccount(
  ctx: AccountsContext,
  m: Me,
  password: string,
): Promise<void> {
  const now = ctx.now();
  const user = await ctx.users.byId(m.userId);
  if (!user) throw new HttpError(401, 'unauthenticated', 'Sign in again');
  if (!(await ctx.hasher.verify(user.password_hash, password))) {
    throw new HttpError(400, 'password_incorrect', 'Your password is not right');
  }
  if (
    user.role === 'admin' &&
    user.status === 'active' &&
    (await ctx.users.countActive('admin')) <= 1
  ) {
    throw new HttpError(409, 'last_admin', 'You are the only admin: make another admin first');
  }
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await tx
      .updateTable('kite_audit')
      .set({ actor_id: null })
      .where('actor_id', '=', user.id)
      .execute();
    await tx
      .updateTable('kite_audit')
      .set({ subject_id: null })
      .where('subject_id', '=', user.id)
      .execute();
    await tx
      .updateTable('kite_user')
      .set({ invited_by: null })
      .where('invited_by', '=', user.id)
      .execute();
    await tx
      .updateTable('kite_token')
      .set({ created_by: null })
      .where('created_by', '=', user.id)
      .execute();
    await tx.deleteFrom('kite_token').where('email', '=', user.email).execute();
    // Throttling counters keyed by this account (hashes of its email or id, credentials.ts).
    await tx
      .deleteFrom('kite_rate_limit')
      .where('bucket', 'in', [
        ...throttleBuckets('signin', user.email),
        ...throttleBuckets('reset', user.email),
        ...throttleBuckets('mfa', user.id),
      ])
      .execute();
    // The children of the person's classes and the children they made are erased for good,
    // with tombstones, as any erasure is (classes/erase.ts).
    await removeLearnersOf(tx, user.id, now);
    // Their classes go on the school's hub or national server too, and the shared records
    // forget the teacher's id (records/records.ts).
    await stampClassesDeleted(tx, now, user.id);
    // Sessions, recovery codes and the person's own links go with the row (on delete cascade).
    await tx.deleteFrom('kite_user').where('id', '=', user.id).execute();
  });
  await ctx.audit.record(
    { event: 'account.deleted', outcome: 'ok', detail: { role: user.role } },
    now,
  );
}
