// Classes, children's sign-in, sync, erasure, reports and families (issue #13,
// docs/classes.md), through the HTTP API on every dialect, with real accounts.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { shippedContent } from '../helpers/content';
import { feedbackDay, learnerReport, summarize, translatorFor } from '../../src/engine';
import type { Activity, Band, Catalogue, LocaleCode, ProgressEvent } from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import { playThrough } from '../helpers/play-events';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
let content: Catalogue;

/** A child's device: its own address, its device credential, its event log and cursor. */
class Device {
  token = '';
  epoch = 1;
  since: string | null = null;
  seq = { next: 1 };
  readonly log = new Map<string, ProgressEvent>();
  constructor(
    readonly app: FastifyInstance,
    readonly id: string,
    readonly ip: string,
  ) {}

  async call(method: 'GET' | 'POST' | 'DELETE', url: string, body?: unknown) {
    return this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: this.token ? { authorization: `Bearer ${this.token}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
  }

  /** Plays an activity offline: events land in the device's log only. */
  play(activity: Activity, learner: string, at: number, stumble = false): ProgressEvent[] {
    const events = playThrough(activity, { learner, device: this.id, seq: this.seq, at, stumble });
    for (const e of events) this.log.set(e.id, e);
    return events;
  }

  /** One sync exchange with `events`; keeps what comes down. */
  async sync(events: readonly ProgressEvent[]) {
    const res = await this.call('POST', '/api/child/sync', {
      device: this.id,
      epoch: this.epoch,
      since: this.since,
      events,
    });
    if (res.statusCode === 200) {
      const body = res.json();
      if (!('erased' in body)) {
        this.since = body.cursor;
        for (const e of body.events as ProgressEvent[]) this.log.set(e.id, e);
      }
    }
    return res;
  }
}

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: classes, children's sign-in and sync`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let app: FastifyInstance;
    let people: People;
    const clock: Clock = { now: T0 };
    let teacher: AccountClient;
    let classId = '';
    let code = '';
    let children: { id: string; nickname: string; pictures: string[] }[] = [];
    const band: Band = '8-10';
    const activities = () =>
      [...content.activities.values()].filter((a) => a.band === band && !a.sensitive).slice(0, 4);

    const rows = async (
      table: 'kite_learner_event' | 'kite_learner' | 'kite_family_link',
      learner: string,
    ) => {
      const column = table === 'kite_learner' ? 'id' : 'learner_id';
      return testDb.db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number | string>().as('n'))
        .where(column, '=', learner)
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    };

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      const mail = outbox();
      app = await createApp({
        db: testDb.db,
        now: () => clock.now,
        catalogue: content,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
      });
      people = new People(app, mail, clock);
      await people.bootstrap();
      teacher = (await people.make('teacher')).client;
    });
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'a class needs the school agreement, then takes nicknames only',
      async () => {
        const school = await teacher.post('/api/schools', { name: 'Riverside Primary' });
        expect(school.statusCode, school.body).toBe(201);
        const schoolId = school.json().school.id;
        const early = await teacher.post('/api/classes', {
          schoolId,
          name: 'Class 4B',
          band,
          lang: 'en',
        });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.code).toBe('agreement_required');
        const agreed = await teacher.request('PUT', `/api/schools/${schoolId}/agreement`, {
          agreedBy: 'Head teacher',
          noticeVersion: '2026-12',
        });
        expect(agreed.statusCode, agreed.body).toBe(200);
        expect(agreed.json().school.agreement).toMatchObject({
          agreedBy: 'Head teacher',
          noticeVersion: '2026-12',
        });
        const made = await teacher.post('/api/classes', {
          schoolId,
          name: 'Class 4B',
          band,
          lang: 'en',
        });
        expect(made.statusCode, made.body).toBe(201);
        classId = made.json().class.id;
        code = made.json().class.code;
        expect(code).toMatch(/^[A-Z0-9]{6}$/);

        for (const bad of ['sok@gmail.com', 'Mia 012 345 678', 'my name is Sok Dara']) {
          const r = await teacher.post(`/api/classes/${classId}/children`, {
            nicknames: ['Star', bad],
          });
          expect(r.statusCode, bad).toBe(400);
          expect(r.json().error.code).toBe('personal_data');
        }
        expect((await teacher.get(`/api/classes/${classId}`)).json().children).toEqual([]);

        const added = await teacher.post(`/api/classes/${classId}/children`, {
          nicknames: ['Star', 'Tiger 7', 'ស្រីពៅ'],
        });
        expect(added.statusCode, added.body).toBe(201);
        children = added.json().children;
        expect(children.map((c) => c.nickname)).toEqual(['Star', 'Tiger 7', 'ស្រីពៅ']);
        for (const c of children) {
          expect(c.pictures).toHaveLength(3);
          expect(new Set(c.pictures).size).toBe(3);
        }
        const again = await teacher.post(`/api/classes/${classId}/children`, {
          nicknames: ['star'],
        });
        expect(again.json().error.code).toBe('nickname_taken');
      },
    );

    it.skipIf(!enabled)(
      'a child signs in with class code, nickname and pictures; guesses are throttled',
      async () => {
        const d = new Device(app, 'dev-a', '192.0.2.10');
        const wrongCode = await d.call('POST', '/api/child/class', { code: 'ZZZZZZ' });
        expect(wrongCode.statusCode).toBe(404);
        expect(wrongCode.json().error.code).toBe('class_not_found');
        const found = await d.call('POST', '/api/child/class', {
          code: code.toLowerCase().replace(/(...)/, '$1 '),
        });
        expect(found.statusCode, found.body).toBe(200);
        expect(
          found
            .json()
            .children.map((c: { nickname: string }) => c.nickname)
            .sort(),
        ).toEqual(['Star', 'Tiger 7', 'ស្រីពៅ'].sort());
        expect(JSON.stringify(found.json())).not.toContain('pictures');

        const tiger = children[1]!;
        const wrong = [...tiger.pictures].reverse();
        for (let i = 0; i < 5; i++) {
          const r = await d.call('POST', '/api/child/sign-in', {
            code,
            learner: tiger.id,
            pictures: wrong,
          });
          expect(r.statusCode).toBe(401);
          expect(r.json().error.code).toBe('wrong_pictures');
        }
        const locked = await d.call('POST', '/api/child/sign-in', {
          code,
          learner: tiger.id,
          pictures: tiger.pictures,
        });
        expect(locked.statusCode).toBe(429);
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
        clock.now += 16 * 60_000;
        const ok = await d.call('POST', '/api/child/sign-in', {
          code,
          learner: tiger.id,
          pictures: tiger.pictures,
        });
        expect(ok.statusCode, ok.body).toBe(201);
        expect(ok.json().learner).toMatchObject({
          id: tiger.id,
          nickname: 'Tiger 7',
          band,
          epoch: 1,
        });
        d.token = ok.json().token;
        const me = await d.call('GET', '/api/child/me');
        expect(me.statusCode, me.body).toBe(200);
        expect(me.json().watchers).toEqual([{ role: 'teacher', displayName: expect.any(String) }]);
      },
    );

    it.skipIf(!enabled)(
      'sync is idempotent, both ways, and teacher and device fold the same progress',
      async () => {
        const star = children[0]!;
        const signIn = async (d: Device) => {
          const r = await d.call('POST', '/api/child/sign-in', {
            code,
            learner: star.id,
            pictures: star.pictures,
          });
          expect(r.statusCode, r.body).toBe(201);
          d.token = r.json().token;
        };
        const school = new Device(app, 'school-tablet', '192.0.2.20');
        const home = new Device(app, 'home-phone', '192.0.2.21');
        await signIn(school);
        await signIn(home);
        const [a1, a2, a3] = activities();
        const fromSchool = school.play(a1!, star.id, T0, true);
        const first = await school.sync(fromSchool);
        expect(first.statusCode, first.body).toBe(200);
        expect([...first.json().acked].sort()).toEqual(fromSchool.map((e) => e.id).sort());
        // The same batch three more times: acknowledged again, stored once.
        for (let i = 0; i < 3; i++) {
          const again = await school.sync(fromSchool);
          expect([...again.json().acked].sort()).toEqual(fromSchool.map((e) => e.id).sort());
          expect(again.json().events).toEqual([]);
        }
        expect(await rows('kite_learner_event', star.id)).toBe(fromSchool.length);

        // Offline at home, interleaved in time with more play at school.
        const fromHome = home.play(a2!, star.id, T0 + 30_000);
        const moreSchool = school.play(a3!, star.id, T0 + 45_000, true);
        const h = await home.sync(fromHome);
        expect(
          h
            .json()
            .events.map((e: ProgressEvent) => e.id)
            .sort(),
        ).toEqual(fromSchool.map((e) => e.id).sort());
        await school.sync(moreSchool);
        await home.sync([]);
        expect([...home.log.keys()].sort()).toEqual([...school.log.keys()].sort());
        expect(home.log.size).toBe(fromSchool.length + fromHome.length + moreSchool.length);

        // One progress: both devices' fold, the engine's report and the teacher's report agree.
        const onHome = summarize([...home.log.values()], content, band);
        const onSchool = summarize([...school.log.values()], content, band);
        expect(onHome).toEqual(onSchool);
        const expected = learnerReport([...home.log.values()], content, band);
        const report = await teacher.get(`/api/classes/${classId}/report`);
        expect(report.statusCode, report.body).toBe(200);
        const row = report.json().children.find((c: { id: string }) => c.id === star.id);
        expect(row).toMatchObject({
          answers: expected.answers,
          correct: expected.correct,
          finished: expected.finished,
          topics: expected.topics,
        });
        expect(JSON.stringify(report.json())).not.toContain('"answer"');
        expect(report.json().missed.length).toBeGreaterThan(0);

        // The CSV holds exactly the table of the report.
        const csv = await teacher.get(`/api/classes/${classId}/report.csv`);
        expect(csv.statusCode).toBe(200);
        expect(csv.headers['content-type']).toContain('text/csv');
        const lines = csv.body.trim().split('\r\n');
        expect(lines).toHaveLength(1 + children.length);
        const starLine = lines.find((l) => l.startsWith('"Star"'))!;
        const cells = starLine.split(',').map((c) => c.replace(/^"|"$/g, ''));
        expect(cells.slice(1, 4).map(Number)).toEqual([
          expected.answers,
          expected.correct,
          expected.finished,
        ]);
        expect(cells.slice(5)).toEqual(
          expected.topics.flatMap((t) => [`${t.mastered}/3`, `${t.finished}/${t.activities}`]),
        );
      },
    );

    it.skipIf(!enabled)(
      "the report sums children's anonymous feedback on what the class played, from ten answers",
      async () => {
        const [played, , , notPlayed] = activities();
        const tell = (activity: Activity, answer: string) =>
          app.inject({
            method: 'POST',
            url: '/api/feedback',
            remoteAddress: '192.0.2.90',
            payload: {
              id: randomUUID(),
              activity: activity.id,
              version: activity.version,
              band,
              lang: 'en',
              answer,
              day: feedbackDay(clock.now),
            },
          });
        const nine = ['fun', 'fun', 'too-hard', 'too-hard', 'confusing', 'scary', 'learned'];
        for (const a of [...nine, 'fun', 'more-like-this']) {
          expect((await tell(played!, a)).statusCode).toBe(200);
        }
        for (let i = 0; i < 12; i++) expect((await tell(notPlayed!, 'scary')).statusCode).toBe(200);
        const feedbackOf = async () =>
          (await teacher.get(`/api/classes/${classId}/report`)).json().feedback;
        // Nine answers are not shown; an activity the class did not play never is.
        expect(await feedbackOf()).toEqual([]);
        expect((await tell(played!, 'fun')).statusCode).toBe(200);
        expect(await feedbackOf()).toEqual([
          {
            activity: played!.id,
            title: translatorFor(content, 'en' as LocaleCode)(played!.title),
            answers: 10,
            counts: {
              fun: 4,
              'too-hard': 2,
              confusing: 1,
              scary: 1,
              learned: 1,
              'more-like-this': 1,
            },
            flags: ['hard', 'scary'],
          },
        ]);
      },
    );

    it.skipIf(!enabled)(
      "never acknowledges an event whose id another learner's event holds",
      async () => {
        const device = async (child: (typeof children)[number], id: string, ip: string) => {
          const d = new Device(app, id, ip);
          const r = await d.call('POST', '/api/child/sign-in', {
            code,
            learner: child.id,
            pictures: child.pictures,
          });
          expect(r.statusCode, r.body).toBe(201);
          d.token = r.json().token;
          return d;
        };
        const [star, other] = [children[0]!, children[1]!];
        const mine = await device(star, 'dev-ids-a', '192.0.2.40');
        const theirs = await device(other, 'dev-ids-b', '192.0.2.41');
        const [taken] = mine.play(activities()[1]!, star.id, T0);
        expect((await mine.sync([taken!])).json().acked).toEqual([taken!.id]);
        const fresh = theirs.play(activities()[1]!, other.id, T0);
        const clash = { ...fresh[0]!, id: taken!.id };
        const res = await theirs.sync([clash, ...fresh.slice(1)]);
        expect(res.statusCode, res.body).toBe(200);
        expect([...res.json().acked].sort()).toEqual(
          fresh
            .slice(1)
            .map((e) => e.id)
            .sort(),
        );
        const holder = await testDb.db.kysely
          .selectFrom('kite_learner_event')
          .select('learner_id')
          .where('id', '=', taken!.id)
          .executeTakeFirstOrThrow();
        expect(holder.learner_id).toBe(star.id);
      },
    );

    it.skipIf(!enabled)('refuses bad batches without storing anything', async () => {
      const star = children[0]!;
      const d = new Device(app, 'dev-bad', '192.0.2.30');
      const r = await d.call('POST', '/api/child/sign-in', {
        code,
        learner: star.id,
        pictures: star.pictures,
      });
      d.token = r.json().token;
      const before = await rows('kite_learner_event', star.id);
      const other = d.play(activities()[0]!, children[2]!.id, T0);
      const wrongLearner = await d.sync(other);
      expect(wrongLearner.statusCode).toBe(400);
      expect(wrongLearner.json().error.code).toBe('wrong_learner');
      const many = Array.from({ length: 40 }, () => d.play(activities()[0]!, star.id, T0)).flat();
      expect(many.length).toBeGreaterThan(100);
      const tooMany = await d.sync(many.slice(0, 101));
      expect(tooMany.statusCode).toBe(400);
      expect(tooMany.json().error.code).toBe('batch_too_large');
      const broken = await d.call('POST', '/api/child/sync', {
        device: d.id,
        epoch: 1,
        since: null,
        events: [{ ...many[0], answer: 'zzz' }],
      });
      expect(broken.statusCode).toBe(400);
      // Numbers past what the database stores are refused at the door, not a 500 from it.
      for (const body of [
        { device: d.id, epoch: 1, since: null, events: [{ ...many[0], seq: 3_000_000_000 }] },
        { device: d.id, epoch: 3_000_000_000, since: null, events: [] },
        { device: d.id, epoch: 1, since: '9999999999999999999', events: [] },
      ]) {
        const refused = await d.call('POST', '/api/child/sync', body);
        expect(refused.statusCode, JSON.stringify(body).slice(0, 80)).toBe(400);
        expect(refused.json().error.code).toBe('validation_failed');
      }
      expect(await rows('kite_learner_event', star.id)).toBe(before);
      const noToken = await app.inject({ method: 'GET', url: '/api/child/me' });
      expect(noToken.statusCode).toBe(401);
      const teacherOnChild = await teacher.get('/api/child/me');
      expect(teacherOnChild.statusCode).toBe(401);
      const childOnTeacher = await app.inject({
        method: 'GET',
        url: `/api/classes/${classId}`,
        headers: { authorization: `Bearer ${d.token}` },
      });
      expect(childOnTeacher.statusCode).toBe(401);
    });

    it.skipIf(!enabled)(
      'erasing progress holds against a device that still has the old events',
      async () => {
        const star = children[0]!;
        const a = new Device(app, 'erase-a', '192.0.2.40');
        const b = new Device(app, 'erase-b', '192.0.2.41');
        for (const d of [a, b]) {
          const r = await d.call('POST', '/api/child/sign-in', {
            code,
            learner: star.id,
            pictures: star.pictures,
          });
          d.token = r.json().token;
          await d.sync([]);
        }
        expect(b.log.size).toBeGreaterThan(0);
        const erased = await a.call('DELETE', '/api/child/me/progress');
        expect(erased.statusCode, erased.body).toBe(200);
        expect(erased.json().epoch).toBe(2);
        expect(await rows('kite_learner_event', star.id)).toBe(0);
        // Device b never heard of it and sends everything it holds, plus a new game.
        const offline = b.play(activities()[1]!, star.id, T0 + 3_600_000);
        const res = await b.sync([...b.log.values()].slice(0, 100));
        expect(res.statusCode).toBe(200);
        expect(res.json()).toEqual({ erased: { epoch: 2 } });
        expect(await rows('kite_learner_event', star.id)).toBe(0);
        // The device drops its copy, takes the new epoch and goes on.
        b.log.clear();
        b.epoch = 2;
        b.since = null;
        const fresh = b.play(activities()[1]!, star.id, T0 + 7_200_000);
        const after = await b.sync(fresh);
        expect(after.json().acked).toHaveLength(fresh.length);
        expect(await rows('kite_learner_event', star.id)).toBe(fresh.length);
        expect(offline.every((e) => !after.json().acked.includes(e.id))).toBe(true);
      },
    );

    it.skipIf(!enabled)(
      'families: consent, a link the child confirms and the teacher approves, summaries only',
      async () => {
        const parent = (await people.make('parent')).client;
        const refused = await parent.post('/api/family/children', {
          nickname: 'call me 012345678',
          avatar: 'fox',
          band: '5-7',
          lang: 'en',
          noticeVersion: '2026-12',
        });
        expect(refused.statusCode).toBe(400);
        expect(refused.json().error.code).toBe('personal_data');
        const own = await parent.post('/api/family/children', {
          nickname: 'Little Owl',
          avatar: 'owl',
          band: '5-7',
          lang: 'en',
          noticeVersion: '2026-12',
        });
        expect(own.statusCode, own.body).toBe(201);
        const consent = await testDb.db.kysely
          .selectFrom('kite_audit')
          .selectAll()
          .where('event', '=', 'family.consent')
          .where('subject_id', '=', own.json().child.id)
          .execute();
        expect(consent).toHaveLength(1);
        const detail = consent[0]!.detail;
        expect(typeof detail === 'string' ? JSON.parse(detail) : detail).toMatchObject({
          notice: '2026-12',
        });

        const tiger = children[1]!;
        const link = await parent.post('/api/family/links', {
          code,
          nickname: 'tiger 7',
          noticeVersion: '2026-12',
        });
        expect(link.statusCode, link.body).toBe(201);
        const linkId = link.json().link.id;
        let list = (await parent.get('/api/family/children')).json().children;
        expect(list.map((c: { nickname: string }) => c.nickname)).toEqual(['Little Owl']);

        const d = new Device(app, 'tiger-tab', '192.0.2.50');
        const s = await d.call('POST', '/api/child/sign-in', {
          code,
          learner: tiger.id,
          pictures: tiger.pictures,
        });
        d.token = s.json().token;
        await d.sync(d.play(activities()[0]!, tiger.id, T0));
        const me = (await d.call('GET', '/api/child/me')).json();
        expect(me.links).toEqual([{ id: linkId, parent: expect.any(String) }]);
        expect((await d.call('POST', `/api/child/links/${linkId}/confirm`)).statusCode).toBe(200);
        // A second teacher cannot see or approve it; the class's teacher can.
        const other = (await people.make('teacher')).client;
        expect((await other.get(`/api/classes/${classId}`)).statusCode).toBe(404);
        expect(
          (await other.post(`/api/classes/${classId}/links/${linkId}/approve`)).statusCode,
        ).toBe(404);
        expect((await parent.get(`/api/classes/${classId}`)).statusCode).toBe(403);
        const approved = await teacher.post(`/api/classes/${classId}/links/${linkId}/approve`);
        expect(approved.statusCode, approved.body).toBe(200);

        list = (await parent.get('/api/family/children')).json().children;
        const linked = list.find((c: { id: string }) => c.id === tiger.id);
        expect(linked.kind).toBe('linked');
        expect(linked.report.answers).toBeGreaterThan(0);
        expect(JSON.stringify(list)).not.toMatch(/"answer"|"scene"|"pictures"/);
        // "Download my data": the parent's children and link, the teacher's classes; no answers.
        const mine = (await parent.get('/api/account/export')).json();
        expect(mine.children.map((c: { nickname: string }) => c.nickname).sort()).toEqual([
          'Little Owl',
          'Tiger 7',
        ]);
        expect(mine.children.find((c: { addedByYou: boolean }) => c.addedByYou)).toMatchObject({
          consentNotice: '2026-12',
        });
        expect(JSON.stringify(mine)).not.toMatch(/"answer"|"pictures"/);
        const teacherData = (await teacher.get('/api/account/export')).json();
        expect(teacherData.classes).toEqual([
          expect.objectContaining({ id: classId, name: 'Class 4B', school: 'Riverside Primary' }),
        ]);
        const watchers = (await d.call('GET', '/api/child/me')).json().watchers;
        expect(watchers.map((w: { role: string }) => w.role).sort()).toEqual(['parent', 'teacher']);
      },
    );

    it.skipIf(!enabled)(
      'revoking devices and erasing a child for good leave no way back',
      async () => {
        const tiger = children[1]!;
        const d = new Device(app, 'tiger-phone', '192.0.2.60');
        const s = await d.call('POST', '/api/child/sign-in', {
          code,
          learner: tiger.id,
          pictures: tiger.pictures,
        });
        d.token = s.json().token;
        const revoked = await teacher.del(`/api/classes/${classId}/children/${tiger.id}/devices`);
        expect(revoked.statusCode).toBe(200);
        expect(revoked.json().revoked).toBeGreaterThanOrEqual(1);
        const out = await d.call('GET', '/api/child/me');
        expect(out.statusCode).toBe(401);
        expect(out.json().error.code).toBe('device_signed_out');

        const again = await d.call('POST', '/api/child/sign-in', {
          code,
          learner: tiger.id,
          pictures: tiger.pictures,
        });
        d.token = again.json().token;
        const held = d.play(activities()[2]!, tiger.id, T0);
        const gone = await teacher.del(`/api/classes/${classId}/children/${tiger.id}`);
        expect(gone.statusCode).toBe(204);
        const res = await d.sync(held);
        expect(res.statusCode).toBe(410);
        expect(res.json().error.code).toBe('learner_erased');
        for (const t of ['kite_learner_event', 'kite_learner', 'kite_family_link'] as const) {
          expect(await rows(t, tiger.id), t).toBe(0);
        }
        const tomb = await testDb.db.kysely
          .selectFrom('kite_learner_tombstone')
          .selectAll()
          .where('learner_id', '=', tiger.id)
          .execute();
        expect(tomb).toHaveLength(1);
        const signInAgain = await d.call('POST', '/api/child/sign-in', {
          code,
          learner: tiger.id,
          pictures: tiger.pictures,
        });
        expect(signInAgain.statusCode).toBe(401);
      },
    );

    it.skipIf(!enabled)(
      'deleting a teacher or a parent account erases their children with tombstones',
      async () => {
        const other = await people.make('teacher');
        const school = await other.client.post('/api/schools', { name: 'Hillside School' });
        const schoolId = school.json().school.id;
        await other.client.request('PUT', `/api/schools/${schoolId}/agreement`, {
          agreedBy: 'Head teacher',
          noticeVersion: '2026-12',
        });
        const made = await other.client.post('/api/classes', {
          schoolId,
          name: 'Class 2A',
          band,
          lang: 'en',
        });
        const otherClass = made.json().class;
        const [pupil] = (
          await other.client.post(`/api/classes/${otherClass.id}/children`, {
            nicknames: ['Comet'],
          })
        ).json().children as { id: string; pictures: string[] }[];
        const pupilPhone = new Device(app, 'comet-phone', '192.0.2.70');
        pupilPhone.token = (
          await pupilPhone.call('POST', '/api/child/sign-in', {
            code: otherClass.code,
            learner: pupil!.id,
            pictures: pupil!.pictures,
          })
        ).json().token;
        expect(
          (await pupilPhone.sync(pupilPhone.play(activities()[0]!, pupil!.id, T0))).statusCode,
        ).toBe(200);

        const parent = await people.make('parent');
        const own = await parent.client.post('/api/family/children', {
          nickname: 'Pebble',
          avatar: 'owl',
          band: '5-7',
          lang: 'en',
          noticeVersion: '2026-12',
        });
        const pebble = own.json().child.id as string;
        const pebbleTab = new Device(app, 'pebble-tab', '192.0.2.71');
        pebbleTab.token = own.json().token;

        for (const [who, device, learner] of [
          [other, pupilPhone, pupil!.id],
          [parent, pebbleTab, pebble],
        ] as const) {
          const deleted = await who.client.post('/api/account/delete', {
            password: who.person.password,
          });
          expect(deleted.statusCode, deleted.body).toBe(204);
          const res = await device.sync(device.play(activities()[1]!, learner, T0));
          expect(res.statusCode, learner).toBe(410);
          expect(res.json().error.code).toBe('learner_erased');
          for (const t of ['kite_learner_event', 'kite_learner', 'kite_family_link'] as const) {
            expect(await rows(t, learner), t).toBe(0);
          }
          const tomb = await testDb.db.kysely
            .selectFrom('kite_learner_tombstone')
            .select('learner_id')
            .where('learner_id', '=', learner)
            .execute();
          expect(tomb).toHaveLength(1);
        }
        // The first teacher's class is untouched.
        expect((await teacher.get(`/api/classes/${classId}`)).statusCode).toBe(200);
      },
    );
  });
}
