// Deployment settings and places (issue #17, NATION-1, docs/national.md) through the HTTP API on
// every dialect: validation with stable codes that changes nothing, the trail of changes, the
// settings reaching the child's app config from a second app process on the same database,
// regions → districts → schools with archiving, and the purge using the periods in force.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { shippedContent } from '../helpers/content';
import type { Catalogue } from '../../src/engine';
import type { Db } from '../../src/db/connect';
import { toDbTime } from '../../src/db/time';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { DEFAULT_RETENTION } from '../../src/server/config/config';
import { createJobRunner } from '../../src/server/jobs/runner';
import { kiteJobs } from '../../src/server/jobs/jobs';
import { createPdfRenderer } from '../../src/server/pdf/renderer';
import type { PdfRenderer } from '../../src/server/pdf/renderer';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';

const T0 = Date.UTC(2027, 3, 5, 9, 0, 0);
const DAY = 86_400_000;

const HELPLINE = {
  kind: 'helpline',
  name: 'Safe Talk Line',
  phone: '1299',
  url: 'https://safetalk.example.org/',
  hours: 'Every day, 8:00–20:00',
  audience: 'everyone',
};

let content: Catalogue;
let renderer: PdfRenderer;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
  renderer = await createPdfRenderer();
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: deployment settings and places`, async () => {
    const enabled = await dialect.available();
    const clock: Clock = { now: T0 };
    let testDb: TestDb;
    let second: Db;
    let app: FastifyInstance;
    let other: FastifyInstance;
    let people: People;
    let coordinator: AccountClient;
    let admin: AccountClient;

    const deps = () => ({
      now: () => clock.now,
      catalogue: content,
      pdfRenderer: renderer,
      country: 'intl',
      accounts: { argon2: TEST_ARGON2, mailer: outbox().mailer, now: () => clock.now },
    });
    const clientConfig = async (a: FastifyInstance) => {
      const res = await a.inject({ method: 'GET', url: '/api/client-config' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const view = async (c: AccountClient = coordinator) => {
      const res = await c.get('/api/deployment/settings');
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    const changes = async () => {
      const res = await coordinator.get('/api/deployment/changes');
      expect(res.statusCode, res.body).toBe(200);
      return res.json().changes as {
        action: string;
        by: string | null;
        objectId: string | null;
        detail: object;
      }[];
    };

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      second = await testDb.connectAgain();
      const mail = outbox();
      app = await createApp({
        db: testDb.db,
        ...deps(),
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
      });
      // A second app process on the same database, as behind a load balancer.
      other = await createApp({ db: second, ...deps() });
      people = new People(app, mail, clock);
      await people.bootstrap();
      coordinator = await people.coordinator();
      admin = await people.admin();
    });
    afterAll(async () => {
      if (!enabled) return;
      await other.close();
      await app.close();
      await second.close();
      await testDb.dispose();
    });

    // Sessions end while the clock moves on by days: each test signs in again where needed.
    beforeEach(async () => {
      if (!enabled) return;
      coordinator = await people.coordinator();
      admin = await people.admin();
    });

    it.skipIf(!enabled)(
      'shows the defaults (the environment and the content) before anyone sets anything',
      async () => {
        const v = await view();
        expect(v.settings).toMatchObject({
          version: 0,
          updatedAt: null,
          country: 'intl',
          languages: ['en', 'km'],
          helplines: [],
          retention: { auditDays: 90, childMonths: 12 },
        });
        expect(v.set).toEqual([]);
        expect(v.choices.countries.map((c: { code: string }) => c.code)).toEqual(['intl', 'kh']);
        expect(v.choices.consentAge).toEqual({ min: 13, max: 16 });
        // Languages nobody chose: the app offers every language it was built with.
        const config = await clientConfig(app);
        expect(config).toMatchObject({ country: 'intl', helplines: [] });
        expect(config.languages).toBeUndefined();
      },
    );

    it.skipIf(!enabled)(
      'refuses bad settings with a stable code for each, and changes nothing',
      async () => {
        await coordinator.get('/api/auth/session');
        const before = await snapshotDb(testDb.db);
        const refused: [object, number, string][] = [
          [{ country: 'zz' }, 400, 'unknown_country_pack'],
          [{ country: 'Not A Pack!' }, 400, 'validation_failed'],
          [{ languages: ['en', 'xx'] }, 400, 'unsupported_language'],
          [{ languages: ['km'] }, 400, 'unsupported_language'],
          [{ consentAge: 12 }, 400, 'consent_age_out_of_range'],
          [{ consentAge: 17 }, 400, 'consent_age_out_of_range'],
          [{ consentAge: 14.5 }, 400, 'consent_age_out_of_range'],
          [{ retention: { auditDays: 365 } }, 400, 'retention_out_of_range'],
          [{ retention: { auditDays: 7 } }, 400, 'retention_out_of_range'],
          [{ retention: { childMonths: 24 } }, 400, 'retention_out_of_range'],
          [{ retention: { childMonths: 1 } }, 400, 'retention_out_of_range'],
          [{ retention: { evidenceDays: 100 } }, 400, 'unknown_parameter'],
          [
            { helplines: [{ ...HELPLINE, url: 'https://safetalk.example.org/?utm_source=kite' }] },
            400,
            'tracking_url',
          ],
          [{ helplines: [{ ...HELPLINE, url: 'https://bit.ly/3abc' }] }, 400, 'tracking_url'],
          [{ helplines: [{ ...HELPLINE, chat: 'http://chat.example.org/' }] }, 400, 'tracking_url'],
          [
            { helplines: [{ ...HELPLINE, url: 'https://x.example/?fbclid=1' }] },
            400,
            'tracking_url',
          ],
          [
            { helplines: [{ kind: 'helpline', name: 'No way to reach it', audience: 'everyone' }] },
            400,
            'validation_failed',
          ],
          [{ helplines: [{ ...HELPLINE, phone: 'call us' }] }, 400, 'validation_failed'],
          [{ helplines: Array.from({ length: 13 }, () => HELPLINE) }, 400, 'validation_failed'],
        ];
        for (const [patch, status, code] of refused) {
          const res = await coordinator.patch('/api/deployment/settings', { version: 0, ...patch });
          expect(res.statusCode, `${JSON.stringify(patch)}: ${res.body}`).toBe(status);
          expect(res.json().error.code, JSON.stringify(patch)).toBe(code);
        }
        // A change made on a version that is no longer the current one.
        const stale = await coordinator.patch('/api/deployment/settings', {
          version: 3,
          consentAge: 14,
        });
        expect(stale.statusCode, stale.body).toBe(409);
        expect(stale.json().error.code).toBe('version_conflict');
        expect(changedTables(before, await snapshotDb(testDb.db))).toEqual([]);
        expect((await view()).settings.version).toBe(0);
      },
    );

    it.skipIf(!enabled)(
      'a change writes a new version and one trail entry with the values, and the app config of another process shows it within seconds',
      async () => {
        // The second process has read (and cached) the settings before the change.
        expect((await clientConfig(other)).helplines).toEqual([]);
        const res = await coordinator.patch('/api/deployment/settings', {
          version: 0,
          country: 'kh',
          consentAge: 14,
          helplines: [HELPLINE],
          retention: { auditDays: 60 },
        });
        expect(res.statusCode, res.body).toBe(200);
        const v = res.json();
        expect(v.settings).toMatchObject({
          version: 1,
          country: 'kh',
          consentAge: 14,
          retention: { auditDays: 60, childMonths: 12 },
        });
        expect(v.settings.helplines).toEqual([
          { ...HELPLINE, id: 'set-1', checkedOn: '2027-04-05' },
        ]);
        expect([...v.set].sort()).toEqual(['auditDays', 'consentAge', 'country', 'helplines']);

        const [entry] = await changes();
        expect(entry).toMatchObject({
          action: 'settings.changed',
          by: people.operators.coordinator.displayName,
          settingsVersion: 1,
          detail: {
            country: { from: null, to: 'kh' },
            consentAge: { from: null, to: 14 },
            'retention.auditDays': { from: null, to: 60 },
            helplines: { from: null, to: [{ ...HELPLINE, id: 'set-1', checkedOn: '2027-04-05' }] },
          },
        });

        // This process sees it at once; the other within its cache's two seconds.
        expect(await clientConfig(app)).toMatchObject({ country: 'kh', helplines: [HELPLINE] });
        expect((await clientConfig(other)).helplines).toEqual([]);
        clock.now += 2_500;
        const seen = await clientConfig(other);
        expect(seen.country).toBe('kh');
        expect(seen.helplines).toMatchObject([{ ...HELPLINE, id: 'set-1' }]);

        // The same change again sets nothing new: no version, no entry.
        const again = await admin.patch('/api/deployment/settings', { version: 1, consentAge: 14 });
        expect(again.statusCode, again.body).toBe(200);
        expect(again.json().settings.version).toBe(1);
        expect(await changes()).toHaveLength(1);

        // An admin takes the country back to the environment's; the helpline keeps its day.
        clock.now += 3 * DAY;
        admin = await people.admin();
        coordinator = await people.coordinator();
        const back = await admin.patch('/api/deployment/settings', {
          version: 1,
          country: null,
          languages: ['en'],
          helplines: [
            HELPLINE,
            { ...HELPLINE, kind: 'hotline', name: 'Report Line', audience: 'adults' },
          ],
        });
        expect(back.statusCode, back.body).toBe(200);
        expect(back.json().settings).toMatchObject({
          version: 2,
          country: 'intl',
          languages: ['en'],
          consentAge: 14,
        });
        expect(
          back.json().settings.helplines.map((h: { checkedOn: string }) => h.checkedOn),
        ).toEqual(['2027-04-05', '2027-04-08']);
        const latest = (await changes())[0]!;
        expect(latest.by).toBe(people.operators.admin.displayName);
        expect(latest.detail).toMatchObject({ country: { from: 'kh', to: null } });
        expect(Object.keys(latest.detail).sort()).toEqual(['country', 'helplines', 'languages']);
        clock.now += 2_500;
        expect(await clientConfig(other)).toMatchObject({ country: 'intl', languages: ['en'] });
      },
    );

    it.skipIf(!enabled)(
      'regions → districts → schools: a coordinator places a school and sees only names and class counts; a used region is archived, never lost',
      async () => {
        const teacherSigned = await people.make('teacher');
        const teacher = teacherSigned.client;
        const school = await teacher.post('/api/schools', { name: 'River School' });
        expect(school.statusCode, school.body).toBe(201);
        const schoolId = school.json().school.id as string;
        await teacher.request('PUT', `/api/schools/${schoolId}/agreement`, {
          agreedBy: 'Head teacher',
          noticeVersion: '2026-12',
        });
        const cls = await teacher.post('/api/classes', {
          schoolId,
          name: 'Class Heron',
          band: '8-10',
          lang: 'en',
        });
        expect(cls.statusCode, cls.body).toBe(201);
        const kids = await teacher.post(`/api/classes/${cls.json().class.id}/children`, {
          nicknames: ['Pebble'],
        });
        expect(kids.statusCode, kids.body).toBe(201);

        const region = await coordinator.post('/api/deployment/regions', { name: 'North' });
        expect(region.statusCode, region.body).toBe(201);
        const regionId = region.json().id as string;
        const taken = await coordinator.post('/api/deployment/regions', { name: ' north ' });
        expect(taken.statusCode).toBe(409);
        expect(taken.json().error.code).toBe('name_taken');
        const district = await coordinator.post(`/api/deployment/regions/${regionId}/districts`, {
          name: 'Lakeside',
        });
        expect(district.statusCode, district.body).toBe(201);
        const districtId = district.json().id as string;

        const placed = await coordinator.request(
          'PUT',
          `/api/deployment/schools/${schoolId}/district`,
          { districtId },
        );
        expect(placed.statusCode, placed.body).toBe(200);
        const places = placed.json().places;
        expect(places.schools).toEqual([
          { id: schoolId, name: 'River School', districtId, classes: 1 },
        ]);
        expect(places.regions).toEqual([
          {
            id: regionId,
            name: 'North',
            archived: false,
            districts: [
              { id: districtId, regionId, name: 'Lakeside', archived: false, schools: 1 },
            ],
          },
        ]);
        // Never a class's name, a child's nickname or a teacher (PRIV-20).
        const listing = (await coordinator.get('/api/deployment/places')).body;
        for (const secret of ['Class Heron', 'Pebble', teacherSigned.person.displayName])
          expect(listing).not.toContain(secret);

        // Archiving the region in use: its district and school stay linked, and counted.
        const archived = await coordinator.patch(`/api/deployment/regions/${regionId}`, {
          archived: true,
        });
        expect(archived.statusCode, archived.body).toBe(200);
        const after = archived.json().places;
        expect(after.regions[0]).toMatchObject({ archived: true, districts: [{ schools: 1 }] });
        expect(after.schools[0].districtId).toBe(districtId);
        // Nothing new goes into an archived region, and the region's name stays taken.
        const more = await coordinator.post(`/api/deployment/regions/${regionId}/districts`, {
          name: 'Hills',
        });
        expect(more.statusCode).toBe(409);
        expect(more.json().error.code).toBe('archived');
        await coordinator.request('PUT', `/api/deployment/schools/${schoolId}/district`, {
          districtId: null,
        });
        const back = await coordinator.request(
          'PUT',
          `/api/deployment/schools/${schoolId}/district`,
          { districtId },
        );
        expect(back.statusCode).toBe(409);
        expect(back.json().error.code).toBe('archived');
        const restored = await admin.patch(`/api/deployment/regions/${regionId}`, {
          archived: false,
          name: 'North Province',
        });
        expect(restored.statusCode, restored.body).toBe(200);
        expect(restored.json().places.regions[0]).toMatchObject({
          name: 'North Province',
          archived: false,
        });
        const missing = await coordinator.request(
          'PUT',
          '/api/deployment/schools/no-such-school/district',
          { districtId },
        );
        expect(missing.statusCode).toBe(404);

        // One entry per change (the refused ones wrote none), each with its values.
        const mine = (await changes()).filter(
          (c) => c.objectId !== null && [regionId, districtId, schoolId].includes(c.objectId),
        );
        expect(mine.map((c) => c.action).sort()).toEqual([
          'district.created',
          'region.archived',
          'region.created',
          'region.renamed',
          'region.restored',
          'school.assigned',
          'school.assigned',
        ]);
        expect(mine.find((c) => c.action === 'region.renamed')!.detail).toEqual({
          name: { from: 'North', to: 'North Province' },
        });
        expect(mine.filter((c) => c.action === 'school.assigned').map((c) => c.detail)).toEqual(
          expect.arrayContaining([
            { district: { from: null, to: districtId } },
            { district: { from: districtId, to: null } },
          ]),
        );
      },
    );

    it.skipIf(!enabled)(
      'a change outlives the account that made it, by nobody (the link is emptied)',
      async () => {
        const leaving = await people.make('coordinator');
        // A moment after the changes before (the trail is ordered by time).
        clock.now += 1_000;
        const version = (await view(leaving.client)).settings.version as number;
        const res = await leaving.client.patch('/api/deployment/settings', {
          version,
          consentAge: 15,
        });
        expect(res.statusCode, res.body).toBe(200);
        expect((await changes())[0]).toMatchObject({ by: leaving.person.displayName });
        const gone = await leaving.client.post('/api/account/delete', {
          password: leaving.person.password,
        });
        expect(gone.statusCode, gone.body).toBe(204);
        const [entry] = await changes();
        expect(entry).toMatchObject({ by: null, detail: { consentAge: { from: 14, to: 15 } } });
        const rows = await testDb.db.kysely
          .selectFrom('kite_deployment_change')
          .select('actor_id')
          .where('actor_id', '=', leaving.person.id)
          .execute();
        expect(rows).toEqual([]);
      },
    );

    it.skipIf(!enabled)('the purge keeps security logs for the period in force', async () => {
      // The first change set 60 days, and no change since took it back.
      expect((await view()).settings.retention.auditDays).toBe(60);
      const row = (id: string, daysAgo: number) => ({
        id,
        at: toDbTime(clock.now - daysAgo * DAY),
        event: 'signin',
        outcome: 'ok' as const,
        actor_id: null,
        subject_id: null,
        detail: null,
      });
      await testDb.db.kysely
        .insertInto('kite_audit')
        .values([row('old-audit', 70), row('recent-audit', 50)])
        .execute();
      const runner = createJobRunner({
        db: testDb.db,
        jobs: kiteJobs({ retention: DEFAULT_RETENTION }),
        clock: () => clock.now,
      });
      const [run] = await runner.tick(clock.now);
      expect(run).toMatchObject({ job: 'purge', outcome: 'ok' });
      const ids = (
        await testDb.db.kysely
          .selectFrom('kite_audit')
          .select('id')
          .where('id', 'in', ['old-audit', 'recent-audit'])
          .execute()
      ).map((r) => r.id);
      expect(ids).toEqual(['recent-audit']);
    });
  });
}
