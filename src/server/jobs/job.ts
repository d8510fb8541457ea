import type { Db } from '../../db/connect';

/** What a job gets for one run. */
export interface JobContext {
  readonly db: Db;
  /** When the run started (the runner's clock), in epoch ms; a job computes its cut-offs from it. */
  readonly now: number;
  /** Aborted when this process lost the job's lease or is stopping; check it between steps. */
  readonly signal: AbortSignal;
  /** Where a job says what people must look at (a warning line), besides what it returns. */
  readonly log?: { warn(obj: object, msg: string): void };
}

/**
 * A background job. The runner (runner.ts) runs it in one process at a time, in whichever
 * process wins its lease in the database, when it is due.
 */
export interface Job<R = unknown> {
  /** Its row in kite_job: lower-case words joined by hyphens, such as `purge`. */
  readonly name: string;
  /** From the start of a run that succeeded to the next run. */
  readonly everyMs: number;
  /** From the start of a run that failed to the next try. */
  readonly retryMs: number;
  /**
   * How long a lease lasts without renewal. The runner renews it at every tick while the job
   * runs, so it must be longer than the tick interval; a holder that crashed loses it at most
   * this long after its last renewal.
   */
  readonly leaseMs: number;
  /** Does the work; what it returns is logged (counts, never personal data) and given to `runNow`. */
  run(ctx: JobContext): Promise<R>;
}

export const JOB_NAME = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Longest job name (kite_job.name is varchar(60)). */
export const MAX_JOB_NAME = 60;

/** Throws when a job is malformed: a programming error, found when the runner is made. */
export function checkJob(job: Job): void {
  if (!JOB_NAME.test(job.name) || job.name.length > MAX_JOB_NAME) {
    throw new Error(`Job name "${job.name}" must be lower-case words joined by hyphens`);
  }
  for (const key of ['everyMs', 'retryMs', 'leaseMs'] as const) {
    if (!Number.isInteger(job[key]) || job[key] <= 0) {
      throw new Error(`Job ${job.name}: ${key} must be a positive whole number of ms`);
    }
  }
}
