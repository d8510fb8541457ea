// The learners' event log (kite_learner_event), the hot path of sync ingest (bench:ingest): each
// statement is SQL written once per dialect and sent as it is, without building and compiling
// a Kysely query on every request (a multi-row insert cost more to compile than to run). On
// SQLite the statement is prepared once (statement-cache.ts); on PostgreSQL a batch is one
// statement whose text does not depend on the batch's size.

import { run } from './raw-sql';
import type { Runner } from './raw-sql';
import type { DialectName } from './connect';
import { namedStatement } from './named-statements';

/** An event to store: the engine event's JSON and the columns the sync reads. */
export interface EventRow {
  readonly id: string;
  readonly device: string;
  readonly seq: number;
  readonly activity: string;
  readonly at: number;
  /** The event as JSON text. */
  readonly event: string;
}

/** A stored event after a cursor: its place, and its JSON unless it is the asking device's. */
export interface PulledRow {
  readonly n: number;
  /** JSON text on SQLite, the parsed object on PostgreSQL (jsonb); null for the asker's own. */
  readonly event: string | Record<string, unknown> | null;
}

export const EVENT_COLUMNS = 'id, learner_id, device, seq, activity, at, event, received_at';

/**
 * SQLite: one multi-row insert per batch size, each kept prepared (a device's sync: rows of (id,
 * learner, device, seq, activity, at, event, received at); a hub's upload, `withHub`: the same
 * and the hub's id).
 */
const sqliteInserts = new Map<string, string>();
export function sqliteInsert(rows: number, withHub = false): string {
  const key = `${rows}${withHub ? 'h' : ''}`;
  let text = sqliteInserts.get(key);
  if (!text) {
    const one = withHub ? '(?, ?, ?, ?, ?, ?, ?, ?, ?)' : '(?, ?, ?, ?, ?, ?, ?, ?)';
    const values = Array.from({ length: rows }, () => one).join(', ');
    text =
      `insert into kite_learner_event (${EVENT_COLUMNS}${withHub ? ', hub_id' : ''}) values ${values} ` +
      'on conflict (id) do nothing returning id';
    sqliteInserts.set(key, text);
  }
  return text;
}

/**
 * PostgreSQL: the batch as one JSON array, whatever its size. The activity column is read from
 * the event itself; a measurement event has none and gets `measure.<topic>`, as `EventRow`'s
 * `activity` says for SQLite (server/classes/sync.ts).
 */
const PG_INSERT =
  `insert into kite_learner_event (${EVENT_COLUMNS}) ` +
  "select e->>'id', $1, e->>'device', (e->>'seq')::integer, " +
  "coalesce(e->>'activity', 'measure.' || (e->>'topic')), (e->>'at')::bigint, " +
  'e, $2::timestamptz from jsonb_array_elements($3::jsonb) as e ' +
  // Partitioned by month of `at` (event-partitions.ts): the dedupe key holds it (SCALE-01).
  'on conflict (id, at) do nothing returning id';

/**
 * Stores a learner's events, skipping every event stored already (by anyone: by id on SQLite,
 * by id and time on PostgreSQL, whose table is partitioned by time), and returns the ids it
 * stored now. `receivedAt` is a `MigrationDialect.timestamp` value.
 */
export async function appendEvents(
  db: Runner,
  dialect: DialectName,
  learnerId: string,
  receivedAt: string,
  rows: readonly EventRow[],
): Promise<string[]> {
  if (rows.length === 0) return [];
  let result;
  if (dialect === 'postgres') {
    const batch = `[${rows.map((r) => r.event).join(',')}]`;
    result = await run<{ id: string }>(db, PG_INSERT, [learnerId, receivedAt, batch]);
  } else {
    const parameters: unknown[] = [];
    for (const r of rows) {
      parameters.push(r.id, learnerId, r.device, r.seq, r.activity, r.at, r.event, receivedAt);
    }
    result = await run<{ id: string }>(db, sqliteInsert(rows.length), parameters);
  }
  return result.rows.map((r) => r.id);
}

/** Which of `ids` are stored as this learner's events. */
export async function storedIds(
  db: Runner,
  dialect: DialectName,
  learnerId: string,
  ids: readonly string[],
): Promise<string[]> {
  if (ids.length === 0) return [];
  // By id alone (the unique index), the learner checked here: with `learner_id` in the WHERE
  // clause SQLite's planner took the (learner_id, n) index and read every event of the learner
  // (about 10 ms at 40,000 events; found by bench:ingest).
  const text =
    dialect === 'postgres'
      ? 'select id, learner_id from kite_learner_event where id = any($1::text[])'
      : `select id, learner_id from kite_learner_event where id in (${ids.map(() => '?').join(', ')})`;
  const { rows } = await run<{ id: string; learner_id: string }>(
    db,
    text,
    dialect === 'postgres' ? [ids] : [...ids],
  );
  return rows.filter((r) => r.learner_id === learnerId).map((r) => r.id);
}

const PULL = {
  sqlite:
    'select n, case when device <> ? then event end as event from kite_learner_event ' +
    'where learner_id = ? and n > ? order by n limit ?',
  postgres:
    'select n, case when device <> $1 then event end as event from kite_learner_event ' +
    'where learner_id = $2 and n > $3 order by n limit $4',
} as const;

