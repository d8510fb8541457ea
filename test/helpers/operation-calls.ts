import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Role } from '../../src/db/schema';
import type { Catalogue } from '../../src/engine';
import { totpCode } from '../../src/server/accounts/totp';
import { ChildClient } from './account-client';
import type { AccountClient, Outbox } from './account-client';
import { isAdult, newPassword } from './people';
import { FRAMEWORK, move, readyDraft, smallPdf, submitted, upload } from './industry';
import type { People, Person, Who } from './people';

/** What a call builder may use. */
export interface Kit {
  readonly people: People;
  readonly mail: Outbox;
  /** The shared client of `who`: a browser with no session, or the shared account of the role. */
  client(who: Who): Promise<AccountClient>;
  /** The shared account of a role. */
  person(role: Role): Person;
  /** A company that signed up and confirmed its email, waiting for approval: its id. */
  waitingCompany(): Promise<string>;
  /** The shared teacher's school and class, a child of it signed in on a device. */
  readonly classes: ClassFixture;
  /** The app's day now (`YYYY-MM-DD`, its injected clock): a feedback answer's day. */
  day(): string;
  /** The shared company's and coordinator's assessments the industry operations act on. */
  industry(): Promise<IndustryFixture>;
  /** The checked content (industry fixtures answer its framework). */
  readonly catalogue: Catalogue;
  /** Content the library's routes print. */
  readonly content: {
    readonly activityId: string;
    readonly challengeId: string;
    readonly guideId: string;
  };
}

/** What the class operations act on: the shared teacher's school, class and a child. */
export interface ClassFixture {
  readonly schoolId: string;
  readonly classId: string;
  readonly code: string;
  readonly child: { readonly id: string; readonly pictures: readonly string[] };
  /** An activity of the class's band. */
  readonly activityId: string;
}

/** Makes the shared teacher's school (agreed), class and one child; signs nobody in. */
export async function classFixture(
  teacher: AccountClient,
  catalogue: Catalogue,
): Promise<ClassFixture> {
  // An activity of the class's band, for assignments.
  const activityId = [...catalogue.activities.values()].find((a) => a.band === '8-10')!.id;
  const school = await teacher.post('/api/schools', { name: 'Hill School' });
  expect(school.statusCode, school.body).toBe(201);
  const schoolId = school.json().school.id as string;
  const agreed = await teacher.request('PUT', `/api/schools/${schoolId}/agreement`, {
    agreedBy: 'Head teacher',
    noticeVersion: '2026-12',
  });
  expect(agreed.statusCode, agreed.body).toBe(200);
  const made = await teacher.post('/api/classes', {
    schoolId,
    name: 'Class 3',
    band: '8-10',
    lang: 'en',
  });
  expect(made.statusCode, made.body).toBe(201);
  const { id: classId, code } = made.json().class as { id: string; code: string };
  const added = await teacher.post(`/api/classes/${classId}/children`, { nicknames: ['Comet'] });
  expect(added.statusCode, added.body).toBe(201);
  const child = added.json().children[0] as { id: string; pictures: string[] };
  return { schoolId, classId, code, child, activityId };
}

/** What the industry operations act on, made by the shared company and coordinator. */
export interface IndustryFixture {
  readonly serviceId: string;
  /**
   * Submitted, in review by the shared coordinator, and now waiting for a clarification on
   * `policy` (so the company may still answer it and attach documents to it).
   */
  readonly assessmentId: string;
  /** A document on `policy` of that assessment. */
  readonly evidenceId: string;
  /** The clarification's comment, which the company sees. */
  readonly commentId: string;
  /** The clarification's deadline. */
  readonly deadlineId: string;
  /** A request for more time on that deadline, not decided. */
  readonly extensionId: string;
  /** An accepted assessment, and its resubmission (submitted). */
  readonly acceptedId: string;
  readonly resubmittedId: string;
}

/** Builds the {@link IndustryFixture} through the API. */
export async function industryFixture(kit: Kit): Promise<IndustryFixture> {
  const company = await kit.client('company');
  const coordinator = await kit.client('coordinator');
  const { serviceId, id } = await readyDraft(company, kit.catalogue);
  await move(company, id, { to: 'submitted' });
  await move(coordinator, id, { to: 'in-review' });
  await move(coordinator, id, {
    to: 'clarification-requested',
    question: 'policy',
    message: 'Which board approved the policy?',
  });
  const view = (await company.get(`/api/industry/assessments/${id}`)).json().assessment;
  const deadlineId = view.deadlines.find((d: { kind: string }) => d.kind === 'clarification').id;
  const extensionId = await extensionOn(company, deadlineId);
  const acceptedId = await submitted(company, kit.catalogue);
  await move(coordinator, acceptedId, { to: 'in-review' });
  await move(coordinator, acceptedId, { to: 'accepted', feedbackLetter: 'Thank you.' });
  const again = await company.post('/api/industry/assessments', { previousId: acceptedId });
  expect(again.statusCode, again.body).toBe(201);
  const resubmittedId = again.json().assessment.id as string;
  await move(company, resubmittedId, { to: 'submitted' });
  return {
    serviceId,
    assessmentId: id,
    evidenceId: view.evidence.policy[0].id,
    commentId: view.comments[0].id,
    deadlineId,
    extensionId,
    acceptedId,
    resubmittedId,
  };
}

