// The device credential's check before every sync (server/classes/child-auth.ts), on the hot path
// of ingest as learner-events.ts is: one statement written once per dialect and sent as it is,
// without building and compiling a Kysely query on each request. It stays prepared: on SQLite in
// the statement cache (statement-cache.ts), on PostgreSQL under a name (named-statements.ts).
// On PostgreSQL the checks that wait together go as one statement (pg-sync-groups.ts).

import type { DialectName } from './connect';
import { namedStatement } from './named-statements';
import { run } from './raw-sql';
import type { Runner } from './raw-sql';

/** A device credential as its check reads it. */
export interface CredentialRow {
  readonly learner_id: string;
  /** Database times: text on SQLite, `Date` on PostgreSQL (db/time.ts). */
  readonly revoked_at: string | Date | null;
  readonly last_used_at: string | Date;
  /** When the learner was erased for good, if they were (their tombstone). */
  readonly erased_at: string | Date | null;
}

const COLUMNS = 'd.learner_id, d.revoked_at, d.last_used_at, t.erased_at';
const FROM =
  'from kite_device_credential as d ' +
  'left join kite_learner_tombstone as t on t.learner_id = d.learner_id ' +
  'where d.token_hash';

const BY_HASH = {
  sqlite: `select ${COLUMNS} ${FROM} = ?`,
  postgres: namedStatement('kite_device_credential', `select ${COLUMNS} ${FROM} = $1`),
} as const;

/** The credential whose token hashes to `tokenHash`, with its learner's tombstone if any. */
export async function credentialByHash(
  db: Runner,
  dialect: DialectName,
  tokenHash: string,
): Promise<CredentialRow | undefined> {
  const { rows } = await run<CredentialRow>(db, BY_HASH[dialect], [tokenHash]);
  return rows[0];
}

/** PostgreSQL: the credentials of several devices in one statement (pg-sync-groups.ts). */
const BY_HASHES = namedStatement(
  'kite_device_credentials',
  `select d.token_hash, ${COLUMNS} ${FROM} = any($1::text[])`,
);

/** PostgreSQL: each of `tokenHashes`' credential, as `credentialByHash` finds it, in order. */
export async function pgCredentialsByHash(
  db: Runner,
  tokenHashes: readonly string[],
): Promise<(CredentialRow | undefined)[]> {
  const { rows } = await run<CredentialRow & { token_hash: string }>(db, BY_HASHES, [tokenHashes]);
  // Each row as `credentialByHash` gives it: without the hash it was found by.
  const byHash = new Map(rows.map(({ token_hash, ...row }) => [token_hash, row]));
  return tokenHashes.map((h) => byHash.get(h));
}
