// The national server's queue of hub uploads favours the hubs that went longest without an
// upload (issue #18, SCALE-11; src/server/hubs/queue.ts), on every dialect: with one slot left,
// a hub that uploaded a moment ago is turned away with a long Retry-After while one that never
// uploaded gets the slot; when full, the hub that waited longest hears the shortest wait.
import { request as httpRequest } from 'node:http';
import type { ClientRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toDbTime } from '../../src/db/time';
import { addHub } from '../../src/server/hubs/provisioning';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { seedRoster, syntheticEvent } from '../helpers/hub-fixtures';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

const T0 = Date.UTC(2027, 1, 1, 8, 0, 0);
const ROSTER = { schoolId: 'dune', learners: ['dune-l1'] };

const body = (hub: string, after: number) =>
  gzipSync(
    Buffer.from(
      JSON.stringify({
        hub,
        instance: 'inst-q',
        after,
        through: after + 1,
        backlog: 0,
        events: [
          {
            n: after + 1,
            epoch: 1,
            event: syntheticEvent('dune-l1', `dev-${hub}`.slice(0, 40), after + 1, T0 - 60_000),
          },
        ],
      }),
    ),
  );

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: the hub upload queue favours the least recently synced hubs`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let t: TestApp;
    let origin: string;
    const hubs: Record<
      'long' | 'recent' | 'never' | 'other' | 'fresh',
      { id: string; token: string }
    > = {} as never;

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      await seedRoster(testDb.db, ROSTER, T0);
      for (const k of ['long', 'recent', 'never', 'other', 'fresh'] as const)
        hubs[k] = await addHub(testDb.db, 'dune', T0);
      // Their last uploads: an hour ago, a second ago, never, ten seconds ago, never.
      const last = { long: T0 - 3_600_000, recent: T0 - 1000, other: T0 - 10_000 };
      for (const [k, at] of Object.entries(last))
        await testDb.db.kysely
          .updateTable('kite_hub')
          .set({ last_sync_at: toDbTime(at) })
          .where('id', '=', hubs[k as keyof typeof last].id)
          .execute();
      t = await createTestApp(testDb, { now: () => T0, hubUploads: 2 });
      await t.app.listen({ port: 0, host: '127.0.0.1' });
      origin = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      if (!enabled) return;
      await t.close();
      await testDb.dispose();
    });

    /** An upload whose body is held back after 10 bytes: in flight until `finish`. */
    const held = async (hub: { id: string; token: string }) => {
      const b = body(hub.id, 0);
      const { port } = new URL(origin);
      const req: ClientRequest = httpRequest({
        host: '127.0.0.1',
        port: Number(port),
        method: 'POST',
        path: '/api/hubs/upload',
        headers: {
          authorization: `Bearer ${hub.token}`,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'content-length': b.length,
        },
      });
      const answered = new Promise<number>((resolve, reject) => {
        req.on('response', (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        });
        req.on('error', reject);
      });
      req.write(b.subarray(0, 10));
      // The server takes the upload once it has read the headers and the hub's row.
      await new Promise((r) => setTimeout(r, 300));
      return { finish: () => (req.end(b.subarray(10)), answered) };
    };
    const post = (hub: { id: string; token: string }) =>
      fetch(`${origin}/api/hubs/upload`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${hub.token}`,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        body: body(hub.id, 0),
      });

    it.skipIf(!enabled)(
      'keeps the last slot for a hub that waited at least as long as those served, and tells the long-unsynced to come back sooner',
      async () => {
        // One of two slots taken by the hub that last uploaded an hour ago.
        const first = await held(hubs.long);
        // A hub that uploaded a second ago does not get the last slot; it waits 4 s.
        const recent = await post(hubs.recent);
        expect(recent.status).toBe(429);
        expect(recent.headers.get('retry-after')).toBe('4');
        expect((await recent.json()).error.code).toBe('server_busy');
        // A hub that never uploaded has waited longest: it gets it.
        const never = await held(hubs.never);
        // Now full: every hub is turned away, the long-unsynced told to come back soonest.
        const other = await post(hubs.other);
        expect(other.status).toBe(429);
        expect(other.headers.get('retry-after')).toBe('4');
        expect(await never.finish()).toBe(200);
        expect(await first.finish()).toBe(200);
        // Both slots free again: any hub is taken.
        const again = await post(hubs.recent);
        expect(again.status, await again.clone().text()).toBe(200);
      },
    );

    it.skipIf(!enabled)(
      'when full, a hub that never uploaded hears the shortest wait',
      async () => {
        const a = await held(hubs.recent);
        const b = await held(hubs.other);
        const res = await post(hubs.fresh);
        expect(res.status).toBe(429);
        expect(res.headers.get('retry-after')).toBe('1');
        expect(await a.finish()).toBe(200);
        expect(await b.finish()).toBe(200);
      },
    );
  });
}
