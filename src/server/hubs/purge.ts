// A school hub's purge of events the national server has acknowledged (issue #18, SCALE-03;
// KITE_HUB_KEEP_DAYS, off by default). Devices restore a child's progress from the hub's event
// log and the teacher's reports read it, so events are not simply deleted: as the national
// server does before it drops a month (classes/event-history.ts, docs/classes.md "Retention"),
// each learner first gets a progress fold of their events before the cut, stored in the hub's
// log like an event; every view of progress reads the latest fold and the events from its time
// on, so reports and restored devices show the same before and after. Then only events that are
// both older than the cut and at or below the server's acknowledged mark are deleted: an event
// the server has not acknowledged stays, whatever its age (it is inside the fold, so no view
// counts it twice). Folds are the hub's own: the uploader never sends them (the server has every
// event they stand for, or will have it).

import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/connect';
import type { Database } from '../../db/schema';
import { toDbTime } from '../../db/time';
import { FOLD_DEVICE, PROGRESS_FOLD, foldProgress } from '../../engine';
import type { Band, Catalogue, EventId, LearnerId } from '../../engine';
import { parseStored } from '../classes/sync';

type Runner = Pick<Kysely<Database>, 'executeQuery'>;

const run = <R>(db: Runner, text: string, parameters: unknown[] = []) =>
  db.executeQuery<R>(CompiledQuery.raw(text, parameters));

const DAY_MS = 86_400_000;

/** What a purge did. */
export interface HubPurgeReport {
  /** The cut: events before this time (device time, ms; a UTC midnight) were candidates. */
  readonly cut: number;
  /** The server's acknowledged mark: no event after it was deleted. */
  readonly acked: number;
  readonly folds: number;
  /** Events deleted (folds they replaced not counted). */
  readonly deleted: number;
}

/** The cut for `keepDays` at `now`: the UTC midnight on or before `now − keepDays`. */
export function purgeCut(now: number, keepDays: number): number {
  const t = now - keepDays * DAY_MS;
  return t - (((t % DAY_MS) + DAY_MS) % DAY_MS);
}

/**
 * Folds and deletes one learner's acknowledged events before `cut`, holding the database (a
 * SQLite transaction) so no sync of theirs comes in between. Returns the events deleted and
 * whether a fold was written; nothing when the learner is gone.
 */
async function purgeLearner(
  trx: Runner,
  catalogue: Catalogue,
  learnerId: string,
  cut: number,
  acked: number,
  now: number,
): Promise<{ deleted: number; folded: boolean }> {
  const { rows: found } = await run<{ band: string }>(
    trx,
    'select band from kite_learner where id = ?',
    [learnerId],
  );
  if (!found[0]) return { deleted: 0, folded: false };
  const { rows: standing } = await run<{ c: number }>(
    trx,
    'select count(*) as c from kite_learner_event where learner_id = ? and activity = ? and at >= ?',
    [learnerId, PROGRESS_FOLD, cut],
  );
  let folded = false;
  if (Number(standing[0]?.c ?? 0) === 0) {
    // Every event before the cut, acknowledged or not, and the fold that stands for older ones.
    const { rows } = await run<{ event: string }>(
      trx,
      'select event from kite_learner_event where learner_id = ? ' +
        'and (at < ? or (activity = ? and at <= ?)) order by n',
      [learnerId, cut, PROGRESS_FOLD, cut],
    );
    const fold = foldProgress(
      rows.map((r) => parseStored(r.event)),
      cut,
      catalogue,
      found[0].band as Band,
      { id: randomUUID() as EventId, learner: learnerId as LearnerId },
    );
    await run(
      trx,
      'insert into kite_learner_event (id, learner_id, device, seq, activity, at, event, received_at) ' +
        'values (?, ?, ?, 0, ?, ?, ?, ?)',
      [fold.id, learnerId, FOLD_DEVICE, PROGRESS_FOLD, cut, JSON.stringify(fold), toDbTime(now)],
    );
    folded = true;
  }
  const gone = await run(
    trx,
    'delete from kite_learner_event where learner_id = ? and at < ? and n <= ? and activity <> ?',
    [learnerId, cut, acked, PROGRESS_FOLD],
  );
  // Older folds: the new one holds them.
  await run(
    trx,
    'delete from kite_learner_event where learner_id = ? and activity = ? and at < ?',
    [learnerId, PROGRESS_FOLD, cut],
  );
  return { deleted: Number(gone.numAffectedRows ?? 0), folded };
}

/**
 * On a hub (SQLite), for hub `hubId`: folds and deletes the events older than `keepDays` days
 * that the national server has acknowledged, learner by learner. Nothing when `keepDays` is 0,
 * on PostgreSQL, or before the first acknowledgement.
 */
export async function purgeAcknowledged(
  db: Db,
  catalogue: Catalogue,
  hubId: string,
  keepDays: number,
  now: number,
  signal?: AbortSignal,
): Promise<HubPurgeReport> {
  const cut = purgeCut(now, keepDays);
  const empty = { cut, acked: 0, folds: 0, deleted: 0 };
  if (db.dialect !== 'sqlite' || keepDays <= 0) return empty;
  const row = await db.kysely
    .selectFrom('kite_hub_upstream')
    .select('acked')
    .where('hub_id', '=', hubId)
    .executeTakeFirst();
  const acked = Number(row?.acked ?? 0);
  if (acked <= 0) return empty;
  const { rows } = await run<{ learner_id: string }>(
    db.kysely,
    'select distinct learner_id from kite_learner_event where n <= ? and at < ? and activity <> ?',
    [acked, cut, PROGRESS_FOLD],
  );
  let folds = 0;
  let deleted = 0;
  for (const { learner_id } of rows) {
    signal?.throwIfAborted();
    const r = await db.kysely
      .transaction()
      .execute((trx) => purgeLearner(trx, catalogue, learner_id, cut, acked, now));
    deleted += r.deleted;
    if (r.folded) folds++;
  }
  await db.kysely
    .updateTable('kite_hub_upstream')
    .set({ purged_through: acked })
    .where('hub_id', '=', hubId)
    .execute();
  return { cut, acked, folds, deleted };
}
