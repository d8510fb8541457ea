// The retention purge (PRIV-18): one job made of purge steps, each deleting one kind of data
// past its period. Retention rules are steps (purge-steps.ts), so a later feature that holds
// data adds its step there. `npm run kite -- purge` runs the same job at once.

import type { Db } from '../../db/connect';
import type { Job } from './job';
import { safeErrorMessage } from './safe-error';

/** One retention rule. */
export interface PurgeStep {
  /** Short stable id, shown in the CLI and the log: `audit`, `sessions`. */
  readonly name: string;
  /** What it deletes, for people: `security audit rows older than 90 days`. */
  readonly describe: string;
  /** Deletes what is past its period at `now` (epoch ms); returns how many rows. */
  run(db: Db, now: number): Promise<number>;
}

/** What one step did: rows deleted, or why it failed (a message without personal data). */
export type PurgeStepReport =
  | { readonly step: string; readonly describe: string; readonly deleted: number }
  | { readonly step: string; readonly describe: string; readonly error: string };

export interface PurgeReport {
  readonly steps: readonly PurgeStepReport[];
  readonly deleted: number;
}

/** A purge in which some steps failed; the others ran, and `report` says what each did. */
export class PurgeError extends Error {
  override readonly name = 'PurgeError';
  constructor(readonly report: PurgeReport) {
    const failed = report.steps.filter((s) => 'error' in s);
    super(failed.map((s) => `${s.step}: ${'error' in s ? s.error : ''}`).join('; '));
  }
}

export const PURGE_JOB = 'purge';
const MINUTE = 60_000;

/**
 * Runs every step in order, each on its own so one failing does not keep the others from
 * running; then throws a {@link PurgeError} if any failed. Stops between steps when asked to.
 */
export async function runPurge(
  steps: readonly PurgeStep[],
  db: Db,
  now: number,
  signal?: AbortSignal,
): Promise<PurgeReport> {
  const reports: PurgeStepReport[] = [];
  for (const step of steps) {
    signal?.throwIfAborted();
    try {
      reports.push({ step: step.name, describe: step.describe, deleted: await step.run(db, now) });
    } catch (e) {
      reports.push({ step: step.name, describe: step.describe, error: safeErrorMessage(e) });
    }
  }
  const report: PurgeReport = {
    steps: reports,
    deleted: reports.reduce((n, s) => n + ('deleted' in s ? s.deleted : 0), 0),
  };
  if (reports.some((s) => 'error' in s)) throw new PurgeError(report);
  return report;
}

/**
 * The purge as a background job: hourly, retried after 10 minutes when a step failed. `steps` may
 * be made at each run from the database (the periods of the deployment settings in force).
 */
export function purgeJob(
  steps: readonly PurgeStep[] | ((db: Db) => Promise<readonly PurgeStep[]>),
): Job<PurgeReport> {
  const checked = (list: readonly PurgeStep[]) => {
    const names = new Set(list.map((s) => s.name));
    if (names.size !== list.length) throw new Error('Two purge steps have the same name');
    return list;
  };
  const fixed = typeof steps === 'function' ? undefined : checked(steps);
  return {
    name: PURGE_JOB,
    everyMs: 60 * MINUTE,
    retryMs: 10 * MINUTE,
    leaseMs: 10 * MINUTE,
    run: async ({ db, now, signal }) =>
      runPurge(
        fixed ?? checked(await (steps as (db: Db) => Promise<readonly PurgeStep[]>)(db)),
        db,
        now,
        signal,
      ),
  };
}