/**
 * A learner's stored events after `since`, oldest first, at most `limit`; those `device` sent
 * come without their JSON (the asking device has them), but count towards the limit and the
 * cursor like any other.
 */
export async function eventsAfter(
  db: Runner,
  dialect: DialectName,
  learnerId: string,
  since: number,
  device: string,
  limit: number,
): Promise<PulledRow[]> {
  const { rows } = await run<{ n: number | string; event: PulledRow['event'] }>(db, PULL[dialect], [
    device,
    learnerId,
    since,
    limit,
  ]);
  return rows.map((r) => ({ n: Number(r.n), event: r.event }));
}

const EPOCH = {
  sqlite: 'select epoch from kite_learner where id = ?',
  // Held until the transaction ends, so one learner's syncs (and erasures) take turns.
  postgres: 'select epoch from kite_learner where id = $1 for update',
} as const;

/**
 * The learner's epoch, or undefined for no such learner; inside a transaction, on PostgreSQL
 * the learner's row stays locked until it ends (SQLite has one writer at a time anyway).
 */
export async function lockLearnerEpoch(
  db: Runner,
  dialect: DialectName,
  learnerId: string,
): Promise<number | undefined> {
  const { rows } = await run<{ epoch: number | string }>(db, EPOCH[dialect], [learnerId]);
  return rows[0] ? Number(rows[0].epoch) : undefined;
}

/**
 * PostgreSQL: one sync exchange as one call of `kite_sync` (migration 0010-pg-sync), one round
 * trip instead of six. The function locks the learner's row first, so one learner's syncs and
 * erasures still take turns; at another epoch it stores and pulls nothing.
 */
const PG_SYNC = namedStatement(
  'kite_sync',
  'select o_epoch as epoch, o_acked as acked, o_pulled as pulled ' +
    'from kite_sync($1, $4, $2, $3::jsonb, $8::text[], $5, $6, $7)',
);

/** What one PostgreSQL sync call found and did. */
export interface PgSyncResult {
  /** The learner's epoch; undefined when the learner does not exist (erased for good). */
  readonly epoch: number | undefined;
  /** The ids of the batch stored now or before as this learner's (only at the same epoch). */
  readonly acked: ReadonlySet<string>;
  /** The learner's events after `since`, oldest first, at most `limit`. */
  readonly pulled: PulledRow[];
}

/** One sync exchange's question, for `pgSync` and `pgSyncMany`. */
export interface PgSyncCall {
  readonly learnerId: string;
  readonly epoch: number;
  readonly receivedAt: string;
  readonly rows: readonly EventRow[];
  readonly device: string;
  readonly since: number;
  readonly limit: number;
}

/** A row of `kite_sync` or `kite_sync_many` as node-postgres reads it. */
interface PgSyncRow {
  epoch: number | string | null;
  acked: string[];
  pulled: [number | string, Record<string, unknown> | null][];
}

const syncResult = (r: PgSyncRow): PgSyncResult => ({
  epoch: r.epoch === null ? undefined : Number(r.epoch),
  acked: new Set(r.acked),
  pulled: r.pulled.map(([n, event]) => ({ n: Number(n), event })),
});

/** The events of a batch as one JSON array, from their JSON texts. */
const jsonArray = (rows: readonly EventRow[]) => `[${rows.map((r) => r.event).join(',')}]`;

/** One sync exchange on PostgreSQL in one round trip (see PG_SYNC). */
export async function pgSync(db: Runner, s: PgSyncCall): Promise<PgSyncResult> {
  const { rows } = await run<PgSyncRow>(db, PG_SYNC, [
    s.learnerId,
    s.receivedAt,
    jsonArray(s.rows),
    s.epoch,
    s.device,
    s.since,
    s.limit,
    s.rows.map((r) => r.id),
  ]);
  return syncResult(rows[0]!);
}

/**
 * PostgreSQL: several sync exchanges in one call of `kite_sync_many` (migration
 * 0016-pg-sync-groups), one transaction; each answered as `kite_sync` would answer it alone.
 */
const PG_SYNC_MANY = namedStatement(
  'kite_sync_many',
  'select o_i as i, o_epoch as epoch, o_acked as acked, o_pulled as pulled ' +
    'from kite_sync_many($1::jsonb)',
);

/** Several sync exchanges on PostgreSQL in one round trip; the answers in the calls' order. */
export async function pgSyncMany(
  db: Runner,
  calls: readonly PgSyncCall[],
): Promise<PgSyncResult[]> {
  // The events are JSON already: the array is put together as text around them.
  const parts = calls.map(
    (c) =>
      `{"l":${JSON.stringify(c.learnerId)},"e":${c.epoch},"r":${JSON.stringify(c.receivedAt)},` +
      `"b":${jsonArray(c.rows)},"i":${JSON.stringify(c.rows.map((r) => r.id))},` +
      `"d":${JSON.stringify(c.device)},"s":${c.since},"n":${c.limit}}`,
  );
  const { rows } = await run<PgSyncRow & { i: number }>(db, PG_SYNC_MANY, [`[${parts.join(',')}]`]);
  if (rows.length !== calls.length || rows.some((r, k) => Number(r.i) !== k)) {
    throw new Error(`kite_sync_many answered ${rows.length} rows to ${calls.length} calls`);
  }
  return rows.map(syncResult);
}
