import type { Generated } from 'kysely';

/**
 * The Kysely view of every table. Each issue that adds tables adds its interfaces here and a
 * migration under `migrations/`.
 */
export interface Database {
  kite_meta: KiteMetaTable;
  kite_rate_limit: KiteRateLimitTable;
  kite_user: KiteUserTable;
  kite_session: KiteSessionTable;
  kite_recovery_code: KiteRecoveryCodeTable;
  kite_token: KiteTokenTable;
  kite_audit: KiteAuditTable;
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

/** A timestamp column: ISO text on SQLite; PostgreSQL's driver reads `timestamptz` as a Date. */
export type Timestamp = string | Date;

export type Role = 'admin' | 'coordinator' | 'teacher' | 'parent' | 'company';
export type UserStatus = 'unverified' | 'pending_approval' | 'active' | 'disabled';
export type SessionStage = 'mfa' | 'enrol' | 'full';
export type TokenKind = 'verify_email' | 'reset_password' | 'invite' | 'setup';

/** An adult's account. See docs/privacy/data-inventory.yaml for each column's purpose. */
export interface KiteUserTable {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  status: UserStatus;
  password_hash: string;
  mfa_secret: string | null;
  mfa_pending_secret: string | null;
  mfa_enabled_at: Timestamp | null;
  /** The TOTP time step last accepted, so a code is used once. A bigint (string on PG). */
  mfa_last_step: number | string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_active_at: Timestamp;
  invited_by: string | null;
}

/** A signed-in browser. The cookie holds the token; only its SHA-256 is stored. */
export interface KiteSessionTable {
  id: string;
  token_hash: string;
  user_id: string;
  stage: SessionStage;
  device: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface KiteRecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: Timestamp | null;
}

/** A one-time token sent by mail or printed once (only its SHA-256 is stored). */
export interface KiteTokenTable {
  token_hash: string;
  kind: TokenKind;
  user_id: string | null;
  email: string | null;
  role: Role | null;
  created_by: string | null;
  created_at: Timestamp;
  expires_at: Timestamp;
  used_at: Timestamp | null;
}

/** A security event. `detail` never holds a secret. */
export interface KiteAuditTable {
  id: string;
  at: Timestamp;
  event: string;
  outcome: 'ok' | 'fail';
  actor_id: string | null;
  subject_id: string | null;
  detail: string | null;
}

/** One background job and its lease (see db/job-leases.ts and server/jobs/runner.ts). */
export interface KiteJobTable {
  name: string;
  /** The process holding the lease, or null when none does. */
  lease_owner: string | null;
  lease_until: Timestamp | null;
  /** The job is due once this time has come. */
  next_run_at: Timestamp;
  last_started_at: Timestamp | null;
  last_finished_at: Timestamp | null;
  last_outcome: 'ok' | 'fail' | null;
  /** A short message without personal data; null after a success. */
  last_error: string | null;
}
