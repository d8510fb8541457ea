// Server-side sessions in the database (SEC-05), so any number of app processes share them.
// The browser holds a random 256-bit token; the database holds its SHA-256 and a separate
// public id (for the sessions list and revoking one). A session ends after 30 minutes without
// a request, 12 hours after sign-in, on sign-out, revocation or a password change.

import type { Db } from '../../db/connect';
import type { Role, SessionStage } from '../../db/schema';
import { randomToken, tokenHash } from './tokens';
import { fromDbTime, toDbTime } from '../../db/time';

export const IDLE_MS = 30 * 60_000;
export const ABSOLUTE_MS = 12 * 60 * 60_000;
/** A half-signed-in session (password given, code not yet): 10 minutes to give the code. */
export const MFA_STEP_MS = 10 * 60_000;
/** `last_seen_at` is written at most this often, not on every request. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionTiming {
  readonly idleMs: number;
  readonly absoluteMs: number;
}

export const SESSION_TIMING: SessionTiming = { idleMs: IDLE_MS, absoluteMs: ABSOLUTE_MS };

/** A live session and its person. */
export interface LiveSession {
  readonly id: string;
  readonly userId: string;
  readonly role: Role;
  readonly stage: SessionStage;
  readonly expiresAt: number;
}

export interface SessionInfo {
  readonly id: string;
  readonly device: string;
  readonly createdAt: number;
  readonly lastSeenAt: number;
}

export interface Sessions {
  /** A new session; returns the token for the cookie (shown once, never stored). */
  create(
    userId: string,
    stage: SessionStage,
    device: string,
    now: number,
  ): Promise<{ id: string; token: string }>;
  /** The live session of a token, refreshing its idle timer; null when unknown or ended. */
  find(token: string, now: number): Promise<LiveSession | null>;
  /** Ends one session of a person (false when it is not theirs or already ended). */
  revoke(userId: string, id: string): Promise<boolean>;
  /** Ends every session of a person, or every one but `exceptId`. */
  revokeAll(userId: string, exceptId?: string): Promise<number>;
  list(userId: string, now: number): Promise<SessionInfo[]>;
}

export function sessions(db: Db, timing: SessionTiming = SESSION_TIMING): Sessions {
  const k = db.kysely;
  return {
    async create(userId, stage, device, now) {
      const token = randomToken(32);
      const id = randomToken();
      const life = stage === 'mfa' ? Math.min(MFA_STEP_MS, timing.absoluteMs) : timing.absoluteMs;
      await k
        .insertInto('kite_session')
        .values({
          id,
          token_hash: tokenHash(token),
          user_id: userId,
          stage,
          device: device.slice(0, 60),
          created_at: toDbTime(now),
          last_seen_at: toDbTime(now),
          expires_at: toDbTime(now + life),
        })
        .execute();
      return { id, token };
    },

    async find(token, now) {
      if (!token || token.length > 100) return null;
      const row = await k
        .selectFrom('kite_session as s')
        .innerJoin('kite_user as u', 'u.id', 's.user_id')
        .select([
          's.id',
          's.user_id',
          's.stage',
          's.last_seen_at',
          's.expires_at',
          'u.role',
          'u.status',
        ])
        .where('s.token_hash', '=', tokenHash(token))
        .executeTakeFirst();
      if (!row) return null;
      const lastSeen = fromDbTime(row.last_seen_at);
      const expires = fromDbTime(row.expires_at);
      if (now >= expires || now - lastSeen >= timing.idleMs || row.status !== 'active') {
        await k.deleteFrom('kite_session').where('id', '=', row.id).execute();
        return null;
      }
      if (now - lastSeen >= TOUCH_EVERY_MS) {
        await k
          .updateTable('kite_session')
          .set({ last_seen_at: toDbTime(now) })
          .where('id', '=', row.id)
          .execute();
      }
      return {
        id: row.id,
        userId: row.user_id,
        role: row.role,
        stage: row.stage,
        expiresAt: expires,
      };
    },

    async revoke(userId, id) {
      const r = await k
        .deleteFrom('kite_session')
        .where('id', '=', id)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return Number(r.numDeletedRows) > 0;
    },

    async revokeAll(userId, exceptId) {
      let q = k.deleteFrom('kite_session').where('user_id', '=', userId);
      if (exceptId) q = q.where('id', '!=', exceptId);
      const r = await q.executeTakeFirst();
      return Number(r.numDeletedRows);
    },

    async list(userId, now) {
      const rows = await k
        .selectFrom('kite_session')
        .select(['id', 'device', 'created_at', 'last_seen_at', 'expires_at'])
        .where('user_id', '=', userId)
        .where('stage', '=', 'full')
        .orderBy('last_seen_at', 'desc')
        .execute();
      return rows
        .filter(
          (r) => fromDbTime(r.expires_at) > now && now - fromDbTime(r.last_seen_at) < timing.idleMs,
        )
        .map((r) => ({
          id: r.id,
          device: r.device,
          createdAt: fromDbTime(r.created_at),
          lastSeenAt: fromDbTime(r.last_seen_at),
        }));
    },
  };
}
