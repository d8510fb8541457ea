// A class with signed-in children, made through the HTTP API of an in-memory app (inject) as
// people would: the first admin with the setup link, a teacher invited and enrolled in TOTP,
// a school with its agreement, a class, children, and each child signed in once with their
// pictures. Used by benches and process tests that then run the real server on the same
// database; it throws on any unexpected answer (no test runner needed).
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import type { Band } from '../../src/engine';
import { setupLinkIfNeeded } from '../../src/server/accounts/credentials';
import { totpCode } from '../../src/server/accounts/totp';
import { AccountClient } from './account-client';
import type { Outbox } from './account-client';
import { newPassword } from './new-password';

/** A child of the class and the device token of their one sign-in. */
export interface SignedChild {
  readonly id: string;
  readonly token: string;
}

export interface ClassFixture {
  /** The first class (the only one up to 40 children) and its code. */
  readonly classId: string;
  readonly code: string;
  readonly children: SignedChild[];
  /** The teacher, signed in (reports, CSV). */
  readonly teacher: AccountClient;
}

const STEP_MS = 30_000;

function ok(res: LightMyRequestResponse, status: number, what: string): void {
  if (res.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body.slice(0, 300)}`);
  }
}

/** A client address per call, so no per-address throttle adds up. */
let clients = 0;
function client(app: FastifyInstance): AccountClient {
  const n = ++clients;
  return new AccountClient(app, undefined, `10.77.${(n >> 8) & 255}.${n & 255}`);
}

/** Signs in with a password and turns TOTP on (the roles made here require it). */
async function signInAndEnrol(
  app: FastifyInstance,
  clock: { now: number },
  email: string,
  password: string,
): Promise<AccountClient> {
  const c = client(app);
  ok(await c.post('/api/auth/signin', { email, password }), 200, `sign in ${email}`);
  const setup = await c.post('/api/account/mfa/setup');
  ok(setup, 200, `mfa setup ${email}`);
  clock.now += STEP_MS;
  const code = await totpCode(setup.json().secret as string, clock.now);
  ok(await c.post('/api/account/mfa/confirm', { code }), 200, `mfa confirm ${email}`);
  return c;
}

/**
 * Makes the admin, a teacher, a school, classes of up to 40 children in `band` (`size` in all),
 * and signs each child in once. `clock` is the app's clock (moved on for each TOTP code).
 */
export async function setUpClass(
  app: FastifyInstance,
  mail: Outbox,
  clock: { now: number },
  size: number,
  band: Band,
): Promise<ClassFixture> {
  const setup = await setupLinkIfNeeded(app.accounts);
  if (typeof setup !== 'object') throw new Error(`no setup link: ${setup}`);
  const adminPassword = newPassword();
  ok(
    await client(app).post('/api/auth/setup', {
      token: setup.link.split('#token=')[1],
      email: 'admin@example.org',
      displayName: 'Admin',
      password: adminPassword,
    }),
    201,
    'admin setup',
  );
  const admin = await signInAndEnrol(app, clock, 'admin@example.org', adminPassword);
  const email = 'teacher@example.org';
  ok(await admin.post('/api/admin/invites', { email, role: 'teacher' }), 201, 'invite');
  const password = newPassword();
  ok(
    await client(app).post('/api/auth/invite/accept', {
      token: mail.lastToken(email, '/account/invite'),
      displayName: 'Teacher',
      password,
    }),
    201,
    'accept invite',
  );
  const teacher = await signInAndEnrol(app, clock, email, password);
  const school = await teacher.post('/api/schools', { name: 'Riverside Primary' });
  ok(school, 201, 'school');
  const schoolId = school.json().school.id as string;
  ok(
    await teacher.request('PUT', `/api/schools/${schoolId}/agreement`, {
      agreedBy: 'Head teacher',
      noticeVersion: '2026-12',
    }),
    200,
    'agreement',
  );
  // Classes of at most 40 children (a class holds 80 at most).
  const classes: { id: string; code: string }[] = [];
  const roster: { id: string; pictures: string[]; code: string }[] = [];
  for (let first = 0; first < size; first += 40) {
    const name = `Class ${classes.length + 1}`;
    const made = await teacher.post('/api/classes', { schoolId, name, band, lang: 'en' });
    ok(made, 201, 'class');
    const cls = made.json().class as { id: string; code: string };
    classes.push(cls);
    const nicknames = Array.from(
      { length: Math.min(40, size - first) },
      (_, i) => `Kite ${first + i + 1}`,
    );
    const added = await teacher.post(`/api/classes/${cls.id}/children`, { nicknames });
    ok(added, 201, 'children');
    for (const c of added.json().children as { id: string; pictures: string[] }[]) {
      roster.push({ ...c, code: cls.code });
    }
  }
  const children: SignedChild[] = [];
  for (const child of roster) {
    const res = await client(app).post('/api/child/sign-in', {
      code: child.code,
      learner: child.id,
      pictures: child.pictures,
    });
    ok(res, 201, 'child sign-in');
    children.push({ id: child.id, token: res.json().token as string });
  }
  return { classId: classes[0]!.id, code: classes[0]!.code, children, teacher };
}
