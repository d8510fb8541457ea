// Rosters and assignments between a school hub and its national server (issue #18,
// SCALE-07/08/09), on every dialect of the server (the hub is SQLite): a real server app
// listening on loopback and a hub's uploader talking to it, each side written to through the
// same functions its teachers' routes call. A class, its children and an assignment made on the
// server appear on the hub after one sync; a class and a child made on the hub appear on the
// server, and that child's events then upload; the same field edited on both sides while apart
// ends with the later write on both; a delete and an edit apart end alike on both (a child's
// erasure always wins); a child's progress erased on either side is erased on the other (their
// epoch, the larger winning); records of another school are refused whole with 403 and logged; the
// same records sent again change nothing; a hub clock two days ahead is clamped and reported.
// And migration 0015 gives the rows that exist already their records.
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/connect';
import { addHub } from '../../src/server/hubs/provisioning';
import { HubUploader } from '../../src/server/hubs/uploader';
import { localChanges, takePage } from '../../src/server/hubs/records';
import { classesContext } from '../../src/server/classes/context';
import type { ClassesContext } from '../../src/server/classes/context';
import {
  addChildren,
  createClass,
  createSchool,
  recordAgreement,
  renewPictures,
} from '../../src/server/classes/roster';
import { assign, unassign } from '../../src/server/classes/assignments';
import { eraseLearner, eraseProgress } from '../../src/server/classes/sync';
import { signInChild } from '../../src/server/classes/child-auth';
import { removeLearnerRows } from '../../src/server/classes/erase';
import { MAX_DRIFT_MS } from '../../src/engine';
import { accountsContext } from '../../src/server/accounts/context';
import { deleteMyAccount } from '../../src/server/accounts/data-rights';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { migrateToLatest, migrateUpTo } from '../../src/db/migrate';
import { toDbTime } from '../../src/db/time';
import { applyRecords } from '../../src/server/records/apply';
import { changesAfter } from '../../src/server/records/changes';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import { DIALECTS, freshSqlite } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { seedHubEvents, seedRoster, seedTeacher } from '../helpers/hub-fixtures';
import { createTestApp } from '../helpers/test-app';
import type { TestApp } from '../helpers/test-app';

