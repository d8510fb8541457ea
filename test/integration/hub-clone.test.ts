// A school hub's database copied to a second machine (issue #18, SCALE-06): both copies start,
// the copy finds that its file is not the one its instance id was made in and makes a new one
// before it uploads, and both upload to a real server app (on every dialect). The server stores
// the union of their events exactly once, each copy's sequence in its own stream, and neither
// copy is stuck. A restart of the original keeps its instance.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { addHub } from '../../src/server/hubs/provisioning';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { seedHubEvents, seedRoster } from '../helpers/hub-fixtures';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

const T0 = Date.UTC(2027, 2, 1, 7, 0, 0);
const ROSTER = { schoolId: 'lake', learners: ['lake-1', 'lake-2'] };

for (const dialect of DIALECTS) {
  describe(`${dialect.name} server: a hub database copied to a second machine`, async () => {
    const enabled = await dialect.available();
    let server: TestDb;
    let serverApp: TestApp;
    let url: string;
    let credential: { id: string; token: string };
    const dirs: string[] = [];
    const open: { db: Db; app?: TestApp }[] = [];

    beforeAll(async () => {
      if (!enabled) return;
      server = await dialect.fresh();
      await seedRoster(server.db, ROSTER, T0);
      credential = await addHub(server.db, 'lake', T0);
      serverApp = await createTestApp(server, { hubUploads: 2 });
      await serverApp.app.listen({ port: 0, host: '127.0.0.1' });
      url = `http://127.0.0.1:${(serverApp.app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      if (!enabled) return;
      for (const o of open) {
        await o.app?.close();
        await o.db.close();
      }
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
      await serverApp.close();
      await server.dispose();
    });

    /** A hub app over the database in `dir`, uploading to the server. */
    const startHub = async (dir: string) => {
      const db = await openDb({ dataDir: dir, synchronous: 'full' });
      await migrateToLatest(db);
      const entry: { db: Db; app?: TestApp } = { db };
      open.push(entry);
      entry.app = await createTestApp(
        { db, connectAgain: async () => db, env: {}, dispose: async () => {} },
        {
          hubUpload: {
            upstream: { url, hubId: credential.id, token: credential.token },
            chunkSize: 40,
            idleMs: 60_000,
            backoff: { baseMs: 20, capMs: 100 },
            sleep: (ms, signal) =>
              new Promise((r) => {
                const t = setTimeout(r, ms >= 60_000 ? ms : Math.min(ms, 50));
                signal.addEventListener('abort', () => (clearTimeout(t), r()), { once: true });
              }),
          },
        },
      );
      return { db, app: entry.app, uploader: entry.app.app.hubUploader! };
    };
    const stop = async (db: Db) => {
      const i = open.findIndex((o) => o.db === db);
      await open[i]!.app?.close();
      await db.close();
      open.splice(i, 1);
    };
    const serverIds = async () =>
      (await server.db.kysely.selectFrom('kite_learner_event').select('id').execute()).map(
        (r) => r.id,
      );

    it.skipIf(!enabled)(
      'gives the copy a new instance id before it uploads; the server stores the union once and neither is stuck',
      async () => {
        const dirA = mkdtempSync(join(tmpdir(), 'kite-hub-a-'));
        dirs.push(dirA);
        // The original: its roster, 100 events, uploaded; then it stops.
        const seed = await openDb({ dataDir: dirA, synchronous: 'full' });
        await migrateToLatest(seed);
        await seedRoster(seed, ROSTER, T0);
        const before = await seedHubEvents(seed, ROSTER.learners, 50, T0);
        await seed.close();
        let a = await startHub(dirA);
        const caughtUp = a.uploader.whenIdle();
        await caughtUp;
        const instanceA = (await a.uploader.status()).instance;
        expect(instanceA).toMatch(/^inst-/);
        expect(a.app.logs.some((l) => l.includes('hub instance made'))).toBe(true);
        await stop(a.db);

        // The whole data folder copied to a second machine.
        const dirB = mkdtempSync(join(tmpdir(), 'kite-hub-b-'));
        dirs.push(dirB);
        cpSync(dirA, dirB, { recursive: true });

        // Both run on, and both take new events with the same next sequence numbers.
        const onA = await openDb({ dataDir: dirA });
        const onB = await openDb({ dataDir: dirB });
        const newA = await seedHubEvents(onA, ROSTER.learners, 30, T0 + 3_600_000, 0);
        const newB = await seedHubEvents(onB, ROSTER.learners, 30, T0 + 3_600_000, 0);
        await onA.close();
        await onB.close();

        a = await startHub(dirA);
        const b = await startHub(dirB);
        await Promise.all([a.uploader.whenIdle(), b.uploader.whenIdle()]);

        // The original kept its instance; the copy made a new one and said so.
        const sa = await a.uploader.status();
        const sb = await b.uploader.status();
        expect(sa.instance).toBe(instanceA);
        expect(sb.instance).toMatch(/^inst-/);
        expect(sb.instance).not.toBe(instanceA);
        expect(
          b.app.logs.some((l) => l.includes('this hub database is a copy or a restored backup')),
        ).toBe(true);
        expect(a.app.logs.some((l) => l.includes('copy or a restored backup'))).toBe(false);

        // The union, each event once.
        const ids = await serverIds();
        expect(new Set(ids).size).toBe(ids.length);
        expect([...ids].sort()).toEqual([...before, ...newA, ...newB].sort());

        // Neither is stuck: each acknowledged all it has, in its own stream on the server.
        const lastN = async (db: Db) =>
          Number(
            (
              await db.kysely
                .selectFrom('kite_learner_event')
                .select((eb) => eb.fn.max('n').as('n'))
                .executeTakeFirstOrThrow()
            ).n,
          );
        expect(sa).toMatchObject({ acked: await lastN(a.db), backlog: 0, lastError: null });
        expect(sb).toMatchObject({ acked: await lastN(b.db), backlog: 0, lastError: null });
        const streams = await server.db.kysely
          .selectFrom('kite_hub_instance')
          .select(['instance_id', 'high_water', 'stored'])
          .where('hub_id', '=', credential.id)
          .execute();
        const byInstance = new Map(
          streams.map((s) => [s.instance_id, [Number(s.high_water), Number(s.stored)]]),
        );
        expect(byInstance.size).toBe(2);
        // The copy sent everything it has again from its first event: only its own 60 were new.
        expect(byInstance.get(instanceA!)).toEqual([await lastN(a.db), 160]);
        expect(byInstance.get(sb.instance!)).toEqual([await lastN(b.db), 60]);
        expect(
          serverApp.logs.some((l) => l.includes('hub upload from a new instance of this hub')),
        ).toBe(true);
        // Every event is stored with the hub's id.
        const other = await server.db.kysely
          .selectFrom('kite_learner_event')
          .select('id')
          .where((eb) => eb.or([eb('hub_id', 'is', null), eb('hub_id', '!=', credential.id)]))
          .execute();
        expect(other).toEqual([]);

        // The original restarted on its own file: the same instance, nothing to send.
        await stop(a.db);
        a = await startHub(dirA);
        expect(await a.uploader.syncOnce()).toBe('idle');
        expect((await a.uploader.status()).instance).toBe(instanceA);
      },
    );
  });
}
