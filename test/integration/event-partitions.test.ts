// The learners' event log partitioned by month on PostgreSQL (issue #18, SCALE-01, SCALE-13):
// migration 0012 over a database holding events, dedupe on (id, at), the months made ahead, the
// default partition's alert, and retention that drops a month after folding each child's
// progress, with the teacher's report, the parent's view and a restored device's progress the
// same before and after. SQLite keeps its one table (the classes and sync suites).
import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { openDb } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import {
  DEFAULT_PARTITION,
  addMonths,
  ensureMonths,
  monthPartitions,
  partitionName,
} from '../../src/db/event-partitions';
import { pgSync } from '../../src/db/learner-events';
import type { EventRow } from '../../src/db/learner-events';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate';
import { termEvents } from '../../src/db/term-events';
import { toDbTime } from '../../src/db/time';
import {
  PROGRESS_FOLD,
  isMeasureEvent,
  isProgressFold,
  learnerTerm,
  measuresOfLog,
  summarize,
  termPlan,
  termWindow,
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
import { eventPartitionsJob, maintainPartitions } from '../../src/server/jobs/event-partitions';
import { kiteJobs } from '../../src/server/jobs/jobs';
import type { PurgeReport } from '../../src/server/jobs/purge';
import { createJobRunner } from '../../src/server/jobs/runner';
import { EventLogProbe } from '../../src/server/routes/health/event-status';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { shippedContent } from '../helpers/content';
import { PG_ADMIN_URL, freshPostgres, isPostgresReachable } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { classFixture } from '../helpers/operation-calls';
import type { ClassFixture } from '../helpers/operation-calls';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import { playThrough } from '../helpers/play-events';

const DAY = 86_400_000;
const enabled = await isPostgresReachable();
if (!enabled && process.env.KITE_TEST_PG === 'required')
  throw new Error(`KITE_TEST_PG=required but PostgreSQL does not answer at ${PG_ADMIN_URL}`);

const count = async (db: Db, where = 'true') =>
  Number(
    (
      await sql<{
        n: string;
      }>`select count(*) as n from kite_learner_event where ${sql.raw(where)}`.execute(db.kysely)
    ).rows[0]!.n,
  );

describe.skipIf(!enabled)('postgres: the event log by month', () => {
  let db: Db;
  let name: string;
  const now = Date.now();
  const month = (k: number) => addMonths(now, k);
  const learner = 'learner-1';
  const row = (id: string, at: number, seq: number): EventRow => ({
    id,
    device: 'tablet-1',
    seq,
    activity: 'some-activity',
    at,
    event: JSON.stringify({ id, learner, device: 'tablet-1', seq, activity: 'some-activity', at }),
  });
  // Before the migration: three months of events, a clock in 1970 and one in 2099.
  const old = [
    row(randomUUID(), month(-4) + 3 * DAY, 1),
    row(randomUUID(), month(-2) + 9 * DAY, 2),
    row(randomUUID(), month(0) + 1000, 3),
    row(randomUUID(), 5_000, 4),
    row(randomUUID(), Date.UTC(2099, 0, 1), 5),
  ];

  beforeAll(async () => {
    name = `kite_test_${randomBytes(6).toString('hex')}`;
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    db = await openDb({ databaseUrl: url.toString(), createDatabase: true });
    await migrateUpTo(db, '0011-nation-releases');
    const t = toDbTime(now);
    await db.kysely
      .insertInto('kite_learner')
      .values({
        id: learner,
        class_id: null,
        parent_id: null,
        nickname: 'Kim',
        avatar: 'owl',
        band: '8-10',
        lang: 'en',
        pictures: null,
        epoch: 1,
        consent_by: null,
        consent_at: null,
        consent_notice: null,
        created_at: t,
        last_active_at: t,
      })
      .execute();
    const r = await pgSync(db.kysely, {
      learnerId: learner,
      epoch: 1,
      receivedAt: t,
      rows: old,
      device: 'tablet-1',
      since: 0,
      limit: 501,
    });
    expect(r.acked.size).toBe(old.length);
  });
  afterAll(async () => {
    await db?.close();
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`drop database if exists "${name}" with (force)`);
    await admin.end();
  });

  it('migration 0012 keeps every row, each in its month or the default partition', async () => {
    const before = (
      await sql<{
        n: string;
        id: string;
        at: string;
      }>`select n, id, at from kite_learner_event order by n`.execute(db.kysely)
    ).rows;
    expect(await migrateToLatest(db)).toContain('0012-event-partitions');
    const after = (
      await sql<{ n: string; id: string; at: string; part: string }>`
        select n, id, at, tableoid::regclass::text as part from kite_learner_event order by n`.execute(
        db.kysely,
      )
    ).rows;
    expect(after.map(({ n, id, at }) => ({ n, id, at }))).toEqual(before);
    expect(after.map((r) => r.part)).toEqual([
      partitionName(month(-4)),
      partitionName(month(-2)),
      partitionName(month(0)),
      DEFAULT_PARTITION,
      DEFAULT_PARTITION,
    ]);
    // Every month from the first event's to three after this one.
    const months = (await monthPartitions(db.kysely)).map((p) => p.name);
    expect(months).toEqual([-4, -3, -2, -1, 0, 1, 2, 3].map((k) => partitionName(month(k))));
    const keys = (
      await sql<{ def: string }>`
        select pg_get_constraintdef(oid) as def from pg_constraint
        where conrelid = 'kite_learner_event'::regclass order by conname`.execute(db.kysely)
    ).rows.map((r) => r.def);
    expect(keys).toEqual([
      'UNIQUE (id, at)',
      'FOREIGN KEY (learner_id) REFERENCES kite_learner(id) ON DELETE CASCADE',
      'PRIMARY KEY (n, at)',
    ]);
  });

  it('a batch sent again, old or new, is acknowledged and stored once (SCALE-01)', async () => {
    const sync = (rows: EventRow[], since = 0) =>
      pgSync(db.kysely, {
        learnerId: learner,
        epoch: 1,
        receivedAt: toDbTime(now),
        rows,
        device: 'phone-1',
        since,
        limit: 501,
      });
    const stored = await count(db);
    const again = await sync(old);
    expect([...again.acked].sort()).toEqual(old.map((r) => r.id).sort());
    expect(await count(db)).toBe(stored);
    // The phone gets every event, in arrival order, the migrated ones with their numbers.
    expect(again.pulled.map((p) => (p.event as { id: string }).id)).toEqual(old.map((r) => r.id));
    const fresh = [row(randomUUID(), now - 1000, 6), row(randomUUID(), month(1) + DAY, 7)];
    const first = await sync(fresh);
    expect(first.acked.size).toBe(2);
    expect(await count(db)).toBe(stored + 2);
    const replay = await sync(fresh);
    expect([...replay.acked].sort()).toEqual(fresh.map((r) => r.id).sort());
    expect(await count(db)).toBe(stored + 2);
    // New numbers follow the migrated ones: the pull's cursor keeps working.
    const after = await sync([], Number(again.pulled.at(-1)!.n));
    expect(after.pulled.map((p) => (p.event as { id: string }).id)).toEqual(fresh.map((r) => r.id));
  });

  it('makes the months three ahead, and says when the default partition holds events (SCALE-13)', async () => {
    const probe = new EventLogProbe(db, () => now, 0);
    // The 1970 and 2099 clocks wait in the default partition.
    expect(await probe.status()).toEqual({ monthsAhead: 3, defaultPartition: 2, alert: true });
    const warned: object[] = [];
    const job = eventPartitionsJob();
    const run = async (at: number) =>
      job.run({
        db,
        now: at,
        signal: new AbortController().signal,
        log: { warn: (o) => void warned.push(o) },
      });
    expect(await run(now)).toMatchObject({ created: [], monthsAhead: 3 });
    expect(warned).toMatchObject([{ job: 'event-partitions', events: 2 }]);

    // A device five months ahead: its event waits in the default partition until its month is
    // made, then moves into it.
    const ahead = row(randomUUID(), month(5) + 2 * DAY, 8);
    await pgSync(db.kysely, {
      learnerId: learner,
      epoch: 1,
      receivedAt: toDbTime(now),
      rows: [ahead],
      device: 'tablet-1',
      since: 0,
      limit: 1,
    });
    expect(await count(db, `tableoid = '${DEFAULT_PARTITION}'::regclass`)).toBe(3);
    const later = await maintainPartitions(db, month(2) + DAY);
    expect(later.created).toEqual([partitionName(month(4)), partitionName(month(5))]);
    expect(later.monthsAhead).toBe(3);
    const part = await sql<{ part: string }>`
      select tableoid::regclass::text as part from kite_learner_event where id = ${ahead.id}`.execute(
      db.kysely,
    );
    expect(part.rows[0]!.part).toBe(partitionName(month(5)));
    expect(await count(db, `tableoid = '${DEFAULT_PARTITION}'::regclass`)).toBe(2);

    // The parent table's constraints hold in the new months too.
    await expect(
      sql`insert into kite_learner_event (id, learner_id, device, seq, activity, at, event, received_at)
          values (${ahead.id}, ${learner}, 'x', 1, 'a', ${ahead.at}, '{}', now())`.execute(
        db.kysely,
      ),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      sql`insert into kite_learner_event (id, learner_id, device, seq, activity, at, event, received_at)
          values (${randomUUID()}, 'nobody', 'x', 1, 'a', ${ahead.at}, '{}', now())`.execute(
        db.kysely,
      ),
    ).rejects.toThrow(/foreign key/);
  });
});

