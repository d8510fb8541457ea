// The background job runner. Every app process makes one and calls `tick(now)` on an interval;
// at each tick it renews the leases of the jobs it is running and tries to win the lease of
// every other job that is due (src/db/job-leases.ts: one atomic statement). A job runs only in
// the process that won its lease, so with several processes on one database each run happens
// once. The clock is injected, so tests move time instead of waiting.

import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/connect';
import { jobLeases } from '../../db/job-leases';
import { checkJob } from './job';
import type { Job } from './job';
import { safeErrorMessage } from './safe-error';

/** Where the runner reports (pino's logger fits). Objects hold job names, counts and safe errors. */
export interface JobLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface JobRunnerOptions {
  readonly db: Db;
  readonly jobs: readonly Job[];
  /** Epoch ms (default `Date.now`); tests inject their own. */
  readonly clock?: () => number;
  /** How often `start()` ticks, in ms (default 60 s); shorter than every job's `leaseMs`. */
  readonly tickEveryMs?: number;
  /** This process's name in kite_job.lease_owner (default: its pid and a random part). */
  readonly owner?: string;
}

/** One run of a job in this process. */
export type JobRun = {
  readonly job: string;
  /** Whether the end of the run was written (false when the lease was lost meanwhile). */
  readonly recorded: boolean;
} & (
  | { readonly outcome: 'ok'; readonly result: unknown }
  | { readonly outcome: 'fail'; readonly error: unknown; readonly message: string }
);

export interface JobRunner {
  /** This process's lease owner id. */
  readonly owner: string;
  /**
   * Renews the leases of the jobs running here, then runs every due job whose lease this
   * process wins. Resolves when the runs it started have finished, with them; never rejects
   * (a database error is logged, and the next tick tries again).
   */
  tick(now?: number): Promise<JobRun[]>;
  /**
   * Runs `name` now whether or not it is due (the CLI's `purge`), under its lease; `busy` when
   * another process (or this one) is running it. Rejects when the database cannot be reached.
   */
  runNow(name: string, now?: number): Promise<JobRun | 'busy'>;
  /** Ticks now and then every `tickEveryMs` (an unref'd timer) until `stop()`. */
  start(log?: JobLog): void;
  /** Stops ticking, tells running jobs to stop (their signal) and waits for them to end. */
  stop(): Promise<void>;
}

const SILENT: JobLog = { info() {}, warn() {}, error() {} };

interface Active {
  readonly job: Job;
  readonly controller: AbortController;
  /** Whether this process holds the lease (false while it is still claiming it). */
  held: boolean;
  done?: Promise<unknown>;
}

export function defaultOwner(): string {
  return `${process.pid}-${randomBytes(6).toString('hex')}`;
}

export function createJobRunner({
  db,
  jobs,
  clock = Date.now,
  tickEveryMs = 60_000,
  owner = defaultOwner(),
}: JobRunnerOptions): JobRunner {
  const byName = new Map<string, Job>();
  for (const job of jobs) {
    checkJob(job);
    if (byName.has(job.name)) throw new Error(`Two jobs are named ${job.name}`);
    if (job.leaseMs <= tickEveryMs) {
      throw new Error(`Job ${job.name}: leaseMs must be longer than the tick (${tickEveryMs} ms)`);
    }
    byName.set(job.name, job);
  }
  const leases = jobLeases(db);
  const active = new Map<string, Active>();
  let log = SILENT;
  let timer: ReturnType<typeof setInterval> | undefined;
  let stopped = false;

  async function renewLeases(now: number): Promise<void> {
    await Promise.all(
      [...active.values()]
        .filter((a) => a.held)
        .map(async ({ job, controller }) => {
          try {
            if (await leases.renew(job.name, owner, now, job.leaseMs)) return;
            log.warn(
              { job: job.name },
              'job lease lost to another process; asking the job to stop',
            );
            controller.abort(new Error('lease lost'));
          } catch (e) {
            log.warn({ job: job.name, error: safeErrorMessage(e) }, 'job lease not renewed');
          }
        }),
    );
  }

  async function execute(job: Job, now: number, signal: AbortSignal): Promise<JobRun> {
    let ended:
      { outcome: 'ok'; result: unknown } | { outcome: 'fail'; error: unknown; message: string };
    try {
      ended = { outcome: 'ok', result: await job.run({ db, now, signal, log }) };
    } catch (error) {
      ended = { outcome: 'fail', error, message: safeErrorMessage(error) };
    }
    const finishedAt = clock();
    let recorded = false;
    try {
      recorded = await leases.finish(job.name, owner, {
        finishedAt,
        outcome: ended.outcome,
        error: ended.outcome === 'fail' ? ended.message : null,
        nextRunAt: now + (ended.outcome === 'ok' ? job.everyMs : job.retryMs),
      });
      if (!recorded) log.warn({ job: job.name }, 'job finished after its lease was lost');
    } catch (e) {
      log.error({ job: job.name, error: safeErrorMessage(e) }, 'job end not recorded');
    }
    const ms = Math.max(0, finishedAt - now);
    if (ended.outcome === 'ok') {
      log.info({ job: job.name, outcome: 'ok', ms, result: ended.result }, 'job finished');
    } else {
      log.error({ job: job.name, outcome: 'fail', ms, error: ended.message }, 'job failed');
    }
    return { job: job.name, recorded, ...ended };
  }

  /** Lets `stop()` wait for a run (gone already when it failed before its first await). */
  function track(name: string, run: Promise<unknown>): void {
    const a = active.get(name);
    if (a) a.done = run;
  }

  /** Claims `job` and runs it; undefined when the lease went to another process or not due. */
  async function attempt(job: Job, now: number, force: boolean): Promise<JobRun | undefined> {
    const a: Active = { job, controller: new AbortController(), held: false };
    active.set(job.name, a);
    try {
      if (!(await leases.claim(job.name, owner, now, job.leaseMs, force))) return undefined;
      a.held = true;
      if (stopped) a.controller.abort(new Error('the runner is stopping'));
      return await execute(job, now, a.controller.signal);
    } finally {
      active.delete(job.name);
    }
  }

  async function tick(now = clock()): Promise<JobRun[]> {
    if (stopped) return [];
    await renewLeases(now);
    const started = [...byName.values()]
      .filter((job) => !active.has(job.name))
      .map((job) => {
        const run = attempt(job, now, false).catch((e: unknown) => {
          log.warn({ job: job.name, error: safeErrorMessage(e) }, 'job lease not claimed');
          return undefined;
        });
        track(job.name, run);
        return run;
      });
    const runs = await Promise.all(started);
    return runs.filter((r): r is JobRun => r !== undefined);
  }

  return {
    owner,
    tick,
    async runNow(name, now = clock()) {
      const job = byName.get(name);
      if (!job) throw new Error(`No job is named ${name}`);
      if (active.has(name) || stopped) return 'busy';
      const run = attempt(job, now, true);
      track(name, run);
      return (await run) ?? 'busy';
    },
    start(given = SILENT) {
      if (timer || stopped) return;
      log = given;
      void tick();
      timer = setInterval(() => void tick(), tickEveryMs);
      timer.unref();
    },
    async stop() {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      const running = [...active.values()];
      for (const a of running) a.controller.abort(new Error('the runner is stopping'));
      await Promise.allSettled(running.map((a) => a.done));
    },
  };
}
