// A coordinator account made through the HTTP API of an in-memory app (inject), as people
// would: the first admin with the setup link, then an invited coordinator enrolled in TOTP. The
// bench then signs in to the real server over HTTP with the password and a fresh code.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { setupLinkIfNeeded } from '../src/server/accounts/credentials';
import { totpCode } from '../src/server/accounts/totp';
import { AccountClient } from '../test/helpers/account-client';
import type { Outbox } from '../test/helpers/account-client';
import { newPassword } from '../test/helpers/new-password';

export interface Coordinator {
  readonly email: string;
  readonly password: string;
  readonly totpSecret: string;
}

function ok(res: LightMyRequestResponse, status: number, what: string): void {
  if (res.statusCode !== status)
    throw new Error(`${what}: expected ${status}, got ${res.statusCode} ${res.body.slice(0, 300)}`);
}

async function enrol(
  app: FastifyInstance,
  clock: { now: number },
  email: string,
  password: string,
) {
  const c = new AccountClient(app, undefined, '10.78.0.1');
  ok(await c.post('/api/auth/signin', { email, password }), 200, `sign in ${email}`);
  const setup = await c.post('/api/account/mfa/setup');
  ok(setup, 200, `mfa setup ${email}`);
  const secret = setup.json().secret as string;
  clock.now += 30_000;
  ok(
    await c.post('/api/account/mfa/confirm', { code: await totpCode(secret, clock.now) }),
    200,
    'confirm',
  );
  return { client: c, secret };
}

/** Makes the admin and a coordinator; `clock` is the app's (moved on for each code). */
export async function makeCoordinator(
  app: FastifyInstance,
  mail: Outbox,
  clock: { now: number },
): Promise<Coordinator> {
  const setup = await setupLinkIfNeeded(app.accounts);
  if (typeof setup !== 'object') throw new Error(`no setup link: ${setup}`);
  const adminPassword = newPassword();
  ok(
    await new AccountClient(app).post('/api/auth/setup', {
      token: setup.link.split('#token=')[1],
      email: 'admin@example.org',
      displayName: 'Admin',
      password: adminPassword,
    }),
    201,
    'admin setup',
  );
  const admin = await enrol(app, clock, 'admin@example.org', adminPassword);
  const email = 'coordinator@example.org';
  ok(await admin.client.post('/api/admin/invites', { email, role: 'coordinator' }), 201, 'invite');
  const password = newPassword();
  ok(
    await new AccountClient(app).post('/api/auth/invite/accept', {
      token: mail.lastToken(email, '/account/invite'),
      displayName: 'Coordinator',
      password,
    }),
    201,
    'accept invite',
  );
  const { secret } = await enrol(app, clock, email, password);
  return { email, password, totpSecret: secret };
}

/** A signed-in session on a real server: its cookies and CSRF token, for fetch. */
export interface HttpSession {
  readonly headers: Record<string, string>;
}

/** Signs the coordinator in to the server at `base` (password, then a code of now). */
export async function signInOverHttp(base: string, who: Coordinator): Promise<HttpSession> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const at = pair!.indexOf('=');
      jar.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  keep(csrfRes);
  const { token } = (await csrfRes.json()) as { token: string };
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': token, cookie: cookie() },
      body: JSON.stringify(body),
    });
    keep(res);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  };
  await post('/api/auth/signin', { email: who.email, password: who.password });
  await post('/api/auth/signin/mfa', { code: await totpCode(who.totpSecret, Date.now()) });
  return { headers: { cookie: cookie(), 'x-csrf-token': token } };
}
