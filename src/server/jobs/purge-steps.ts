// The retention schedule as purge steps (PRIV-18), in the order they run. Periods come from the
// configuration (KITE_RETAIN_*): inactive children after KITE_RETAIN_CHILD_MONTHS (default 12).

import { rateLimitCounters } from '../../db/rate-limit';
import { toDbTime } from '../../db/time';
import { IDLE_MS } from '../accounts/sessions';
import { removeLearner } from '../classes/erase';
import type { Retention } from '../config/config';
import type { PurgeStep } from './purge';
import { feedbackDay } from '../../engine';
import { evidenceStep } from './evidence-step';

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

/** A month for retention: 30 days (a child's inactivity is not measured to the day). */
const MONTH_MS = 30 * DAY_MS;

/**
 * Children (of a class or a family) whose device has not reached the server for `months`
 * months: erased for good as a teacher's erase would (their rows go, a tombstone stays), so a
 * device that comes back later is told and forgets them.
 */
export function inactiveChildrenStep(months: number): PurgeStep {
  return {
    name: 'inactive-children',
    describe: `children inactive for ${months} ${months === 1 ? 'month' : 'months'}`,
    async run(db, now) {
      const old = await db.kysely
        .selectFrom('kite_learner')
        .select('id')
        .where('last_active_at', '<', toDbTime(now - months * MONTH_MS))
        .execute();
      for (const { id } of old) {
        await db.kysely.transaction().execute((tx) => removeLearner(tx, id, now));
      }
      return old.length;
    },
  };
}

/** How long a revoked device credential is kept, to tell its device why it was signed out. */
export const REVOKED_DEVICE_DAYS = 90;

/** Device credentials revoked (signed out, or their child erased) more than 90 days ago. */
export const revokedDevicesStep: PurgeStep = {
  name: 'revoked-devices',
  describe: `device credentials revoked more than ${REVOKED_DEVICE_DAYS} days ago`,
  async run(db, now) {
    const result = await db.kysely
      .deleteFrom('kite_device_credential')
      .where('revoked_at', '<', toDbTime(now - REVOKED_DEVICE_DAYS * DAY_MS))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/**
 * How long children's anonymous feedback is kept (docs/privacy/data-inventory.yaml): two years,
 * so authors can compare an activity before and after a rewrite, and no longer.
 */
export const FEEDBACK_DAYS = 730;

/** Feedback answers whose day is more than {@link FEEDBACK_DAYS} days ago. */
export const feedbackStep: PurgeStep = {
  name: 'feedback',
  describe: `children's feedback older than ${FEEDBACK_DAYS} days`,
  async run(db, now) {
    const result = await db.kysely
      .deleteFrom('kite_feedback')
      .where('day', '<', feedbackDay(now - FEEDBACK_DAYS * DAY_MS))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  },
};

/**
 * Every retention rule of this deployment, in order. `evidenceDir` is where industry evidence
 * documents are written (`<dataDir>/evidence`); without it their step is left out.
 */
export function retentionSteps(retention: Retention, evidenceDir?: string): PurgeStep[] {
  return [
    auditStep(retention.auditDays),
    sessionsStep,
    tokensStep,
    unconfirmedStep,
    inactiveChildrenStep(retention.childMonths),
    revokedDevicesStep,
    feedbackStep,
    ...(evidenceDir === undefined ? [] : [evidenceStep(evidenceDir)]),
    rateLimitStep,
  ];
}