/** A new assessment of the shared company, accepted by the shared coordinator; its id. */
async function acceptedFresh(kit: Kit): Promise<string> {
  const coordinator = await kit.client('coordinator');
  const id = await submitted(await kit.client('company'), kit.catalogue);
  await move(coordinator, id, { to: 'in-review' });
  await move(coordinator, id, { to: 'accepted', feedbackLetter: 'Thank you.' });
  return id;
}

/** Like {@link acceptedFresh}, then proposed for publication (and agreed to when `consent`). */
async function proposedFresh(kit: Kit, consent = false): Promise<string> {
  const id = await acceptedFresh(kit);
  const url = `/api/industry/assessments/${id}/publication`;
  const res = await (await kit.client('coordinator')).post(url, { organisation: 'Chatter Ltd' });
  expect(res.statusCode, res.body).toBe(201);
  if (consent) {
    const ok = await (await kit.client('company')).post(`${url}/answer`, { consent: true });
    expect(ok.statusCode, ok.body).toBe(200);
  }
  return id;
}

/** A new request for more time on a deadline; its id. */
async function extensionOn(company: AccountClient, deadlineId: string): Promise<string> {
  const res = await company.post(`/api/industry/deadlines/${deadlineId}/extensions`, {
    reason: 'Our board meets next month',
    newDue: '2030-01-31',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().extension.id as string;
}

/** A new child's device of the fixture's child: signs in with the pictures. */
export async function childDevice(kit: Kit): Promise<ChildClient> {
  const c = kit.classes;
  const res = await kit.people.app.inject({
    method: 'POST',
    url: '/api/child/sign-in',
    payload: { code: c.code, learner: c.child.id, pictures: c.child.pictures },
    remoteAddress: '192.0.2.200',
  });
  expect(res.statusCode, res.body).toBe(201);
  return new ChildClient(kit.people.app, res.json().token as string);
}

/** A new child in the fixture's class (for calls that erase one). */
async function newClassChild(kit: Kit, nickname: string): Promise<string> {
  const teacher = await kit.client('teacher');
  const res = await teacher.post(`/api/classes/${kit.classes.classId}/children`, {
    nicknames: [nickname],
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().children[0].id as string;
}

/** A parent's link request to the fixture's child, by a new parent; its id. */
async function linkRequest(kit: Kit): Promise<string> {
  const { client } = await kit.people.make('parent');
  const res = await client.post('/api/family/links', {
    code: kit.classes.code,
    nickname: 'Comet',
    noticeVersion: '2026-12',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().link.id as string;
}

/** A valid request of one operation, as `who` would send it. */
export interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly body?: unknown;
  /** Headers of its own (a raw upload's Content-Type). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Who sends it when not the shared client of `who`: a throwaway account of the same role
   * (for calls that end the caller's sessions, change their password or delete them), or one
   * of the shared person's other sessions.
   */
  readonly as?: AccountClient;
  /** The status when allowed (default 200). */
  readonly ok?: number;
  /** The error code when, even allowed, the handler refuses by rule (see `POST /api/auth/setup`). */
  readonly okCode?: string;
}

/**
 * Builds the call of `who`. `allowed` says whether the table lets `who` through: a refused call
 * changes nothing, so it may name shared accounts where an allowed one needs new ones.
 */
export type CallBuilder = (who: Who, kit: Kit, allowed: boolean) => Promise<Call>;

let unique = 0;
const fresh = (what: string) => `${what}.${++unique}@example.org`;

/**
 * A new account of `who`'s role, signed in (for a call that ends the caller's sessions, changes
 * their password or deletes them); for anonymous, a browser with no session. A refused call
 * changes nothing, so it gets the shared account instead (and no client of its own).
 */
async function throwaway(
  who: Who,
  kit: Kit,
  allowed: boolean,
  mfa?: boolean,
): Promise<{ person: Person | undefined; client: AccountClient | undefined }> {
  if (!isAdult(who)) return { person: undefined, client: kit.people.client() };
  if (!allowed) return { person: kit.person(who), client: undefined };
  return kit.people.make(who, mfa === undefined ? {} : { mfa });
}

/** Another session of `who`'s shared account (signed in on a new client); none for anonymous. */
async function secondSession(who: Who, kit: Kit): Promise<AccountClient | undefined> {
  return isAdult(who) ? kit.people.signIn(kit.person(who)) : undefined;
}

/** The id of a session of `who`'s shared account other than its shared client's. */
async function otherSessionId(who: Who, kit: Kit): Promise<string> {
  const other = await kit.people.signIn(kit.person(isAdult(who) ? who : 'parent'));
  const list = (await other.get('/api/account/sessions')).json().sessions as {
    id: string;
    current: boolean;
  }[];
  return list.find((s) => s.current)!.id;
}

/** A one-time token mailed to `email` with a link to `path`. */
const tokenFor = (kit: Pick<Kit, 'mail'>, email: string, path: string) =>
  kit.mail.lastToken(email, path);

/** A company that signed up and confirmed its email, waiting for approval; its id. */
export async function waitingCompany(kit: Pick<Kit, 'people' | 'mail'>): Promise<string> {
  const email = fresh('company.request');
  const c = kit.people.client();
  const up = await c.post('/api/auth/signup', {
    email,
    displayName: 'Waiting Company',
    password: newPassword(),
    role: 'company',
  });
  expect(up.statusCode, up.body).toBe(201);
  const v = await c.post('/api/auth/verify-email', {
    token: tokenFor(kit, email, '/account/verify'),
  });
  expect(v.json().status).toBe('pending_approval');
  const admin = await kit.people.admin();
  const users = (await admin.get('/api/admin/users?status=pending_approval&role=company')).json()
    .users as { id: string; email: string }[];
  return users.find((u) => u.email === email)!.id;
}

/**
 * A valid request of every operation, by its key in the OpenAPI document: what each cell of the
 * authorization table sends, so that a refusal can only come from who asks, never from the
 * request. The authorization test fails for an operation of the document missing here.
 */
export const CALLS: Readonly<Record<string, CallBuilder>> = {
  'GET /api/health': async () => ({ method: 'GET', url: '/api/health' }),
  'GET /api/ready': async () => ({ method: 'GET', url: '/api/ready' }),
  'GET /api/client-config': async () => ({ method: 'GET', url: '/api/client-config' }),
  // A child's anonymous answer: a new random id each time, so each allowed call stores a row.
  'POST /api/feedback': async (_w, k) => ({
    method: 'POST',
    url: '/api/feedback',
    body: {
      id: randomUUID(),
      activity: k.content.activityId,
      version: 1,
      band: '8-10',
      lang: 'en',
      answer: 'fun',
      day: k.day(),
    },
  }),
  'GET /api/feedback/report': async () => ({ method: 'GET', url: '/api/feedback/report' }),
  // The recording studio, recording into the test's own folder (authorization.test.ts).
  'GET /api/studio/overview': async () => ({ method: 'GET', url: '/api/studio/overview?lang=en' }),
  'GET /api/studio/texts': async () => ({
    method: 'GET',
    url: '/api/studio/texts?pack=core&band=5-7&lang=en',
  }),
  'POST /api/studio/consent': async () => ({
    method: 'POST',
    url: '/api/studio/consent',
    body: { pack: 'core', lang: 'en', agree: true },
    ok: 201,
  }),
  // A real take (Chromium's fake microphone) of the first text, by a speaker who consented.
  'POST /api/studio/recordings': async (_w, k) => {
    const admin = await k.people.admin();
    const place = { pack: 'core', band: '5-7', lang: 'en' };
    const texts = await admin.get('/api/studio/texts?pack=core&band=5-7&lang=en');
    const consent = await admin.post('/api/studio/consent', {
      pack: 'core',
      lang: 'en',
      agree: true,
    });
    return {
      method: 'POST',
      url: '/api/studio/recordings',
      body: {
        ...place,
        id: texts.json().texts[0].id,
        speaker: consent.json().speaker,
        type: 'audio/webm',
        audio: readFileSync('test/fixtures/studio/tone.webm').toString('base64'),
      },
      ok: 201,
    };
  },
  'GET /api/worksheets/{activityId}.pdf': async (_w, k) => ({
    method: 'GET',
    url: `/api/worksheets/${k.content.activityId}.pdf?answers=1`,
  }),
  'GET /api/challenges/{challengeId}.pdf': async (_w, k) => ({
    method: 'GET',
    url: `/api/challenges/${k.content.challengeId}.pdf`,
  }),
  'GET /api/guides/{guideId}.pdf': async (_w, k) => ({
    method: 'GET',
    url: `/api/guides/${k.content.guideId}.pdf?audience=teachers`,
  }),

  'GET /api/auth/csrf': async () => ({ method: 'GET', url: '/api/auth/csrf' }),
  'GET /api/auth/session': async () => ({ method: 'GET', url: '/api/auth/session' }),
  'POST /api/auth/signup': async () => ({
    method: 'POST',
    url: '/api/auth/signup',
    body: {
      email: fresh('signup'),
      displayName: 'New Parent',
      password: newPassword(),
      role: 'parent',
    },
    ok: 201,
  }),
  'POST /api/auth/verify-email': async (_w, k) => {
    const email = fresh('verify');
    const up = await k.people.client().post('/api/auth/signup', {
      email,
      displayName: 'Verifying Parent',
      password: newPassword(),
      role: 'parent',
    });
    expect(up.statusCode, up.body).toBe(201);
    return {
      method: 'POST',
      url: '/api/auth/verify-email',
      body: { token: tokenFor(k, email, '/account/verify') },
    };
  },
  // Signing in from a signed-in browser ends that browser's session (rotation): sent from
  // another session of the shared account.
  'POST /api/auth/signin': async (who, k) => {
    const person = k.person('parent');
    return {
      method: 'POST',
      url: '/api/auth/signin',
      body: { email: person.email, password: person.password },
      as: await secondSession(who, k),
    };
  },
  // The second step, from a session that gave its password: an account of the role with
  // two-step sign-in on.
  'POST /api/auth/signin/mfa': async (who, k) => {
    if (!isAdult(who))
      return { method: 'POST', url: '/api/auth/signin/mfa', body: { code: '123456' } };
    const person =
      who === 'parent' || who === 'company'
        ? (await k.people.make(who, { mfa: true })).person
        : k.person(who);
    const as = await k.people.signIn(person, { finish: false });
    return {
      method: 'POST',
      url: '/api/auth/signin/mfa',
      body: { code: await k.people.code(person) },
      as,
    };
  },
  'POST /api/auth/signout': async (who, k) => ({
    method: 'POST',
    url: '/api/auth/signout',
    as: await secondSession(who, k),
    ok: 204,
  }),
  'POST /api/auth/reset/request': async () => ({
    method: 'POST',
    url: '/api/auth/reset/request',
    body: { email: fresh('reset.request') },
    ok: 202,
  }),
  'POST /api/auth/reset': async (_w, k) => {
    const { person } = await k.people.make('parent');
    const asked = await k.people.client().post('/api/auth/reset/request', { email: person.email });
    expect(asked.statusCode, asked.body).toBe(202);
    return {
      method: 'POST',
      url: '/api/auth/reset',
      body: { token: tokenFor(k, person.email, '/account/reset'), password: newPassword() },
    };
  },
  'POST /api/auth/invite/accept': async (_w, k) => {
    const email = fresh('invited');
    const inv = await (
      await k.people.admin()
    ).post('/api/admin/invites', {
      email,
      role: 'teacher',
    });
    expect(inv.statusCode, inv.body).toBe(201);
    return {
      method: 'POST',
      url: '/api/auth/invite/accept',
      body: {
        token: tokenFor(k, email, '/account/invite'),
        displayName: 'Invited Teacher',
        password: newPassword(),
      },
      ok: 201,
    };
  },
  // Public, but the first admin exists (People.bootstrap made it with the one-time link):
  // every caller reaches the handler, which refuses a live setup link from then on.
  'POST /api/auth/setup': async (_w, k) => {
    const token = await k.people.app.accounts.tokens.issue(
      { kind: 'setup', userId: null, email: null, role: 'admin', createdBy: null },
      k.people.clock.now,
    );
    return {
      method: 'POST',
      url: '/api/auth/setup',
      body: {
        token,
        email: fresh('second.admin'),
        displayName: 'Second Admin',
        password: newPassword(),
      },
      ok: 400,
      okCode: 'token_invalid',
    };
  },

  'GET /api/account': async () => ({ method: 'GET', url: '/api/account' }),
  'PATCH /api/account': async () => ({
    method: 'PATCH',
    url: '/api/account',
    body: { displayName: 'A New Name' },
  }),
  'POST /api/account/password': async (who, k, allowed) => {
    const { person, client } = await throwaway(who, k, allowed);
    return {
      method: 'POST',
      url: '/api/account/password',
      body: {
        currentPassword: person?.password ?? 'a guessed password',
        newPassword: newPassword(),
      },
      as: client,
    };
  },
  // From a session that has not set two-step sign-in up: the `enrol` stage for the roles that
  // require it, a full session for parents and companies.
  'POST /api/account/mfa/setup': async (who, k, allowed) => ({
    method: 'POST',
    url: '/api/account/mfa/setup',
    as: (await throwaway(who, k, allowed, false)).client,
  }),
  'POST /api/account/mfa/confirm': async (who, k, allowed) => {
    const { client } = await throwaway(who, k, allowed, false);
    if (!client || !isAdult(who))
      return {
        method: 'POST',
        url: '/api/account/mfa/confirm',
        body: { code: '123456' },
        as: client,
      };
    const setup = await client.post('/api/account/mfa/setup');
    expect(setup.statusCode, setup.body).toBe(200);
    return {
      method: 'POST',
      url: '/api/account/mfa/confirm',
      body: { code: await totpCode(setup.json().secret as string, k.people.clock.now) },
      as: client,
    };
  },
  // Parents and companies may switch it off (a throwaway account with it on); the roles that
  // require it are asked with the shared account's own password.
  'POST /api/account/mfa/disable': async (who, k) => {
    if (who === 'parent' || who === 'company') {
      const { person, client } = await throwaway(who, k, true, true);
      return {
        method: 'POST',
        url: '/api/account/mfa/disable',
        body: { password: person!.password },
        as: client,
        ok: 204,
      };
    }
    const password = isAdult(who) ? k.person(who).password : 'a guessed password';
    return { method: 'POST', url: '/api/account/mfa/disable', body: { password }, ok: 204 };
  },
  'POST /api/account/mfa/recovery-codes': async (who, k) => {
    if (!isAdult(who))
      return { method: 'POST', url: '/api/account/mfa/recovery-codes', body: { code: '123456' } };
    const own =
      who === 'parent' || who === 'company' ? await throwaway(who, k, true, true) : undefined;
    const person = own?.person ?? k.person(who);
    return {
      method: 'POST',
      url: '/api/account/mfa/recovery-codes',
      body: { code: await k.people.code(person) },
      ...(own ? { as: own.client } : {}),
    };
  },
  'GET /api/account/sessions': async () => ({ method: 'GET', url: '/api/account/sessions' }),
  // One of the caller's own other sessions (anonymous: a parent's).
  'DELETE /api/account/sessions/{id}': async (who, k) => ({
    method: 'DELETE',
    url: `/api/account/sessions/${await otherSessionId(who, k)}`,
    ok: 204,
  }),
  'POST /api/account/sessions/revoke-all': async (who, k, allowed) => ({
    method: 'POST',
    url: '/api/account/sessions/revoke-all',
    as: (await throwaway(who, k, allowed)).client,
    ok: 204,
  }),
  'GET /api/account/export': async () => ({ method: 'GET', url: '/api/account/export' }),
  'POST /api/account/delete': async (who, k, allowed) => {
    const { person, client } = await throwaway(who, k, allowed);
    return {
      method: 'POST',
      url: '/api/account/delete',
      body: { password: person?.password ?? 'a guessed password' },
      as: client,
      ok: 204,
    };
  },

  'GET /api/admin/users': async () => ({ method: 'GET', url: '/api/admin/users' }),
  // A company: the one role both admins and coordinators may invite.
  'POST /api/admin/invites': async () => ({
    method: 'POST',
    url: '/api/admin/invites',
    body: { email: fresh('invitee'), role: 'company' },
    ok: 201,
  }),
  'POST /api/admin/users/{id}/approve': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/admin/users/${allowed ? await waitingCompany(k) : await k.waitingCompany()}/approve`,
  }),
  'POST /api/admin/users/{id}/disable': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/admin/users/${allowed ? (await k.people.make('parent')).person.id : k.person('parent').id}/disable`,
  }),
  'POST /api/admin/users/{id}/role': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/admin/users/${allowed ? (await k.people.make('parent')).person.id : k.person('parent').id}/role`,
    body: { role: 'teacher' },
  }),
  'GET /api/admin/audit': async () => ({ method: 'GET', url: '/api/admin/audit' }),
  // Classes (docs/classes.md): the shared teacher's class.
  'GET /api/schools': async () => ({ method: 'GET', url: '/api/schools' }),
  'POST /api/schools': async () => ({
    method: 'POST',
    url: '/api/schools',
    body: { name: `School ${++unique}` },
    ok: 201,
  }),
  'PUT /api/schools/{schoolId}/agreement': async (_w, k) => ({
    method: 'PUT',
    url: `/api/schools/${k.classes.schoolId}/agreement`,
    body: { agreedBy: 'Head teacher', noticeVersion: '2026-12' },
  }),
  'GET /api/classes': async () => ({ method: 'GET', url: '/api/classes' }),
  'POST /api/classes': async (_w, k) => ({
    method: 'POST',
    url: '/api/classes',
    body: { schoolId: k.classes.schoolId, name: `Class ${++unique}`, band: '8-10', lang: 'en' },
    ok: 201,
  }),
  'GET /api/classes/{classId}': async (_w, k) => ({
    method: 'GET',
    url: `/api/classes/${k.classes.classId}`,
  }),
  'POST /api/classes/{classId}/children': async (_w, k) => ({
    method: 'POST',
    url: `/api/classes/${k.classes.classId}/children`,
    body: { nicknames: [`Star ${String.fromCharCode(65 + (++unique % 26))}${unique}`] },
    ok: 201,
  }),
  'DELETE /api/classes/{classId}/children/{learnerId}': async (_w, k, allowed) => ({
    method: 'DELETE',
    url: `/api/classes/${k.classes.classId}/children/${allowed ? await newClassChild(k, `Gone ${++unique}`) : k.classes.child.id}`,
    ok: 204,
  }),
  'POST /api/classes/{classId}/children/{learnerId}/pictures': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/classes/${k.classes.classId}/children/${allowed ? await newClassChild(k, `New ${++unique}`) : k.classes.child.id}/pictures`,
  }),
  'DELETE /api/classes/{classId}/children/{learnerId}/devices': async (_w, k, allowed) => ({
    method: 'DELETE',
    url: `/api/classes/${k.classes.classId}/children/${allowed ? await newClassChild(k, `Lost ${++unique}`) : k.classes.child.id}/devices`,
  }),
  'POST /api/classes/{classId}/assignments': async (_w, k) => ({
    method: 'POST',
    url: `/api/classes/${k.classes.classId}/assignments`,
    body: { activity: k.classes.activityId, due: '2027-03-10' },
    ok: 201,
  }),
  'DELETE /api/classes/{classId}/assignments/{assignmentId}': async (_w, k, allowed) => {
    let id = 'no-such-assignment';
    if (allowed) {
      const teacher = await k.client('teacher');
      const res = await teacher.post(`/api/classes/${k.classes.classId}/assignments`, {
        activity: k.classes.activityId,
      });
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().assignment.id;
    }
    return {
      method: 'DELETE',
      url: `/api/classes/${k.classes.classId}/assignments/${id}`,
      ok: 204,
    };
  },
  'POST /api/classes/{classId}/links/{linkId}/approve': async (_w, k) => ({
    method: 'POST',
    url: `/api/classes/${k.classes.classId}/links/${await linkRequest(k)}/approve`,
  }),
  'GET /api/classes/{classId}/report': async (_w, k) => ({
    method: 'GET',
    url: `/api/classes/${k.classes.classId}/report`,
  }),
  'GET /api/classes/{classId}/report.csv': async (_w, k) => ({
    method: 'GET',
    url: `/api/classes/${k.classes.classId}/report.csv`,
  }),
  'GET /api/classes/{classId}/cards.pdf': async (_w, k) => ({
    method: 'GET',
    url: `/api/classes/${k.classes.classId}/cards.pdf`,
  }),
  'GET /api/classes/{classId}/letter.pdf': async (_w, k) => ({
    method: 'GET',
    url: `/api/classes/${k.classes.classId}/letter.pdf?paper=letter`,
  }),

  // Families: the shared parent's children.
  'GET /api/family/children': async () => ({ method: 'GET', url: '/api/family/children' }),
  'POST /api/family/children': async () => ({
    method: 'POST',
    url: '/api/family/children',
    body: {
      nickname: 'Little Bear',
      avatar: 'bee',
      band: '5-7',
      lang: 'en',
      noticeVersion: '2026-12',
    },
    ok: 201,
  }),
  'DELETE /api/family/children/{learnerId}': async (_w, k, allowed) => {
    let id = k.classes.child.id;
    if (allowed) {
      const parent = await k.client('parent');
      const res = await parent.post('/api/family/children', {
        nickname: 'Leaving Owl',
        avatar: 'owl',
        band: '5-7',
        lang: 'en',
        noticeVersion: '2026-12',
      });
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().child.id;
    }
    return { method: 'DELETE', url: `/api/family/children/${id}`, ok: 204 };
  },
  'POST /api/family/links': async (_w, k) => ({
    method: 'POST',
    url: '/api/family/links',
    body: { code: k.classes.code, nickname: 'Comet', noticeVersion: '2026-12' },
    ok: 201,
  }),

  // A child's device (the shared child client carries the device credential).
  'POST /api/child/class': async (_w, k) => ({
    method: 'POST',
    url: '/api/child/class',
    body: { code: k.classes.code },
  }),
  'POST /api/child/sign-in': async (_w, k) => ({
    method: 'POST',
    url: '/api/child/sign-in',
    body: { code: k.classes.code, learner: k.classes.child.id, pictures: k.classes.child.pictures },
    ok: 201,
  }),
  'GET /api/child/me': async () => ({ method: 'GET', url: '/api/child/me' }),
  'POST /api/child/sync': async () => ({
    method: 'POST',
    url: '/api/child/sync',
    body: { device: 'authz-device', epoch: 1, since: null, events: [] },
  }),
  'POST /api/child/links/{linkId}/confirm': async (_w, k) => ({
    method: 'POST',
    url: `/api/child/links/${await linkRequest(k)}/confirm`,
  }),
  'DELETE /api/child/me/progress': async () => ({
    method: 'DELETE',
    url: '/api/child/me/progress',
  }),
  // Signing out ends the device's credential: a device of its own when allowed.
  'DELETE /api/child/device': async (who, k, allowed) => ({
    method: 'DELETE',
    url: '/api/child/device',
    ok: 204,
    ...(who === 'child' && allowed ? { as: await childDevice(k) } : {}),
  }),

  // A school hub's upload: no person's credential counts there.
  'POST /api/hubs/upload': async () => ({
    method: 'POST',
    url: '/api/hubs/upload',
    body: { hub: 'hub-authz-000', after: 0, through: 0, backlog: 0, events: [] },
  }),
  'GET /api/hubs/records': async () => ({ method: 'GET', url: '/api/hubs/records?after=0' }),
  'POST /api/hubs/records': async () => ({
    method: 'POST',
    url: '/api/hubs/records',
    body: { hub: 'hub-authz-000', records: [] },
  }),

  // Industry self-assessment (docs/industry.md): the shared company's things, reviewed by the
  // shared coordinator.
  'GET /api/industry/frameworks': async () => ({ method: 'GET', url: '/api/industry/frameworks' }),
  'GET /api/industry/frameworks/{key}': async () => ({
    method: 'GET',
    url: `/api/industry/frameworks/${FRAMEWORK}?lang=km`,
  }),
  'GET /api/industry/services': async () => ({ method: 'GET', url: '/api/industry/services' }),
  'POST /api/industry/services': async () => ({
    method: 'POST',
    url: '/api/industry/services',
    body: { name: 'Pixel Party', type: 'gaming', features: ['user-contact'], childShare: 'most' },
    ok: 201,
  }),
  'PATCH /api/industry/services/{id}': async (_w, k) => ({
    method: 'PATCH',
    url: `/api/industry/services/${(await k.industry()).serviceId}`,
    body: { name: 'Chatter Kids' },
  }),
  'GET /api/industry/assessments': async () => ({
    method: 'GET',
    url: '/api/industry/assessments',
  }),
  'POST /api/industry/assessments': async (_w, k) => ({
    method: 'POST',
    url: '/api/industry/assessments',
    body: { serviceId: (await k.industry()).serviceId, framework: FRAMEWORK },
    ok: 201,
  }),
  'GET /api/industry/assessments/{id}': async (_w, k) => ({
    method: 'GET',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}`,
  }),
  'PUT /api/industry/assessments/{id}/answers/{question}': async (_w, k) => ({
    method: 'PUT',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}/answers/policy`,
    body: { level: 4, narrative: 'Approved by the board on 3 March.' },
  }),
  'PUT /api/industry/assessments/{id}/actions/{question}': async (_w, k) => ({
    method: 'PUT',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}/actions/policy`,
    body: { owner: 'Trust and safety team', due: '2027-06-30', status: 'in-progress' },
  }),
  // Each side's own move: a company submits a ready draft, a coordinator starts a review.
  'POST /api/industry/assessments/{id}/transitions': async (who, k, allowed) => {
    let id = (await k.industry()).assessmentId;
    let to = 'responded';
    if (allowed && who === 'company') {
      id = (await readyDraft(await k.client('company'), k.catalogue)).id;
      to = 'submitted';
    } else if (allowed) {
      id = await submitted(await k.client('company'), k.catalogue);
      to = 'in-review';
    }
    return { method: 'POST', url: `/api/industry/assessments/${id}/transitions`, body: { to } };
  },
  'POST /api/industry/assessments/{id}/reviewer': async (_w, k) => ({
    method: 'POST',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}/reviewer`,
    body: { reviewerId: k.person('coordinator').id },
  }),
  'POST /api/industry/assessments/{id}/comments': async (who, k) => ({
    method: 'POST',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}/comments`,
    body: {
      question: 'policy',
      body: 'About the policy.',
      visibility: who === 'company' ? 'company' : 'internal',
    },
    ok: 201,
  }),
  'POST /api/industry/comments/{id}/resolve': async (_w, k) => ({
    method: 'POST',
    url: `/api/industry/comments/${(await k.industry()).commentId}/resolve`,
  }),
  'POST /api/industry/deadlines/{id}/extensions': async (_w, k) => ({
    method: 'POST',
    url: `/api/industry/deadlines/${(await k.industry()).deadlineId}/extensions`,
    body: { reason: 'The minutes are not signed yet', newDue: '2030-02-28' },
    ok: 201,
  }),
  'POST /api/industry/extensions/{id}/decision': async (_w, k, allowed) => {
    const f = await k.industry();
    const id = allowed ? await extensionOn(await k.client('company'), f.deadlineId) : f.extensionId;
    return {
      method: 'POST',
      url: `/api/industry/extensions/${id}/decision`,
      body: { decision: 'refused' },
    };
  },
  'POST /api/industry/assessments/{id}/evidence/{question}': async (_w, k) => ({
    method: 'POST',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}/evidence/policy`,
    body: await smallPdf('Board minutes, 3 March.'),
    headers: { 'content-type': 'application/pdf', 'x-file-name': 'minutes.pdf' },
    ok: 201,
  }),
  // Only from a draft: a draft of its own with a document when allowed.
  'DELETE /api/industry/evidence/{id}': async (_w, k, allowed) => {
    let id = (await k.industry()).evidenceId;
    if (allowed) {
      const company = await k.client('company');
      const draft = (
        await company.post('/api/industry/assessments', {
          serviceId: (await k.industry()).serviceId,
          framework: FRAMEWORK,
        })
      ).json().assessment.id as string;
      const up = await upload(company, draft, 'policy', await smallPdf());
      expect(up.statusCode, up.body).toBe(201);
      id = up.json().evidence.id;
    }
    return { method: 'DELETE', url: `/api/industry/evidence/${id}`, ok: 204 };
  },
  'GET /api/industry/evidence/{id}': async (_w, k) => ({
    method: 'GET',
    url: `/api/industry/evidence/${(await k.industry()).evidenceId}`,
  }),
  'GET /api/industry/assessments/{id}/report.pdf': async (_w, k) => ({
    method: 'GET',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}/report.pdf?lang=en`,
  }),
  'GET /api/industry/assessments/{id}/report.csv': async (_w, k) => ({
    method: 'GET',
    url: `/api/industry/assessments/${(await k.industry()).assessmentId}/report.csv`,
  }),
  'GET /api/industry/assessments/{id}/changes': async (_w, k) => ({
    method: 'GET',
    url: `/api/industry/assessments/${(await k.industry()).resubmittedId}/changes`,
  }),
  'GET /api/industry/statistics': async () => ({
    method: 'GET',
    url: `/api/industry/statistics?framework=${FRAMEWORK}`,
  }),
  'GET /api/industry/reviewers': async () => ({ method: 'GET', url: '/api/industry/reviewers' }),
  'GET /api/industry/assessments/{id}/publication': async (_w, k) => ({
    method: 'GET',
    url: `/api/industry/assessments/${(await k.industry()).acceptedId}/publication`,
  }),
  // Allowed, each call acts on a new accepted assessment of the shared company (one proposal at
  // a time per assessment); refused, on the shared one, which a refused call leaves alone.
  'POST /api/industry/assessments/{id}/publication': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/industry/assessments/${allowed ? await acceptedFresh(k) : (await k.industry()).acceptedId}/publication`,
    body: { organisation: 'Chatter Labs Ltd' },
    ok: 201,
  }),
  'POST /api/industry/assessments/{id}/publication/answer': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/industry/assessments/${allowed ? await proposedFresh(k) : (await k.industry()).acceptedId}/publication/answer`,
    body: { consent: true },
  }),
  'POST /api/industry/assessments/{id}/publication/publish': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/industry/assessments/${allowed ? await proposedFresh(k, true) : (await k.industry()).acceptedId}/publication/publish`,
    body: {},
  }),
  'POST /api/industry/assessments/{id}/publication/withdraw': async (_w, k, allowed) => ({
    method: 'POST',
    url: `/api/industry/assessments/${allowed ? await proposedFresh(k) : (await k.industry()).acceptedId}/publication/withdraw`,
    body: {},
  }),
  'GET /api/industry/register': async () => ({ method: 'GET', url: '/api/industry/register' }),
  'GET /api/deployment/settings': async () => ({ method: 'GET', url: '/api/deployment/settings' }),
  'PATCH /api/deployment/settings': async (_w, k) => ({
    method: 'PATCH',
    url: '/api/deployment/settings',
    // The version in force, read as a coordinator; each allowed call sets a new age.
    body: { version: await settingsVersion(k), consentAge: 13 + (++unique % 4) },
  }),
  'GET /api/deployment/changes': async () => ({ method: 'GET', url: '/api/deployment/changes' }),
  'GET /api/deployment/places': async () => ({ method: 'GET', url: '/api/deployment/places' }),
  'POST /api/deployment/regions': async () => ({
    method: 'POST',
    url: '/api/deployment/regions',
    body: { name: `Region ${++unique}` },
    ok: 201,
  }),
  'PATCH /api/deployment/regions/{id}': async (_w, k) => ({
    method: 'PATCH',
    url: `/api/deployment/regions/${(await places(k)).regionId}`,
    body: { name: `Region ${++unique}` },
  }),
  'POST /api/deployment/regions/{id}/districts': async (_w, k) => ({
    method: 'POST',
    url: `/api/deployment/regions/${(await places(k)).regionId}/districts`,
    body: { name: `District ${++unique}` },
    ok: 201,
  }),
  'PATCH /api/deployment/districts/{id}': async (_w, k) => ({
    method: 'PATCH',
    url: `/api/deployment/districts/${(await places(k)).districtId}`,
    body: { name: `District ${++unique}` },
  }),
  'PUT /api/deployment/schools/{id}/district': async (_w, k) => {
    const { districtId } = await places(k);
    // Moves the shared teacher's school in and out of the district, so each call changes it.
    const now = await (await k.client('coordinator')).get('/api/deployment/places');
    const school = now.json().schools.find((s: { id: string }) => s.id === k.classes.schoolId);
    return {
      method: 'PUT',
      url: `/api/deployment/schools/${k.classes.schoolId}/district`,
      body: { districtId: school.districtId === districtId ? null : districtId },
    };
  },
  // Each allowed build is a new one-day term of 2020, before every other, so none overlaps.
  'POST /api/nation/releases': async () => {
    const day = new Date(Date.UTC(2020, 0, 1) + ++unique * 2 * 86_400_000)
      .toISOString()
      .slice(0, 10);
    return {
      method: 'POST',
      url: '/api/nation/releases',
      body: { term: `authz-${unique}`, from: day, to: day },
      ok: 201,
    };
  },
  'GET /api/nation/releases': async () => ({ method: 'GET', url: '/api/nation/releases' }),
  'GET /api/nation/releases/{term}': async (_w, k) => ({
    method: 'GET',
    url: `/api/nation/releases/${await sharedRelease(k)}?table=reach&level=national`,
  }),
  'GET /api/nation/releases/{term}/csv': async (_w, k) => ({
    method: 'GET',
    url: `/api/nation/releases/${await sharedRelease(k)}/csv?table=reach&lang=km`,
  }),
};

