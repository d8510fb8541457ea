// A read replica (DATABASE_READ_URL, docs/deploy.md), PostgreSQL only: reports read it, sync and
// authorization read the primary. The replica here is a second database filled with a copy of
// the primary's data at one moment (pg_dump, as a standby holds the primary's data as of its
// last replayed change); a sync after the copy is then on the primary only, like a change the
// standby has not replayed yet, and tells which database each answer came from.
import { execFileSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import type { Activity, Catalogue } from '../../src/engine';
import { openDb } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { parseConfig } from '../../src/server/config/config';
import { outbox } from '../helpers/account-client';
import { setUpClass } from '../helpers/class-fixture';
import type { ClassFixture } from '../helpers/class-fixture';
import { shippedContent } from '../helpers/content';
import { freshPostgres, isPostgresReachable } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { playThrough } from '../helpers/play-events';

const pgUp = await isPostgresReachable();

describe.skipIf(!pgUp)(
  'a read replica: reports from the replica, the rest from the primary',
  () => {
    let primary: TestDb;
    let replica: TestDb;
    let db: Db;
    let app: FastifyInstance;
    let fixture: ClassFixture;
    let catalogue: Catalogue;
    const clock = { now: Date.UTC(2026, 11, 5, 9) };
    const seq = { next: 1 };

    const activity = (): Activity =>
      [...catalogue.activities.values()].find((a) => a.band === '8-10' && !a.sensitive)!;

    const syncPlay = async (since: string | null) => {
      const child = fixture.children[0]!;
      const events = playThrough(activity(), {
        learner: child.id,
        device: 'tablet-1',
        seq,
        at: clock.now,
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/child/sync',
        headers: { authorization: `Bearer ${child.token}` },
        payload: { device: 'tablet-1', epoch: 1, since, events },
      });
      expect(res.statusCode).toBe(200);
      expect((res.json() as { acked: string[] }).acked).toHaveLength(events.length);
      return { events: events.length, cursor: (res.json() as { cursor: string | null }).cursor };
    };

    const reportAnswers = async () => {
      const res = await fixture.teacher.get(`/api/classes/${fixture.classId}/report`);
      expect(res.statusCode).toBe(200);
      const rows = (res.json() as { children: { id: string; answers: number }[] }).children;
      return rows.find((r) => r.id === fixture.children[0]!.id)!.answers;
    };

    beforeAll(async () => {
      catalogue = (await shippedContent()).catalogue;
      primary = await freshPostgres();
      replica = await freshPostgres();
      db = await openDb({
        databaseUrl: primary.env.DATABASE_URL,
        readUrl: replica.env.DATABASE_URL,
        createDatabase: false,
      });
      const mail = outbox();
      app = await createApp({
        db,
        now: () => clock.now,
        catalogue,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
      });
      fixture = await setUpClass(app, mail, clock, 2, '8-10');
    }, 120_000);

    afterAll(async () => {
      await app?.close();
      await db?.close();
      await replica?.dispose();
      await primary?.dispose();
    });

    it('reads the teacher report from the replica, which may lag; sync answers from the primary', async () => {
      const first = await syncPlay(null);
      // The replica catches up: it becomes a copy of the primary as it is now.
      const dump = execFileSync('pg_dump', ['--no-owner', primary.env.DATABASE_URL!], {
        maxBuffer: 64 * 1024 * 1024,
      });
      await sql`drop schema public cascade`.execute(replica.db.kysely);
      await sql`create schema public`.execute(replica.db.kysely);
      execFileSync('psql', ['-q', '-v', 'ON_ERROR_STOP=1', replica.env.DATABASE_URL!], {
        input: dump,
      });
      expect(await reportAnswers()).toBe(first.events);

      // A sync the replica has not replayed yet: the primary has it (the device's own next sync
      // is answered from there), the report does not show it until the replica catches up.
      const second = await syncPlay(first.cursor);
      expect(await reportAnswers()).toBe(first.events);
      const stored = await db.kysely
        .selectFrom('kite_learner_event')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(stored.n)).toBe(first.events + second.events);
    });

    it('needs DATABASE_URL for DATABASE_READ_URL, and never prints its password', () => {
      expect(() =>
        parseConfig({ DATABASE_READ_URL: 'postgres://kite:s3cret@127.0.0.1:5432/kite' }),
      ).toThrow(/DATABASE_READ_URL \(a read replica\) needs DATABASE_URL/);
      let message = '';
      try {
        parseConfig({
          DATABASE_URL: 'postgres://kite@127.0.0.1:5432/kite',
          DATABASE_READ_URL: 'postgres://kite:s3cret@127.0.0.1:port/kite',
        });
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).toMatch(/DATABASE_READ_URL is not a valid URL/);
      expect(message).not.toContain('s3cret');
    });
  },
);
