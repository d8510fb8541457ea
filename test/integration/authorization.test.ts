// Who may call each operation of the API: a table of intended access over every operation of
// the OpenAPI document × every role, each cell a real call by a real account of that role
// (signed in with its second factor where the role requires one). The table is the intent,
// written here by hand; the test fails for an operation of the document without a row (or a
// row naming an operation that is gone), so no route can slip past it. Then: sessions half
// signed in, and people acting on other people's things (cross-tenant).
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { shippedContent } from '../helpers/content';
import type { Catalogue } from '../../src/engine';
import type { Role } from '../../src/db/schema';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { createPdfRenderer } from '../../src/server/pdf/renderer';
import type { PdfRenderer } from '../../src/server/pdf/renderer';
import { outbox } from '../helpers/account-client';
import type { AccountClient } from '../helpers/account-client';
import type { Outbox } from '../helpers/account-client';
import { changedTables, snapshotDb } from '../helpers/db-snapshot';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import {
  CALLS,
  childDevice,
  classFixture,
  industryFixture,
  waitingCompany,
} from '../helpers/operation-calls';
import type { IndustryFixture, Kit } from '../helpers/operation-calls';
import { FRAMEWORK, smallPdf, upload } from '../helpers/industry';
import { operationsOf } from '../helpers/openapi-operations';
import { newPassword, People, WHO } from '../helpers/people';
import type { Signed, Who } from '../helpers/people';

type Access = 'allow' | 'deny';
type Row = Readonly<Record<Who, Access>>;

/** A row allowing exactly `allowed`. */
const row = (...allowed: Who[]): Row =>
  Object.fromEntries(WHO.map((w) => [w, allowed.includes(w) ? 'allow' : 'deny'])) as Row;

const EVERYONE = row(...WHO);
/** Every adult signed in. When the child joins WHO, each row says on its own what a child may. */
const SIGNED_IN = row('parent', 'teacher', 'coordinator', 'admin', 'company');

/**
 * The intended access of every operation, by `METHOD /path` as the OpenAPI document writes it.
 * `allow`: the call does what it is for; `deny`: 401 for nobody signed in, 403 (or 404, when
 * even the existence of the thing is not theirs to know) for a signed-in person of another role.
 */
