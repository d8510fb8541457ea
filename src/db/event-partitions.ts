// PostgreSQL: the learners' event log (kite_learner_event) is partitioned by month of `at`, the
// device's time of the event in ms (migration 0012-event-partitions, issue #18, SCALE-13). This
// module knows the layout: each month's partition `kite_learner_event_pYYYYMM` holds the events
// with `at` from the first instant of that month (UTC) to the first of the next; the default
// partition `kite_learner_event_default` holds whatever no month takes (a device clock in 1970
// or in 2099, or a month whose partition retention dropped). SQLite keeps one table.

import { run } from './raw-sql';
import type { Runner } from './raw-sql';

export const EVENT_TABLE = 'kite_learner_event';
export const DEFAULT_PARTITION = 'kite_learner_event_default';
/** How many months after the current one always have their partition (SCALE-13). */
export const MONTHS_AHEAD = 3;
/**
 * No month before this one gets a partition: an earlier `at` is a device clock that was never
 * set, and waits in the default partition.
 */
export const FIRST_MONTH = Date.UTC(2020, 0, 1);

/** The first instant (ms, UTC) of the month of `ms`. */
export function monthStart(ms: number): number {
  const d = new Date(ms);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
}

/** The first instant of the month `months` months after the month of `ms` (before, if < 0). */
export function addMonths(ms: number, months: number): number {
  const d = new Date(monthStart(ms));
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1);
}

/** The partition of the month starting at `start`: `kite_learner_event_p202612`. */
export function partitionName(start: number): string {
  const d = new Date(start);
  return `${EVENT_TABLE}_p${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A month's partition: its table and the range of `at` it holds, `from` ≤ at < `to`. */
export interface MonthPartition {
  readonly name: string;
  readonly from: number;
  readonly to: number;
}

const BOUND = /^FOR VALUES FROM \('?(-?\d+)'?\) TO \('?(-?\d+)'?\)$/;

/** The month partitions attached to the event table, oldest first (pg_inherits). */
export async function monthPartitions(db: Runner): Promise<MonthPartition[]> {
  const { rows } = await run<{ name: string; bound: string }>(
    db,
    'select c.relname as name, pg_get_expr(c.relpartbound, c.oid) as bound ' +
      'from pg_inherits i join pg_class c on c.oid = i.inhrelid ' +
      'join pg_class p on p.oid = i.inhparent ' +
      'where p.relname = $1 and p.relnamespace = current_schema()::regnamespace',
    [EVENT_TABLE],
  );
  const out: MonthPartition[] = [];
  for (const r of rows) {
    const m = BOUND.exec(r.bound);
    if (m) out.push({ name: r.name, from: Number(m[1]), to: Number(m[2]) });
  }
  return out.sort((a, b) => a.from - b.from);
}

/**
 * Makes the partition of the month starting at `start` unless one exists. Events of that month
 * already waiting in the default partition (a device clock ahead) move into it, in the caller's
 * transaction; otherwise the new table is attached, which does not stop other months' inserts.
 * Returns whether it made one.
 */
export async function createMonth(db: Runner, start: number): Promise<boolean> {
  const from = monthStart(start);
  const to = addMonths(from, 1);
  const name = partitionName(from);
  const { rows } = await run<{ found: boolean }>(
    db,
    'select to_regclass($1) is not null as found',
    [name],
  );
  if (rows[0]?.found) return false;
  // Names and bounds are made here from numbers, never from input.
  await run(db, `create table ${name} (like ${EVENT_TABLE} including defaults)`);
  await run(
    db,
    `with moved as (delete from ${DEFAULT_PARTITION} where at >= ${from} and at < ${to} returning *) ` +
      `insert into ${name} select * from moved`,
  );
  await run(
    db,
    `alter table ${EVENT_TABLE} attach partition ${name} for values from (${from}) to (${to})`,
  );
  return true;
}

/**
 * Makes sure every month from the month of `from` to {@link MONTHS_AHEAD} months after the
 * month of `now` has its partition; returns the names it made. Run in one transaction.
 */
export async function ensureMonths(db: Runner, now: number, from = now): Promise<string[]> {
  const made: string[] = [];
  const last = addMonths(now, MONTHS_AHEAD);
  for (let m = monthStart(Math.max(from, FIRST_MONTH)); m <= last; m = addMonths(m, 1)) {
    if (await createMonth(db, m)) made.push(partitionName(m));
  }
  return made;
}

/** What the default partition holds: how many events (up to a cap) and their range of `at`. */
export interface DefaultPartitionState {
  /** Events in it, counted up to {@link DEFAULT_COUNT_CAP} (more reads as the cap). */
  readonly events: number;
  readonly earliest: number | null;
  readonly latest: number | null;
}

export const DEFAULT_COUNT_CAP = 10_000;

/** What waits in the default partition (SCALE-13: anything there is an alert). */
export async function defaultPartitionState(db: Runner): Promise<DefaultPartitionState> {
  const { rows } = await run<{ events: string; earliest: string | null; latest: string | null }>(
    db,
    `select count(*) as events, min(at) as earliest, max(at) as latest ` +
      `from (select at from ${DEFAULT_PARTITION} limit ${DEFAULT_COUNT_CAP}) d`,
  );
  const r = rows[0];
  const num = (v: string | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { events: Number(r?.events ?? 0), earliest: num(r?.earliest), latest: num(r?.latest) };
}
