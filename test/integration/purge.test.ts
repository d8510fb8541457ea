// The retention purge (PRIV-18) on SQLite and PostgreSQL, by time travel: rows are written at
// known times, the purge runs at a chosen "now", and exactly the rows past their period go.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { jobLeases } from '../../src/db/job-leases';
import { rateLimitCounters } from '../../src/db/rate-limit';
import { toDbTime } from '../../src/db/time';
import { IDLE_MS } from '../../src/server/accounts/sessions';
import { DEFAULT_RETENTION } from '../../src/server/config/config';
import { kiteJobs } from '../../src/server/jobs/jobs';
import { PurgeError, purgeJob, runPurge } from '../../src/server/jobs/purge';
import type { PurgeStep } from '../../src/server/jobs/purge';
import {
  retentionSteps,
  sessionsStep,
  tokensStep,
  unconfirmedStep,
} from '../../src/server/jobs/purge-steps';
import { createJobRunner } from '../../src/server/jobs/runner';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';

const T0 = Date.parse('2026-05-04T10:00:00.000Z');
const DAY = 86_400_000;
const HOUR = 3_600_000;

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: retention purge`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    beforeAll(async () => {
      if (enabled) testDb = await dialect.fresh();
    });
    afterAll(async () => {
      if (enabled) await testDb.dispose();
    });

    /** A user, and sessions, tokens, audit rows and rate-limit counters at known times. */
    beforeEach(async () => {
      if (!enabled) return;
      const k = testDb.db.kysely;
      for (const t of ['kite_audit', 'kite_token', 'kite_session', 'kite_user', 'kite_job']) {
        await k.deleteFrom(t as 'kite_audit').execute();
      }
      await k.deleteFrom('kite_rate_limit').execute();
      const at = (ms: number) => toDbTime(ms);
      await k
        .insertInto('kite_user')
        .values({
          id: 'u1',
          email: 'parent@example.org',
          display_name: 'A parent',
          role: 'parent',
          status: 'active',
          password_hash: 'x',
          created_at: at(T0 - 200 * DAY),
          updated_at: at(T0 - 200 * DAY),
          last_active_at: at(T0 - DAY),
        })
        .execute();
      const session = (id: string, expires: number, lastSeen: number) => ({
        id,
        token_hash: `hash-${id}`,
        user_id: 'u1',
        stage: 'full' as const,
        device: 'Firefox on Linux',
        created_at: at(expires - 12 * HOUR),
        last_seen_at: at(lastSeen),
        expires_at: at(expires),
      });
      await k
        .insertInto('kite_session')
        .values([
          session('s-expired', T0 - 1, T0 - HOUR),
          session('s-ends-now', T0, T0 - 60_000),
          session('s-idle', T0 + 6 * HOUR, T0 - IDLE_MS),
          session('s-live', T0 + 1, T0 - IDLE_MS + 1),
        ])
        .execute();
      const token = (hash: string, expires: number, used: number | null) => ({
        token_hash: hash,
        kind: 'reset_password' as const,
        user_id: 'u1',
        created_at: at(expires - HOUR),
        expires_at: at(expires),
        used_at: used === null ? null : at(used),
      });
      await k
        .insertInto('kite_token')
        .values([
          token('t-used', T0 + HOUR, T0 - 60_000),
          token('t-expired', T0 - 1, null),
          token('t-live', T0 + HOUR, null),
        ])
        .execute();
      const audit = (id: string, when: number) => ({
        id,
        at: at(when),
        event: 'signin',
        outcome: 'ok' as const,
        actor_id: 'u1',
        subject_id: null,
        detail: null,
      });
      await k
        .insertInto('kite_audit')
        .values([
          audit('a-old', T0 - 90 * DAY - 1),
          audit('a-at-limit', T0 - 90 * DAY),
          audit('a-recent', T0 - DAY),
        ])
        .execute();
      const counters = rateLimitCounters(testDb.db);
      await counters.hit('ended', 60_000, T0 - 60_000);
      await counters.hit('open', 60_000, T0 - 30_000);
    });

    const left = async () => {
      const k = testDb.db.kysely;
      const ids = async (q: Promise<{ id: string }[]>) => (await q).map((r) => r.id).sort();
      return {
        audit: await ids(k.selectFrom('kite_audit').select('id').execute()),
        sessions: await ids(k.selectFrom('kite_session').select('id').execute()),
        tokens: await ids(
          k.selectFrom('kite_token').select('token_hash as id').execute() as Promise<
            { id: string }[]
          >,
        ),
        rateLimits: await ids(
          k.selectFrom('kite_rate_limit').select('bucket as id').execute() as Promise<
            { id: string }[]
          >,
        ),
      };
    };

    it.skipIf(!enabled)('deletes exactly what is past its period, step by step', async () => {
      const report = await runPurge(retentionSteps(DEFAULT_RETENTION), testDb.db, T0);
      expect(report).toEqual({
        steps: [
          { step: 'audit', describe: 'security audit rows older than 90 days', deleted: 1 },
          { step: 'sessions', describe: 'ended sessions', deleted: 3 },
          { step: 'tokens', describe: 'used or expired tokens', deleted: 2 },
          {
            step: 'unconfirmed-accounts',
            describe: 'accounts never confirmed within 30 days',
            deleted: 0,
          },
          { step: 'inactive-children', describe: 'children inactive for 12 months', deleted: 0 },
          {
            step: 'revoked-devices',
            describe: 'device credentials revoked more than 90 days ago',
            deleted: 0,
          },
          { step: 'feedback', describe: "children's feedback older than 730 days", deleted: 0 },
          { step: 'rate-limits', describe: 'ended rate-limit windows', deleted: 1 },
        ],
        deleted: 7,
      });
      expect(await left()).toEqual({
        audit: ['a-at-limit', 'a-recent'],
        sessions: ['s-live'],
        tokens: ['t-live'],
        rateLimits: ['open'],
      });
      // The user's own row is not a retention matter here.
      expect(await testDb.db.kysely.selectFrom('kite_user').select('id').execute()).toHaveLength(1);
      // Nothing more to do at the same time.
      expect((await runPurge(retentionSteps(DEFAULT_RETENTION), testDb.db, T0)).deleted).toBe(0);
    });

    it.skipIf(!enabled)('later, the rest ages out (time travel)', async () => {
      const steps = retentionSteps(DEFAULT_RETENTION);
      await runPurge(steps, testDb.db, T0);
      // 89 days on, the newest audit row (a day old at T0) is exactly 90 days old: kept.
      const edge = await runPurge(steps, testDb.db, T0 + 89 * DAY);
      expect(edge.steps.map((s) => [s.step, 'deleted' in s && s.deleted])).toEqual([
        ['audit', 1],
        ['sessions', 1],
        ['tokens', 1],
        ['unconfirmed-accounts', 0],
        ['inactive-children', 0],
        ['revoked-devices', 0],
        ['feedback', 0],
        ['rate-limits', 1],
      ]);
      expect(await left()).toEqual({
        audit: ['a-recent'],
        sessions: [],
        tokens: [],
        rateLimits: [],
      });
      expect((await runPurge(steps, testDb.db, T0 + 89 * DAY + 1)).deleted).toBe(1);
      expect((await left()).audit).toEqual([]);
    });

    it.skipIf(!enabled)(
      'deletes accounts never confirmed within 30 days, keeping their log entries without the id',
      async () => {
        const k = testDb.db.kysely;
        const user = (id: string, status: 'unverified' | 'active', made: number) => ({
          id,
          email: `${id}@example.org`,
          display_name: id,
          role: 'parent' as const,
          status,
          password_hash: 'x',
          created_at: toDbTime(made),
          updated_at: toDbTime(made),
          last_active_at: toDbTime(made),
        });
        await k
          .insertInto('kite_user')
          .values([
            user('old-unconfirmed', 'unverified', T0 - 31 * DAY),
            user('new-unconfirmed', 'unverified', T0 - 29 * DAY),
            user('old-active', 'active', T0 - 400 * DAY),
          ])
          .execute();
        await k
          .insertInto('kite_audit')
          .values({
            id: 'signup-old',
            at: toDbTime(T0 - 31 * DAY),
            event: 'signup',
            outcome: 'ok',
            actor_id: 'old-unconfirmed',
            subject_id: 'old-unconfirmed',
            detail: null,
          })
          .execute();
        expect(await unconfirmedStep.run(testDb.db, T0)).toBe(1);
        const ids = (await k.selectFrom('kite_user').select('id').execute()).map((u) => u.id);
        expect(ids).not.toContain('old-unconfirmed');
        expect(ids).toEqual(expect.arrayContaining(['new-unconfirmed', 'old-active']));
        const entry = await k
          .selectFrom('kite_audit')
          .selectAll()
          .where('id', '=', 'signup-old')
          .executeTakeFirstOrThrow();
        expect([entry.actor_id, entry.subject_id]).toEqual([null, null]);
      },
    );

    it.skipIf(!enabled)(
      'erases children inactive for KITE_RETAIN_CHILD_MONTHS, leaving tombstones, and later their revoked devices',
      async () => {
        const k = testDb.db.kysely;
        const MONTH = 30 * DAY;
        await k
          .insertInto('kite_user')
          .values({
            id: 'parent-p',
            email: 'parent-p@example.org',
            display_name: 'P',
            role: 'parent',
            status: 'active',
            password_hash: 'x',
            created_at: toDbTime(T0 - 800 * DAY),
            updated_at: toDbTime(T0 - 800 * DAY),
            last_active_at: toDbTime(T0),
          })
          .execute();
        const child = (id: string, lastActive: number) => ({
          id,
          class_id: null,
          parent_id: 'parent-p',
          nickname: id,
          avatar: 'fox',
          band: '5-7',
          lang: 'en',
          pictures: null,
          epoch: 1,
          consent_by: 'parent-p',
          consent_at: toDbTime(T0 - 800 * DAY),
          consent_notice: '2026-12',
          created_at: toDbTime(T0 - 800 * DAY),
          last_active_at: toDbTime(lastActive),
        });
        await k
          .insertInto('kite_learner')
          .values([child('idle-child', T0 - 6 * MONTH - 1), child('busy-child', T0 - 5 * MONTH)])
          .execute();
        await k
          .insertInto('kite_device_credential')
          .values({
            token_hash: 'h-idle',
            learner_id: 'idle-child',
            created_at: toDbTime(T0 - 7 * MONTH),
            last_used_at: toDbTime(T0 - 7 * MONTH),
            revoked_at: null,
          })
          .execute();
        const steps = retentionSteps({ auditDays: 90, childMonths: 6, evidenceDays: 730 });
        const report = await runPurge(steps, testDb.db, T0);
        const step = report.steps.find((s) => s.step === 'inactive-children')!;
        expect(step).toMatchObject({ deleted: 1, describe: 'children inactive for 6 months' });
        const left = (await k.selectFrom('kite_learner').select('id').execute()).map((r) => r.id);
        expect(left).toEqual(['busy-child']);
        const tombs = await k.selectFrom('kite_learner_tombstone').selectAll().execute();
        expect(tombs.map((t) => t.learner_id)).toEqual(['idle-child']);
        const cred = await k
          .selectFrom('kite_device_credential')
          .selectAll()
          .executeTakeFirstOrThrow();
        expect(cred.revoked_at).not.toBeNull();
        // 90 days after it was revoked, the device's credential goes too.
        await runPurge(steps, testDb.db, T0 + 90 * DAY - 1);
        expect(await k.selectFrom('kite_device_credential').selectAll().execute()).toHaveLength(1);
        await runPurge(steps, testDb.db, T0 + 90 * DAY + 1);
        expect(await k.selectFrom('kite_device_credential').selectAll().execute()).toHaveLength(0);
      },
    );

    it.skipIf(!enabled)('keeps audit rows for KITE_RETAIN_AUDIT_DAYS', async () => {
      const steps = retentionSteps({ auditDays: 1, childMonths: 12, evidenceDays: 730 });
      expect(steps[0]!.describe).toBe('security audit rows older than 1 day');
      await runPurge(steps, testDb.db, T0);
      expect((await left()).audit).toEqual(['a-recent']);
      await runPurge(steps, testDb.db, T0 + 1);
      expect((await left()).audit).toEqual([]);
    });

    it.skipIf(!enabled)(
      'a failing step does not stop the others; the job records the failure and retries',
      async () => {
        const broken: PurgeStep = {
          name: 'broken',
          describe: 'a step that fails',
          run: async () => {
            throw new Error('no such table: kite_child');
          },
        };
        const steps = [sessionsStep, broken, tokensStep];
        const error = await runPurge(steps, testDb.db, T0).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(PurgeError);
        expect((error as PurgeError).report.steps).toEqual([
          { step: 'sessions', describe: 'ended sessions', deleted: 3 },
          {
            step: 'broken',
            describe: 'a step that fails',
            error: 'Error: no such table: kite_child',
          },
          { step: 'tokens', describe: 'used or expired tokens', deleted: 2 },
        ]);

        const runner = createJobRunner({ db: testDb.db, jobs: [purgeJob(steps)], clock: () => T0 });
        const [run] = await runner.tick(T0);
        expect(run).toMatchObject({ job: 'purge', outcome: 'fail', recorded: true });
        const [row] = await jobLeases(testDb.db).list();
        expect(row).toMatchObject({
          name: 'purge',
          lastOutcome: 'fail',
          lastError: 'PurgeError: broken: Error: no such table: kite_child',
          nextRunAt: T0 + 10 * 60_000,
        });
      },
    );

    it.skipIf(!enabled)('the server runs the purge as its background job', async () => {
      const runner = createJobRunner({
        db: testDb.db,
        jobs: kiteJobs({ retention: DEFAULT_RETENTION }),
        clock: () => T0,
      });
      // The industry reminders run beside it (every 30 minutes; none are due here).
      const purges = async (at: number) => (await runner.tick(at)).filter((r) => r.job === 'purge');
      const first = await runner.tick(T0);
      expect(first).toMatchObject([
        { job: 'purge', outcome: 'ok', result: { deleted: 7 } },
        { job: 'industry-reminders', outcome: 'ok', result: { sent: 0, failed: 0 } },
      ]);
      expect(await left()).toMatchObject({ sessions: ['s-live'], tokens: ['t-live'] });
      expect(await purges(T0 + 59 * 60_000)).toEqual([]);
      expect(await purges(T0 + 60 * 60_000)).toMatchObject([{ outcome: 'ok' }]);
    });
  });
}

describe('purge steps', () => {
  it('refuses two steps with one name', () => {
    expect(() => purgeJob([sessionsStep, sessionsStep])).toThrow(/same name/);
  });
});