const ACCESS: Readonly<Record<string, Row>> = {
  // Operations and the library: public, holding nothing personal.
  'GET /api/health': EVERYONE,
  'GET /api/ready': EVERYONE,
  'GET /api/client-config': EVERYONE,
  'GET /api/worksheets/{activityId}.pdf': EVERYONE,
  'GET /api/challenges/{challengeId}.pdf': EVERYONE,
  'GET /api/guides/{guideId}.pdf': EVERYONE,
  // A child's anonymous feedback: public (the app sends it with no credential and the route
  // reads none), so every caller, a child's device included, may send it.
  'POST /api/feedback': EVERYONE,

  // Signing up, in and out.
  'GET /api/auth/csrf': EVERYONE,
  'GET /api/auth/session': EVERYONE,
  'POST /api/auth/signup': EVERYONE,
  'POST /api/auth/verify-email': EVERYONE,
  'POST /api/auth/signin': EVERYONE,
  'POST /api/auth/signin/mfa': SIGNED_IN,
  'POST /api/auth/signout': SIGNED_IN,
  'POST /api/auth/reset/request': EVERYONE,
  'POST /api/auth/reset': EVERYONE,
  'POST /api/auth/invite/accept': EVERYONE,
  'POST /api/auth/setup': EVERYONE,

  // One's own account.
  'GET /api/account': SIGNED_IN,
  'PATCH /api/account': SIGNED_IN,
  'POST /api/account/password': SIGNED_IN,
  'POST /api/account/mfa/setup': SIGNED_IN,
  'POST /api/account/mfa/confirm': SIGNED_IN,
  // The roles that see many children's data may not switch their second factor off.
  'POST /api/account/mfa/disable': row('parent', 'company'),
  'POST /api/account/mfa/recovery-codes': SIGNED_IN,
  'GET /api/account/sessions': SIGNED_IN,
  'DELETE /api/account/sessions/{id}': SIGNED_IN,
  'POST /api/account/sessions/revoke-all': SIGNED_IN,
  'GET /api/account/export': SIGNED_IN,
  'POST /api/account/delete': SIGNED_IN,

  // Running the deployment: admins; coordinators for companies (GOV-03).
  'GET /api/admin/users': row('coordinator', 'admin'),
  'POST /api/admin/invites': row('coordinator', 'admin'),
  'POST /api/admin/users/{id}/approve': row('coordinator', 'admin'),
  'POST /api/admin/users/{id}/disable': row('admin'),
  'POST /api/admin/users/{id}/role': row('admin'),
  'GET /api/admin/audit': row('admin'),
  // What children said of activities, counted: the programme's (admins, coordinators), never a
  // teacher's, parent's, company's or child's.
  'GET /api/feedback/report': row('coordinator', 'admin'),
  // The recording studio (docs/audio.md): the programme's people; a translator role is to come.
  'GET /api/studio/overview': row('coordinator', 'admin'),
  'GET /api/studio/texts': row('coordinator', 'admin'),
  'POST /api/studio/consent': row('coordinator', 'admin'),
  'POST /api/studio/recordings': row('coordinator', 'admin'),

  // Classes (docs/classes.md): teachers only, each on their own classes (SEC-07; a second
  // teacher on another's class is tested in classes.test.ts).
  'GET /api/schools': row('teacher'),
  'POST /api/schools': row('teacher'),
  'PUT /api/schools/{schoolId}/agreement': row('teacher'),
  'GET /api/classes': row('teacher'),
  'POST /api/classes': row('teacher'),
  'GET /api/classes/{classId}': row('teacher'),
  'POST /api/classes/{classId}/children': row('teacher'),
  'DELETE /api/classes/{classId}/children/{learnerId}': row('teacher'),
  'POST /api/classes/{classId}/children/{learnerId}/pictures': row('teacher'),
  'DELETE /api/classes/{classId}/children/{learnerId}/devices': row('teacher'),
  'POST /api/classes/{classId}/assignments': row('teacher'),
  'DELETE /api/classes/{classId}/assignments/{assignmentId}': row('teacher'),
  'POST /api/classes/{classId}/links/{linkId}/approve': row('teacher'),
  'GET /api/classes/{classId}/report': row('teacher'),
  'GET /api/classes/{classId}/report.csv': row('teacher'),
  'GET /api/classes/{classId}/cards.pdf': row('teacher'),
  'GET /api/classes/{classId}/letter.pdf': row('teacher'),

  // Families: parents only, on their own children (PRIV-10).
  'GET /api/family/children': row('parent'),
  'POST /api/family/children': row('parent'),
  'DELETE /api/family/children/{learnerId}': row('parent'),
  'POST /api/family/links': row('parent'),

  // A child's device: the two sign-in steps are public (throttled); the rest needs the
  // device credential and reaches only that child's own records.
  'POST /api/child/class': EVERYONE,
  'POST /api/child/sign-in': EVERYONE,
  'GET /api/child/me': row('child'),
  'POST /api/child/sync': row('child'),
  'POST /api/child/links/{linkId}/confirm': row('child'),
  'DELETE /api/child/me/progress': row('child'),
  'DELETE /api/child/device': row('child'),

  // Industry self-assessment (docs/industry.md): companies on their own services and
  // assessments; the coordinator's side (coordinators, admins) on submitted ones. Cross-tenant
  // cases below: another company is told nothing exists.
  'GET /api/industry/frameworks': row('company', 'coordinator', 'admin'),
  'GET /api/industry/frameworks/{key}': row('company', 'coordinator', 'admin'),
  'GET /api/industry/services': row('company'),
  'POST /api/industry/services': row('company'),
  'PATCH /api/industry/services/{id}': row('company'),
  'GET /api/industry/assessments': row('company', 'coordinator', 'admin'),
  'POST /api/industry/assessments': row('company'),
  'GET /api/industry/assessments/{id}': row('company', 'coordinator', 'admin'),
  'PUT /api/industry/assessments/{id}/answers/{question}': row('company'),
  'PUT /api/industry/assessments/{id}/actions/{question}': row('company'),
  'POST /api/industry/assessments/{id}/transitions': row('company', 'coordinator', 'admin'),
  'POST /api/industry/assessments/{id}/reviewer': row('coordinator', 'admin'),
  'POST /api/industry/assessments/{id}/comments': row('company', 'coordinator', 'admin'),
  'POST /api/industry/comments/{id}/resolve': row('company', 'coordinator', 'admin'),
  'POST /api/industry/deadlines/{id}/extensions': row('company'),
  'POST /api/industry/extensions/{id}/decision': row('coordinator', 'admin'),
  'POST /api/industry/assessments/{id}/evidence/{question}': row('company'),
  'DELETE /api/industry/evidence/{id}': row('company'),
  // Evidence can show more than a company meant to share: the owner and the assessment's
  // assigned reviewer (the shared coordinator) only; an admin is refused too (IND-17).
  'GET /api/industry/evidence/{id}': row('company', 'coordinator'),
  'GET /api/industry/assessments/{id}/report.pdf': row('company', 'coordinator', 'admin'),
  'GET /api/industry/assessments/{id}/report.csv': row('company', 'coordinator', 'admin'),
  'GET /api/industry/assessments/{id}/changes': row('company', 'coordinator', 'admin'),
  'GET /api/industry/statistics': row('coordinator', 'admin'),
  'GET /api/industry/reviewers': row('coordinator', 'admin'),
  // Publication (IND-19): the coordinator's side proposes, publishes and withdraws; the company
  // answers; anyone reads the register.
  'GET /api/industry/assessments/{id}/publication': row('company', 'coordinator', 'admin'),
  'POST /api/industry/assessments/{id}/publication': row('coordinator', 'admin'),
  'POST /api/industry/assessments/{id}/publication/answer': row('company'),
  'POST /api/industry/assessments/{id}/publication/publish': row('coordinator', 'admin'),
  'POST /api/industry/assessments/{id}/publication/withdraw': row('coordinator', 'admin'),
  'GET /api/industry/register': EVERYONE,

  // Deployment settings and places (docs/national.md, NATION-1): coordinators and admins, who
  // see schools by name and class count only, never a class or a child (PRIV-20).
  'GET /api/deployment/settings': row('coordinator', 'admin'),
  'PATCH /api/deployment/settings': row('coordinator', 'admin'),
  'GET /api/deployment/changes': row('coordinator', 'admin'),
  'GET /api/deployment/places': row('coordinator', 'admin'),
  'POST /api/deployment/regions': row('coordinator', 'admin'),
  'PATCH /api/deployment/regions/{id}': row('coordinator', 'admin'),
  'POST /api/deployment/regions/{id}/districts': row('coordinator', 'admin'),
  'PATCH /api/deployment/districts/{id}': row('coordinator', 'admin'),
  'PUT /api/deployment/schools/{id}/district': row('coordinator', 'admin'),
  // National releases (docs/national.md): the programme's people; areas and aggregates only.
  'POST /api/nation/releases': row('coordinator', 'admin'),
  'GET /api/nation/releases': row('coordinator', 'admin'),
  'GET /api/nation/releases/{term}': row('coordinator', 'admin'),
  'GET /api/nation/releases/{term}/csv': row('coordinator', 'admin'),

  // School hubs (docs/deploy.md "A school hub"): a hub credential only, which no person holds
  // (a hub's own calls are tested in hub-upload.test.ts).
  'POST /api/hubs/upload': row(),
  'GET /api/hubs/records': row(),
  'POST /api/hubs/records': row(),
};