const builtReleases = new WeakMap<Kit, Promise<string>>();

/** A release the read operations read, built once per kit by the coordinator (a 2019 term). */
function sharedRelease(k: Kit): Promise<string> {
  let built = builtReleases.get(k);
  if (!built) {
    built = (async () => {
      const c = await k.client('coordinator');
      const res = await c.post('/api/nation/releases', {
        term: 'authz-shared',
        from: '2019-01-07',
        to: '2019-04-05',
      });
      expect(res.statusCode, res.body).toBe(201);
      return 'authz-shared';
    })();
    builtReleases.set(k, built);
  }
  return built;
}

/** The settings' version now, read by the shared coordinator. */
async function settingsVersion(k: Kit): Promise<number> {
  const res = await (await k.client('coordinator')).get('/api/deployment/settings');
  expect(res.statusCode, res.body).toBe(200);
  return res.json().settings.version as number;
}

const madePlaces = new WeakMap<Kit, Promise<{ regionId: string; districtId: string }>>();

/** A region and a district the place operations act on, made once per kit by the coordinator. */
function places(k: Kit): Promise<{ regionId: string; districtId: string }> {
  let made = madePlaces.get(k);
  if (!made) {
    made = (async () => {
      const c = await k.client('coordinator');
      const region = await c.post('/api/deployment/regions', { name: `Shared region ${++unique}` });
      expect(region.statusCode, region.body).toBe(201);
      const regionId = region.json().id as string;
      const district = await c.post(`/api/deployment/regions/${regionId}/districts`, {
        name: 'Shared district',
      });
      expect(district.statusCode, district.body).toBe(201);
      return { regionId, districtId: district.json().id as string };
    })();
    madePlaces.set(k, made);
  }
  return made;
}
