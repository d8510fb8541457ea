// Two app instances on two connections to one database, as two server processes behind a load
// balancer would be: the same child's device sends overlapping batches to both, interleaved and
// at once. Each event must be stored once, both instances must report the same, and the
// engine's summary of what was stored must equal the device's summary of what it sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { shippedContent } from '../helpers/content';
import { isMeasureEvent, summarize } from '../../src/engine';
import type { Band, Catalogue, ProgressEvent } from '../../src/engine';
import type { Db } from '../../src/db/connect';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { parseStored } from '../../src/server/classes/sync';
import { AccountClient, outbox } from '../helpers/account-client';
import { setUpClass } from '../helpers/class-fixture';
import type { ClassFixture } from '../helpers/class-fixture';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { playThrough } from '../helpers/play-events';

const band: Band = '8-10';
const WINDOW = 6;
const STEP = 4;

let catalogue: Catalogue;
beforeAll(async () => {
  catalogue = (await shippedContent()).catalogue;
});

/** SQLite serves one Kite process: see the skip below. */
const SQLITE_REASON =
  'SQLite: one Kite process per database file. A sync transaction reads the epoch before it ' +
  'writes; in WAL mode a second writer that read before the other committed gets ' +
  'SQLITE_BUSY_SNAPSHOT, and two connections in one process block each other (busy_timeout ' +
  'waits synchronously). Two processes need PostgreSQL.';

for (const dialect of DIALECTS) {
  const shared = dialect.name === 'postgres';
  describe(`${dialect.name}: two app instances ingest one child's events`, async () => {
    const enabled = shared && (await dialect.available());
    if (!shared) console.warn(`[kite] two app instances skipped: ${SQLITE_REASON}`);
    let testDb: TestDb;
    let second: Db;
    let a: FastifyInstance;
    let b: FastifyInstance;
    let fixture: ClassFixture;

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      second = await testDb.connectAgain();
      const clock = { now: Date.now() };
      const mail = outbox();
      const deps = {
        now: () => clock.now,
        catalogue,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
      };
      a = await createApp({ db: testDb.db, ...deps });
      b = await createApp({ db: second, ...deps });
      fixture = await setUpClass(a, mail, clock, 2, band);
    });
    afterAll(async () => {
      if (!enabled) return;
      await a.close();
      await b.close();
      await second.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'stores each event once and ends with one progress, whichever instance is asked',
      async () => {
        const child = fixture.children[0]!;
        const device = 'tablet-1';
        const seq = { next: 1 };
        const events: ProgressEvent[] = [];
        const activities = [...catalogue.activities.values()]
          .filter((x) => x.band === band && !x.sensitive)
          .slice(0, 4);
        // Each activity played three times (three attempts, an hour apart).
        for (let i = 0; i < activities.length * 3; i++) {
          const activity = activities[i % activities.length]!;
          const at = Date.UTC(2026, 11, 4, 9) + i * 3_600_000;
          const stumble = i % 2 === 0;
          events.push(...playThrough(activity, { learner: child.id, device, seq, at, stumble }));
        }
        // Overlapping windows; odd ones to A, even ones to B, every third one to both.
        const sends: { app: FastifyInstance; batch: ProgressEvent[] }[] = [];
        for (let i = 0, start = 0; start < events.length; i++, start += STEP) {
          const batch = events.slice(start, start + WINDOW);
          sends.push({ app: i % 2 ? a : b, batch });
          if (i % 3 === 0) sends.push({ app: i % 2 ? b : a, batch });
        }
        expect(sends.length).toBeGreaterThan(10);
        // Meanwhile the child's other device pulls through A and B in turn with its cursor.
        const pulled: string[] = [];
        let since: string | null = null;
        const pull = async (app: FastifyInstance) => {
          const res = await app.inject({
            method: 'POST',
            url: '/api/child/sync',
            headers: { authorization: `Bearer ${child.token}` },
            payload: { device: 'phone-1', epoch: 1, since, events: [] },
          });
          expect(res.statusCode, res.body).toBe(200);
          const body = res.json() as {
            events: ProgressEvent[];
            cursor: string | null;
            more: boolean;
          };
          pulled.push(...body.events.map((e) => e.id));
          since = body.cursor;
          return body.more;
        };
        let ingesting = true;
        const puller = (async () => {
          for (let i = 0; ingesting; i++) await pull(i % 2 ? a : b);
        })();
        const answers = await Promise.all(
          sends.map(({ app, batch }) =>
            app.inject({
              method: 'POST',
              url: '/api/child/sync',
              headers: { authorization: `Bearer ${child.token}` },
              payload: { device, epoch: 1, since: null, events: batch },
            }),
          ),
        );
        ingesting = false;
        await puller;
        for (let i = 0; (await pull(i % 2 ? a : b)) && i < 10; i++);
        // The other device got every event once, through either instance.
        expect(pulled.length).toBe(events.length);
        expect(new Set(pulled)).toEqual(new Set(events.map((e) => e.id)));
        answers.forEach((res, i) => {
          expect(res.statusCode, res.body).toBe(200);
          expect((res.json().acked as string[]).sort()).toEqual(
            sends[i]!.batch.map((e) => e.id).sort(),
          );
        });

        const rows = await testDb.db.kysely
          .selectFrom('kite_learner_event')
          .select(['id', 'event'])
          .where('learner_id', '=', child.id)
          .orderBy('n')
          .execute();
        expect(rows.map((r) => r.id).sort()).toEqual(events.map((e) => e.id).sort());

        const teacherOnB = new AccountClient(b, fixture.teacher.userAgent, fixture.teacher.ip);
        for (const [k, v] of fixture.teacher.cookies) teacherOnB.cookies.set(k, v);
        const url = `/api/classes/${fixture.classId}/report`;
        const [fromA, fromB] = await Promise.all([fixture.teacher.get(url), teacherOnB.get(url)]);
        expect(fromA.statusCode, fromA.body).toBe(200);
        expect(fromB.statusCode, fromB.body).toBe(200);
        expect(fromB.json()).toEqual(fromA.json());

        // Every event here is a progress event; the filter tells the type so.
        const stored = rows
          .map((r) => parseStored(r.event))
          .filter((e): e is ProgressEvent => !isMeasureEvent(e));
        expect(stored).toHaveLength(rows.length);
        expect(summarize(stored, catalogue, band)).toEqual(summarize(events, catalogue, band));
      },
    );
  });
}
