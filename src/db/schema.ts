import type { Generated } from 'kysely';

/**
 * The Kysely view of every table. Each issue that adds tables adds its interfaces here and a
 * migration under `migrations/`.
 */
export interface Database {
  kite_meta: KiteMetaTable;
  kite_rate_limit: KiteRateLimitTable;
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
