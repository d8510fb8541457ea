// The industry self-assessment and the dialogue between companies and the coordinator (issue
// #16, docs/industry.md), through the HTTP API on every dialect, with real accounts, real
// documents, the real PDF renderer and the jobs run on the injected clock.
import { execFileSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { shippedContent } from '../helpers/content';
import { ASSESSMENT_STATES, transitionProblem, translatorFor } from '../../src/engine';
import type { AssessmentState, Catalogue, LocaleCode } from '../../src/engine';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { createApp } from '../../src/server/app';
import { createJobRunner } from '../../src/server/jobs/runner';
import { evidenceDirOf, kiteJobs } from '../../src/server/jobs/jobs';
import { PURGE_JOB } from '../../src/server/jobs/purge';
import { isAppPath } from '../../src/engine';
import { REMINDERS_JOB, reminderPage } from '../../src/server/jobs/reminders';
import { DEFAULT_RETENTION } from '../../src/server/config/config';
import { createPdfRenderer } from '../../src/server/pdf/renderer';
import type { PdfRenderer } from '../../src/server/pdf/renderer';
import { outbox } from '../helpers/account-client';
import type { AccountClient, Outbox } from '../helpers/account-client';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { People } from '../helpers/people';
import type { Clock } from '../helpers/people';
import {
  FRAMEWORK,
  PNG,
  answerAll,
  move,
  newDraft,
  newService,
  readyDraft,
  smallDocx,
  smallPdf,
  submitted,
  upload,
} from '../helpers/industry';

const T0 = Date.UTC(2027, 0, 11, 9, 0, 0);
const DAY = 86_400_000;
const MAX_BYTES = 200 * 1024;
let content: Catalogue;
let renderer: PdfRenderer;

beforeAll(async () => {
  content = (await shippedContent()).catalogue;
  renderer = await createPdfRenderer();
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: industry self-assessment and the dialogue`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let app: FastifyInstance;
    let people: People;
    let mail: Outbox;
    const clock: Clock = { now: T0 };
    const dataDir = mkdtempSync(join(tmpdir(), 'kite-industry-'));
    const evidenceDir = evidenceDirOf(dataDir);
    let company: AccountClient;
    let coordinator: AccountClient;

    const get = async (c: AccountClient, id: string) => {
      const res = await c.get(`/api/industry/assessments/${id}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json().assessment;
    };
    const audit = (event: string) =>
      testDb.db.kysely
        .selectFrom('kite_audit')
        .selectAll()
        .where('event', '=', event)
        .orderBy('at')
        .execute();
    /** An audit row's detail: JSON text on SQLite, an object on PostgreSQL. */
    const detailOf = (r: { detail: unknown }) =>
      (typeof r.detail === 'string' ? JSON.parse(r.detail) : r.detail) as Record<string, unknown>;
    const idOf = async (c: AccountClient) => (await c.get('/api/account')).json().id as string;

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      mail = outbox();
      app = await createApp({
        db: testDb.db,
        now: () => clock.now,
        catalogue: content,
        pdfRenderer: renderer,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer, now: () => clock.now },
        industry: { evidenceDir, evidenceMaxBytes: MAX_BYTES },
      });
      people = new People(app, mail, clock);
      await people.bootstrap();
      company = (await people.make('company')).client;
      coordinator = (await people.make('coordinator')).client;
    });
    afterAll(async () => {
      rmSync(dataDir, { recursive: true, force: true });
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'the service profile switches questions on and off: without user content, no user-content question blocks submitting',
      async () => {
        const plain = await newDraft(company, await newService(company, [], 'Plain News'));
        const ugc = await newDraft(company, await newService(company, ['user-content'], 'Clips'));
        const blocked = async (id: string) =>
          ((await get(company, id)).blockers as { question: string }[]).map((b) => b.question);
        expect(await blocked(plain)).not.toContain('takedown');
        expect(await blocked(plain)).not.toContain('detection');
        expect(await blocked(ugc)).toContain('takedown');
        expect(await blocked(ugc)).toContain('detection');
        // Not asked of this service: its answer is refused.
        const res = await company.request(
          'PUT',
          `/api/industry/assessments/${plain}/answers/takedown`,
          { level: 3 },
        );
        expect(res.statusCode).toBe(400);
        expect(res.json().error.code).toBe('unknown_question');
        // The framework in Khmer: English where a text is not translated, never an empty one.
        const f = await company.get(`/api/industry/frameworks/${FRAMEWORK}?lang=km`);
        expect(f.statusCode, f.body).toBe(200);
        expect(f.json().framework.questions.length).toBe(33);
        expect(f.json().framework.questions.every((q: { text: string }) => q.text !== '')).toBe(
          true,
        );
        // The service changes; the draft keeps the profile it was made with.
        const services = (await company.get('/api/industry/services')).json().services;
        const plainService = services.find((s: { name: string }) => s.name === 'Plain News');
        const patched = await company.patch(`/api/industry/services/${plainService.id}`, {
          features: ['user-content'],
        });
        expect(patched.json().service.features).toEqual(['user-content']);
        expect(await blocked(plain)).not.toContain('takedown');
      },
    );

    it.skipIf(!enabled)(
      'N/A without a reason is refused, a level off the scale too; a new answer is confidential',
      async () => {
        const id = await newDraft(company, await newService(company));
        const url = `/api/industry/assessments/${id}/answers/policy`;
        for (const [body, code] of [
          [{ level: 'na' }, 'na_without_reason'],
          [{ level: 'na', reason: '   ' }, 'na_without_reason'],
          [{ level: 5 }, 'not_on_scale'],
          [{ level: '3' }, 'not_on_scale'],
        ] as const) {
          const res = await company.request('PUT', url, body);
          expect(res.statusCode, JSON.stringify(body)).toBe(400);
          expect(res.json().error.code, JSON.stringify(body)).toBe(code);
        }
        expect((await get(company, id)).answers).toEqual({});
        const ok = await company.request('PUT', url, { level: 2, narrative: 'Draft policy.' });
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json().assessment.answers.policy).toMatchObject({
          level: 2,
          narrative: 'Draft policy.',
          confidentiality: 'confidential',
        });
        const na = await company.request('PUT', url, { level: 'na', reason: 'No board yet' });
        expect(na.json().assessment.answers.policy).toMatchObject({
          level: 'na',
          reason: 'No board yet',
          confidentiality: 'confidential',
        });
        const before = (await audit('industry.confidentiality_changed')).length;
        await company.request('PUT', url, { level: 3, confidentiality: 'public' });
        const changed = await audit('industry.confidentiality_changed');
        expect(changed.length).toBe(before + 1);
        expect(changed.at(-1)).toMatchObject({ subject_id: id, actor_id: await idOf(company) });
      },
    );

    it.skipIf(!enabled)(
      'submitting is blocked until each document question has a document (409 with the list)',
      async () => {
        const id = await newDraft(company, await newService(company));
        await answerAll(company, content, id, [], { withDocs: ['policy', 'accountable'] });
        // answerAll attached documents; take them away again.
        const view = await get(company, id);
        for (const e of [...view.evidence.policy, ...view.evidence.accountable])
          expect((await company.del(`/api/industry/evidence/${e.id}`)).statusCode).toBe(204);
        const blocked = await move(company, id, { to: 'submitted' }, 409);
        expect(blocked.json().error.code).toBe('submission_blocked');
        expect(blocked.json().blockers).toEqual([
          { question: 'policy', code: 'evidence-missing' },
          { question: 'accountable', code: 'evidence-missing' },
        ]);
        expect((await get(company, id)).state).toBe('draft');
        for (const q of ['policy', 'accountable'])
          expect((await upload(company, id, q, await smallPdf())).statusCode).toBe(201);
        await move(company, id, { to: 'submitted' });
        expect((await get(company, id)).state).toBe('submitted');
      },
    );

    it.skipIf(!enabled)(
      'evidence is checked by its bytes: an image is refused whatever it is called, a real PDF and a DOCX are kept outside the web root',
      async () => {
        const id = await newDraft(company, await newService(company));
        const refused = [
          [PNG, 'application/pdf', 'scan.pdf', 'evidence_image_refused'],
          [PNG, 'image/png', 'screenshot.png', 'evidence_image_refused'],
          [
            Buffer.from('GIF89a....'),
            'application/octet-stream',
            'x.doc',
            'evidence_image_refused',
          ],
          [Buffer.from('just some text'), 'application/pdf', 'notes.pdf', 'evidence_type_refused'],
          [Buffer.from('<html><script>'), 'application/msword', 'a.doc', 'evidence_type_refused'],
        ] as const;
        for (const [bytes, type, name, code] of refused) {
          const res = await upload(company, id, 'policy', bytes, type, name);
          expect(res.statusCode, name).toBe(415);
          expect(res.json().error.code, name).toBe(code);
        }
        const tooBig = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(MAX_BYTES)]);
        const big = await upload(company, id, 'policy', tooBig);
        expect(big.statusCode).toBe(413);
        expect(big.json().error.code).toBe('payload_too_large');
        const text = await app.inject({ method: 'GET', url: '/api/health' });
        expect(text.statusCode).toBe(200);
        expect((await get(company, id)).evidence).toEqual({});

        const pdf = await smallPdf();
        const a = await upload(company, id, 'policy', pdf, 'application/pdf', 'Policy 2027.pdf');
        expect(a.statusCode, a.body).toBe(201);
        expect(a.json().evidence).toMatchObject({
          fileName: 'Policy 2027.pdf',
          mediaType: 'application/pdf',
          bytes: pdf.length,
        });
        const docx = smallDocx();
        // Sent as octet-stream and named .bin: the bytes say it is a Word document.
        const b = await upload(company, id, 'policy', docx, 'application/octet-stream', 'x.bin');
        expect(b.statusCode, b.body).toBe(201);
        expect(b.json().evidence.mediaType).toBe(
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        );
        expect(b.json().evidence.fileName).toBe('x.docx');
        // The bytes are a file under the data folder, not in the database.
        const stored = join(evidenceDir, a.json().evidence.id);
        expect(readFileSync(stored).equals(pdf)).toBe(true);
        const row = await testDb.db.kysely
          .selectFrom('kite_industry_evidence')
          .selectAll()
          .where('id', '=', a.json().evidence.id)
          .executeTakeFirstOrThrow();
        expect(row.sha256).toBe(createHash('sha256').update(pdf).digest('hex'));
        const back = await company.get(`/api/industry/evidence/${a.json().evidence.id}`);
        expect(back.statusCode).toBe(200);
        expect(back.rawPayload.equals(pdf)).toBe(true);
        expect(back.headers['content-type']).toBe('application/pdf');
        expect(back.headers['x-content-type-options']).toBe('nosniff');
        expect(back.headers['content-disposition']).toMatch(
          /^attachment; filename="Policy_2027.pdf"/,
        );
        // A draft's document can be removed: the file goes with its row.
        expect(
          (await company.del(`/api/industry/evidence/${a.json().evidence.id}`)).statusCode,
        ).toBe(204);
        expect(existsSync(stored)).toBe(false);
      },
    );

    it.skipIf(!enabled)(
      'every move the workflow does not have is refused with its code, and changes nothing',
      async () => {
        const draft = (await readyDraft(company, content)).id;
        const expected = (
          from: AssessmentState,
          to: AssessmentState,
          side: 'company' | 'coordinator',
        ) => {
          const p = transitionProblem(from, to, side);
          return p === 'transition-not-allowed'
            ? [409, 'transition_not_allowed']
            : [403, 'not_yours'];
        };
        for (const to of ASSESSMENT_STATES) {
          if (to === 'submitted' || to === 'withdrawn') continue;
          const res = await move(
            company,
            draft,
            { to, feedbackLetter: 'x', question: 'policy', message: 'x' },
            expected('draft', to, 'company')[0] as number,
          );
          expect(res.json().error.code, `draft → ${to}`).toBe(expected('draft', to, 'company')[1]);
        }
        expect((await get(company, draft)).state).toBe('draft');
        // The coordinator does not see a draft at all.
        expect(
          (
            await coordinator.post(`/api/industry/assessments/${draft}/transitions`, {
              to: 'in-review',
            })
          ).statusCode,
        ).toBe(404);
        await move(company, draft, { to: 'submitted' });
        for (const to of ASSESSMENT_STATES) {
          if (to === 'in-review') continue;
          const [status, code] = expected('submitted', to, 'coordinator');
          const res = await move(
            coordinator,
            draft,
            { to, feedbackLetter: 'x', question: 'policy', message: 'x' },
            status as number,
          );
          expect(res.json().error.code, `submitted → ${to}`).toBe(code);
        }
        expect((await get(company, draft)).state).toBe('submitted');
        expect((await get(coordinator, draft)).next).toEqual(['in-review']);
        expect((await get(company, draft)).next).toEqual(['withdrawn']);
      },
    );

    /** A submitted assessment taken into review by the coordinator; its id. */
    const inReview = async () => {
      const id = await submitted(company, content);
      await move(coordinator, id, { to: 'in-review' });
      return id;
    };

    it.skipIf(!enabled)(
      'a clarification names a question and says what is asked; the company answers it within its deadline',
      async () => {
        const id = await inReview();
        for (const body of [
          { to: 'clarification-requested' },
          { to: 'clarification-requested', question: 'policy' },
          { to: 'clarification-requested', message: 'Which board approved it?' },
          { to: 'clarification-requested', question: 'policy', message: '   ' },
        ]) {
          const res = await move(coordinator, id, body, 400);
          expect(res.json().error.code).toBe('clarification_needs_question');
        }
        const off = await move(
          coordinator,
          id,
          { to: 'clarification-requested', question: 'takedown', message: 'How fast?' },
          400,
        );
        expect(off.json().error.code).toBe('unknown_question');
        expect((await get(coordinator, id)).state).toBe('in-review');
        await move(coordinator, id, {
          to: 'clarification-requested',
          question: 'policy',
          message: 'Which board approved it?',
        });
        const seen = await get(company, id);
        expect(seen.state).toBe('clarification-requested');
        expect(seen.comments).toMatchObject([
          {
            question: 'policy',
            author: 'coordinator',
            visibility: 'company',
            body: 'Which board approved it?',
          },
        ]);
        const clar = seen.deadlines.find((d: { kind: string }) => d.kind === 'clarification');
        // 20 working days from Monday 11 January 2027: Monday 8 February.
        expect(clar).toMatchObject({
          question: 'policy',
          dueAt: '2027-02-08T09:00:00.000Z',
          overdue: false,
          metAt: null,
        });
        // Only the question asked about may change now.
        const other = await company.request(
          'PUT',
          `/api/industry/assessments/${id}/answers/staff`,
          { level: 4 },
        );
        expect(other.statusCode).toBe(409);
        expect(other.json().error.code).toBe('not_editable');
        const asked = await company.request(
          'PUT',
          `/api/industry/assessments/${id}/answers/policy`,
          { level: 4, narrative: 'The board, on 3 March.' },
        );
        expect(asked.statusCode, asked.body).toBe(200);
        await move(company, id, { to: 'responded' });
        const after = await get(company, id);
        expect(
          after.deadlines.find((d: { kind: string }) => d.kind === 'clarification').metAt,
        ).not.toBeNull();
      },
    );

    it.skipIf(!enabled)(
      'internal notes never reach the company; a company cannot write one',
      async () => {
        const id = await inReview();
        const note = await coordinator.post(`/api/industry/assessments/${id}/comments`, {
          question: 'policy',
          body: 'INTERNAL: looks copied from another company',
          visibility: 'internal',
        });
        expect(note.statusCode, note.body).toBe(201);
        const open = await coordinator.post(`/api/industry/assessments/${id}/comments`, {
          question: 'policy',
          body: 'Thank you for the policy.',
          visibility: 'company',
        });
        expect(open.statusCode).toBe(201);
        const reply = await company.post(`/api/industry/assessments/${id}/comments`, {
          question: 'policy',
          body: 'You are welcome.',
          visibility: 'company',
          parentId: open.json().comment.id,
        });
        expect(reply.statusCode, reply.body).toBe(201);
        expect(reply.json().comment.author).toBe('company');
        const mine = await company.get(`/api/industry/assessments/${id}`);
        expect(mine.body).not.toContain('INTERNAL');
        expect(mine.body).not.toContain(note.json().comment.id);
        expect(mine.json().assessment.comments).toHaveLength(2);
        expect((await get(coordinator, id)).comments).toHaveLength(3);
        for (const body of [
          { question: 'policy', body: 'sneaky', visibility: 'internal' },
          {
            question: 'policy',
            body: 'sneaky',
            visibility: 'company',
            parentId: note.json().comment.id,
          },
        ]) {
          const res = await company.post(`/api/industry/assessments/${id}/comments`, body);
          expect([403, 404]).toContain(res.statusCode);
        }
        expect(
          (await company.post(`/api/industry/comments/${note.json().comment.id}/resolve`))
            .statusCode,
        ).toBe(404);
        const resolved = await company.post(
          `/api/industry/comments/${open.json().comment.id}/resolve`,
        );
        expect(resolved.statusCode).toBe(200);
        for (const path of ['report.csv', 'report.pdf'])
          expect((await company.get(`/api/industry/assessments/${id}/${path}`)).body).not.toContain(
            'INTERNAL',
          );
      },
    );

    it.skipIf(!enabled)(
      'reminders go 14 days and 3 days before a clarification is due, and once when it is overdue (the job on the injected clock)',
      async () => {
        const id = await inReview();
        const due = Date.UTC(2027, 5, 30, 12, 0, 0);
        await move(coordinator, id, {
          to: 'clarification-requested',
          question: 'policy',
          message: 'Please attach the board minutes.',
          dueAt: new Date(due).toISOString(),
        });
        const me = (await company.get('/api/account')).json().email as string;
        const runner = createJobRunner({
          db: testDb.db,
          jobs: kiteJobs({ retention: DEFAULT_RETENTION }, mail.mailer),
        });
        const remindersTo = () =>
          mail.mails.filter(
            (m) => m.includes(`To: ${me}\n`) && m.includes(`/account/industry/assessments/${id}\n`),
          );
        const run = async (at: number) => {
          const r = await runner.runNow(REMINDERS_JOB, at);
          expect(r).not.toBe('busy');
          expect((r as { outcome: string }).outcome).toBe('ok');
        };
        await run(due - 15 * DAY);
        expect(remindersTo()).toHaveLength(0);
        await run(due - 14 * DAY + 60_000);
        expect(remindersTo()).toHaveLength(1);
        expect(remindersTo()[0]).toContain('2027-06-30 (14 days from now)');
        await run(due - 10 * DAY);
        expect(remindersTo()).toHaveLength(1);
        await run(due - 3 * DAY + 60_000);
        expect(remindersTo()).toHaveLength(2);
        expect(remindersTo()[1]).toContain('(3 days from now)');
        await run(due - DAY);
        expect(remindersTo()).toHaveLength(2);
        await run(due + 60_000);
        expect(remindersTo()).toHaveLength(3);
        expect(remindersTo()[2]).toMatch(/Subject: A deadline for .* has passed/);
        await run(due + 5 * DAY);
        expect(remindersTo()).toHaveLength(3);
        // Each link is a page of the web app: the company's assessment, the reviewer's review.
        for (const kind of ['clarification', 'review'] as const)
          expect(isAppPath(new URL(reminderPage('https://kite.example', kind, id)).pathname)).toBe(
            true,
          );
        // The job marked it; the assessment shows it overdue (its deadline is in the past).
        const row = await testDb.db.kysely
          .selectFrom('kite_industry_deadline')
          .selectAll()
          .where('assessment_id', '=', id)
          .where('kind', '=', 'clarification')
          .executeTakeFirstOrThrow();
        expect(row.overdue_at).not.toBeNull();
        expect(row.reminded_14_at).not.toBeNull();
        expect(row.reminded_3_at).not.toBeNull();
        await runner.stop();
      },
    );

    it.skipIf(!enabled)(
      'an extension is asked with a reason and granted or refused; both are in the audit log with who and why',
      async () => {
        const id = await inReview();
        await move(coordinator, id, {
          to: 'clarification-requested',
          question: 'policy',
          message: 'Minutes?',
        });
        const d = (await get(company, id)).deadlines.find(
          (x: { kind: string }) => x.kind === 'clarification',
        );
        const review = (await get(company, id)).deadlines.find(
          (x: { kind: string }) => x.kind === 'review',
        );
        const notOurs = await company.post(`/api/industry/deadlines/${review.id}/extensions`, {
          reason: 'We would like the review later',
          newDue: '2027-06-30',
        });
        expect(notOurs.statusCode).toBe(400);
        const early = await company.post(`/api/industry/deadlines/${d.id}/extensions`, {
          reason: 'Board meets in March',
          newDue: '2027-01-20',
        });
        expect(early.statusCode).toBe(400);
        const asked = await company.post(`/api/industry/deadlines/${d.id}/extensions`, {
          reason: 'Board meets in March',
          newDue: '2027-03-31',
        });
        expect(asked.statusCode, asked.body).toBe(201);
        const x = asked.json().extension;
        expect(x).toMatchObject({ decision: 'pending', newDue: '2027-03-31T23:59:59.000Z' });
        expect(
          (await company.post(`/api/industry/extensions/${x.id}/decision`, { decision: 'granted' }))
            .statusCode,
        ).toBe(403);
        const granted = await coordinator.post(`/api/industry/extensions/${x.id}/decision`, {
          decision: 'granted',
        });
        expect(granted.statusCode, granted.body).toBe(200);
        const again = await coordinator.post(`/api/industry/extensions/${x.id}/decision`, {
          decision: 'refused',
        });
        expect(again.statusCode).toBe(409);
        expect(again.json().error.code).toBe('already_decided');
        const moved = (await get(company, id)).deadlines.find((y: { id: string }) => y.id === d.id);
        expect(moved.dueAt).toBe('2027-03-31T23:59:59.000Z');
        expect(moved.extensions).toMatchObject([
          { id: x.id, reason: 'Board meets in March', decision: 'granted' },
        ]);
        const requested = (await audit('industry.extension_requested')).at(-1)!;
        expect(requested).toMatchObject({
          actor_id: await idOf(company),
          subject_id: id,
          outcome: 'ok',
        });
        expect(detailOf(requested)).toMatchObject({
          reason: 'Board meets in March',
          extension: x.id,
        });
        const decided = (await audit('industry.extension_decided')).at(-1)!;
        expect(decided).toMatchObject({ actor_id: await idOf(coordinator), subject_id: id });
        expect(detailOf(decided)).toMatchObject({
          decision: 'granted',
          reason: 'Board meets in March',
        });
      },
    );

    it.skipIf(!enabled)(
      'state changes, exports and evidence views are in the audit log with the actor, the time and the object',
      async () => {
        clock.now += 60_000;
        const at = new Date(clock.now).toISOString();
        const id = await inReview();
        const changes = (await audit('industry.state_changed')).filter((r) => r.subject_id === id);
        expect(changes.map(detailOf)).toEqual([
          { from: 'draft', to: 'submitted' },
          { from: 'submitted', to: 'in-review' },
        ]);
        expect(changes.map((r) => r.actor_id)).toEqual([
          await idOf(company),
          await idOf(coordinator),
        ]);
        expect(new Date(changes[0]!.at).toISOString()).toBe(at);
        const view = await get(coordinator, id);
        const doc = view.evidence.policy[0].id as string;
        // The reviewer opens the document; another coordinator and an admin may not.
        expect((await coordinator.get(`/api/industry/evidence/${doc}`)).statusCode).toBe(200);
        const other = (await people.make('coordinator')).client;
        expect((await other.get(`/api/industry/evidence/${doc}`)).statusCode).toBe(403);
        expect((await (await people.admin()).get(`/api/industry/evidence/${doc}`)).statusCode).toBe(
          403,
        );
        const viewed = (await audit('industry.evidence_viewed')).filter(
          (r) => r.subject_id === doc,
        );
        expect(viewed).toHaveLength(1);
        expect(viewed[0]).toMatchObject({ actor_id: await idOf(coordinator), outcome: 'ok' });
        const csv = await coordinator.get(`/api/industry/assessments/${id}/report.csv`);
        expect(csv.statusCode).toBe(200);
        const pdf = await company.get(`/api/industry/assessments/${id}/report.pdf?lang=km`);
        expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
        expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        const exported = (await audit('industry.exported')).filter((r) => r.subject_id === id);
        expect(exported.map((r) => [r.actor_id, detailOf(r).format])).toEqual([
          [await idOf(coordinator), 'csv'],
          [await idOf(company), 'pdf'],
        ]);
      },
    );

    it.skipIf(!enabled)(
      "a report asked for in Khmer prints the framework's Khmer (Khmer font), the CSV too; English stays English",
      async () => {
        const { id } = await readyDraft(company, content);
        const framework = content.industry!.get(FRAMEWORK)!;
        // A question asked of every service, answered below its target: a gap, so its text,
        // and its recommendation, are printed.
        const gap = framework.questions.find((q) => !q.appliesIf && q.evidence === 'none')!;
        const res = await company.request(
          'PUT',
          `/api/industry/assessments/${id}/answers/${gap.id}`,
          { level: 1 },
        );
        expect(res.statusCode, res.body).toBe(200);
        const km = translatorFor(content, 'km' as LocaleCode);
        const khmer = [
          framework.title!,
          framework.sections[0]!.title,
          gap.text,
          gap.recommendation.text,
        ];
        for (const t of khmer) expect(km(t), t.id).toMatch(/[\u1780-\u17FF]/);
        const squash = (s: string) => s.replace(/\s+/g, '');
        const printed = async (lang: string) => {
          const pdf = await company.get(`/api/industry/assessments/${id}/report.pdf?lang=${lang}`);
          expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
          const file = join(dataDir, `report-${randomUUID()}.pdf`);
          writeFileSync(file, pdf.rawPayload);
          return {
            text: squash(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })),
            fonts: execFileSync('pdffonts', [file], { encoding: 'utf8' }),
          };
        };
        const inKhmer = await printed('km');
        expect(inKhmer.fonts).toMatch(/NotoSansKhmer/);
        // Khmer wraps inside words, so the text is compared without its spaces and breaks.
        for (const t of khmer) expect(inKhmer.text, t.id).toContain(squash(km(t)));
        expect(inKhmer.text).not.toContain(squash(gap.text.text));
        const inEnglish = await printed('en');
        expect(inEnglish.text).toContain(squash(gap.text.text));
        expect(inEnglish.text).not.toContain(squash(km(gap.text)));
        const csv = await company.get(`/api/industry/assessments/${id}/report.csv?lang=km`);
        expect(csv.statusCode).toBe(200);
        for (const q of [gap.text, gap.recommendation.text, framework.sections[0]!.title])
          expect(csv.body, q.id).toContain(km(q));
        expect(csv.body).not.toContain(gap.text.text);
        // The pages' framework, asked for in Khmer, is the same Khmer.
        const page = (await company.get(`/api/industry/frameworks/${FRAMEWORK}?lang=km`)).json()
          .framework as { title: string; questions: { id: string; text: string }[] };
        expect(page.title).toBe(km(framework.title!));
        expect(page.questions.find((q) => q.id === gap.id)!.text).toBe(km(gap.text));
      },
    );

    it.skipIf(!enabled)(
      'accepting needs a feedback letter; a resubmission copies the answers, links the previous version and shows its changes',
      async () => {
        const id = await inReview();
        const early = await company.post('/api/industry/assessments', { previousId: id });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.code).toBe('previous_not_final');
        const bare = await move(coordinator, id, { to: 'accepted' }, 400);
        expect(bare.json().error.code).toBe('feedback_letter_required');
        await move(coordinator, id, {
          to: 'accepted',
          feedbackLetter: 'Thank you. Please improve age assurance.',
        });
        const accepted = await get(company, id);
        expect(accepted.feedbackLetter).toBe('Thank you. Please improve age assurance.');
        const again = await company.post('/api/industry/assessments', { previousId: id });
        expect(again.statusCode, again.body).toBe(201);
        const next = again.json().assessment;
        expect(next).toMatchObject({ state: 'draft', previousId: id });
        expect(next.answers).toEqual(
          Object.fromEntries(
            Object.entries(accepted.answers as Record<string, Record<string, unknown>>).map(
              ([q, a]) => [q, { ...a, updatedAt: expect.any(String) }],
            ),
          ),
        );
        expect(next.evidence.policy).toHaveLength(1);
        expect(next.evidence.policy[0].id).not.toBe(accepted.evidence.policy[0].id);
        expect(next.blockers).toEqual([]);
        const res = await company.request(
          'PUT',
          `/api/industry/assessments/${next.id}/answers/age`,
          { level: 'na', reason: 'No accounts' },
        );
        expect(res.statusCode).toBe(200);
        await company.request('PUT', `/api/industry/assessments/${next.id}/answers/features`, {
          level: 1,
        });
        const changes = await company.get(`/api/industry/assessments/${next.id}/changes`);
        expect(changes.statusCode, changes.body).toBe(200);
        expect(changes.json()).toMatchObject({ previous: id });
        expect(changes.json().answers).toEqual(
          expect.arrayContaining([
            expect.objectContaining({ question: 'features', kind: 'changed', from: 3, to: 1 }),
          ]),
        );
        expect(changes.json().overall.from).toBeGreaterThan(changes.json().overall.to);
        expect((await company.get(`/api/industry/assessments/${id}/changes`)).statusCode).toBe(404);
        // Both sides' reports of the new version say what changed since the last one.
        await move(company, next.id, { to: 'submitted' });
        for (const who of [company, coordinator]) {
          const pdf = await who.get(`/api/industry/assessments/${next.id}/report.pdf`);
          expect(pdf.statusCode).toBe(200);
          const file = join(dataDir, `report-${randomUUID()}.pdf`);
          writeFileSync(file, pdf.rawPayload);
          const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
          expect(text).toContain('Changes since the last version');
          expect(text).toContain('Chatter');
        }
      },
    );

    it.skipIf(!enabled)(
      'statistics never show a group of fewer than five companies: four are suppressed, five are shown',
      async () => {
        const year = new Date(clock.now).getUTCFullYear();
        const acceptOne = async () => {
          const c = (await people.make('company')).client;
          const id = await submitted(c, content);
          await move(coordinator, id, { to: 'in-review' });
          await move(coordinator, id, { to: 'accepted', feedbackLetter: 'Thank you.' });
        };
        const cell = async () => {
          const res = await coordinator.get(`/api/industry/statistics?framework=${FRAMEWORK}`);
          expect(res.statusCode, res.body).toBe(200);
          const f = res
            .json()
            .frameworks.find((x: { framework: string }) => x.framework === FRAMEWORK);
          return f.years.find((y: { year: number }) => y.year === year);
        };
        // One company (the shared one) has an accepted assessment already; three more make four.
        for (let i = 0; i < 3; i++) await acceptOne();
        const four = await cell();
        expect(four.overall).toEqual({ suppressed: true });
        expect(
          four.sections.every(
            (s: { cell: object }) => JSON.stringify(s.cell) === '{"suppressed":true}',
          ),
        ).toBe(true);
        await acceptOne();
        const five = await cell();
        expect(five.overall).toMatchObject({ suppressed: false, companies: 5 });
        expect(five.overall.levels.reduce((a: number, b: number) => a + b, 0)).toBe(5);
        expect((await company.get('/api/industry/statistics')).statusCode).toBe(403);
      },
    );

    it.skipIf(!enabled)(
      "a company's own download lists its services and assessments, and no other company's",
      async () => {
        const mine = await people.make('company');
        const other = await people.make('company');
        const serviceId = await newService(mine.client, ['ai'], 'Helper Bot');
        const id = await newDraft(mine.client, serviceId);
        const data = (await mine.client.get('/api/account/export')).json();
        expect(data.industry.services).toEqual([
          {
            id: serviceId,
            name: 'Helper Bot',
            type: 'social',
            features: ['ai'],
            childShare: 'some',
            createdAt: expect.any(String),
          },
        ]);
        expect(data.industry.assessments).toMatchObject([
          { id, serviceId, framework: FRAMEWORK, state: 'draft', submittedAt: null },
        ]);
        const theirs = (await other.client.get('/api/account/export')).body;
        expect(theirs).not.toContain(serviceId);
        expect(theirs).not.toContain(id);
      },
    );

    it.skipIf(!enabled)(
      "a company that deletes its account takes its services, assessments and documents with it; a reviewer's deletion leaves the review unassigned",
      async () => {
        const leaving = await people.make('company');
        const reviewer = await people.make('coordinator');
        const id = await submitted(leaving.client, content);
        await move(reviewer.client, id, { to: 'in-review' });
        await reviewer.client.post(`/api/industry/assessments/${id}/comments`, {
          question: 'policy',
          body: 'Noted.',
          visibility: 'internal',
        });
        const k = testDb.db.kysely;
        const docs = await k
          .selectFrom('kite_industry_evidence')
          .select('id')
          .where('assessment_id', '=', id)
          .execute();
        expect(docs.length).toBeGreaterThan(0);
        const gone = await reviewer.client.post('/api/account/delete', {
          password: reviewer.person.password,
        });
        expect(gone.statusCode, gone.body).toBe(204);
        const after = await k
          .selectFrom('kite_industry_assessment')
          .select(['reviewer_id', 'state'])
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(after).toEqual({ reviewer_id: null, state: 'in-review' });
        const comments = await k
          .selectFrom('kite_industry_comment')
          .select('author_id')
          .where('assessment_id', '=', id)
          .execute();
        expect(comments).toEqual([{ author_id: null }]);
        const left = await leaving.client.post('/api/account/delete', {
          password: leaving.person.password,
        });
        expect(left.statusCode, left.body).toBe(204);
        for (const table of ['kite_industry_service', 'kite_industry_assessment'] as const) {
          const rows = await k
            .selectFrom(table)
            .select('id')
            .where('owner_id', '=', leaving.person.id)
            .execute();
          expect(rows, table).toEqual([]);
        }
        expect(
          await k
            .selectFrom('kite_industry_evidence')
            .select('id')
            .where('assessment_id', '=', id)
            .execute(),
        ).toEqual([]);
        // The files stay until the purge finds them without a row (an hour old at least).
        expect(existsSync(join(evidenceDir, docs[0]!.id))).toBe(true);
        const runner = createJobRunner({
          db: testDb.db,
          jobs: kiteJobs({ retention: { ...DEFAULT_RETENTION, auditDays: 3650 }, dataDir }),
        });
        const fileAge = Date.now() + 2 * 3_600_000;
        await runner.runNow(PURGE_JOB, fileAge);
        expect(existsSync(join(evidenceDir, docs[0]!.id))).toBe(false);
        await runner.stop();
      },
    );

    it.skipIf(!enabled)(
      'evidence past its retention period is purged with its file; practice mode has no server route',
      async () => {
        const id = await newDraft(company, await newService(company));
        const up = await upload(company, id, 'policy', await smallPdf());
        const doc = up.json().evidence.id as string;
        expect(existsSync(join(evidenceDir, doc))).toBe(true);
        const runner = createJobRunner({
          db: testDb.db,
          jobs: kiteJobs({ retention: DEFAULT_RETENTION, dataDir }),
        });
        await runner.runNow(PURGE_JOB, clock.now + 729 * DAY);
        expect(existsSync(join(evidenceDir, doc))).toBe(true);
        await runner.runNow(PURGE_JOB, clock.now + 731 * DAY);
        expect(existsSync(join(evidenceDir, doc))).toBe(false);
        // (The purge ended every session too, this far ahead: the rows tell.)
        const left = await testDb.db.kysely
          .selectFrom('kite_industry_evidence')
          .select('id')
          .where('assessment_id', '=', id)
          .execute();
        expect(left).toEqual([]);
        await runner.stop();
        const doc2 = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
        const paths = Object.keys(doc2.paths as object).filter((p) =>
          p.startsWith('/api/industry'),
        );
        expect(paths.length).toBeGreaterThan(15);
        expect(paths.filter((p) => /practice/.test(p))).toEqual([]);
      },
    );

    // Last in the file: it moves the shared clock 15 days on, past every session of the tests
    // above (the purge before it has ended them anyway).
    it.skipIf(!enabled)(
      'a review can be given to another coordinator; publishing names a company only after its 15 days or its consent, and shows only its public answers (IND-19)',
      async () => {
        const owner = await people.make('company');
        const lead = await people.make('coordinator');
        const colleague = await people.make('coordinator');
        let firm = owner.client;
        let coord = lead.client;
        const { id } = await readyDraft(firm, content);
        const setClass = await firm.request(
          'PUT',
          `/api/industry/assessments/${id}/answers/policy`,
          { level: 3, confidentiality: 'public' },
        );
        expect(setClass.statusCode, setClass.body).toBe(200);
        await move(firm, id, { to: 'submitted' });
        await move(coord, id, { to: 'in-review' });

        // Giving the review to a colleague: the choices are active coordinators and admins.
        const choices = await coord.get('/api/industry/reviewers');
        expect(choices.statusCode, choices.body).toBe(200);
        const names = (choices.json().reviewers as { id: string; name: string }[]).map(
          (r) => r.name,
        );
        expect(names).toEqual(
          expect.arrayContaining([lead.person.displayName, colleague.person.displayName]),
        );
        expect(names).not.toContain(owner.person.displayName);
        expect((await firm.get('/api/industry/reviewers')).statusCode).toBe(403);
        const given = await coord.post(`/api/industry/assessments/${id}/reviewer`, {
          reviewerId: colleague.person.id,
        });
        expect(given.statusCode, given.body).toBe(200);
        expect((await get(coord, id)).reviewer).toEqual({
          id: colleague.person.id,
          name: colleague.person.displayName,
        });
        const toCompany = await coord.post(`/api/industry/assessments/${id}/reviewer`, {
          reviewerId: owner.person.id,
        });
        expect(toCompany.statusCode).toBe(400);
        coord = colleague.client;

        // Only an accepted assessment can be proposed.
        const url = `/api/industry/assessments/${id}/publication`;
        const early = await coord.post(url, { organisation: 'Chatter Labs Ltd' });
        expect(early.statusCode).toBe(409);
        expect(early.json().error.code).toBe('publication_not_allowed');
        await move(coord, id, { to: 'accepted', feedbackLetter: 'Thank you.' });
        for (const bad of [{}, { organisation: '' }, { organisation: 'A\u0007B' }])
          expect((await coord.post(url, bad)).statusCode, JSON.stringify(bad)).toBe(400);
        expect(await firm.get(url).then((r) => r.json())).toEqual({ publication: null });

        const proposedAt = clock.now;
        const proposed = await coord.post(url, { organisation: 'Chatter Labs Ltd' });
        expect(proposed.statusCode, proposed.body).toBe(201);
        const p = proposed.json().publication;
        expect(p).toMatchObject({
          state: 'proposed',
          consentedAt: null,
          windowEndsAt: new Date(proposedAt + 15 * DAY).toISOString(),
        });
        expect(p.content).toMatchObject({
          organisation: 'Chatter Labs Ltd',
          service: { name: 'Chatter' },
          framework: FRAMEWORK,
        });
        // Only the answer the company marked public; every other answer stays confidential.
        expect(p.content.answers).toEqual([{ question: 'policy', level: 3 }]);
        expect(p.content.sections.length).toBeGreaterThan(0);
        const again = await coord.post(url, { organisation: 'Chatter Labs Ltd' });
        expect(again.json().error.code).toBe('publication_exists');
        // The company reads exactly what would be published; another company is told nothing.
        expect((await firm.get(url)).json().publication).toEqual(p);
        const stranger = (await people.make('company')).client;
        expect((await stranger.get(url)).statusCode).toBe(404);

        // The company is told once, by the reminders job.
        const me = owner.person.email;
        const runner = createJobRunner({
          db: testDb.db,
          jobs: kiteJobs({ retention: DEFAULT_RETENTION }, mail.mailer),
        });
        const notices = () =>
          mail.mails.filter((m) => m.includes(`To: ${me}\n`) && m.includes('Chatter Labs Ltd'));
        await runner.runNow(REMINDERS_JOB, clock.now);
        await runner.runNow(REMINDERS_JOB, clock.now + 3_600_000);
        await runner.stop();
        expect(notices()).toHaveLength(1);
        expect(notices()[0]).toContain(new Date(proposedAt + 15 * DAY).toISOString().slice(0, 10));
        expect(notices()[0]).toContain(`/account/industry/assessments/${id}\n`);

        // Not before the 15 days, whatever the company says against it.
        const publish = () => coord.post(`${url}/publish`, {});
        const blocked = await publish();
        expect(blocked.statusCode).toBe(409);
        expect(blocked.json().error.code).toBe('publication_window_open');
        const objected = await firm.post(`${url}/answer`, {
          objection: 'Our new age checks start next month.',
        });
        expect(objected.statusCode, objected.body).toBe(200);
        expect((await get(coord, id)).state).toBe('accepted');
        expect((await coord.get(url)).json().publication.objection).toBe(
          'Our new age checks start next month.',
        );
        const register = async () => {
          const res = await app.inject({ method: 'GET', url: '/api/industry/register' });
          expect(res.statusCode, res.body).toBe(200);
          return res.json().entries as { content: { organisation: string } }[];
        };
        expect((await register()).map((e) => e.content.organisation)).not.toContain(
          'Chatter Labs Ltd',
        );

        clock.now = proposedAt + 15 * DAY - 60_000;
        firm = await people.signIn(owner.person);
        coord = await people.signIn(colleague.person);
        expect((await publish()).json().error.code).toBe('publication_window_open');
        clock.now = proposedAt + 15 * DAY;
        coord = await people.signIn(colleague.person);
        const published = await publish();
        expect(published.statusCode, published.body).toBe(200);
        expect(published.json().publication.state).toBe('published');
        const entry = (await register()).find((e) => e.content.organisation === 'Chatter Labs Ltd');
        expect(entry).toMatchObject({ content: { answers: [{ question: 'policy', level: 3 }] } });
        expect((await publish()).json().error.code).toBe('publication_not_proposed');

        // Withdrawn, it leaves the register; proposed again, the company's consent lets it out now.
        expect((await coord.post(`${url}/withdraw`, {})).json().publication.state).toBe(
          'withdrawn',
        );
        expect((await register()).map((e) => e.content.organisation)).not.toContain(
          'Chatter Labs Ltd',
        );
        expect((await firm.post(`${url}/answer`, { consent: true })).statusCode).toBe(409);
        expect((await coord.post(url, { organisation: 'Chatter Labs' })).statusCode).toBe(201);
        expect((await publish()).json().error.code).toBe('publication_window_open');
        const consent = await firm.post(`${url}/answer`, { consent: true });
        expect(consent.statusCode, consent.body).toBe(200);
        expect((await publish()).statusCode).toBe(200);
        expect((await register()).map((e) => e.content.organisation)).toContain('Chatter Labs');
        expect((await firm.post(`${url}/answer`, { consent: true })).json().error.code).toBe(
          'publication_not_proposed',
        );

        // Every move is in the audit log with its actor and object (IND-21).
        for (const [event, actor] of [
          ['industry.publication_proposed', colleague.person.id],
          ['industry.publication_objected', owner.person.id],
          ['industry.publication_consented', owner.person.id],
          ['industry.publication_published', colleague.person.id],
          ['industry.publication_withdrawn', colleague.person.id],
        ] as const) {
          const rows = (await audit(event)).filter((r) => r.subject_id === id);
          expect(rows.length, event).toBeGreaterThan(0);
          expect(rows[0]!.actor_id, event).toBe(actor);
        }
      },
    );
  });
}