/** Operations of a school hub: a hub credential (security `hub`), never a person's. */
const HUB_OPS = new Set([
  'POST /api/hubs/upload',
  'GET /api/hubs/records',
  'POST /api/hubs/records',
]);

/** Operations of a child's device: a device credential, not a session (security `device`). */
const DEVICE_OPS = new Set(
  Object.entries(ACCESS)
    .filter(([, r]) => r.child === 'allow' && r.anonymous === 'deny')
    .map(([op]) => op),
);

const T0 = Date.UTC(2027, 2, 1, 8, 0, 0);

let content: Catalogue;
let renderer: PdfRenderer;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
  renderer = await createPdfRenderer();
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: who may call each operation`, async () => {
    const enabled = await dialect.available();
    const clock = { now: T0 };
    let testDb: TestDb;
    let app: FastifyInstance;
    let mail: Outbox;
    let people: People;
    let kit: Kit;
    const shared = new Map<Role, Signed>();
    const studioDir = mkdtempSync(join(tmpdir(), 'kite-authz-studio-'));
    mkdirSync(join(studioDir, 'packs'));
    const evidenceDir = mkdtempSync(join(tmpdir(), 'kite-authz-evidence-'));

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      mail = outbox();
      app = await createApp({
        db: testDb.db,
        now: () => clock.now,
        catalogue: content,
        pdfRenderer: renderer,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
        // The studio records into a folder of this test's own, never the repository's content.
        studio: { dir: studioDir },
        industry: { evidenceDir },
      });
      people = new People(app, mail, clock);
      await people.bootstrap();
      for (const role of ['parent', 'teacher', 'coordinator', 'admin', 'company'] as const) {
        shared.set(role, await people.make(role));
      }
      const first = (m: ReadonlyMap<string, unknown>) => [...m.keys()][0]!;
      const classes = await classFixture(shared.get('teacher')!.client, content);
      let waiting: Promise<string> | undefined;
      let industry: Promise<IndustryFixture> | undefined;
      kit = {
        waitingCompany: () => (waiting ??= waitingCompany({ people, mail })),
        industry: () => (industry ??= industryFixture(kit)),
        catalogue: content,
        people,
        mail,
        classes,
        content: {
          activityId: first(content.activities),
          challengeId: first(content.challenges),
          guideId: first(content.guides),
        },
        person: (role) => shared.get(role)!.person,
        day: () => new Date(clock.now).toISOString().slice(0, 10),
        async client(who) {
          // A new browser each time: a public call (signing in) may leave a session behind.
          if (who === 'anonymous') return people.client();
          // A child's device of its own each time too, which no public call (signing an adult
          // in) can have left a session on.
          if (who === 'child') return childDevice(kit);
          const s = shared.get(who)!;
          const now = (await s.client.get('/api/auth/session')).json();
          if (now.stage !== 'full') {
            // An idle session ended while the clock moved on: sign in again.
            shared.set(who, { person: s.person, client: await people.signIn(s.person) });
            return shared.get(who)!.client;
          }
          expect(now.user.role).toBe(who);
          return s.client;
        },
      };
    });
    afterAll(async () => {
      rmSync(studioDir, { recursive: true, force: true });
      rmSync(evidenceDir, { recursive: true, force: true });
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'has a row and a valid request for every operation of the OpenAPI document, and none for operations it lacks',
      async () => {
        const ops = await operationsOf(app);
        const documented = ops.map((o) => o.key).sort();
        expect(documented.length).toBeGreaterThan(30);
        expect(Object.keys(ACCESS).sort()).toEqual(documented);
        expect(Object.keys(CALLS).sort()).toEqual(documented);
        // The document agrees with the table: public operations say `security: []`.
        for (const op of ops) {
          const publicOp = ACCESS[op.key]!.anonymous === 'allow';
          const scheme = HUB_OPS.has(op.key)
            ? 'hub'
            : DEVICE_OPS.has(op.key)
              ? 'device'
              : 'session';
          expect(op.security, op.key).toEqual(publicOp ? [] : [{ [scheme]: [] }]);
        }
      },
    );

    for (const [op, access] of Object.entries(ACCESS)) {
      for (const who of WHO) {
        it.skipIf(!enabled)(`${op} — ${who}: ${access[who]}`, async () => {
          const allowed = access[who] === 'allow';
          const call = await CALLS[op]!(who, kit, allowed);
          const client = call.as ?? (await kit.client(who));
          // Refresh the session's idle timer first, so a refused call has nothing to write.
          await client.get('/api/auth/session');
          const before = allowed ? undefined : await snapshotDb(testDb.db);
          const res = await client.request(
            call.method,
            call.url,
            call.body ?? (call.method === 'GET' ? undefined : {}),
            call.headers,
          );
          const what = `${op} as ${who}: ${res.statusCode} ${res.body.slice(0, 300)}`;
          if (allowed) {
            expect(res.statusCode, what).toBe(call.ok ?? 200);
            if (call.okCode) expect(res.json().error.code, what).toBe(call.okCode);
            return;
          }
          // Nobody signed in, a child's device on an adult's operation, an adult on a device's
          // operation: no credential that counts there.
          if (who === 'anonymous' || who === 'child' || DEVICE_OPS.has(op) || HUB_OPS.has(op)) {
            expect(res.statusCode, what).toBe(401);
            expect(res.json().error.code, what).toBe('unauthenticated');
          } else {
            expect([403, 404], what).toContain(res.statusCode);
            expect(['forbidden', 'mfa_required', 'not_found'], what).toContain(
              res.json().error.code,
            );
          }
          expect(changedTables(before!, await snapshotDb(testDb.db)), what).toEqual([]);
        });
      }
    }

    /** Every non-public operation: its valid request sent from `client`, which must be refused. */
    async function refusedEverywhere(
      client: AccountClient,
      mayUse: readonly string[],
      status: number,
      code: string,
    ) {
      for (const [op, access] of Object.entries(ACCESS)) {
        // A device's or hub's operation takes no session at all (401 whatever the session).
        if (access.anonymous === 'allow' || DEVICE_OPS.has(op) || HUB_OPS.has(op)) continue;
        if (mayUse.includes(op)) continue;
        const call = await CALLS[op]!('teacher', kit, false);
        await client.get('/api/auth/session');
        const before = await snapshotDb(testDb.db);
        const res = await client.request(
          call.method,
          call.url,
          call.body ?? (call.method === 'GET' ? undefined : {}),
          call.headers,
        );
        expect(res.statusCode, `${op}: ${res.body}`).toBe(status);
        expect(res.json().error.code, op).toBe(code);
        expect(changedTables(before, await snapshotDb(testDb.db)), op).toEqual([]);
      }
    }

    it.skipIf(!enabled)(
      'a session that gave its password but not yet its code reaches only the code step and sign-out',
      async () => {
        const { person } = await people.make('teacher');
        const half = await people.signIn(person, { finish: false });
        expect((await half.get('/api/auth/session')).json().stage).toBe('mfa');
        await refusedEverywhere(
          half,
          ['POST /api/auth/signin/mfa', 'POST /api/auth/signout'],
          401,
          'unauthenticated',
        );
        expect((await half.post('/api/auth/signout')).statusCode).toBe(204);
      },
    );

    it.skipIf(!enabled)(
      'a session whose role requires a second factor not yet set up reaches only enrolment and sign-out',
      async () => {
        const { client } = await people.make('coordinator', { mfa: false });
        expect((await client.get('/api/auth/session')).json().stage).toBe('enrol');
        await refusedEverywhere(
          client,
          [
            'POST /api/account/mfa/setup',
            'POST /api/account/mfa/confirm',
            // Reached, and answered 400: no second step is waiting.
            'POST /api/auth/signin/mfa',
            'POST /api/auth/signout',
          ],
          403,
          'mfa_required',
        );
        expect((await client.post('/api/auth/signin/mfa', { code: '123456' })).statusCode).toBe(
          400,
        );
        expect((await client.post('/api/auth/signout')).statusCode).toBe(204);
      },
    );

    // ---- cross-tenant: one person acting on another's things -------------------------------
    // The classes issue adds children: parent A on parent B's child and teacher A on teacher
    // B's class join here.

    /** Sends the request and checks it is refused with one of `statuses` and nothing changed. */
    async function refused(
      client: AccountClient,
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      body: unknown,
      statuses: readonly number[],
      headers?: Record<string, string>,
    ) {
      await client.get('/api/auth/session');
      const before = await snapshotDb(testDb.db);
      const res = await client.request(method, url, body, headers);
      expect(statuses, `${method} ${url}: ${res.body}`).toContain(res.statusCode);
      expect(changedTables(before, await snapshotDb(testDb.db)), url).toEqual([]);
      return res;
    }

    for (const role of ['parent', 'teacher', 'company', 'coordinator'] as const) {
      it.skipIf(!enabled)(`a ${role} cannot end another ${role}'s session`, async () => {
        const a = await kit.client(role);
        const b = await people.make(role);
        const theirs = (await b.client.get('/api/account/sessions')).json().sessions as {
          id: string;
        }[];
        expect(theirs).toHaveLength(1);
        const res = await refused(a, 'DELETE', `/api/account/sessions/${theirs[0]!.id}`, {}, [404]);
        expect(res.json().error.code).toBe('not_found');
        expect((await b.client.get('/api/account')).statusCode).toBe(200);
        // Neither list nor export shows the other person's sessions or account.
        const mine = (await a.get('/api/account/sessions')).json().sessions as { id: string }[];
        expect(mine.map((s) => s.id)).not.toContain(theirs[0]!.id);
        const exported = (await a.get('/api/account/export')).body;
        expect(exported).not.toContain(b.person.id);
        expect(exported).not.toContain(b.person.email);
        expect(exported).not.toContain(theirs[0]!.id);
      });
    }

    it.skipIf(!enabled)(
      'a coordinator sees, approves and invites companies only, and cannot switch accounts off or change roles',
      async () => {
        const co = await kit.client('coordinator');
        // An account waiting for its email to be confirmed: approvable by an admin, not by a
        // coordinator unless it is a company.
        const email = 'unverified.teacher@example.org';
        const up = await people.client().post('/api/auth/signup', {
          email,
          displayName: 'Unverified Teacher',
          password: newPassword(),
          role: 'teacher',
        });
        expect(up.statusCode).toBe(201);
        const admin = await people.admin();
        const all = (await admin.get('/api/admin/users')).json().users as {
          id: string;
          email: string;
          role: Role;
        }[];
        const teacherId = all.find((u) => u.email === email)!.id;
        const listed = (await co.get('/api/admin/users')).json().users as { role: Role }[];
        expect(listed.length).toBeGreaterThan(0);
        expect(new Set(listed.map((u) => u.role))).toEqual(new Set(['company']));
        expect((await co.get('/api/admin/users?role=teacher')).json().users).toEqual([]);
        const others = [
          teacherId,
          kit.person('parent').id,
          kit.person('teacher').id,
          kit.person('admin').id,
          people.operators.admin.id,
        ];
        for (const id of others) {
          await refused(co, 'POST', `/api/admin/users/${id}/approve`, {}, [404]);
        }
        const company = kit.person('company').id;
        for (const id of [...others, company]) {
          await refused(co, 'POST', `/api/admin/users/${id}/disable`, {}, [403]);
          await refused(co, 'POST', `/api/admin/users/${id}/role`, { role: 'admin' }, [403]);
        }
        for (const r of ['admin', 'coordinator', 'teacher', 'parent'] as const) {
          await refused(
            co,
            'POST',
            '/api/admin/invites',
            { email: `not.for.coordinators.${r}@example.org`, role: r },
            [403],
          );
        }
      },
    );

    it.skipIf(!enabled)(
      "a company never sees another company's services, assessments, answers, documents or internal notes; documents only for the owner and the assigned reviewer",
      async () => {
        const f = await kit.industry();
        const owner = await kit.client('company');
        const other = (await people.make('company')).client;
        const a = `/api/industry/assessments/${f.assessmentId}`;
        // Lists: nothing of the other company's.
        const services = (await other.get('/api/industry/services')).body;
        expect(services).not.toContain(f.serviceId);
        const listed = (await other.get('/api/industry/assessments')).body;
        for (const id of [f.assessmentId, f.acceptedId, f.resubmittedId])
          expect(listed).not.toContain(id);
        // Every way in: not found, nothing changed.
        const pdf = await smallPdf();
        const attempts: [
          Parameters<typeof refused>[1],
          string,
          unknown,
          Record<string, string>?,
        ][] = [
          ['GET', a, undefined],
          ['PATCH', `/api/industry/services/${f.serviceId}`, { name: 'Mine now' }],
          ['POST', '/api/industry/assessments', { serviceId: f.serviceId, framework: FRAMEWORK }],
          ['POST', '/api/industry/assessments', { previousId: f.acceptedId }],
          ['PUT', `${a}/answers/policy`, { level: 0 }],
          ['PUT', `${a}/actions/policy`, { owner: 'Us', due: '2027-06-30', status: 'open' }],
          ['POST', `${a}/transitions`, { to: 'responded' }],
          ['POST', `${a}/transitions`, { to: 'withdrawn' }],
          ['POST', `${a}/comments`, { question: 'policy', body: 'Hello', visibility: 'company' }],
          ['POST', `/api/industry/comments/${f.commentId}/resolve`, {}],
          [
            'POST',
            `/api/industry/deadlines/${f.deadlineId}/extensions`,
            { reason: 'x', newDue: '2030-03-01' },
          ],
          ['POST', `${a}/evidence/policy`, pdf, { 'content-type': 'application/pdf' }],
          ['GET', `/api/industry/evidence/${f.evidenceId}`, undefined],
          ['DELETE', `/api/industry/evidence/${f.evidenceId}`, {}],
          ['GET', `${a}/report.pdf`, undefined],
          ['GET', `${a}/report.csv`, undefined],
          ['GET', `/api/industry/assessments/${f.resubmittedId}/changes`, undefined],
        ];
        for (const [method, url, body, headers] of attempts) {
          const res = await refused(other, method, url, body, [404], headers);
          expect(res.json().error.code, `${method} ${url}`).toBe('not_found');
        }
        // An internal note of the coordinator reaches no company, not even the owner.
        const coordinator = await kit.client('coordinator');
        const note = await coordinator.post(`${a}/comments`, {
          question: 'policy',
          body: 'Internal: compare with last year',
          visibility: 'internal',
        });
        expect(note.statusCode, note.body).toBe(201);
        const seen = await owner.get(a);
        expect(seen.statusCode).toBe(200);
        expect(seen.body).not.toContain(note.json().comment.id);
        expect(seen.body).not.toContain('compare with last year');
        expect((await coordinator.get(a)).body).toContain(note.json().comment.id);
        // The document: its company and the assigned reviewer; another coordinator and an
        // admin are refused (and nothing is logged for them).
        const doc = `/api/industry/evidence/${f.evidenceId}`;
        expect((await owner.get(doc)).statusCode).toBe(200);
        expect((await coordinator.get(doc)).statusCode).toBe(200);
        const second = (await people.make('coordinator')).client;
        expect((await refused(second, 'GET', doc, undefined, [403])).json().error.code).toBe(
          'forbidden',
        );
        await refused(await kit.client('admin'), 'GET', doc, undefined, [403]);
        // A coordinator sees no draft: not even that it exists.
        const draft = await owner.post('/api/industry/assessments', {
          serviceId: f.serviceId,
          framework: FRAMEWORK,
        });
        expect(draft.statusCode).toBe(201);
        const up = await upload(owner, draft.json().assessment.id, 'policy', pdf);
        expect(up.statusCode).toBe(201);
        await refused(
          coordinator,
          'GET',
          `/api/industry/assessments/${draft.json().assessment.id}`,
          undefined,
          [404],
        );
        await refused(
          coordinator,
          'GET',
          `/api/industry/evidence/${up.json().evidence.id}`,
          undefined,
          [404],
        );
      },
    );

    it.skipIf(!enabled)(
      'an admin cannot switch themselves off or change their own role; unknown accounts are not found',
      async () => {
        const admin = await kit.client('admin');
        const me = kit.person('admin').id;
        await refused(admin, 'POST', `/api/admin/users/${me}/disable`, {}, [403]);
        await refused(admin, 'POST', `/api/admin/users/${me}/role`, { role: 'parent' }, [403]);
        for (const path of ['approve', 'disable']) {
          await refused(admin, 'POST', `/api/admin/users/no-such-account/${path}`, {}, [404]);
        }
        await refused(
          admin,
          'POST',
          '/api/admin/users/no-such-account/role',
          { role: 'parent' },
          [404],
        );
      },
    );

    it.skipIf(!enabled)(
      'a session cookie copied to another browser acts only as its owner, and stops at sign-out',
      async () => {
        const parent = await people.make('parent');
        const token = parent.client.cookies.get('kite_session')!;
        // A browser holding the parent's cookie but another browser's CSRF pair.
        const stranger = people.client();
        await stranger.csrfToken();
        stranger.cookies.set('kite_session', token);
        expect((await stranger.get('/api/account')).json().id).toBe(parent.person.id);
        await refused(stranger, 'GET', '/api/admin/users', undefined, [403]);
        // After sign-out the cookie is worth nothing.
        expect((await parent.client.post('/api/auth/signout')).statusCode).toBe(204);
        await refused(stranger, 'GET', '/api/account', undefined, [401]);
        await refused(
          stranger,
          'POST',
          '/api/account/delete',
          { password: parent.person.password },
          [401],
        );
      },
    );
  });
}
