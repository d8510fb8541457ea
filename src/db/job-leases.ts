// Leases of background jobs in the database (table kite_job), so that of several app processes
// on one database exactly one runs a given job at a time. Winning a lease is ONE statement (an
// insert that, on conflict, updates the row only when its lease has run out and the job is due),
// atomic on SQLite and PostgreSQL alike: there is no read-then-write race between processes. A
// holder that crashes stops renewing, and its lease runs out. The runner is server/jobs/runner.ts.

import type { Db } from './connect';
import { fromDbTime, toDbTime } from './time';

/** What the table says about one job; times in epoch milliseconds. */
export interface JobState {
  readonly name: string;
  readonly leaseOwner: string | null;
  readonly leaseUntil: number | null;
  readonly nextRunAt: number;
  readonly lastStartedAt: number | null;
  readonly lastFinishedAt: number | null;
  readonly lastOutcome: 'ok' | 'fail' | null;
  readonly lastError: string | null;
}

/** How a run ended, written when its holder releases the lease. */
export interface JobFinish {
  readonly finishedAt: number;
  readonly outcome: 'ok' | 'fail';
  /** A short message without personal data (see server/jobs/safe-error.ts); null on success. */
  readonly error: string | null;
  readonly nextRunAt: number;
}

export interface JobLeases {
  /**
   * Takes the lease of `name` for `owner` until `now + leaseMs` when nobody holds it (or the
   * holder's lease ended by `now`) and the job is due (`next_run_at` ≤ `now`; `force` skips that
   * condition, for a run asked for by hand). A job without a row is due. Returns whether
   * `owner` won.
   */
  claim(
    name: string,
    owner: string,
    now: number,
    leaseMs: number,
    force?: boolean,
  ): Promise<boolean>;
  /** Extends `owner`'s lease to `now + leaseMs`; false when `owner` no longer holds it. */
  renew(name: string, owner: string, now: number, leaseMs: number): Promise<boolean>;
  /** Records the end of a run and frees the lease; false (nothing written) when `owner` lost it. */
  finish(name: string, owner: string, finish: JobFinish): Promise<boolean>;
  /** Every job's row, by name. */
  list(): Promise<JobState[]>;
}

/** Longest lease owner id stored (the column is varchar(60)). */
export const MAX_OWNER_LENGTH = 60;
/** Longest `last_error` stored (the column is varchar(300)). */
export const MAX_JOB_ERROR_LENGTH = 300;

const time = (v: string | Date | null): number | null => (v === null ? null : fromDbTime(v));

export function jobLeases(db: Db): JobLeases {
  const k = db.kysely;
  return {
    async claim(name, owner, now, leaseMs, force = false) {
      const at = toDbTime(now);
      const until = toDbTime(now + leaseMs);
      const row = await k
        .insertInto('kite_job')
        .values({
          name,
          lease_owner: owner,
          lease_until: until,
          next_run_at: at,
          last_started_at: at,
        })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ lease_owner: owner, lease_until: until, last_started_at: at })
            .where((eb) =>
              eb.and([
                eb.or([
                  eb('kite_job.lease_until', 'is', null),
                  eb('kite_job.lease_until', '<=', at),
                ]),
                ...(force ? [] : [eb('kite_job.next_run_at', '<=', at)]),
              ]),
            ),
        )
        .returning('name')
        .executeTakeFirst();
      return row !== undefined;
    },
    async renew(name, owner, now, leaseMs) {
      const result = await k
        .updateTable('kite_job')
        .set({ lease_until: toDbTime(now + leaseMs) })
        .where('name', '=', name)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async finish(name, owner, f) {
      const result = await k
        .updateTable('kite_job')
        .set({
          lease_owner: null,
          lease_until: null,
          last_finished_at: toDbTime(f.finishedAt),
          last_outcome: f.outcome,
          last_error: f.error === null ? null : f.error.slice(0, MAX_JOB_ERROR_LENGTH),
          next_run_at: toDbTime(f.nextRunAt),
        })
        .where('name', '=', name)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },
    async list() {
      const rows = await k.selectFrom('kite_job').selectAll().orderBy('name').execute();
      return rows.map((r) => ({
        name: r.name,
        leaseOwner: r.lease_owner,
        leaseUntil: time(r.lease_until),
        nextRunAt: fromDbTime(r.next_run_at),
        lastStartedAt: time(r.last_started_at),
        lastFinishedAt: time(r.last_finished_at),
        lastOutcome: r.last_outcome,
        lastError: r.last_error,
      }));
    },
  };
}
