// The retention schedule as purge steps (PRIV-18), in the order they run. Periods come from the
// configuration (KITE_RETAIN_*). Inactive child accounts (KITE_RETAIN_CHILD_MONTHS, default 12)
// have no step yet: there is no child table until the classes issue (#13), which adds the step
// here, deleting child accounts inactive for `retention.childMonths` months.

import { rateLimitCounters } from '../../db/rate-limit';
import { toDbTime } from '../../db/time';
import { IDLE_MS } from '../accounts/sessions';
import type { Retention } from '../config/config';
import type { PurgeStep } from './purge';

const DAY_MS = 86_400_000;

/** Security audit rows older than `days` days. */
export function auditStep(days: number): PurgeStep {
  return {
    name: 'audit',
    describe: `security audit rows older than ${days} ${days === 1 ? 'day' : 'days'}`,
    async run(db, now) {
      const result = await db.kysely
        .deleteFrom('kite_audit')
        .where('at', '<', toDbTime(now - days * DAY_MS))
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}

/**
 * Sessions that have ended: past their absolute expiry, or idle for longer than the idle
 * timeout (sessions.ts ends those at their next request; this deletes the ones never used again).
 */
export const sessionsStep: PurgeStep = {
  name: 'sessions',
  describe: 'ended sessions',
  async run(db, now) {
    const result = await db.kysely
      .deleteFrom('kite_session')
      .where((eb) =>
        eb.or([
          eb('expires_at', '<=', toDbTime(now)),
          eb('last_seen_at', '<=', toDbTime(now - IDLE_MS)),
        ]),
      )
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/** One-time tokens (e-mail verification, reset, invite, setup) used or expired. */
export const tokensStep: PurgeStep = {
  name: 'tokens',
  describe: 'used or expired tokens',
  async run(db, now) {
    const result = await db.kysely
      .deleteFrom('kite_token')
      .where((eb) => eb.or([eb('used_at', 'is not', null), eb('expires_at', '<=', toDbTime(now))]))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/** How long an account whose email was never confirmed is kept (its link lived 24 hours). */
export const UNCONFIRMED_DAYS = 30;

/**
 * Accounts whose email address was never confirmed, made more than {@link UNCONFIRMED_DAYS}
 * days ago: nobody can sign in to them. Their security-log entries stay, without the id.
 */
export const unconfirmedStep: PurgeStep = {
  name: 'unconfirmed-accounts',
  describe: `accounts never confirmed within ${UNCONFIRMED_DAYS} days`,
  async run(db, now) {
    return db.kysely.transaction().execute(async (tx) => {
      const old = await tx
        .selectFrom('kite_user')
        .select('id')
        .where('status', '=', 'unverified')
        .where('created_at', '<', toDbTime(now - UNCONFIRMED_DAYS * DAY_MS))
        .execute();
      const ids = old.map((u) => u.id);
      if (ids.length === 0) return 0;
      await tx
        .updateTable('kite_audit')
        .set({ actor_id: null })
        .where('actor_id', 'in', ids)
        .execute();
      await tx
        .updateTable('kite_audit')
        .set({ subject_id: null })
        .where('subject_id', 'in', ids)
        .execute();
      const result = await tx.deleteFrom('kite_user').where('id', 'in', ids).executeTakeFirst();
      return Number(result.numDeletedRows);
    });
  },
};

/** Rate-limit counters whose window has ended (src/db/rate-limit.ts). */
export const rateLimitStep: PurgeStep = {
  name: 'rate-limits',
  describe: 'ended rate-limit windows',
  run: (db, now) => rateLimitCounters(db).sweep(now),
};

/** Every retention rule of this deployment, in order. */
export function retentionSteps(retention: Retention): PurgeStep[] {
  return [auditStep(retention.auditDays), sessionsStep, tokensStep, unconfirmedStep, rateLimitStep];
}
