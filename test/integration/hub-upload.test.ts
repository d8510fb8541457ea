// The national server's side of school hubs' uploads (issue #18, SCALE-01/04/05/07/11), on
// every dialect: a chunk stored once with the hub's high-water mark, replays and overlaps
// idempotent, a chunk past the mark refused with the mark, learners of another school refused
// and logged, erased learners never brought back, bad bodies refused with stable codes and
// nothing changed, a revoked credential refused, and 429 + Retry-After when the process is full.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHub, revokeHub } from '../../src/server/hubs/provisioning';
import { classesContext } from '../../src/server/classes/context';
import { eraseLearner, eraseProgress } from '../../src/server/classes/sync';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { seedRoster, syntheticEvent } from '../helpers/hub-fixtures';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

const T0 = Date.UTC(2027, 0, 11, 8, 0, 0);
const HILL = { schoolId: 'hill', learners: ['hill-l1', 'hill-l2', 'hill-l3', 'hill-l4'] };
const VALE = { schoolId: 'vale', learners: ['vale-l1'] };

/** A chunk of `events` (each `[n, learner]`) after `after`, through the last n. */
function chunk(hub: string, after: number, events: [number, string][], epoch = 1) {
  const items = events.map(([n, learner]) => ({
    n,
    epoch,
    event: syntheticEvent(learner, `dev-${learner}`, n, T0 - 86_400_000 + n * 1000),
  }));
  return {
    hub,
    after,
    through: events.length ? events[events.length - 1]![0] : after,
    backlog: 0,
    events: items,
  };
}