const T0 = Date.UTC(2027, 2, 1, 8, 0, 0);
const MIN = 60_000;
const PICTURES = Array.from({ length: 20 }, (_, i) => `pic-${i}`);

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: rosters and assignments between a hub and its server`, async () => {
    const enabled = await dialect.available();
    let server: TestDb;
    let hub: TestDb;
    let serverApp: TestApp;
    let uploader: HubUploader;
    let credential: { id: string; token: string };
    let onServer: ClassesContext;
    let onHub: ClassesContext;
    /** The two machines' clocks: the hub's may run ahead. */
    let serverNow = T0;
    let hubNow = T0;
    let schoolId: string;
    let otherLearner: string;
    const log: { level: string; msg: string }[] = [];

    beforeAll(async () => {
      if (!enabled) return;
      server = await dialect.fresh();
      hub = await freshSqlite();
      onServer = classesContext(server.db, { pictures: PICTURES, now: () => serverNow });
      onHub = classesContext(hub.db, { pictures: PICTURES, now: () => hubNow });
      await seedTeacher(server.db, 'teacher-ana', T0);
      const school = await createSchool(onServer, 'teacher-ana', 'Hill school');
      schoolId = school.id;
      await recordAgreement(onServer, 'teacher-ana', schoolId, 'Head of Hill', 'v1');
      // Another school, with a child the hub must not touch.
      await seedTeacher(server.db, 'teacher-oda', T0);
      const vale = await createSchool(onServer, 'teacher-oda', 'Vale school');
      await recordAgreement(onServer, 'teacher-oda', vale.id, 'Head of Vale', 'v1');
      const valeClass = await createClass(onServer, 'teacher-oda', {
        schoolId: vale.id,
        name: 'Vale 1',
        band: '8-10',
        lang: 'en',
      });
      [{ id: otherLearner }] = (await addChildren(onServer, 'teacher-oda', valeClass.id, [
        'Vic',
      ])) as unknown as [{ id: string }];

      credential = await addHub(server.db, schoolId, T0);
      serverApp = await createTestApp(server, { now: () => serverNow });
      await serverApp.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = serverApp.app.server.address() as AddressInfo;
      uploader = new HubUploader({
        db: hub.db,
        upstream: {
          url: `http://127.0.0.1:${port}`,
          hubId: credential.id,
          token: credential.token,
        },
        now: () => hubNow,
        log: {
          info: (_f, msg) => log.push({ level: 'info', msg }),
          warn: (_f, msg) => log.push({ level: 'warn', msg }),
        },
      });
    });
    afterAll(async () => {
      if (!enabled) return;
      await serverApp.close();
      await hub.dispose();
      await server.dispose();
    });

    /** One round of the hub's sync: the server's changes, the hub's, then its events. */
    const sync = async () => {
      while ((await uploader.syncOnce()) === 'sent');
    };
    const roster = async (db: Db) => ({
      classes: await db.kysely
        .selectFrom('kite_class')
        .select(['id', 'school_id', 'teacher_id', 'name', 'band', 'lang', 'code'])
        .where('school_id', '=', schoolId)
        .orderBy('id')
        .execute(),
      learners: await db.kysely
        .selectFrom('kite_learner as l')
        .innerJoin('kite_class as c', 'c.id', 'l.class_id')
        .select(['l.id', 'l.class_id', 'l.nickname', 'l.avatar', 'l.band', 'l.lang', 'l.pictures'])
        .where('c.school_id', '=', schoolId)
        .orderBy('l.id')
        .execute(),
      assignments: await db.kysely
        .selectFrom('kite_assignment as a')
        .innerJoin('kite_class as c', 'c.id', 'a.class_id')
        .select(['a.class_id', 'a.activity', 'a.due'])
        .where('c.school_id', '=', schoolId)
        .orderBy('a.class_id')
        .orderBy('a.activity')
        .execute(),
    });
    const picturesOf = async (db: Db, id: string) =>
      (
        await db.kysely
          .selectFrom('kite_learner')
          .select('pictures')
          .where('id', '=', id)
          .executeTakeFirst()
      )?.pictures;

    let classId: string;
    let ada: string;
    let ben: string;

    it.skipIf(!enabled)(
      'a class, its children and an assignment made on the server are on the hub after one sync',
      async () => {
        const c = await createClass(onServer, 'teacher-ana', {
          schoolId,
          name: 'Hill 4',
          band: '8-10',
          lang: 'en',
        });
        classId = c.id;
        [{ id: ada }, { id: ben }] = (await addChildren(onServer, 'teacher-ana', classId, [
          'Ada',
          'Ben',
        ])) as unknown as [{ id: string }, { id: string }];
        await assign(onServer, 'teacher-ana', classId, 'act-fractions', '2027-03-10');
        await assign(onServer, 'teacher-ana', classId, 'act-maps', null);

        await sync();
        const there = await roster(hub.db);
        expect(there).toEqual(await roster(server.db));
        expect(there.learners.map((l) => l.nickname)).toEqual(
          [ada, ben].sort().map((id) => (id === ada ? 'Ada' : 'Ben')),
        );
        expect(there.assignments).toHaveLength(2);
        // The school came down with its agreement: teachers on the hub may make classes.
        const school = await hub.db.kysely
          .selectFrom('kite_school')
          .selectAll()
          .executeTakeFirstOrThrow();
        expect(school).toMatchObject({
          id: schoolId,
          name: 'Hill school',
          agreed_by: 'Head of Hill',
        });
        // The teacher is a placeholder on the hub: no password, cannot sign in.
        const teacher = await hub.db.kysely
          .selectFrom('kite_user')
          .selectAll()
          .where('id', '=', 'teacher-ana')
          .executeTakeFirstOrThrow();
        expect(teacher).toMatchObject({ status: 'disabled', password_hash: '!' });
        expect(teacher.email).toBe('teacher-ana@placeholder.invalid');
        // Nothing of the other school reached the hub.
        const others = await hub.db.kysely
          .selectFrom('kite_learner')
          .select('id')
          .where('id', '=', otherLearner)
          .execute();
        expect(others).toEqual([]);
        expect(uploader.stats.recordsPulled).toBe(5);
        // A child of the server's class signs in on the hub with the class code and pictures.
        const pictures = (await picturesOf(hub.db, ada))!.split(' ');
        const signedIn = await signInChild(
          onHub,
          { code: c.code, learner: ada, pictures },
          'tablet-1',
        );
        expect(signedIn.learner.id).toBe(ada);
      },
    );

    let hubChild: string;
    let cy: string;
    it.skipIf(!enabled)(
      'a class and a child made on the hub are on the server, and that child’s events then upload',
      async () => {
        hubNow = serverNow = T0 + 10 * MIN;
        await seedTeacher(hub.db, 'teacher-hal', hubNow);
        const c = await createClass(onHub, 'teacher-hal', {
          schoolId,
          name: 'Hill 5 (hub)',
          band: '11-13',
          lang: 'en',
        });
        [{ id: hubChild }] = (await addChildren(onHub, 'teacher-hal', c.id, [
          'Hana',
        ])) as unknown as [{ id: string }];
        // A child added on the hub to the server's class too.
        [{ id: cy }] = (await addChildren(onHub, 'teacher-ana', classId, ['Cy'])) as unknown as [
          { id: string },
        ];
        const events = await seedHubEvents(hub.db, [hubChild], 3, hubNow, 1);

        await sync();
        expect(await roster(server.db)).toEqual(await roster(hub.db));
        const stored = await server.db.kysely
          .selectFrom('kite_learner_event')
          .select(['id', 'hub_id'])
          .where('learner_id', '=', hubChild)
          .execute();
        expect(stored.map((e) => e.id).sort()).toEqual([...events].sort());
        expect(stored.every((e) => e.hub_id === credential.id)).toBe(true);
        // The hub's teacher is a placeholder on the server.
        const teacher = await server.db.kysely
          .selectFrom('kite_user')
          .select(['status', 'password_hash'])
          .where('id', '=', 'teacher-hal')
          .executeTakeFirstOrThrow();
        expect(teacher).toEqual({ status: 'disabled', password_hash: '!' });
      },
    );

    it.skipIf(!enabled)(
      'a child’s progress erased on the hub is erased on the server too; their later events upload',
      async () => {
        hubNow = serverNow = T0 + 15 * MIN;
        const events = async (db: Db) =>
          (
            await db.kysely
              .selectFrom('kite_learner_event')
              .select('id')
              .where('learner_id', '=', hubChild)
              .execute()
          ).map((e) => e.id);
        const epoch = async (db: Db) =>
          Number(
            (
              await db.kysely
                .selectFrom('kite_learner')
                .select('epoch')
                .where('id', '=', hubChild)
                .executeTakeFirstOrThrow()
            ).epoch,
          );
        expect(await events(server.db)).toHaveLength(3);
        expect(await eraseProgress(onHub, hubChild)).toBe(2);
        const later = await seedHubEvents(hub.db, [hubChild], 2, hubNow, 1);

        await sync();
        expect(await epoch(server.db)).toBe(2);
        expect((await events(server.db)).sort()).toEqual([...later].sort());
        // The server's own erasure, later, reaches the hub the same way.
        serverNow = hubNow = T0 + 16 * MIN;
        expect(await eraseProgress(onServer, hubChild)).toBe(3);
        await sync();
        expect(await epoch(hub.db)).toBe(3);
        expect(await events(hub.db)).toEqual([]);
        expect(await events(server.db)).toEqual([]);
      },
    );

    it.skipIf(!enabled)(
      'the same field edited on both sides while apart ends with the later write on both; the same records again change nothing',
      async () => {
        serverNow = T0 + 20 * MIN;
        await renewPictures(onServer, 'teacher-ana', classId, ada);
        hubNow = T0 + 21 * MIN;
        await renewPictures(onHub, 'teacher-ana', classId, ada);
        const hubsPictures = await picturesOf(hub.db, ada);
        // A field only one side changed keeps that change: the server moves a date.
        serverNow = T0 + 22 * MIN;
        await assign(onServer, 'teacher-ana', classId, 'act-fractions', '2027-03-17');

        await sync();
        const after = await roster(server.db);
        expect(await roster(hub.db)).toEqual(after);
        expect(await picturesOf(server.db, ada)).toBe(hubsPictures);
        expect(after.assignments.find((a) => a.activity === 'act-fractions')?.due).toBe(
          '2027-03-17',
        );

        // Everything the hub has, sent again: nothing changes on the server.
        const all = await localChanges(hub.db, 0);
        const before = await snapshotDb(server.db);
        const res = await serverApp.app.inject({
          method: 'POST',
          url: '/api/hubs/records',
          headers: {
            authorization: `Bearer ${credential.token}`,
            'content-type': 'application/json',
            'content-encoding': 'gzip',
          },
          payload: gzipSync(JSON.stringify({ hub: credential.id, records: all.records })),
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toEqual({ changed: 0, clamped: 0, kept: [] });
        // Only the hub's queue slot bookkeeping may move; no record, row or clock does.
        expect(changedTables(before, await snapshotDb(server.db))).toEqual([]);
      },
    );

    it.skipIf(!enabled)(
      'a delete and an edit made apart end alike on both sides: the later wins, and a child’s erasure always wins',
      async () => {
        // The hub removes an assignment; the server, later, moves its date: it stays, moved.
        hubNow = T0 + 30 * MIN;
        const onHubNow = await hub.db.kysely
          .selectFrom('kite_assignment')
          .select('id')
          .where('activity', '=', 'act-maps')
          .executeTakeFirstOrThrow();
        await unassign(onHub, 'teacher-ana', classId, onHubNow.id);
        serverNow = T0 + 31 * MIN;
        await assign(onServer, 'teacher-ana', classId, 'act-maps', '2027-04-01');
        // The server edits the fractions date; the hub, later, removes it: it goes.
        serverNow = T0 + 32 * MIN;
        await assign(onServer, 'teacher-ana', classId, 'act-fractions', '2027-03-24');
        hubNow = T0 + 33 * MIN;
        const fractions = await hub.db.kysely
          .selectFrom('kite_assignment')
          .select('id')
          .where('activity', '=', 'act-fractions')
          .executeTakeFirstOrThrow();
        await unassign(onHub, 'teacher-ana', classId, fractions.id);
        // The server erases Ben; the hub, later, gives him new pictures: he stays erased.
        serverNow = T0 + 34 * MIN;
        await eraseLearner(onServer, ben);
        hubNow = T0 + 35 * MIN;
        await renewPictures(onHub, 'teacher-ana', classId, ben);

        await sync();
        const after = await roster(server.db);
        expect(await roster(hub.db)).toEqual(after);
        expect(after.assignments.map((a) => [a.activity, a.due])).toEqual([
          ['act-maps', '2027-04-01'],
        ]);
        expect(after.learners.map((l) => l.id)).not.toContain(ben);
        for (const db of [server.db, hub.db]) {
          const tomb = await db.kysely
            .selectFrom('kite_learner_tombstone')
            .select('learner_id')
            .where('learner_id', '=', ben)
            .execute();
          expect(tomb).toHaveLength(1);
          // The erased child's nickname and pictures are forgotten by the records too.
          const fields = await db.kysely
            .selectFrom('kite_record_field')
            .select('field')
            .where('record_id', '=', ben)
            .execute();
          expect(fields.map((f) => f.field)).toEqual(['deleted']);
        }
      },
    );

    it.skipIf(!enabled)(
      'a child erased on the server before its records existed is erased on the hub when the hub next changes them',
      async () => {
        // As an erasure from before migration 0015 left it: the row gone, a tombstone, no record.
        await server.db.kysely.transaction().execute(async (trx) => {
          await removeLearnerRows(trx, cy, serverNow);
          await trx.deleteFrom('kite_record_field').where('record_id', '=', cy).execute();
          await trx.deleteFrom('kite_record').where('record_id', '=', cy).execute();
        });
        hubNow = serverNow = T0 + 40 * MIN;
        await renewPictures(onHub, 'teacher-ana', classId, cy);
        await sync();
        await sync();
        expect((await roster(hub.db)).learners.map((l) => l.id)).not.toContain(cy);
        expect(await roster(hub.db)).toEqual(await roster(server.db));
        const tomb = await hub.db.kysely
          .selectFrom('kite_learner_tombstone')
          .select('learner_id')
          .where('learner_id', '=', cy)
          .execute();
        expect(tomb).toHaveLength(1);
      },
    );

    it.skipIf(!enabled)(
      'records of another school are refused whole with 403 and logged; nothing changes',
      async () => {
        const at = { wall: serverNow, counter: 0, node: credential.id };
        const push = (records: unknown[]) =>
          serverApp.app.inject({
            method: 'POST',
            url: '/api/hubs/records',
            headers: { authorization: `Bearer ${credential.token}` },
            payload: { hub: credential.id, records },
          });
        const mine = {
          kind: 'learner',
          id: ada,
          school: schoolId,
          fields: { nickname: { value: 'Ada B', at } },
        };
        for (const outside of [
          // A child of another school, claimed as the hub's.
          {
            kind: 'learner',
            id: otherLearner,
            school: schoolId,
            fields: { nickname: { value: 'X', at } },
          },
          // A record that says it is another school's.
          { ...mine, school: 'vale-school' },
          // A child moved into a class of another school.
          {
            ...mine,
            fields: {
              class_id: {
                value: (
                  await server.db.kysely
                    .selectFrom('kite_learner')
                    .select('class_id')
                    .where('id', '=', otherLearner)
                    .executeTakeFirstOrThrow()
                ).class_id!,
                at,
              },
            },
          },
        ]) {
          const before = await snapshotDb(server.db);
          const logged = serverApp.logs.length;
          const res = await push([mine, outside]);
          expect(res.statusCode, res.body).toBe(403);
          expect(res.json().error.code).toBe('record_out_of_scope');
          expect(changedTables(before, await snapshotDb(server.db))).toEqual([]);
          const line = serverApp.logs.slice(logged).find((l) => l.includes('hub records refused'));
          expect(line).toContain(credential.id);
        }
        // A bad body is a stable 400, never a 500, and changes nothing.
        for (const [fields, code] of [
          // A field no record shares (a parent is no school's business).
          [{ parent_id: { value: 'someone', at } }, 'unknown_parameter'],
          // A value of the wrong type, a reading with no clock.
          [{ epoch: { value: 0, at } }, 'validation_failed'],
          [{ nickname: 'Ada' }, 'validation_failed'],
        ] as const) {
          const before = await snapshotDb(server.db);
          const bad = await push([{ kind: 'learner', id: ada, school: schoolId, fields }]);
          expect(bad.statusCode, bad.body).toBe(400);
          expect(bad.json().error.code).toBe(code);
          expect(changedTables(before, await snapshotDb(server.db))).toEqual([]);
        }
      },
    );

    it.skipIf(!enabled)(
      'a hub clock two days ahead is clamped to a day ahead on the server and reported',
      async () => {
        serverNow = T0 + 60 * MIN;
        hubNow = serverNow + 2 * 86_400_000;
        await renewPictures(onHub, 'teacher-ana', classId, ada);
        const logged = serverApp.logs.length;
        await sync();
        expect(await picturesOf(server.db, ada)).toBe(await picturesOf(hub.db, ada));
        const field = await server.db.kysely
          .selectFrom('kite_record_field')
          .select(['wall', 'node'])
          .where('kind', '=', 'learner')
          .where('record_id', '=', ada)
          .where('field', '=', 'pictures')
          .executeTakeFirstOrThrow();
        expect(Number(field.wall)).toBe(serverNow + MAX_DRIFT_MS);
        expect(field.node).toBe(credential.id);
        const line = serverApp.logs.slice(logged).find((l) => l.includes('hub records clamped'));
        expect(line).toContain(credential.id);
        // The hub was told, and took the clamped reading back: both sides hold the same one.
        expect(
          log.some((l) => l.level === 'warn' && l.msg.includes('clock is more than a day ahead')),
        ).toBe(true);
        const onHubField = await hub.db.kysely
          .selectFrom('kite_record_field')
          .select(['wall', 'node'])
          .where('kind', '=', 'learner')
          .where('record_id', '=', ada)
          .where('field', '=', 'pictures')
          .executeTakeFirstOrThrow();
        expect({ wall: Number(onHubField.wall), node: onHubField.node }).toEqual({
          wall: serverNow + MAX_DRIFT_MS,
          node: credential.id,
        });

        // The hub's write sent again as it first was (its answer lost): clamped again to a
        // later limit, and still nothing changes.
        const [sent] = (await localChanges(hub.db, 0)).records.filter((r) => r.id === ada);
        const again = {
          ...sent!,
          fields: {
            pictures: {
              ...sent!.fields.pictures!,
              at: { wall: hubNow, counter: 0, node: credential.id },
            },
          },
        };
        serverNow += MIN;
        const before = await snapshotDb(server.db);
        const res = await serverApp.app.inject({
          method: 'POST',
          url: '/api/hubs/records',
          headers: { authorization: `Bearer ${credential.token}` },
          payload: { hub: credential.id, records: [again] },
        });
        expect(res.json()).toMatchObject({
          changed: 0,
          clamped: 1,
          kept: [
            { id: ada, field: 'pictures', to: { wall: Number(field.wall), node: credential.id } },
          ],
        });
        expect(changedTables(before, await snapshotDb(server.db))).toEqual([]);

        // A day and a bit later on the server, its own edit wins there and on the hub.
        serverNow = T0 + 60 * MIN + MAX_DRIFT_MS + MIN;
        await renewPictures(onServer, 'teacher-ana', classId, ada);
        const serversPictures = await picturesOf(server.db, ada);
        await sync();
        expect(await picturesOf(hub.db, ada)).toBe(serversPictures);
        expect(await roster(hub.db)).toEqual(await roster(server.db));
      },
    );

    it.skipIf(!enabled)(
      'a teacher’s account deleted on the server takes their class off the hub: children erased, placeholder gone',
      async () => {
        serverNow = hubNow = T0 + 4 * 86_400_000;
        const accounts = accountsContext(server.db, { argon2: TEST_ARGON2, now: () => serverNow });
        await seedTeacher(server.db, 'teacher-zed', serverNow);
        await server.db.kysely
          .updateTable('kite_user')
          .set({ password_hash: await accounts.hasher.hash('zed password 1') })
          .where('id', '=', 'teacher-zed')
          .execute();
        const c = await createClass(onServer, 'teacher-zed', {
          schoolId,
          name: 'Zed 1',
          band: '5-7',
          lang: 'en',
        });
        const [zoe] = await addChildren(onServer, 'teacher-zed', c.id, ['Zoe']);
        await sync();
        expect((await roster(hub.db)).classes.map((k) => k.id)).toContain(c.id);

        await deleteMyAccount(
          accounts,
          { userId: 'teacher-zed', sessionId: 'none' },
          'zed password 1',
        );
        await sync();
        const after = await roster(hub.db);
        expect(after).toEqual(await roster(server.db));
        expect(after.classes.map((k) => k.id)).not.toContain(c.id);
        for (const db of [hub.db, server.db]) {
          expect(
            await db.kysely
              .selectFrom('kite_learner_tombstone')
              .select('learner_id')
              .where('learner_id', '=', zoe!.id)
              .execute(),
          ).toHaveLength(1);
          // Nothing on either side names the teacher any more.
          expect(
            await db.kysely
              .selectFrom('kite_user')
              .select('id')
              .where('id', '=', 'teacher-zed')
              .execute(),
          ).toEqual([]);
          expect(
            await db.kysely
              .selectFrom('kite_record_field')
              .select('record_id')
              .where('value', '=', JSON.stringify('teacher-zed'))
              .execute(),
          ).toEqual([]);
        }
      },
    );

    it.skipIf(!enabled)(
      'a hub whose cursor is past the server’s changes (a server restored from a backup) reads them all again',
      async () => {
        serverNow = hubNow = T0 + 5 * 86_400_000;
        await hub.db.kysely
          .updateTable('kite_hub_upstream')
          .set({ records_pulled: 1_000_000 })
          .execute();
        await assign(onServer, 'teacher-ana', classId, 'act-after-restore', null);
        await sync();
        const there = await roster(hub.db);
        expect(there.assignments.map((a) => a.activity)).toContain('act-after-restore');
        expect(there).toEqual(await roster(server.db));
        const state = await hub.db.kysely
          .selectFrom('kite_hub_upstream')
          .select('records_pulled')
          .executeTakeFirstOrThrow();
        expect(Number(state.records_pulled)).toBeLessThan(1_000_000);
      },
    );

    it.skipIf(!enabled)(
      'two classes given the same code apart end with two codes, the same on both sides',
      async () => {
        // The clocks move on (a server whose clock went back two days would clamp the hub's).
        serverNow = hubNow = T0 + 6 * 86_400_000;
        const zero = () => 0;
        const a = await createClass({ ...onServer, random: zero }, 'teacher-ana', {
          schoolId,
          name: 'Same code A',
          band: '8-10',
          lang: 'en',
        });
        const b = await createClass({ ...onHub, random: zero }, 'teacher-hal', {
          schoolId,
          name: 'Same code B',
          band: '8-10',
          lang: 'en',
        });
        expect(a.code).toBe(b.code);
        await sync();
        await sync();
        const after = await roster(server.db);
        expect(await roster(hub.db)).toEqual(after);
        const codes = after.classes
          .filter((c) => c.id === a.id || c.id === b.id)
          .map((c) => c.code);
        expect(codes).toHaveLength(2);
        expect(new Set(codes).size).toBe(2);
      },
    );
  });
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: migration 0015 gives what exists its records`, async () => {
    const enabled = await dialect.available();
    it.skipIf(!enabled)(
      'classes, class children and assignments from before are records, values as JSON; a hub and its server with the same rows agree',
      async () => {
        const t = await dialect.fresh();
        try {
          const db = t.db;
          // Back to the schema before (migration 0015 undone), with a roster in it.
          await migrateUpTo(db, '0014-hub-instances');
          await seedRoster(db, { schoolId: 'old', learners: ['old-1', 'old-2'] }, T0);
          await db.kysely
            .updateTable('kite_learner')
            .set({ nickname: 'Jo "JJ" \\ O’Neil', pictures: 'pic-1 pic-2 pic-3' })
            .where('id', '=', 'old-1')
            .execute();
          await db.kysely
            .insertInto('kite_assignment')
            .values([
              {
                id: 'a1',
                class_id: 'c-old',
                activity: 'act-x',
                due: '2027-01-02',
                created_at: toDbTime(T0),
              },
              {
                id: 'a2',
                class_id: 'c-old',
                activity: 'act-y',
                due: null,
                created_at: toDbTime(T0),
              },
            ])
            .execute();
          await migrateToLatest(db);

          const page = await db.kysely.transaction().execute((trx) => changesAfter(trx, 0, 100));
          expect(page.more).toBe(false);
          const byId = new Map(page.records.map((r) => [r.id, r]));
          expect([...byId.keys()].sort()).toEqual([
            'c-old',
            'c-old act-x',
            'c-old act-y',
            'old-1',
            'old-2',
          ]);
          const value = (id: string, f: string) => byId.get(id)!.fields[f]?.value;
          expect(value('old-1', 'nickname')).toBe('Jo "JJ" \\ O’Neil');
          expect(value('old-1', 'pictures')).toBe('pic-1 pic-2 pic-3');
          expect(value('old-2', 'pictures')).toBeNull();
          expect(value('c-old', 'teacher')).toBe('t-old');
          expect(value('c-old act-x', 'due')).toBe('2027-01-02');
          expect(value('c-old act-y', 'due')).toBeNull();
          expect(byId.get('old-1')!.fields.nickname!.at).toEqual({
            wall: 1,
            counter: 0,
            node: 'backfill',
          });
          // Every record its own change number, and the clock after them all.
          const seqs = await db.kysely.selectFrom('kite_record').select('seq').execute();
          expect(new Set(seqs.map((s) => Number(s.seq))).size).toBe(5);
          expect(page.through).toBe(5);
          const clock = await db.kysely
            .selectFrom('kite_record_clock')
            .selectAll()
            .executeTakeFirstOrThrow();
          expect({ node: clock.node, seq: Number(clock.seq) }).toEqual({ node: 'server', seq: 5 });

          // The same records merged in again (a hub that had the same rows by hand): no change.
          const before = await snapshotDb(db);
          const applied = await db.kysely
            .transaction()
            .execute((trx) => applyRecords(trx, db.dialect, page.records, T0));
          expect(applied).toEqual({ changed: 0, clamped: 0, kept: [] });
          expect(changedTables(before, await snapshotDb(db))).toEqual([]);
        } finally {
          await t.dispose();
        }
      },
    );
  });
}

describe('sqlite: the school row on a hub', () => {
  it('takes the server’s name and agreement, and keeps an agreement recorded on the hub while the server has none', async () => {
    const t = await freshSqlite();
    try {
      await seedRoster(t.db, { schoolId: 'hill', learners: [] }, T0);
      await t.db.kysely
        .updateTable('kite_school')
        .set({ agreed_by: 'Head (on the hub)', agreed_at: toDbTime(T0), agreement_notice: 'v1' })
        .execute();
      const page = (agreedBy: string | null) => ({
        school: {
          id: 'hill',
          name: 'Hill (renamed)',
          agreedBy,
          agreedAt: agreedBy === null ? null : new Date(T0 + MIN).toISOString(),
          agreementNotice: agreedBy === null ? null : 'v2',
        },
        records: [],
        through: 0,
        more: false,
      });
      const school = () =>
        t.db.kysely
          .selectFrom('kite_school')
          .select(['name', 'agreed_by', 'agreement_notice'])
          .executeTakeFirstOrThrow();
      await takePage(t.db, 'hub-test-0001', page(null), T0);
      expect(await school()).toEqual({
        name: 'Hill (renamed)',
        agreed_by: 'Head (on the hub)',
        agreement_notice: 'v1',
      });
      await takePage(t.db, 'hub-test-0001', page('Head (national)'), T0);
      expect(await school()).toEqual({
        name: 'Hill (renamed)',
        agreed_by: 'Head (national)',
        agreement_notice: 'v2',
      });
    } finally {
      await t.dispose();
    }
  });
});
