// PostgreSQL: the months of the learners' event log (SCALE-13, docs/classes.md "Events on
// PostgreSQL"). Every run makes sure the current month and the three after it have their
// partition, and looks into the default partition: anything there (a device clock far off, or an
// event sent after its month was dropped) is said in a warning line, and `/api/ready` shows it.

import type { Db } from '../../db/connect';
import {
  MONTHS_AHEAD,
  addMonths,
  defaultPartitionState,
  ensureMonths,
  monthPartitions,
} from '../../db/event-partitions';
import type { DefaultPartitionState } from '../../db/event-partitions';
import type { Job } from './job';

export const EVENT_PARTITIONS_JOB = 'event-partitions';
const MINUTE = 60_000;

/** What a run found and did. */
export interface EventPartitionsReport {
  /** Partitions it made. */
  readonly created: readonly string[];
  /** Whole months after the current one that have their partition. */
  readonly monthsAhead: number;
  readonly defaultPartition: DefaultPartitionState;
}

/** The state of the months: how far ahead they reach, and what the default partition holds. */
export async function partitionStatus(
  db: Db,
  now: number,
): Promise<Omit<EventPartitionsReport, 'created'>> {
  const months = await monthPartitions(db.kysely);
  const have = new Set(months.map((m) => m.from));
  let ahead = 0;
  while (ahead < 120 && have.has(addMonths(now, ahead + 1))) ahead++;
  if (!have.has(addMonths(now, 0))) ahead = -1;
  return { monthsAhead: ahead, defaultPartition: await defaultPartitionState(db.kysely) };
}

/** Makes the months due at `now` (in one transaction) and reports the state. */
export async function maintainPartitions(db: Db, now: number): Promise<EventPartitionsReport> {
  const created = await db.kysely.transaction().execute((trx) => ensureMonths(trx, now));
  return { created, ...(await partitionStatus(db, now)) };
}

/**
 * The job: hourly (a month's partition is made three months before it is needed, so a failing
 * run has months to be noticed), retried after ten minutes. Nothing on SQLite.
 */
export function eventPartitionsJob(): Job<EventPartitionsReport | { readonly sqlite: true }> {
  return {
    name: EVENT_PARTITIONS_JOB,
    everyMs: 60 * MINUTE,
    retryMs: 10 * MINUTE,
    leaseMs: 10 * MINUTE,
    async run({ db, now, log }) {
      if (db.dialect !== 'postgres') return { sqlite: true };
      const report = await maintainPartitions(db, now);
      const d = report.defaultPartition;
      if (d.events > 0) {
        log?.warn(
          {
            job: EVENT_PARTITIONS_JOB,
            events: d.events,
            earliest: d.earliest === null ? null : new Date(d.earliest).toISOString(),
            latest: d.latest === null ? null : new Date(d.latest).toISOString(),
          },
          'events wait in the default partition of kite_learner_event (device clocks far off, or sent after their month was dropped); docs/classes.md',
        );
      }
      if (report.monthsAhead < MONTHS_AHEAD) {
        log?.warn(
          { job: EVENT_PARTITIONS_JOB, monthsAhead: report.monthsAhead },
          'fewer months of kite_learner_event partitions ahead than planned',
        );
      }
      return report;
    },
  };
}