const range = (from: number, to: number, learner: (n: number) => string): [number, string][] =>
  Array.from({ length: to - from + 1 }, (_, i) => [from + i, learner(from + i)]);

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: hub uploads on the national server`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let t: TestApp;
    let hill: { id: string; token: string };
    let vale: { id: string; token: string };

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      await seedRoster(testDb.db, HILL, T0);
      await seedRoster(testDb.db, VALE, T0);
      hill = await addHub(testDb.db, 'hill', T0);
      vale = await addHub(testDb.db, 'vale', T0);
      t = await createTestApp(testDb, { now: () => T0, hubUploads: 1 });
    });
    afterAll(async () => {
      if (!enabled) return;
      await t.close();
      await testDb.dispose();
    });

    const upload = (
      body: unknown,
      o: { token?: string; gzip?: boolean; raw?: Buffer; encoding?: string } = {},
    ) => {
      const json = Buffer.from(JSON.stringify(body));
      const payload = o.raw ?? (o.gzip === false ? json : gzipSync(json));
      return t.app.inject({
        method: 'POST',
        url: '/api/hubs/upload',
        headers: {
          'content-type': 'application/json',
          ...(o.gzip === false && !o.encoding ? {} : { 'content-encoding': o.encoding ?? 'gzip' }),
          ...(o.token === undefined ? { authorization: `Bearer ${hill.token}` } : {}),
          ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
        },
        payload,
      });
    };
    const events = async () =>
      (
        await testDb.db.kysely
          .selectFrom('kite_learner_event')
          .select(['id', 'learner_id'])
          .execute()
      ).length;
    const mark = async (id: string) =>
      Number(
        (
          await testDb.db.kysely
            .selectFrom('kite_hub')
            .select('high_water')
            .where('id', '=', id)
            .executeTakeFirstOrThrow()
        ).high_water,
      );
    /** Sends `body` and checks it is refused with `status`/`code` and changes nothing. */
    const refused = async (status: number, code: string, send: () => ReturnType<typeof upload>) => {
      const before = await snapshotDb(testDb.db);
      const res = await send();
      expect(res.statusCode, res.body).toBe(status);
      expect(res.json().error.code).toBe(code);
      expect(changedTables(before, await snapshotDb(testDb.db))).toEqual([]);
      return res;
    };

    // Made once: a chunk sent again is the very same events (ids), as a hub re-sends them.
    let firstChunk: ReturnType<typeof chunk> | undefined;
    const first = () =>
      (firstChunk ??= chunk(
        hill.id,
        0,
        range(1, 300, (n) => HILL.learners[n % 3]!),
      ));

    it.skipIf(!enabled)(
      'stores a gzipped chunk and advances the hub’s mark with the rows; the same chunk again changes nothing',
      async () => {
        const res = await upload(first());
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({
          highWater: 300,
          stored: 300,
          known: 0,
          dropped: 0,
          erased: [],
        });
        expect(await events()).toBe(300);
        expect(await mark(hill.id)).toBe(300);
        const hub = await testDb.db.kysely
          .selectFrom('kite_hub')
          .select(['backlog', 'last_sync_at'])
          .where('id', '=', hill.id)
          .executeTakeFirstOrThrow();
        expect(Number(hub.backlog)).toBe(0);
        expect(new Date(hub.last_sync_at!).getTime()).toBe(T0);
        // Each event is stored with the hub that uploaded it (SCALE-01); a chunk without an
        // instance id (a hub from before them) is of the instance `initial`.
        const byHub = await testDb.db.kysely
          .selectFrom('kite_learner_event')
          .select(['hub_id', (eb) => eb.fn.countAll().as('c')])
          .groupBy('hub_id')
          .execute();
        expect(byHub.map((r) => [r.hub_id, Number(r.c)])).toEqual([[hill.id, 300]]);
        const streams = await testDb.db.kysely
          .selectFrom('kite_hub_instance')
          .select(['instance_id', 'high_water', 'stored'])
          .where('hub_id', '=', hill.id)
          .execute();
        expect(streams.map((r) => [r.instance_id, Number(r.high_water), Number(r.stored)])).toEqual(
          [['initial', 300, 300]],
        );

        // The answer was lost and the hub sends the chunk again: the same answer, no new row.
        const again = await upload(first());
        expect(again.statusCode).toBe(200);
        expect(again.json()).toEqual({
          highWater: 300,
          stored: 0,
          known: 300,
          dropped: 0,
          erased: [],
        });
        expect(await events()).toBe(300);
        expect(await mark(hill.id)).toBe(300);
      },
    );

    it.skipIf(!enabled)(
      'takes an overlapping chunk by event id and moves the mark to its end; a chunk past the mark is refused with the mark',
      async () => {
        // The hub lost its record of the last acknowledgement: it sends from 250 again, with
        // new events after 300. Only the new ones are stored.
        const more = chunk(
          hill.id,
          300,
          range(301, 320, () => 'hill-l1'),
        );
        const overlap = {
          ...first(),
          after: 250,
          through: 320,
          events: [...first().events.slice(250), ...more.events],
        };
        const res = await upload(overlap);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ highWater: 320, stored: 20, known: 50 });
        expect(await events()).toBe(320);

        // The hub believes the server has up to 400 (the server was restored from a backup).
        const gap = await refused(409, 'cursor_gap', () =>
          upload(
            chunk(
              hill.id,
              400,
              range(401, 410, () => 'hill-l2'),
            ),
          ),
        );
        expect(gap.headers['kite-high-water']).toBe('320');
      },
    );

    it.skipIf(!enabled)(
      'refuses a chunk with learners of another school or unknown ones, stores none of it and logs the hub (SCALE-07)',
      async () => {
        const mixed = chunk(hill.id, 320, [
          [321, 'hill-l1'],
          [322, 'vale-l1'],
        ]);
        await refused(403, 'learner_out_of_scope', () => upload(mixed));
        const warning = t.logs.find((l) => l.includes('learners outside its school'));
        expect(warning).toBeDefined();
        expect(JSON.parse(warning!)).toMatchObject({ level: 40, hub: hill.id, events: 1 });
        await refused(403, 'learner_out_of_scope', () =>
          upload(chunk(hill.id, 320, [[321, 'nobody-known']])),
        );
        // Vale's hub may upload Vale's learner.
        const ok = await upload(chunk(vale.id, 0, [[1, 'vale-l1']]), { token: vale.token });
        expect(ok.statusCode, ok.body).toBe(200);
        // A hub's body naming another hub is refused.
        await refused(403, 'forbidden', () => upload(chunk(vale.id, 1, [[2, 'vale-l1']])));
      },
    );

    it.skipIf(!enabled)(
      'never brings back an erased learner: their events are acknowledged and dropped',
      async () => {
        const classes = classesContext(testDb.db, { now: () => T0, pictures: [] });
        await eraseLearner(classes, 'hill-l3');
        await eraseProgress(classes, 'hill-l2');
        const before = await events();
        const res = await upload(
          chunk(hill.id, 320, [
            [321, 'hill-l1'],
            [322, 'hill-l2'],
            [323, 'hill-l3'],
          ]),
        );
        expect(res.statusCode, res.body).toBe(200);
        // hill-l2's progress was erased (epoch 2): the hub's epoch-1 events are dropped.
        expect(res.json()).toEqual({
          highWater: 323,
          stored: 1,
          known: 0,
          dropped: 2,
          erased: ['hill-l3'],
        });
        expect(await events()).toBe(before + 1);
        const back = await testDb.db.kysely
          .selectFrom('kite_learner_event')
          .select('id')
          .where('learner_id', 'in', ['hill-l2', 'hill-l3'])
          .execute();
        expect(back).toEqual([]);
        // At the learner's new epoch the hub's events are kept again.
        const next = await upload(chunk(hill.id, 323, [[324, 'hill-l2']], 2));
        expect(next.json()).toMatchObject({ stored: 1, dropped: 0 });
      },
    );

    it.skipIf(!enabled)(
      'refuses bad gzip, bad bodies and unknown encodings with stable codes, changing nothing',
      async () => {
        const body = chunk(hill.id, 324, [[325, 'hill-l1']]);
        await refused(400, 'bad_gzip', () => upload(body, { raw: Buffer.from('not gzip at all') }));
        const cut = gzipSync(Buffer.from(JSON.stringify(body)));
        await refused(400, 'bad_gzip', () =>
          upload(body, { raw: cut.subarray(0, cut.length - 9) }),
        );
        await refused(400, 'bad_request', () =>
          upload(body, { raw: gzipSync(Buffer.from('{"hub":')) }),
        );
        await refused(400, 'validation_failed', () => upload({ ...body, after: -1 }));
        await refused(400, 'unknown_parameter', () => upload({ ...body, extra: 1 }));
        const big = chunk(
          hill.id,
          324,
          range(325, 825, () => 'hill-l1'),
        );
        await refused(400, 'batch_too_large', () => upload(big));
        const backwards = chunk(hill.id, 324, [
          [326, 'hill-l1'],
          [325, 'hill-l1'],
        ]);
        await refused(400, 'validation_failed', () => upload(backwards));
        await refused(400, 'validation_failed', () =>
          upload({ ...chunk(hill.id, 324, [[325, 'hill-l1']]), through: 10 }),
        );
        // A device sequence number over the column's 32 bits (found: a 500 on PostgreSQL).
        const huge = chunk(hill.id, 324, [[325, 'hill-l1']]);
        huge.events[0]!.event.seq = 3_000_000_000;
        await refused(400, 'validation_failed', () => upload(huge));
        await refused(415, 'unsupported_media_type', () =>
          upload(body, { gzip: false, encoding: 'br' }),
        );
        // A bomb: small gzipped, over the limit once gunzipped.
        await refused(413, 'payload_too_large', () =>
          upload(body, { raw: gzipSync(Buffer.alloc(5 * 1024 * 1024, 32)) }),
        );
        // Plain JSON is taken too.
        const plain = await upload(body, { gzip: false });
        expect(plain.statusCode, plain.body).toBe(200);
      },
    );

    it.skipIf(!enabled)(
      'refuses no credential, a wrong one and a revoked one with 401, changing nothing',
      async () => {
        const body = chunk(vale.id, 1, [[2, 'vale-l1']]);
        await refused(401, 'unauthenticated', () => upload(body, { token: '' }));
        await refused(401, 'unauthenticated', () => upload(body, { token: 'x'.repeat(43) }));
        expect(await revokeHub(testDb.db, vale.id, T0)).toBe(true);
        await refused(401, 'unauthenticated', () => upload(body, { token: vale.token }));
        // A hub credential counts nowhere else.
        const child = await t.app.inject({
          method: 'GET',
          url: '/api/child/me',
          headers: { authorization: `Bearer ${hill.token}` },
        });
        expect(child.statusCode).toBe(401);
      },
    );

    it.skipIf(!enabled)(
      'answers 429 with Retry-After while the process works on as many uploads as it may (SCALE-11)',
      async () => {
        await t.app.listen({ port: 0, host: '127.0.0.1' });
        const { port } = t.app.server.address() as AddressInfo;
        // An upload in flight: its headers and half its body sent, the rest held back.
        const body = gzipSync(Buffer.from(JSON.stringify(chunk(hill.id, 325, [[326, 'hill-l1']]))));
        const slow = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/hubs/upload',
          headers: {
            authorization: `Bearer ${hill.token}`,
            'content-type': 'application/json',
            'content-encoding': 'gzip',
            'content-length': body.length,
          },
        });
        const answered = new Promise<number>((resolve, reject) => {
          slow.on('response', (r) => {
            r.resume();
            resolve(r.statusCode ?? 0);
          });
          slow.on('error', reject);
        });
        slow.write(body.subarray(0, 10));
        // Until the server has read the headers, the upload is not in flight yet.
        const origin = `http://127.0.0.1:${port}`;
        const post = () =>
          fetch(`${origin}/api/hubs/upload`, {
            method: 'POST',
            headers: {
              authorization: `Bearer ${hill.token}`,
              'content-type': 'application/json',
              'content-encoding': 'gzip',
            },
            body: gzipSync(Buffer.from(JSON.stringify(chunk(hill.id, 326, [[327, 'hill-l1']])))),
          });
        let busy: Response | undefined;
        for (let i = 0; i < 50 && !busy; i++) {
          const r = await post();
          if (r.status === 429) busy = r;
          else await new Promise((w) => setTimeout(w, 20));
        }
        expect(busy?.status).toBe(429);
        // The hub uploaded a moment ago (the clock stands at T0): it waits the longest.
        expect(busy?.headers.get('retry-after')).toBe('4');
        expect((await busy!.json()).error.code).toBe('server_busy');
        slow.end(body.subarray(10));
        expect(await answered).toBe(200);
        const after = await post();
        expect(after.status, await after.clone().text()).toBe(200);
      },
    );
    it.skipIf(!enabled)(
      'takes a new instance of a hub (a copied database) as a stream of its own, deduped by event id (SCALE-06)',
      async () => {
        const initial = await testDb.db.kysely
          .selectFrom('kite_hub_instance')
          .select(['high_water'])
          .where('hub_id', '=', hill.id)
          .where('instance_id', '=', 'initial')
          .executeTakeFirstOrThrow();
        const before = await events();
        // The copy's sequence starts again at 1: two events both copies had (uploaded already by
        // the first) and three of its own.
        const own = chunk(hill.id, 2, [
          [3, 'hill-l1'],
          [4, 'hill-l1'],
          [5, 'hill-l1'],
        ]);
        // hill-l1's events of the first chunk (n 3 and 6 there), numbered 1 and 2 in the copy.
        const shared = [first().events[2]!, first().events[5]!];
        expect(shared.map((e) => e.event.learner)).toEqual(['hill-l1', 'hill-l1']);
        const copy = {
          ...own,
          instance: 'inst-copy-1',
          after: 0,
          events: [...shared.map((e, i) => ({ ...e, n: i + 1 })), ...own.events],
        };
        const res = await upload(copy);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ highWater: 5, stored: 3, known: 2 });
        expect(await events()).toBe(before + 3);
        expect(t.logs.some((l) => l.includes('hub upload from a new instance of this hub'))).toBe(
          true,
        );
        const streams = await testDb.db.kysely
          .selectFrom('kite_hub_instance')
          .select(['instance_id', 'high_water', 'stored'])
          .where('hub_id', '=', hill.id)
          .orderBy('instance_id')
          .execute();
        expect(streams.map((r) => [r.instance_id, Number(r.high_water), Number(r.stored)])).toEqual(
          [
            ['initial', Number(initial.high_water), expect.any(Number)],
            ['inst-copy-1', 5, 3],
          ],
        );
        // Its own mark: a chunk past it is refused with it, the first instance's untouched.
        const gap = await refused(409, 'cursor_gap', () =>
          upload({ ...chunk(hill.id, 9, [[10, 'hill-l1']]), instance: 'inst-copy-1' }),
        );
        expect(gap.headers['kite-high-water']).toBe('5');
        // The first instance goes on from its own mark.
        const next = Number(initial.high_water);
        const goesOn = await upload(chunk(hill.id, next, [[next + 1, 'hill-l1']]));
        expect(goesOn.statusCode, goesOn.body).toBe(200);
        expect(goesOn.json()).toMatchObject({ highWater: next + 1, stored: 1 });
        await refused(400, 'validation_failed', () =>
          upload({ ...chunk(hill.id, 5, [[6, 'hill-l1']]), instance: 'no spaces' }),
        );
      },
    );

    it.skipIf(!enabled)(
      'erases on the server the learners the hub erased for good, and refuses those of another school',
      async () => {
        const initial = async () =>
          Number(
            (
              await testDb.db.kysely
                .selectFrom('kite_hub_instance')
                .select('high_water')
                .where('hub_id', '=', hill.id)
                .where('instance_id', '=', 'initial')
                .executeTakeFirstOrThrow()
            ).high_water,
          );
        const at = await initial();
        const played = await upload(chunk(hill.id, at, [[at + 1, 'hill-l4']]));
        expect(played.statusCode, played.body).toBe(200);
        const of = (learner: string) =>
          testDb.db.kysely
            .selectFrom('kite_learner_event')
            .select('id')
            .where('learner_id', '=', learner)
            .execute();
        expect(await of('hill-l4')).toHaveLength(1);

        // A learner of another school: the whole chunk refused, nothing erased.
        await refused(403, 'learner_out_of_scope', () =>
          upload({ ...chunk(hill.id, at + 1, []), erasures: ['hill-l4', 'vale-l1'] }),
        );
        // A chunk of erasures alone: hill-l4 erased here too; hill-l3 was already; a learner the
        // server never had erases nothing and is no reason to refuse.
        const res = await upload({
          ...chunk(hill.id, at + 1, []),
          erasures: ['hill-l4', 'hill-l3', 'only-on-the-hub'],
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({
          highWater: at + 1,
          stored: 0,
          known: 0,
          dropped: 0,
          erased: ['hill-l3', 'hill-l4'],
        });
        expect(await of('hill-l4')).toEqual([]);
        const left = await testDb.db.kysely
          .selectFrom('kite_learner')
          .select('id')
          .where('id', '=', 'hill-l4')
          .execute();
        expect(left).toEqual([]);
        const tomb = await testDb.db.kysely
          .selectFrom('kite_learner_tombstone')
          .select('learner_id')
          .where('learner_id', 'in', ['hill-l4', 'only-on-the-hub'])
          .execute();
        expect(tomb.map((r) => r.learner_id)).toEqual(['hill-l4']);
        // Sent again: the same answer, nothing more.
        const again = await upload({ ...chunk(hill.id, at + 1, []), erasures: ['hill-l4'] });
        expect(again.json()).toMatchObject({ erased: ['hill-l4'] });
        await refused(400, 'validation_failed', () =>
          upload({ ...chunk(hill.id, at + 1, []), erasures: ['not a learner id'] }),
        );
      },
    );
  });
}