describe.skipIf(!enabled)('postgres: retention drops a month, and nobody sees a change', () => {
  const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
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
    return res.json() as {
      acked: string[];
      events: (ProgressEvent | MeasureEvent | ProgressFold)[];
      cursor: string | null;
      more: boolean;
    };
  };
  /** Everything a device pulls from `since` on. */
  const pullAll = async (token: string, device: string, since: string | null = null) => {
    const events: (ProgressEvent | MeasureEvent | ProgressFold)[] = [];
    let cursor = since;
    for (;;) {
      const r = await sync(token, device, cursor, []);
      events.push(...r.events);
      cursor = r.cursor;
      if (!r.more) return { events, cursor };
    }
  };
  /** What a device shows from its events: the summary (stars, numbers) and the checks it has. */
  const deviceView = (log: (ProgressEvent | MeasureEvent | ProgressFold)[]) => ({
    summary: summarize(
      log.filter((e) => !isMeasureEvent(e)) as (ProgressEvent | ProgressFold)[],
      content,
      '8-10',
    ),
    measures: measuresOfLog(log)
      .map((m) => m.id)
      .sort(),
  });

  beforeAll(async () => {
    content = (await shippedContent()).catalogue;
    testDb = await freshPostgres();
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
    // The parent follows the child (both agreed).
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
        consent_notice: '2026-12',
        created_at: toDbTime(T0),
      })
      .execute();
    // The months of the events below (a fresh database has this month on only).
    await testDb.db.kysely
      .transaction()
      .execute((trx) => ensureMonths(trx, T0, Date.UTC(2026, 7, 1)));
  });
  afterAll(async () => {
    await app?.close();
    await testDb?.dispose();
  });

  it('folds the oldest month into each child, drops it, and the views stay the same', async () => {
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
    // August, September and October 2026, and this month; a quick check in August.
    const events: (ProgressEvent | MeasureEvent)[] = [
      check(Date.UTC(2026, 7, 10)),
      ...play(0, Date.UTC(2026, 7, 10, 10), true),
      ...play(1, Date.UTC(2026, 7, 20)),
      ...play(2, Date.UTC(2026, 8, 3), true),
      ...play(0, Date.UTC(2026, 9, 15)),
      ...play(3, Date.UTC(2026, 11, 1)),
    ];
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
    // What the child adds to the release of the autumn term (after the month that goes).
    const term = termPlan(content, termWindow({ from: '2026-09-01', to: '2026-12-31' })!, {
      measurement: true,
    });
    const termPart = async () => {
      const rows = await termEvents(testDb.db.kysely, 'postgres', [learner], term.window.end);
      return learnerTerm(term, '8-10', JSON.parse(rows[0]!.events) as never);
    };
    const termBefore = await termPart();
    expect(termBefore).toMatchObject({ active: true, completions: 3 });

    // Keep three months: at 5 December, August goes (the months up to 1 September).
    const runner = createJobRunner({
      db: testDb.db,
      jobs: kiteJobs(
        { retention: DEFAULT_RETENTION, eventMonths: 3, databaseUrl: 'postgres://x' },
        undefined,
        content,
      ),
      clock: () => T0,
    });
    const run = await runner.runNow('purge', T0);
    expect(run).toMatchObject({ outcome: 'ok' });
    const step = (run as { result: PurgeReport }).result.steps.find(
      (s) => s.step === 'event-history',
    );
    const august = events.filter((e) => e.at < Date.UTC(2026, 8, 1)).length;
    expect(step).toMatchObject({ deleted: august });
    const months = (await monthPartitions(testDb.db.kysely)).map((p) => p.name);
    expect(months[0]).toBe('kite_learner_event_p202609');
    const folds = await testDb.db.kysely
      .selectFrom('kite_learner_event')
      .select(['at', 'activity', 'device'])
      .where('activity', '=', PROGRESS_FOLD)
      .execute();
    expect(folds).toEqual([
      { at: String(Date.UTC(2026, 8, 1)), activity: PROGRESS_FOLD, device: 'kite-server' },
    ]);

    // The teacher's report (and its CSV) and the parent's view: the same.
    expect((await teacher.get(reportUrl)).json()).toEqual(report.json());
    expect((await teacher.get(`${reportUrl}.csv`)).body).toBe(csv.body);
    expect((await parent.get('/api/family/children')).json()).toEqual(family.json());
    expect(await termPart()).toEqual(termBefore);

    // A new device restores the same progress and checks from the fold and the later events.
    const laptop = await signIn('192.0.2.43');
    const restored = await pullAll(laptop, 'laptop-1');
    expect(restored.events.filter(isProgressFold)).toHaveLength(1);
    expect(restored.events.length).toBe(events.length - august + 1);
    expect(deviceView(restored.events)).toEqual(deviceView(phoneBefore.events));
    // The phone, which holds every event, gets the fold and still shows the same.
    const phoneAfter = await pullAll(phone, 'phone-1', phoneBefore.cursor);
    expect(phoneAfter.events.map((e) => isProgressFold(e))).toEqual([true]);
    expect(deviceView([...phoneBefore.events, ...phoneAfter.events])).toEqual(
      deviceView(phoneBefore.events),
    );

    // A run again drops nothing more and writes no second fold.
    const again = await runner.runNow('purge', T0 + DAY);
    expect(again).toMatchObject({ outcome: 'ok' });
    expect(await count(testDb.db, `activity = '${PROGRESS_FOLD}'`)).toBe(1);
  });
});
