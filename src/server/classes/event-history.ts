// Retention of the learners' event log on PostgreSQL by dropping whole months (issue #18,
// docs/classes.md "Retention"): before a month's partition goes, every learner with a row in it
// gets a fold of their events up to the month's end (the engine's `foldProgress`), stored as an
// event, so the teacher's report, the parents' summary, the release builder and a child's
// restored device read the same progress before and after. SQLite keeps its one table.

import { randomUUID } from 'node:crypto';
import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';
import type { Db } from '../../db/connect';
import {
  DEFAULT_PARTITION,
  FIRST_MONTH,
  addMonths,
  monthPartitions,
} from '../../db/event-partitions';
import type { MonthPartition } from '../../db/event-partitions';
import type { Database } from '../../db/schema';
import { toDbTime } from '../../db/time';
import { FOLD_DEVICE, PROGRESS_FOLD, foldProgress } from '../../engine';
import type { Band, Catalogue, EventId, LearnerId } from '../../engine';
import { parseStored } from './sync';

type Runner = Pick<Kysely<Database>, 'executeQuery'>;

const run = <R>(db: Runner, text: string, parameters: unknown[] = []) =>
  db.executeQuery<R>(CompiledQuery.raw(text, parameters));

/** Learners folded per query for the list of those still to fold. */
const PAGE = 500;

/** What a run did: months dropped, events they held, folds written. */
export interface EventHistoryReport {
  readonly months: readonly string[];
  readonly events: number;
  readonly folds: number;
  /** Late events before every kept month, already inside a fold, taken out of the default. */
  readonly late: number;
}

// Learners with a row in the month (an event, or the fold that stands for earlier months) and no
// fold up to its end yet. Partition names are made by event-partitions.ts, never from input.
const unfolded = (p: MonthPartition, limit: number) =>
  `select distinct e.learner_id from ${p.name} e where not exists (` +
  `select 1 from kite_learner_event f where f.learner_id = e.learner_id ` +
  `and f.activity = '${PROGRESS_FOLD}' and f.at >= ${p.to}) limit ${limit}`;

/**
 * Folds one learner's events before `to` into a new fold event, holding the learner's row as a
 * sync does (so their syncs and erasures take turns with it), and deletes their events before
 * `to` that wait in the default partition (now inside the fold). False when they are gone.
 */
async function foldLearner(
  trx: Runner,
  catalogue: Catalogue,
  learnerId: string,
  to: number,
  now: number,
): Promise<boolean> {
  const { rows: found } = await run<{ band: string }>(
    trx,
    'select band from kite_learner where id = $1 for update',
    [learnerId],
  );
  if (!found[0]) return false;
  const { rows } = await run<{ event: Record<string, unknown> }>(
    trx,
    'select event from kite_learner_event where learner_id = $1 ' +
      `and (at < $2 or (activity = '${PROGRESS_FOLD}' and at <= $2)) order by n`,
    [learnerId, to],
  );
  const fold = foldProgress(
    rows.map((r) => parseStored(r.event)),
    to,
    catalogue,
    found[0].band as Band,
    { id: randomUUID() as EventId, learner: learnerId as LearnerId },
  );
  await run(
    trx,
    'insert into kite_learner_event (id, learner_id, device, seq, activity, at, event, received_at) ' +
      'values ($1, $2, $3, 0, $4, $5, $6::jsonb, $7::timestamptz)',
    [fold.id, learnerId, FOLD_DEVICE, PROGRESS_FOLD, to, JSON.stringify(fold), toDbTime(now)],
  );
  await run(trx, `delete from ${DEFAULT_PARTITION} where learner_id = $1 and at < $2`, [
    learnerId,
    to,
  ]);
  return true;
}

/** Folds every learner of month `p` that has no fold up to its end; returns how many. */
async function foldMonth(
  db: Db,
  catalogue: Catalogue,
  p: MonthPartition,
  now: number,
  signal?: AbortSignal,
): Promise<number> {
  let folds = 0;
  const skipped = new Set<string>();
  for (;;) {
    signal?.throwIfAborted();
    const { rows } = await run<{ learner_id: string }>(db.kysely, unfolded(p, PAGE + skipped.size));
    const todo = rows.map((r) => r.learner_id).filter((id) => !skipped.has(id));
    if (todo.length === 0) return folds;
    for (const id of todo) {
      const done = await db.kysely
        .transaction()
        .execute((trx) => foldLearner(trx, catalogue, id, p.to, now));
      if (done) folds++;
      // Erased meanwhile: the cascade takes their rows; nothing to keep.
      else skipped.add(id);
    }
  }
}

/**
 * Drops every month partition that ends `months` months or more before the month of `now`,
 * oldest first, each after folding its learners; then takes out of the default partition the
 * late events that a fold already stands for. Nothing on SQLite, or when `months` is 0 (keep
 * every event).
 */
export async function dropOldMonths(
  db: Db,
  catalogue: Catalogue,
  months: number,
  now: number,
  signal?: AbortSignal,
): Promise<EventHistoryReport> {
  const report = { months: [] as string[], events: 0, folds: 0, late: 0 };
  if (db.dialect !== 'postgres' || months <= 0) return report;
  const horizon = addMonths(now, -months);
  const old = (await monthPartitions(db.kysely)).filter((p) => p.to <= horizon);
  for (const p of old) {
    report.folds += await foldMonth(db, catalogue, p, now, signal);
    signal?.throwIfAborted();
    await db.kysely.transaction().execute(async (trx) => {
      // No more events into the month (a late one waits), then fold whoever came meanwhile.
      await run(trx, `lock table ${p.name} in exclusive mode`);
      const { rows } = await run<{ learner_id: string }>(trx, unfolded(p, 1_000_000));
      for (const r of rows)
        if (await foldLearner(trx, catalogue, r.learner_id, p.to, now)) report.folds++;
      const { rows: count } = await run<{ n: string }>(trx, `select count(*) as n from ${p.name}`);
      report.events += Number(count[0]?.n ?? 0);
      await run(trx, `drop table ${p.name}`);
    });
    report.months.push(p.name);
  }
  // An event sent after its month was dropped lands in the default partition; when a fold of
  // a later time stands for it, every view leaves it out already.
  const kept = (await monthPartitions(db.kysely))[0]?.from ?? horizon;
  const { rows } = await run<{ n: string }>(
    db.kysely,
    `with gone as (delete from ${DEFAULT_PARTITION} d where d.at >= ${FIRST_MONTH} and d.at < ${kept} ` +
      `and exists (select 1 from kite_learner_event f where f.learner_id = d.learner_id ` +
      `and f.activity = '${PROGRESS_FOLD}' and f.at > d.at) returning 1) select count(*) as n from gone`,
  );
  report.late = Number(rows[0]?.n ?? 0);
  return report;
}
