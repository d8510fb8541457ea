import type { Generated } from 'kysely';

/**
 * The Kysely view of every table. Each issue that adds tables adds its interfaces here and a
 * migration under `migrations/`.
 */
export interface Database {
  kite_meta: KiteMetaTable;
  kite_rate_limit: KiteRateLimitTable;
  kite_job: KiteJobTable;
}

/** Small key/value facts about this installation (e.g. when it was first set up). */
export interface KiteMetaTable {
  key: string;
  value: string;
  updated_at: Generated<string>;
}

/** One rate-limit bucket: hits counted until `reset_at` (epoch ms). See rate-limit.ts. */
export interface KiteRateLimitTable {
  bucket: string;
  hits: number;
  /** A bigint: PostgreSQL's driver reads it back as a string. */
  reset_at: number | string;
}

/**
 * One background job and its lease (see server/jobs/runner.ts). Times are ISO text on SQLite and
 * `timestamptz` on PostgreSQL, whose driver reads them back as `Date`s.
 */
export interface KiteJobTable {
  name: string;
  /** The process holding the lease, or null when none does. */
  lease_owner: string | null;
  lease_until: string | Date | null;
  /** The job is due once this time has come. */
  next_run_at: string | Date;
  last_started_at: string | Date | null;
  last_finished_at: string | Date | null;
  last_outcome: 'ok' | 'fail' | null;
  /** A short message without personal data; null after a success. */
  last_error: string | null;
}
