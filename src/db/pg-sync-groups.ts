// The sync's hot path on PostgreSQL, grouped (docs/classes.md, "Group sync on PostgreSQL"): the
// device credentials' checks that wait together go as one statement, and the syncs that wait
// together as one call of `kite_sync_many` (migration 0016-pg-sync-groups), one round trip and
// one commit for all of them (call-groups.ts). Most of what a sync costs PostgreSQL is the call
// itself, not its two or three events, so under load a group of twenty costs far less than
// twenty calls. A sync is answered only after the commit of its group.

import { callGroups } from './call-groups';
import { credentialByHash, pgCredentialsByHash } from './device-credentials';
import type { CredentialRow } from './device-credentials';
import { pgSync, pgSyncMany } from './learner-events';
import type { PgSyncCall, PgSyncResult } from './learner-events';
import type { Runner } from './raw-sql';
import { DatabaseUnavailableError } from './retry';

export interface PgSyncGroups {
  /** The device credential whose token hashes to `tokenHash` (as `credentialByHash`). */
  credential(tokenHash: string): Promise<CredentialRow | undefined>;
  /** One sync exchange (as `pgSync`). */
  sync(call: PgSyncCall): Promise<PgSyncResult>;
}

export interface PgSyncGroupOptions {
  /**
   * Runs idempotent work again while the primary fails over (`Db.retrying`): a group of syncs
   * is idempotent as each of them is.
   */
  readonly retrying: <T>(work: () => Promise<T>) => Promise<T>;
  /** Most calls of each kind out at once (default {@link MAX_IN_FLIGHT}). */
  readonly maxInFlight?: number;
  /** Most requests in one call (default {@link MAX_GROUP}). */
  readonly maxGroup?: number;
}

/**
 * Calls of each kind out at once. Measured with bench:ingest (answers, 2 cores, 100
 * connections), syncs grouped alone: 1 call gave 1,906 req/s at p99 106 ms, 2 gave 2,555 at
 * 86 ms, 4 gave 2,364 at 82 ms.
 */
export const MAX_IN_FLIGHT = 2;
/**
 * Most requests in one call: bounds the call's size and how long its first request waits (16,
 * 32 and 64 measured alike on bench:ingest).
 */
export const MAX_GROUP = 32;

export function pgSyncGroups(db: Runner, o: PgSyncGroupOptions): PgSyncGroups {
  const limits = { maxInFlight: o.maxInFlight ?? MAX_IN_FLIGHT, maxGroup: o.maxGroup ?? MAX_GROUP };
  return {
    credential: callGroups({
      ...limits,
      one: (hash) => credentialByHash(db, 'postgres', hash),
      many: (hashes) => pgCredentialsByHash(db, hashes),
      // A read of rows by key: what fails it fails each alone too.
      shared: () => true,
    }),
    sync: callGroups({
      ...limits,
      one: (call) => o.retrying(() => pgSync(db, call)),
      many: (calls) => o.retrying(() => pgSyncMany(db, calls)),
      // The primary stayed out of reach; any other error was one sync's, which undid the group.
      shared: (error) => error instanceof DatabaseUnavailableError,
    }),
  };
}
