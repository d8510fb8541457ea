// Fixed-window rate-limit counters kept in the database, so a limit holds across app processes
// and restarts. Each hit is one statement (insert, or update the existing row, and return the
// count), atomic on SQLite and PostgreSQL alike; there is no read-then-write race between
// processes. The HTTP adapter is server/http/rate-limit-store.ts; sign-in throttling can use
// these counters directly.

import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from './connect';

/** A bucket's state after a hit: hits in the current window and when the window ends. */
export interface RateLimitCount {
  readonly hits: number;
  /** Epoch milliseconds. */
  readonly resetAt: number;
}

export interface RateLimitCounters {
  /**
   * Counts one hit on `bucket`. A bucket's window starts at its first hit and lasts `windowMs`;
   * the first hit after it ends starts a new window at 1.
   */
  hit(bucket: string, windowMs: number, now: number): Promise<RateLimitCount>;
  /** The bucket's state without counting; zero hits when it has none or its window ended. */
  peek(bucket: string, now: number): Promise<RateLimitCount>;
  /** Deletes the counters whose window has ended; returns how many. */
  sweep(now: number): Promise<number>;
}

/** Longest bucket name stored as is; longer ones are stored as their hash. */
const MAX_BUCKET = 200;

function bucketKey(bucket: string): string {
  return bucket.length <= MAX_BUCKET
    ? bucket
    : `sha256:${createHash('sha256').update(bucket).digest('hex')}`;
}

export function rateLimitCounters(db: Db): RateLimitCounters {
  const k = db.kysely;
  return {
    async hit(bucket, windowMs, now) {
      const resetAt = now + Math.max(0, Math.trunc(windowMs));
      const expired = sql<boolean>`kite_rate_limit.reset_at <= ${now}`;
      const row = await k
        .insertInto('kite_rate_limit')
        .values({ bucket: bucketKey(bucket), hits: 1, reset_at: resetAt })
        .onConflict((oc) =>
          oc.column('bucket').doUpdateSet({
            hits: sql<number>`case when ${expired} then 1 else kite_rate_limit.hits + 1 end`,
            reset_at: sql<number>`case when ${expired} then ${resetAt} else kite_rate_limit.reset_at end`,
          }),
        )
        .returning(['hits', 'reset_at'])
        .executeTakeFirstOrThrow();
      // PostgreSQL's driver returns bigint columns as strings.
      return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
    },
    async peek(bucket, now) {
      const row = await k
        .selectFrom('kite_rate_limit')
        .select(['hits', 'reset_at'])
        .where('bucket', '=', bucketKey(bucket))
        .executeTakeFirst();
      if (!row || Number(row.reset_at) <= now) return { hits: 0, resetAt: now };
      return { hits: Number(row.hits), resetAt: Number(row.reset_at) };
    },
    async sweep(now) {
      const result = await k
        .deleteFrom('kite_rate_limit')
        .where('reset_at', '<=', now)
        .executeTakeFirst();
      return Number(result.numDeletedRows);
    },
  };
}
