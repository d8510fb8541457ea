// A school hub's purge of events the national server acknowledged (issue #18, SCALE-03;
// KITE_HUB_KEEP_DAYS): each child's progress is folded first, so the teacher's report and CSV,
// the parent's view and the progress a new or an old device restores from the hub are the same
// before and after; an event the server has not acknowledged is never deleted, however old; the
// hub never uploads its folds. The hub runs on SQLite only (KITE_MODE=hub refuses DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { hubEventsAfter } from '../../src/db/hub-events';
import { toDbTime } from '../../src/db/time';
import {
  PROGRESS_FOLD,
  isMeasureEvent,
  isProgressFold,
  measuresOfLog,
  summarize,
} from '../../src/engine';
import type {
  Catalogue,
  DeviceId,
  LearnerId,
  MeasureEvent,
  ProgressEvent,
  ProgressFold,
} from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { DEFAULT_RETENTION } from '../../src/server/config/config';
import { purgeAcknowledged, purgeCut } from '../../src/server/hubs/purge';
import { kiteJobs } from '../../src/server/jobs/jobs';
import type { PurgeReport } from '../../src/server/jobs/purge';
import { createJobRunner } from '../../src/server/jobs/runner';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { shippedContent } from '../helpers/content';
import { freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { classFixture } from '../helpers/operation-calls';
import type { ClassFixture } from '../helpers/operation-calls';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import { playThrough } from '../helpers/play-events';

const DAY = 86_400_000;
const HUB = 'hub-purgetest1';
type Logged = ProgressEvent | MeasureEvent | ProgressFold;

describe('sqlite hub: the purge of acknowledged events folds first, and nobody sees a change', () => {
  const T0 = Date.UTC(2027, 2, 1, 9, 0, 0);
  const clock: Clock = { now: T0 };
  let content: Catalogue;
  let testDb: TestDb;
  let app: FastifyInstance;
  let teacher: AccountClient;
  let parent: AccountClient;
  let fixture: ClassFixture;
  const signIn = async (ip: string) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/child/sign-in',
      payload: { code: fixture.code, learner: fixture.child.id, pictures: fixture.child.pictures },
      remoteAddress: ip,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().token as string;
  };
  const sync = async (token: string, device: string, since: string | null, events: unknown[]) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/child/sync',
      headers: { authorization: `Bearer ${token}` },
      payload: { device, epoch: 1, since, events },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { events: Logged[]; cursor: string | null; more: boolean };
  };
  const pullAll = async (token: string, device: string, since: string | null = null) => {
    const events: Logged[] = [];
    let cursor = since;
    for (;;) {
      const r = await sync(token, device, cursor, []);
      events.push(...r.events);
      cursor = r.cursor;
      if (!r.more) return { events, cursor };
    }
  };
  const deviceView = (log: Logged[]) => ({
    summary: summarize(
      log.filter((e) => !isMeasureEvent(e)) as (ProgressEvent | ProgressFold)[],
      content,
      '8-10',
    ),
    measures: measuresOfLog(log)
      .map((m) => m.id)
      .sort(),
  });
  const stored = async () =>
    testDb.db.kysely
      .selectFrom('kite_learner_event')
      .select(['id', 'n', 'at', 'activity'])
      .orderBy('n')
      .execute();
  const acknowledge = (acked: number) =>
    testDb.db.kysely
      .updateTable('kite_hub_upstream')
      .set({ acked })
      .where('hub_id', '=', HUB)
      .execute();

  beforeAll(async () => {
    content = (await shippedContent()).catalogue;
    testDb = await freshSqlite();
    const mail = outbox();
    app = await createApp({
      db: testDb.db,
      now: () => clock.now,
      catalogue: content,
      accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
    });
    const people = new People(app, mail, clock);
    await people.bootstrap();
    teacher = (await people.make('teacher')).client;
    const p = await people.make('parent');
    parent = p.client;
    fixture = await classFixture(teacher, content);
    const user = await testDb.db.kysely
      .selectFrom('kite_user')
      .select('id')
      .where('email', '=', p.person.email)
      .executeTakeFirstOrThrow();
    await testDb.db.kysely
      .insertInto('kite_family_link')
      .values({
        id: 'link-1',
        parent_id: user.id,
        learner_id: fixture.child.id,
        child_confirmed_at: toDbTime(T0),
        teacher_approved_at: toDbTime(T0),
        consent_notice: '2027-03',
        created_at: toDbTime(T0),
      })
      .execute();
    // What the uploader records: this hub's instance, nothing acknowledged yet.
    await testDb.db.kysely
      .insertInto('kite_hub_upstream')
      .values({
        hub_id: HUB,
        acked: 0,
        backlog: null,
        last_sync_at: null,
        last_error: null,
        instance_id: 'inst-purge',
        fingerprint: null,
      })
      .execute();
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('deletes only acknowledged events past the days kept; reports and restores stay the same', async () => {
    const learner = fixture.child.id as LearnerId;
    const activities = [...content.activities.values()].filter((a) => a.band === '8-10');
    const seq = { next: 1 };
    const play = (k: number, at: number, stumble = false) =>
      playThrough(activities[k % activities.length]!, {
        learner,
        device: 'tablet-1',
        seq,
        at,
        stumble,
      });
    const check = (at: number): MeasureEvent => ({
      id: randomUUID() as never,
      learner,
      device: 'tablet-1' as DeviceId,
      seq: seq.next++,
      at,
      topic: activities[0]!.topic,
      band: '8-10',
      kind: 'measure-assigned',
      skipPre: false,
      skipRate: 0.15,
    });
    const early = [
      check(T0 - 80 * DAY),
      ...play(0, T0 - 80 * DAY + 3_600_000, true),
      ...play(1, T0 - 60 * DAY),
    ];
    const middle = [...play(2, T0 - 45 * DAY, true)];
    const recent = [...play(0, T0 - 10 * DAY), ...play(3, T0 - DAY)];
    const events = [...early, ...middle, ...recent];
    const tablet = await signIn('192.0.2.41');
    for (let i = 0; i < events.length; i += 100)
      await sync(tablet, 'tablet-1', null, events.slice(i, i + 100));
    const phone = await signIn('192.0.2.42');
    const phoneBefore = await pullAll(phone, 'phone-1');
    expect(phoneBefore.events).toHaveLength(events.length);

    const reportUrl = `/api/classes/${fixture.classId}/report`;
    const report = await teacher.get(reportUrl);
    expect(report.statusCode, report.body).toBe(200);
    const csv = await teacher.get(`${reportUrl}.csv`);
    const family = await parent.get('/api/family/children');
    expect(family.statusCode, family.body).toBe(200);
    expect(family.json().children[0].report.answers).toBe(events.length - 1);

    // Before any acknowledgement, nothing goes.
    const purgeAt = (now: number) =>
      createJobRunner({
        db: testDb.db,
        jobs: kiteJobs(
          {
            retention: DEFAULT_RETENTION,
            upstream: { url: 'https://national.invalid', hubId: HUB, token: 'x'.repeat(43) },
            hubKeepDays: 30,
          },
          undefined,
          content,
        ),
        clock: () => now,
      }).runNow('purge', now);
    const hubStep = (run: unknown) =>
      ((run as { result: PurgeReport }).result.steps.find((s) => s.step === 'hub-events') as {
        deleted: number;
      }) ?? { deleted: -1 };
    const all = await stored();
    expect(hubStep(await purgeAt(T0))).toEqual(expect.objectContaining({ deleted: 0 }));
    expect(await stored()).toEqual(all);

    // The server acknowledged the early events only: the middle ones (45 days old) are not.
    const byId = new Map(all.map((r) => [r.id, Number(r.n)]));
    const acked = Math.max(...early.map((e) => byId.get(e.id)!));
    expect(Math.min(...middle.map((e) => byId.get(e.id)!))).toBeGreaterThan(acked);
    await acknowledge(acked);
    const run = await purgeAt(T0);
    expect(run).toMatchObject({ outcome: 'ok' });
    expect(hubStep(run)).toMatchObject({ deleted: early.length });
    const after = await stored();
    const kept = new Set(after.map((r) => r.id));
    for (const e of early) expect(kept.has(e.id)).toBe(false);
    // Unacknowledged, and older than 30 days: kept.
    for (const e of [...middle, ...recent]) expect(kept.has(e.id)).toBe(true);
    const cut = purgeCut(T0, 30);
    const folds = after.filter((r) => r.activity === PROGRESS_FOLD);
    expect(folds.map((f) => Number(f.at))).toEqual([cut]);
    const upstream = await testDb.db.kysely
      .selectFrom('kite_hub_upstream')
      .select('purged_through')
      .executeTakeFirstOrThrow();
    expect(Number(upstream.purged_through)).toBe(acked);

    // The teacher's report (and its CSV) and the parent's view: the same.
    expect((await teacher.get(reportUrl)).json()).toEqual(report.json());
    expect((await teacher.get(`${reportUrl}.csv`)).body).toBe(csv.body);
    expect((await parent.get('/api/family/children')).json()).toEqual(family.json());

    // A new device restores the same progress and checks from the fold and the later events.
    const laptop = await signIn('192.0.2.43');
    const restored = await pullAll(laptop, 'laptop-1');
    expect(restored.events.filter(isProgressFold)).toHaveLength(1);
    expect(restored.events.length).toBe(events.length - early.length + 1);
    expect(deviceView(restored.events)).toEqual(deviceView(phoneBefore.events));
    // The phone, which holds every event, gets the fold and still shows the same.
    const phoneAfter = await pullAll(phone, 'phone-1', phoneBefore.cursor);
    expect(phoneAfter.events.map((e) => isProgressFold(e))).toEqual([true]);
    expect(deviceView([...phoneBefore.events, ...phoneAfter.events])).toEqual(
      deviceView(phoneBefore.events),
    );

    // The uploader never sends the fold: after the mark come the middle and recent events only.
    const toUpload = await hubEventsAfter(testDb.db.kysely, acked, 1000);
    expect(toUpload.map((e) => (JSON.parse(e.event) as { id: string }).id)).toEqual(
      [...middle, ...recent].map((e) => e.id),
    );

    // A run again the same day deletes nothing and writes no second fold.
    expect(hubStep(await purgeAt(T0))).toMatchObject({ deleted: 0 });
    expect((await stored()).filter((r) => r.activity === PROGRESS_FOLD)).toHaveLength(1);

    // Everything acknowledged, twenty days later: the middle events go too, under a new fold
    // that replaces the first; the views are still the same.
    await acknowledge(Math.max(...[...byId.values()]));
    const later = T0 + 20 * DAY;
    // The hub's step alone: the job's other steps would end the teacher's session of 20 days ago.
    expect(await purgeAcknowledged(testDb.db, content, HUB, 30, later)).toMatchObject({
      folds: 1,
      deleted: middle.length,
    });
    const last = await stored();
    expect(last.filter((r) => r.activity === PROGRESS_FOLD).map((f) => Number(f.at))).toEqual([
      purgeCut(later, 30),
    ]);
    expect(new Set(last.map((r) => r.id))).toEqual(
      new Set([
        ...recent.map((e) => e.id),
        ...last.filter((r) => r.activity === PROGRESS_FOLD).map((r) => r.id),
      ]),
    );
    const laptop2 = await signIn('192.0.2.44');
    const restored2 = await pullAll(laptop2, 'laptop-2');
    expect(deviceView(restored2.events)).toEqual(deviceView(phoneBefore.events));
    expect((await teacher.get(`${reportUrl}.csv`)).body).toBe(csv.body);
    expect((await parent.get('/api/family/children')).json()).toEqual(family.json());
  });

  it('does nothing with no days set; the cut is a UTC midnight', async () => {
    expect(await purgeAcknowledged(testDb.db, content, HUB, 0, T0)).toMatchObject({
      folds: 0,
      deleted: 0,
    });
    expect(purgeCut(Date.UTC(2027, 2, 1, 23, 59), 1)).toBe(Date.UTC(2027, 1, 28));
  });
});
