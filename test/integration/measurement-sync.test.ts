// Measurement events (NATION-3) travel with a class child's progress through the sync route,
// on every dialect: stored as sent, sent down to the child's other devices, validated as
// strictly as progress events, and never read by the teacher's progress report.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isMeasureEvent } from '../../src/engine';
import type { Catalogue, DeviceId, LearnerId, MeasureEvent, ProgressEvent } from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { shippedContent } from '../helpers/content';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { classFixture } from '../helpers/operation-calls';
import type { ClassFixture } from '../helpers/operation-calls';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import { playThrough } from '../helpers/play-events';

const T0 = Date.UTC(2026, 11, 5, 9, 0, 0);
let content: Catalogue;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: measurement events through sync`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let app: FastifyInstance;
    let teacher: AccountClient;
    let fixture: ClassFixture;
    const clock: Clock = { now: T0 };

    const signIn = async (ip: string) => {
      const res = await app.inject({
        method: 'POST',
        url: '/api/child/sign-in',
        payload: {
          code: fixture.code,
          learner: fixture.child.id,
          pictures: fixture.child.pictures,
        },
        remoteAddress: ip,
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().token as string;
    };
    const sync = (token: string, device: string, since: string | null, events: unknown[]) =>
      app.inject({
        method: 'POST',
        url: '/api/child/sync',
        headers: { authorization: `Bearer ${token}` },
        payload: { device, epoch: 1, since, events },
      });
    const storedCount = async () =>
      Number(
        (
          await testDb.db.kysely
            .selectFrom('kite_learner_event')
            .select((eb) => eb.fn.countAll<number | string>().as('n'))
            .where('learner_id', '=', fixture.child.id)
            .executeTakeFirstOrThrow()
        ).n,
      );

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
      const people = new People(app, mail, clock);
      await people.bootstrap();
      teacher = (await people.make('teacher')).client;
      fixture = await classFixture(teacher, content);
    });
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'stores them beside progress, sends them to the other device, and leaves the report as it was',
      async () => {
        const learner = fixture.child.id;
        const tablet = await signIn('192.0.2.31');
        const activity = content.activities.get(fixture.activityId as never)!;
        const seq = { next: 1 };
        const base = {
          learner: learner as LearnerId,
          device: 'tablet-1' as DeviceId,
          topic: activity.topic,
          band: '8-10' as const,
        };
        const assigned: MeasureEvent = {
          ...base,
          id: randomUUID() as never,
          seq: seq.next++,
          at: T0,
          kind: 'measure-assigned',
          skipPre: false,
          skipRate: 0.15,
        };
        const answered: MeasureEvent = {
          ...base,
          id: randomUUID() as never,
          seq: seq.next++,
          at: T0 + 1000,
          kind: 'measure-answered',
          use: 'pre',
          version: 1,
          item: 'm-pre-1',
          answer: { type: 'sort', placement: { 'card-1': 'share', 'card-2': 'private' } },
        };
        const progress: ProgressEvent[] = playThrough(activity, {
          learner,
          device: 'tablet-1',
          seq,
          at: T0 + 60_000,
        });

        const first = await sync(tablet, 'tablet-1', null, progress);
        expect(first.statusCode, first.body).toBe(200);
        const url = `/api/classes/${fixture.classId}/report`;
        const before = await teacher.get(url);
        expect(before.statusCode, before.body).toBe(200);

        const second = await sync(tablet, 'tablet-1', first.json().cursor, [assigned, answered]);
        expect(second.statusCode, second.body).toBe(200);
        expect(second.json().acked).toEqual([assigned.id, answered.id]);
        expect(await storedCount()).toBe(progress.length + 2);
        const columns = await testDb.db.kysely
          .selectFrom('kite_learner_event')
          .select('activity')
          .where('id', 'in', [assigned.id, answered.id])
          .execute();
        expect(columns.map((c) => c.activity)).toEqual([
          `measure.${activity.topic}`,
          `measure.${activity.topic}`,
        ]);

        const after = await teacher.get(url);
        expect(after.json()).toEqual(before.json());

        const phone = await signIn('192.0.2.32');
        const pulled = await sync(phone, 'phone-1', null, []);
        expect(pulled.statusCode, pulled.body).toBe(200);
        const down = pulled.json().events as (ProgressEvent | MeasureEvent)[];
        expect(down.filter(isMeasureEvent)).toEqual([assigned, answered]);
        expect(down.filter((e) => !isMeasureEvent(e))).toHaveLength(progress.length);
      },
    );

    it.skipIf(!enabled)(
      'refuses a measurement event with words in it, or a typed answer, and stores nothing',
      async () => {
        const token = await signIn('192.0.2.33');
        const count = await storedCount();
        const good = {
          id: randomUUID(),
          learner: fixture.child.id,
          device: 'tablet-2',
          seq: 1,
          topic: 'scams',
          band: '8-10',
          at: T0,
          kind: 'measure-answered',
          use: 'post',
          version: 1,
          item: 'm-post-1',
          answer: { type: 'choice', option: 'a' },
        };
        for (const bad of [
          { ...good, note: 'my name is Sam' },
          { ...good, answer: { type: 'password', score: 4, flags: [] } },
          { ...good, use: 'later' },
          { ...good, kind: 'measure-typed' },
        ]) {
          const res = await sync(token, 'tablet-2', null, [bad]);
          expect(res.statusCode, JSON.stringify(bad)).toBe(400);
          expect(res.json().error.code).toMatch(/^(validation_failed|unknown_parameter)$/);
        }
        expect(await storedCount()).toBe(count);
        const ok = await sync(token, 'tablet-2', null, [good]);
        expect(ok.statusCode, ok.body).toBe(200);
        expect(await storedCount()).toBe(count + 1);
      },
    );

    it.skipIf(!enabled)(
      'keeps no measurement event where the deployment turned measurement off',
      async () => {
        const off = await createApp({
          db: testDb.db,
          now: () => clock.now,
          catalogue: content,
          measurement: false,
        });
        try {
          const config = await off.inject({ method: 'GET', url: '/api/client-config' });
          expect(config.json()).toMatchObject({ measurement: false });
          const on = await app.inject({ method: 'GET', url: '/api/client-config' });
          expect(on.json()).toMatchObject({ measurement: true });

          const res = await off.inject({
            method: 'POST',
            url: '/api/child/sign-in',
            payload: {
              code: fixture.code,
              learner: fixture.child.id,
              pictures: fixture.child.pictures,
            },
            remoteAddress: '192.0.2.34',
          });
          expect(res.statusCode, res.body).toBe(201);
          const token = res.json().token as string;
          const count = await storedCount();
          const activity = content.activities.get(fixture.activityId as never)!;
          const progress = playThrough(activity, {
            learner: fixture.child.id,
            device: 'tablet-3',
            seq: { next: 1 },
            at: T0,
          }).slice(0, 1);
          const declined = {
            id: randomUUID(),
            learner: fixture.child.id,
            device: 'tablet-3',
            seq: 9,
            topic: activity.topic,
            band: '8-10',
            at: T0,
            kind: 'measure-declined',
            use: 'pre',
            version: 1,
          };
          const synced = await off.inject({
            method: 'POST',
            url: '/api/child/sync',
            headers: { authorization: `Bearer ${token}` },
            payload: { device: 'tablet-3', epoch: 1, since: null, events: [...progress, declined] },
          });
          expect(synced.statusCode, synced.body).toBe(200);
          // Both acknowledged, so the device's queue empties; only the progress event is kept.
          expect(synced.json().acked).toEqual([progress[0]!.id, declined.id]);
          expect(await storedCount()).toBe(count + 1);
        } finally {
          await off.close();
        }
      },
    );
  });
}
