import { expect } from 'vitest';
import type { Role } from '../../src/db/schema';
import { totpCode } from '../../src/server/accounts/totp';
import type { AccountClient, Outbox } from './account-client';
import { newPassword } from './people';
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
  /** Content the library's routes print. */
  readonly content: {
    readonly activityId: string;
    readonly challengeId: string;
    readonly guideId: string;
  };
}

/** A valid request of one operation, as `who` would send it. */
export interface Call {
  readonly method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  readonly url: string;
  readonly body?: unknown;
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
  if (who === 'anonymous') return { person: undefined, client: kit.people.client() };
  if (!allowed) return { person: kit.person(who), client: undefined };
  return kit.people.make(who, mfa === undefined ? {} : { mfa });
}

/** Another session of `who`'s shared account (signed in on a new client); none for anonymous. */
async function secondSession(who: Who, kit: Kit): Promise<AccountClient | undefined> {
  return who === 'anonymous' ? undefined : kit.people.signIn(kit.person(who));
}

/** The id of a session of `who`'s shared account other than its shared client's. */
async function otherSessionId(who: Who, kit: Kit): Promise<string> {
  const other = await kit.people.signIn(kit.person(who === 'anonymous' ? 'parent' : who));
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
    if (who === 'anonymous')
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
    if (!client || who === 'anonymous')
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
    const password = who === 'anonymous' ? 'a guessed password' : k.person(who).password;
    return { method: 'POST', url: '/api/account/mfa/disable', body: { password }, ok: 204 };
  },
  'POST /api/account/mfa/recovery-codes': async (who, k) => {
    if (who === 'anonymous')
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
};
