// Children's feedback (COURSE-2) on both databases: the one row an answer makes holds exactly
// the fields the issue names and nothing else; a replay counts once; bad input is refused with
// stable codes and writes nothing; the request log and the rate-limit counters carry no
// address; the authors' report (the function, the JSON endpoint and the CLI) counts and flags.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { shippedContent } from '../helpers/content';
import type { Catalogue, FeedbackAnswer } from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { FEEDBACK_THRESHOLDS, feedbackReport } from '../../src/server/feedback/report';
import { FEEDBACK_DAYS, feedbackStep } from '../../src/server/jobs/purge-steps';
import { runCli } from '../../src/server/cli/run';
import { outbox } from '../helpers/account-client';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { People } from '../helpers/people';
import { createTestApp } from '../helpers/test-app';
import { FEEDBACK_RATE_LIMIT } from '../../src/server/routes/feedback';

const T0 = Date.UTC(2027, 3, 14, 9, 30, 0);
const DAY = 86_400_000;
const TODAY = '2027-04-14';
const ADDRESS = '203.0.113.77';

let content: Catalogue;
let activityId: string;
let otherId: string;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
  const ids = [...content.activities.keys()].sort();
  activityId = ids[0]!;
  otherId = ids[1]!;
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: children's feedback`, async () => {
    const enabled = await dialect.available();
    const clock = { now: T0 };
    let testDb: TestDb;
    let app: FastifyInstance;
    let logs: string[];
    let people: People;

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      const mail = outbox();
      const made = await createTestApp(testDb, {
        now: () => clock.now,
        catalogue: content,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
      });
      app = made.app;
      logs = made.logs;
      people = new People(app, mail, clock);
      await people.bootstrap();
    });
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    const answer = (over: Record<string, unknown> = {}) => ({
      id: randomUUID(),
      activity: activityId,
      version: content.activities.get(activityId as never)!.version,
      band: '8-10',
      lang: 'en',
      answer: 'fun',
      day: TODAY,
      ...over,
    });
    const send = (body: unknown, headers: Record<string, string> = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/feedback',
        payload: body as object,
        remoteAddress: ADDRESS,
        headers,
      });
    const rows = () =>
      testDb.db.kysely.selectFrom('kite_feedback').selectAll().orderBy('id').execute();
    const clear = () => testDb.db.kysely.deleteFrom('kite_feedback').execute();

    it.skipIf(!enabled)(
      'stores exactly the activity, version, band, language, answer, day and random id',
      async () => {
        await clear();
        const body = answer({ answer: 'too-hard', band: '5-7' });
        const before = await snapshotDb(testDb.db);
        const res = await send(body, {
          cookie: 'kite_session=abc; kite_csrf=def',
          'user-agent': 'Mozilla/5.0 (Linux; Android 14) Kite test',
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ received: true });
        const stored = await rows();
        expect(stored).toEqual([
          {
            id: body.id,
            activity: activityId,
            activity_version: body.version,
            band: '5-7',
            lang: 'en',
            answer: 'too-hard',
            day: TODAY,
          },
        ]);
        // Nothing else was written but the row and the route's rate-limit counter.
        expect(changedTables(before, await snapshotDb(testDb.db))).toEqual(['kite_feedback']);
        // The counter keeps a hash of the address, and no log line names it.
        const buckets = await testDb.db.kysely
          .selectFrom('kite_rate_limit')
          .select('bucket')
          .execute();
        expect(buckets.length).toBeGreaterThan(0);
        for (const b of buckets) expect(b.bucket).not.toContain('203.0.113');
        const line = logs.filter((l) => l.includes('/api/feedback')).at(-1)!;
        expect(JSON.parse(line)).toEqual(
          expect.objectContaining({ method: 'POST', path: '/api/feedback', status: 200 }),
        );
        expect(logs.join('\n')).not.toContain('203.0.113');
        expect(logs.join('\n')).not.toContain(body.id);
      },
    );

    it.skipIf(!enabled)('counts a replay once, and the first answer stays', async () => {
      await clear();
      const body = answer({ answer: 'learned' });
      expect((await send(body)).statusCode).toBe(200);
      expect((await send(body)).statusCode).toBe(200);
      const changed = await send({ ...body, answer: 'scary' });
      expect(changed.statusCode, changed.body).toBe(200);
      expect((await rows()).map((r) => [r.id, r.answer])).toEqual([[body.id, 'learned']]);
      expect((await feedbackReport(testDb.db)).activities[0]!.answers).toBe(1);
    });

    const refusals: [string, () => unknown, number, string][] = [
      [
        'an unknown field (a learner id)',
        () => answer({ learner: 'abc' }),
        400,
        'unknown_parameter',
      ],
      ['a device id', () => answer({ device: randomUUID() }), 400, 'unknown_parameter'],
      ['free text', () => answer({ text: 'I felt sad' }), 400, 'unknown_parameter'],
      ['an answer not on the list', () => answer({ answer: 'boring' }), 400, 'validation_failed'],
      ['an unknown band', () => answer({ band: '17-18' }), 400, 'validation_failed'],
      ['an id that is not a UUID v4', () => answer({ id: 'learner-42' }), 400, 'validation_failed'],
      [
        'a time instead of a day',
        () => answer({ day: '2027-04-14T09:30' }),
        400,
        'validation_failed',
      ],
      ['a day that does not exist', () => answer({ day: '2027-02-30' }), 400, 'validation_failed'],
      ['a day in the future', () => answer({ day: '2027-04-16' }), 400, 'validation_failed'],
      ['a day too long ago', () => answer({ day: '2027-01-01' }), 400, 'validation_failed'],
      ['a version not yet published', () => answer({ version: 999 }), 400, 'validation_failed'],
      ['a version of 0', () => answer({ version: 0 }), 400, 'validation_failed'],
      [
        'an unknown activity',
        () => answer({ activity: 'no-such-activity' }),
        404,
        'unknown_activity',
      ],
      [
        'a language the content is not in',
        () => answer({ lang: 'xx' }),
        400,
        'unsupported_language',
      ],
      ['no body', () => undefined, 400, 'validation_failed'],
      ['a missing field', () => ({ ...answer(), answer: undefined }), 400, 'validation_failed'],
    ];
    for (const [what, body, status, code] of refusals) {
      it.skipIf(!enabled)(`refuses ${what}: ${status} ${code}, nothing stored`, async () => {
        const before = await snapshotDb(testDb.db);
        const res = await send(body());
        expect(res.statusCode, res.body).toBe(status);
        expect(res.json().error.code, res.body).toBe(code);
        expect(changedTables(before, await snapshotDb(testDb.db))).toEqual([]);
      });
    }

    it.skipIf(!enabled)(
      'reports counts, shares and flags per activity and version: function, JSON endpoint and CLI agree',
      async () => {
        await clear();
        const version = content.activities.get(activityId as never)!.version;
        const post = async (activity: string, a: FeedbackAnswer, n: number, v = version) => {
          for (let i = 0; i < n; i++) {
            const res = await send(answer({ activity, answer: a, version: v }));
            expect(res.statusCode, res.body).toBe(200);
          }
        };
        // activityId: 10 answers, 2 too hard + 1 confusing = 30% (hard), 1 scary = 10% (scary).
        await post(activityId, 'fun', 4);
        await post(activityId, 'too-hard', 2);
        await post(activityId, 'confusing', 1);
        await post(activityId, 'scary', 1);
        await post(activityId, 'learned', 1);
        await post(activityId, 'more-like-this', 1);
        // otherId: 9 answers, all too hard: under the minimum, so not flagged.
        await post(otherId, 'too-hard', 9, 1);
        const report = await feedbackReport(testDb.db);
        expect(report.thresholds).toEqual(FEEDBACK_THRESHOLDS);
        expect(report.activities).toEqual(
          [
            {
              activity: activityId,
              version,
              answers: 10,
              counts: {
                fun: 4,
                'too-hard': 2,
                confusing: 1,
                scary: 1,
                learned: 1,
                'more-like-this': 1,
              },
              tooHardShare: 0.2,
              confusingShare: 0.1,
              scaryShare: 0.1,
              flags: ['hard', 'scary'],
            },
            {
              activity: otherId,
              version: 1,
              answers: 9,
              counts: {
                fun: 0,
                'too-hard': 9,
                confusing: 0,
                scary: 0,
                learned: 0,
                'more-like-this': 0,
              },
              tooHardShare: 1,
              confusingShare: 0,
              scaryShare: 0,
              flags: [],
            },
          ].sort((a, b) => (a.activity < b.activity ? -1 : 1)),
        );
        // One more: 10 answers, flagged hard.
        await post(otherId, 'too-hard', 1, 1);
        const again = await feedbackReport(testDb.db);
        expect(again.activities.find((a) => a.activity === otherId)!.flags).toEqual(['hard']);

        const admin = await people.admin();
        const http = await admin.get('/api/feedback/report');
        expect(http.statusCode, http.body).toBe(200);
        expect(http.json()).toEqual(again);
        const coordinator = await people.coordinator();
        expect((await coordinator.get('/api/feedback/report')).json()).toEqual(again);
        // `since` counts from a day on: nothing was answered after today.
        const later = await admin.get('/api/feedback/report?since=2027-04-15');
        expect(later.json()).toEqual({ ...again, since: '2027-04-15', activities: [] });
        const bad = await admin.get('/api/feedback/report?since=yesterday');
        expect(bad.statusCode).toBe(400);
        expect(bad.json().error.code).toBe('validation_failed');
        expect((await admin.get('/api/feedback/report?who=me')).json().error.code).toBe(
          'unknown_parameter',
        );

        const out: string[] = [];
        const err: string[] = [];
        const cli = (args: string[]) =>
          runCli(['feedback', 'report', ...args], {
            env: { DATABASE_URL: '', KITE_DATA_DIR: '', ...testDb.env },
            stdout: { write: (t: string) => out.push(t) },
            stderr: { write: (t: string) => err.push(t) },
          });
        expect(await cli(['--json'])).toBe(0);
        expect(JSON.parse(out.join(''))).toEqual(again);
        out.length = 0;
        expect(await cli(['--flagged'])).toBe(0);
        const table = out.join('');
        expect(table).toContain('Flagged from 10 answers');
        expect(table).toMatch(
          new RegExp(`${activityId} +${version} +4 +2 +1 +1 +1 +1 +10 +20% +10% +hard, scary`),
        );
        expect(table).toMatch(new RegExp(`${otherId} +1 +0 +10 +0 +0 +0 +0 +10 +100% +0% +hard`));
        expect(await cli(['--since', 'soon'])).toBe(2);
        expect(err.join('')).toContain('kite feedback report: --since must be a day, YYYY-MM-DD');
      },
    );

    it.skipIf(!enabled)(
      `takes ${FEEDBACK_RATE_LIMIT.max} answers a minute from one address, then 429 rate_limited`,
      async () => {
        await clear();
        const from = (remoteAddress: string) =>
          app.inject({ method: 'POST', url: '/api/feedback', payload: answer(), remoteAddress });
        for (let i = 0; i < FEEDBACK_RATE_LIMIT.max; i++) {
          expect((await from('198.51.100.20')).statusCode).toBe(200);
        }
        const before = await snapshotDb(testDb.db);
        const over = await from('198.51.100.20');
        expect(over.statusCode).toBe(429);
        expect(over.json().error.code).toBe('rate_limited');
        expect(changedTables(before, await snapshotDb(testDb.db))).toEqual([]);
        // Another address (another school) is not held back.
        expect((await from('198.51.100.21')).statusCode).toBe(200);
        expect(await rows()).toHaveLength(FEEDBACK_RATE_LIMIT.max + 1);
      },
    );

    it.skipIf(!enabled)(`forgets answers more than ${FEEDBACK_DAYS} days old`, async () => {
      await clear();
      await send(answer({ day: TODAY }));
      await send(answer({ day: '2027-04-13' }));
      expect(await feedbackStep.run(testDb.db, T0 + FEEDBACK_DAYS * DAY)).toBe(1);
      expect((await rows()).map((r) => r.day)).toEqual([TODAY]);
      expect(await feedbackStep.run(testDb.db, T0 + (FEEDBACK_DAYS + 1) * DAY)).toBe(1);
      expect(await rows()).toEqual([]);
    });
  });
}
