// SQL of a school hub's upload (issue #18, docs/deploy.md "A school hub"): on the national
// server, one chunk of many learners' events stored in one statement and the learners it names
// locked and read in another; on the hub, its events after a sequence number read in order.

import { run } from './raw-sql';
import type { Runner } from './raw-sql';
import type { DialectName } from './connect';
import { EVENT_COLUMNS as COLUMNS, sqliteInsert } from './learner-events';
import type { EventRow } from './learner-events';

/** An event to store for one of several learners. */
export interface LearnerEventRow extends EventRow {
  readonly learnerId: string;
}

/**
 * PostgreSQL: the chunk as one JSON array of `[id, learner, event]` triples, one statement
 * whatever its size; the columns are read from the event as `appendEvents` (learner-events.ts)
 * reads them.
 */
const PG_INSERT =
  `insert into kite_learner_event (${COLUMNS}, hub_id) ` +
  "select t->>0, t->>1, t->2->>'device', (t->2->>'seq')::integer, " +
  "coalesce(t->2->>'activity', 'measure.' || (t->2->>'topic')), (t->2->>'at')::bigint, " +
  't->2, $1::timestamptz, $3 from jsonb_array_elements($2::jsonb) as t ' +
  // Partitioned by month of `at` (event-partitions.ts): the dedupe key holds it (SCALE-01).
  'on conflict (id, at) do nothing returning id';

/**
 * Stores events of several learners uploaded by hub `hubId` (kept with each event), skipping
 * every event whose id is stored already (the same dedupe as a device's sync), and returns how
 * many it stored now.
 */
export async function appendLearnersEvents(
  db: Runner,
  dialect: DialectName,
  receivedAt: string,
  rows: readonly LearnerEventRow[],
  hubId: string,
): Promise<number> {
  if (rows.length === 0) return 0;
  if (dialect === 'postgres') {
    const triples = rows.map(
      (r) => `[${JSON.stringify(r.id)},${JSON.stringify(r.learnerId)},${r.event}]`,
    );
    const { rows: stored } = await run<{ id: string }>(db, PG_INSERT, [
      receivedAt,
      `[${triples.join(',')}]`,
      hubId,
    ]);
    return stored.length;
  }
  const parameters: unknown[] = [];
  for (const r of rows) {
    parameters.push(
      r.id,
      r.learnerId,
      r.device,
      r.seq,
      r.activity,
      r.at,
      r.event,
      receivedAt,
      hubId,
    );
  }
  const { rows: stored } = await run<{ id: string }>(
    db,
    sqliteInsert(rows.length, true),
    parameters,
  );
  return stored.length;
}

/** A learner an upload names, as the server knows them. */
export interface LearnerScope {
  readonly id: string;
  readonly epoch: number;
  /** Their class's school; null for a child a parent made, in no class. */
  readonly schoolId: string | null;
}

/**
 * The learners of `ids` the server has, with their epoch and school; inside a transaction on
 * PostgreSQL their rows stay locked until it ends (in id order, so two uploads never wait on
 * each other in a circle), so no erasure runs between this read and the insert.
 */
export async function lockLearners(
  db: Runner,
  dialect: DialectName,
  ids: readonly string[],
): Promise<LearnerScope[]> {
  if (ids.length === 0) return [];
  const text =
    dialect === 'postgres'
      ? 'select l.id, l.epoch, c.school_id from kite_learner l ' +
        'left join kite_class c on c.id = l.class_id where l.id = any($1::text[]) ' +
        'order by l.id for update of l'
      : 'select l.id, l.epoch, c.school_id from kite_learner l ' +
        `left join kite_class c on c.id = l.class_id where l.id in (${ids.map(() => '?').join(', ')})`;
  const { rows } = await run<{ id: string; epoch: number | string; school_id: string | null }>(
    db,
    text,
    dialect === 'postgres' ? [ids] : [...ids],
  );
  return rows.map((r) => ({ id: r.id, epoch: Number(r.epoch), schoolId: r.school_id }));
}

/** Which of `ids` were erased for good (a tombstone stays). */
export async function tombstoned(
  db: Runner,
  dialect: DialectName,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const text =
    dialect === 'postgres'
      ? 'select learner_id from kite_learner_tombstone where learner_id = any($1::text[])'
      : `select learner_id from kite_learner_tombstone where learner_id in (${ids.map(() => '?').join(', ')})`;
  const { rows } = await run<{ learner_id: string }>(
    db,
    text,
    dialect === 'postgres' ? [ids] : [...ids],
  );
  return new Set(rows.map((r) => r.learner_id));
}

/** One of a hub's stored events, to upload: its place in the hub's log and its learner's epoch. */
export interface HubEvent {
  /** The hub's sequence number: `kite_learner_event.n`, which orders arrival on the hub. */
  readonly n: number;
  readonly epoch: number;
  /** The event as the device sent it, JSON text. */
  readonly event: string;
}

/**
 * A hub's events after sequence `after`, in order, at most `limit`, its own progress folds left
 * out (made by its purge, server/hubs/purge.ts: the server has the events they stand for).
 * SQLite only: a hub runs on its embedded database (config.ts refuses KITE_MODE=hub with
 * DATABASE_URL).
 */
export async function hubEventsAfter(
  db: Runner,
  after: number,
  limit: number,
): Promise<HubEvent[]> {
  const { rows } = await run<{ n: number; epoch: number; event: string }>(
    db,
    'select e.n, l.epoch, e.event from kite_learner_event e ' +
      'join kite_learner l on l.id = e.learner_id ' +
      "where e.n > ? and e.activity <> 'progress-fold' order by e.n limit ?",
    [after, limit],
  );
  return rows;
}

/** How many of a hub's events (its folds left out) come after sequence `after`. */
export async function hubBacklog(db: Runner, after: number): Promise<number> {
  const { rows } = await run<{ c: number }>(
    db,
    "select count(*) as c from kite_learner_event where n > ? and activity <> 'progress-fold'",
    [after],
  );
  return Number(rows[0]?.c ?? 0);
}

/** A learner erased for good on a hub, to tell the national server. */
export interface HubErasure {
  readonly learnerId: string;
  /** As stored (`time.ts`): the upload's cursor. */
  readonly erasedAt: string;
}

/**
 * A hub's erasures for good (its tombstones) after `after` (a stored time; null: from the
 * first), oldest first, at most `limit`. Sending one again erases nothing more on the server.
 */
export async function hubErasuresAfter(
  db: Runner,
  after: string | null,
  limit: number,
): Promise<HubErasure[]> {
  const { rows } = await run<{ learner_id: string; erased_at: string }>(
    db,
    'select learner_id, erased_at from kite_learner_tombstone ' +
      `${after === null ? '' : 'where erased_at > ? '}order by erased_at, learner_id limit ?`,
    after === null ? [limit] : [after, limit],
  );
  return rows.map((r) => ({ learnerId: r.learner_id, erasedAt: r.erased_at }));
}
