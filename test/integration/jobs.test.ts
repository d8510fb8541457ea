// The background job runner on SQLite and PostgreSQL: several runners (each on its own
// connection, as separate app processes are) never run one job at the same time; a holder that
// stops renewing loses its lease to another; a failed run is recorded and retried; the app starts
// and stops its runner. Time is the injected clock: nothing waits for a lease to run out.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Db } from '../../src/db/connect';
import { jobLeases } from '../../src/db/job-leases';
import type { Job, JobContext } from '../../src/server/jobs/job';
import { createJobRunner } from '../../src/server/jobs/runner';
import type { JobRun, JobRunner } from '../../src/server/jobs/runner';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { createTestApp } from '../helpers/test-app';

const T0 = Date.parse('2026-03-02T08:00:00.000Z');
const MINUTE = 60_000;
const TICK = MINUTE;
const LEASE = 5 * MINUTE;
const EVERY = 60 * MINUTE;
const RETRY = 10 * MINUTE;

interface Gate {
  promise: Promise<void>;
  open(): void;
}
function gate(): Gate {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

/** A job that counts its runs and how many overlap, and waits for `hold` when it is set. */
function probeJob(name = 'probe') {
  const state = {
    started: 0,
    running: 0,
    maxRunning: 0,
    hold: undefined as Gate | undefined,
    fail: undefined as Error | undefined,
    contexts: [] as JobContext[],
  };
  const job: Job<{ run: number }> = {
    name,
    everyMs: EVERY,
    retryMs: RETRY,
    leaseMs: LEASE,
    async run(ctx) {
      state.contexts.push(ctx);
      state.started += 1;
      state.running += 1;
      state.maxRunning = Math.max(state.maxRunning, state.running);
      try {
        if (state.hold) await state.hold.promise;
        if (state.fail) throw state.fail;
        return { run: state.started };
      } finally {
        state.running -= 1;
      }
    },
  };
  return { job, state };
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: background jobs with leases in the database`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    /** Separate connections to the one database: one per simulated process. */
    const connections: Db[] = [];
    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      for (let i = 0; i < 4; i++) connections.push(await testDb.connectAgain());
    });
    afterAll(async () => {
      if (!enabled) return;
      for (const c of connections) await c.close();
      await testDb.dispose();
    });
    beforeEach(async () => {
      if (enabled) await testDb.db.kysely.deleteFrom('kite_job').execute();
    });

    const row = async (name = 'probe') => {
      const rows = await jobLeases(testDb.db).list();
      return rows.find((r) => r.name === name);
    };

    it.skipIf(!enabled)(
      'four runners on one database run a due job once, never two at a time',
      async () => {
        const { job, state } = probeJob();
        let now = T0;
        const runners = connections.map((db, i) =>
          createJobRunner({ db, jobs: [job], clock: () => now, owner: `proc-${i}` }),
        );
        for (let round = 0; round < 5; round++) {
          now = T0 + round * EVERY;
          state.hold = gate();
          let settled = 0;
          const ticks = runners.map((r) =>
            r.tick(now).then((runs) => {
              settled += 1;
              return runs;
            }),
          );
          // One runner won and is inside the job; the three others have given up.
          await vi.waitFor(() => expect([state.started, settled]).toEqual([round + 1, 3]));
          // While it runs (its lease not yet out), the job is due again by the clock, and
          // nobody else may start it.
          const during = await Promise.all(runners.map((r) => r.tick(now + LEASE - 1)));
          expect(during.flat()).toEqual([]);
          state.hold.open();
          const runs = (await Promise.all(ticks)).flat();
          expect(runs).toHaveLength(1);
          expect(runs[0]).toMatchObject({ job: 'probe', outcome: 'ok', recorded: true });
          // Not due again until `everyMs` after the start of that run.
          const early = await Promise.all(runners.map((r) => r.tick(now + EVERY - 1)));
          expect(early.flat()).toEqual([]);
        }
        expect(state.started).toBe(5);
        expect(state.maxRunning).toBe(1);
        expect(await row()).toMatchObject({
          leaseOwner: null,
          leaseUntil: null,
          lastOutcome: 'ok',
          lastError: null,
          lastStartedAt: T0 + 4 * EVERY,
          nextRunAt: T0 + 5 * EVERY,
        });
      },
    );

    it.skipIf(!enabled)(
      'many runners racing for the first run of a new job: exactly one wins',
      async () => {
        const { job, state } = probeJob('race');
        const runners = [testDb.db, ...connections].flatMap((db, i) => [
          createJobRunner({ db, jobs: [job], owner: `a-${i}` }),
          createJobRunner({ db, jobs: [job], owner: `b-${i}` }),
        ]);
        const runs = (await Promise.all(runners.map((r) => r.tick(T0)))).flat();
        expect(runs.map((r) => r.outcome)).toEqual(['ok']);
        expect(state.started).toBe(1);
      },
    );

    it.skipIf(!enabled)(
      'a crashed holder loses its lease when it runs out, and another process takes over',
      async () => {
        const { job, state } = probeJob();
        const crashed = createJobRunner({ db: connections[0]!, jobs: [job], owner: 'crashed' });
        const other = createJobRunner({ db: connections[1]!, jobs: [job], owner: 'other' });
        state.hold = gate();
        // The first holder starts the job and is never heard of again: no renewal, no end.
        const lost = crashed.tick(T0);
        await vi.waitFor(() => expect(state.started).toBe(1));
        expect(await row()).toMatchObject({ leaseOwner: 'crashed', leaseUntil: T0 + LEASE });

        expect(await other.tick(T0 + LEASE - 1)).toEqual([]);
        const hold = state.hold;
        state.hold = undefined;
        const taken = await other.tick(T0 + LEASE);
        expect(taken).toMatchObject([{ job: 'probe', outcome: 'ok', recorded: true }]);
        expect(await row()).toMatchObject({
          leaseOwner: null,
          lastOutcome: 'ok',
          lastStartedAt: T0 + LEASE,
          nextRunAt: T0 + LEASE + EVERY,
        });

        // Should the first holder come back and finish, it records nothing over the new run.
        hold.open();
        expect(await lost).toMatchObject([{ outcome: 'ok', recorded: false }]);
        expect(await row()).toMatchObject({
          lastStartedAt: T0 + LEASE,
          nextRunAt: T0 + LEASE + EVERY,
        });
      },
    );

    it.skipIf(!enabled)(
      'a holder that keeps ticking keeps its lease; once it lost it, its job is told to stop',
      async () => {
        const { job, state } = probeJob();
        const holder = createJobRunner({ db: connections[0]!, jobs: [job], owner: 'holder' });
        const other = createJobRunner({ db: connections[1]!, jobs: [job], owner: 'other' });
        state.hold = gate();
        const long = holder.tick(T0);
        await vi.waitFor(() => expect(state.started).toBe(1));
        // Ticks while the job runs renew its lease.
        expect(await holder.tick(T0 + LEASE - TICK)).toEqual([]);
        expect(await row()).toMatchObject({
          leaseOwner: 'holder',
          leaseUntil: T0 + 2 * LEASE - TICK,
        });
        expect(await other.tick(T0 + LEASE)).toEqual([]);
        expect(state.started).toBe(1);

        // The holder stalls past its renewed lease; the other process takes the job.
        const hold = state.hold;
        state.hold = undefined;
        expect(await other.tick(T0 + 2 * LEASE - TICK)).toMatchObject([{ outcome: 'ok' }]);
        const signal = state.contexts[0]!.signal;
        expect(signal.aborted).toBe(false);
        await holder.tick(T0 + 2 * LEASE);
        expect(signal.aborted).toBe(true);
        hold.open();
        expect(await long).toMatchObject([{ recorded: false }]);
      },
    );

    it.skipIf(!enabled)(
      'a failed run records a short error without personal data and is retried later',
      async () => {
        const { job, state } = probeJob();
        const runner = createJobRunner({ db: testDb.db, jobs: [job], clock: () => T0 + 1234 });
        state.fail = new Error('could not write "Amira Haddad" for amira.h@example.org');
        const [failed] = await runner.tick(T0);
        expect(failed).toMatchObject({ outcome: 'fail', recorded: true });
        const stored = await row();
        expect(stored).toMatchObject({
          leaseOwner: null,
          lastOutcome: 'fail',
          lastFinishedAt: T0 + 1234,
          nextRunAt: T0 + RETRY,
        });
        expect(stored!.lastError).toBe('Error: could not write "…" for …@…');

        state.fail = undefined;
        expect(await runner.tick(T0 + RETRY - 1)).toEqual([]);
        expect(await runner.tick(T0 + RETRY)).toMatchObject([{ outcome: 'ok' }]);
        expect(await row()).toMatchObject({
          lastOutcome: 'ok',
          lastError: null,
          nextRunAt: T0 + RETRY + EVERY,
        });
        expect(state.started).toBe(2);
      },
    );

    it.skipIf(!enabled)(
      'runNow runs a job that is not due, but not one another process holds',
      async () => {
        const { job, state } = probeJob();
        const a = createJobRunner({ db: connections[0]!, jobs: [job], clock: () => T0 });
        const b = createJobRunner({ db: connections[1]!, jobs: [job], clock: () => T0 });
        await a.tick(T0);
        const now = (await a.runNow('probe', T0 + 1)) as JobRun;
        expect(now).toMatchObject({ outcome: 'ok', result: { run: 2 } });
        expect(await row()).toMatchObject({ nextRunAt: T0 + 1 + EVERY });

        state.hold = gate();
        const held = a.runNow('probe', T0 + 2);
        await vi.waitFor(() => expect(state.started).toBe(3));
        expect(await b.runNow('probe', T0 + 3)).toBe('busy');
        expect(await a.runNow('probe', T0 + 3)).toBe('busy');
        state.hold.open();
        await held;
        await expect(a.runNow('nothing')).rejects.toThrow(/No job is named nothing/);
      },
    );

    it.skipIf(!enabled)(
      'an app given a runner starts it (on its injected clock) and stops it on close',
      async () => {
        const { job, state } = probeJob();
        let now = T0;
        const runner: JobRunner = createJobRunner({
          db: testDb.db,
          jobs: [job],
          clock: () => now,
          tickEveryMs: 20,
          owner: 'app',
        });
        const t = await createTestApp(testDb, { jobs: runner });
        // Started by the app: the first tick runs the job at once, at the clock's time.
        await vi.waitFor(() => expect(state.started).toBe(1));
        await vi.waitFor(async () => expect((await row())?.lastOutcome).toBe('ok'));
        expect(state.contexts[0]!.now).toBe(T0);
        expect(t.logs.some((l) => l.includes('"job":"probe"') && l.includes('job finished'))).toBe(
          true,
        );
        // The timer ticks on: once the clock says the job is due, it runs again.
        now = T0 + EVERY;
        await vi.waitFor(() => expect(state.started).toBe(2));
        state.hold = gate();
        now = T0 + 2 * EVERY;
        await vi.waitFor(() => expect(state.started).toBe(3));
        // Closing the app stops the runner: the running job is told to stop and is waited for.
        const closed = t.close();
        await vi.waitFor(() => expect(state.contexts[2]!.signal.aborted).toBe(true));
        state.hold.open();
        await closed;
        expect(await row()).toMatchObject({ leaseOwner: null, lastStartedAt: T0 + 2 * EVERY });
        now = T0 + 10 * EVERY;
        expect(await runner.tick()).toEqual([]);
        await new Promise((r) => setTimeout(r, 60));
        expect(state.started).toBe(3);
      },
    );
  });
}

describe('createJobRunner: checks its jobs', () => {
  const db = {} as Db;
  const job = (over: Partial<Job>): Job => ({
    name: 'x',
    everyMs: EVERY,
    retryMs: RETRY,
    leaseMs: LEASE,
    run: async () => undefined,
    ...over,
  });
  it.each([
    [[job({ name: 'Purge' })], /lower-case words joined by hyphens/],
    [[job({ name: 'a'.repeat(61) })], /lower-case words/],
    [[job({ everyMs: 0 })], /everyMs must be a positive whole number/],
    [[job({ leaseMs: TICK })], /leaseMs must be longer than the tick/],
    [[job({}), job({})], /Two jobs are named x/],
  ])('refuses %#', (jobs, message) => {
    expect(() => createJobRunner({ db, jobs, tickEveryMs: TICK })).toThrow(message);
  });
});
