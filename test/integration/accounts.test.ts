import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOptions } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { createApp } from '../../src/server/app';
import {
  passwordHasher,
  PRODUCTION_ARGON2,
  TEST_ARGON2,
} from '../../src/server/accounts/passwords';
import type { PasswordHasher } from '../../src/server/accounts/passwords';
import { setupLinkIfNeeded } from '../../src/server/accounts/credentials';
import { totpCode } from '../../src/server/accounts/totp';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { AccountClient, outbox, strongPassword } from '../helpers/account-client';
import type { Outbox } from '../helpers/account-client';

const T0 = Date.UTC(2026, 11, 4, 9, 0, 0);
const MIN = 60_000;

/** A hasher that counts its calls and does the real work. */
function countingHasher(inner: PasswordHasher) {
  const calls = { hash: 0, verify: 0, dummy: 0 };
  const hasher: PasswordHasher = {
    hash: (p) => (calls.hash++, inner.hash(p)),
    verify: (s, p) => (calls.verify++, inner.verify(s, p)),
    verifyDummy: (p) => (calls.dummy++, inner.verifyDummy(p)),
    needsRehash: (s) => inner.needsRehash(s),
  };
  return { hasher, calls };
}

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: adult accounts`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let app: FastifyInstance;
    let mail: Outbox;
    let clock = T0;
    const counted = countingHasher(passwordHasher(TEST_ARGON2));
    const fresh = (ip?: string) => new AccountClient(app, undefined, ip ?? '203.0.113.7');

    /** Signs a parent up and verifies their email; returns the client (signed out). */
    async function verifiedParent(email: string, password: string, role = 'parent') {
      const c = fresh(`198.51.100.${Math.floor(Math.random() * 200)}`);
      const up = await c.post('/api/auth/signup', { email, displayName: 'Dara', password, role });
      expect(up.statusCode, up.body).toBe(201);
      const v = await c.post('/api/auth/verify-email', {
        token: mail.lastToken(email, '/account/verify'),
      });
      expect(v.statusCode, v.body).toBe(200);
      return c;
    }

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      mail = outbox();
      app = await createApp({
        db: testDb.db,
        now: () => clock,
        accounts: { hasher: counted.hasher, mailer: mail.mailer },
      });
    });
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'signs a parent up, verifies the email and signs in with safe cookie flags',
      async () => {
        const email = 'parent.one@example.org';
        const password = strongPassword();
        const c = await verifiedParent(email, password);
        const res = await c.post('/api/auth/signin', {
          email: 'Parent.One@Example.org ',
          password,
        });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({
          stage: 'full',
          user: { email, role: 'parent', mfaRequired: false },
        });
        const cookie = String(res.headers['set-cookie'])
          .split(/,(?=\s*\w+=)/)
          .find((s) => s.includes('kite_session='))!;
        expect(cookie).toMatch(/HttpOnly/);
        expect(cookie).toMatch(/SameSite=Lax/);
        expect(cookie).toMatch(/Path=\//);
        expect(cookie).not.toMatch(/Secure/);
        expect((await c.get('/api/account')).json()).toMatchObject({ email, displayName: 'Dara' });
        // The stored hash is Argon2id and the token is stored only as a hash.
        const row = await testDb.db.kysely
          .selectFrom('kite_session')
          .selectAll()
          .executeTakeFirstOrThrow();
        expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.token_hash).not.toBe(c.cookies.get('kite_session'));
      },
    );

    it.skipIf(!enabled)(
      "rejects a state-changing request without the CSRF token, or with another browser's",
      async () => {
        const c = fresh();
        const none = await c.request(
          'POST',
          '/api/auth/signin',
          { email: 'a@example.org', password: 'x' },
          { 'x-csrf-token': '' },
        );
        expect(none.statusCode).toBe(403);
        expect(none.json().error.code).toBe('csrf_rejected');
        const other = fresh();
        const foreign = await c.request(
          'POST',
          '/api/auth/signin',
          { email: 'a@example.org', password: 'x' },
          { 'x-csrf-token': await other.csrfToken() },
        );
        expect(foreign.statusCode).toBe(403);
        expect(foreign.json().error.code).toBe('csrf_rejected');
      },
    );

    it.skipIf(!enabled)('refuses weak passwords in words, with no composition rules', async () => {
      const c = fresh('192.0.2.50');
      for (const password of ['short', 'password1', 'qwertyuiop', 'weak.parent@example.org']) {
        const r = await c.post('/api/auth/signup', {
          email: 'weak.parent@example.org',
          displayName: 'Weak',
          password,
          role: 'parent',
        });
        expect(r.statusCode, password).toBe(400);
        expect(r.json().error.code).toBe('weak_password');
      }
      const ok = await c.post('/api/auth/signup', {
        email: 'weak.parent@example.org',
        displayName: 'Weak',
        password: 'all lowercase words are fine here',
        role: 'parent',
      });
      expect(ok.statusCode).toBe(201);
      // Without a second factor a password needs 15 characters; a teacher (who must have
      // one) may use 8 (SEC-03).
      const tenChars = 'Qx7!vR2#mK';
      const parent = await c.post('/api/auth/signup', {
        email: 'short.parent@example.org',
        displayName: 'Short',
        password: tenChars,
        role: 'parent',
      });
      expect(parent.json().error).toEqual({
        code: 'weak_password',
        message: 'Choose a password of at least 15 characters; a few words together work well',
      });
      const teacher = await c.post('/api/auth/signup', {
        email: 'short.teacher@example.org',
        displayName: 'Short',
        password: tenChars,
        role: 'teacher',
      });
      expect(teacher.statusCode, teacher.body).toBe(201);
    });

    it.skipIf(!enabled)(
      'rotates the session at sign-in and ends it when idle or too old',
      async () => {
        const email = 'rotate@example.org';
        const password = strongPassword();
        const c = await verifiedParent(email, password);
        await c.post('/api/auth/signin', { email, password });
        const first = c.cookies.get('kite_session')!;
        await c.post('/api/auth/signin', { email, password });
        const second = c.cookies.get('kite_session')!;
        expect(second).not.toBe(first);
        const stale = new AccountClient(app);
        stale.cookies.set('kite_session', first);
        expect((await stale.get('/api/account')).statusCode).toBe(401);
        // Idle: 30 minutes without a request.
        clock += 29 * MIN;
        expect((await c.get('/api/account')).statusCode).toBe(200);
        clock += 31 * MIN;
        expect((await c.get('/api/account')).statusCode).toBe(401);
        // Absolute: 12 hours after sign-in, however active.
        await c.post('/api/auth/signin', { email, password });
        for (let h = 0; h < 11 * 3; h++) {
          clock += 20 * MIN;
          expect((await c.get('/api/account')).statusCode, `after ${(h + 1) * 20} min`).toBe(200);
        }
        clock += 61 * MIN - 20 * MIN;
        clock += 20 * MIN;
        expect((await c.get('/api/account')).statusCode).toBe(401);
      },
    );

    it.skipIf(!enabled)(
      'lists sessions, revokes one, signs out everywhere and on password change',
      async () => {
        const email = 'many.devices@example.org';
        const password = strongPassword();
        await verifiedParent(email, password);
        const phone = fresh();
        const laptop = new AccountClient(
          app,
          'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/120.0',
        );
        await phone.post('/api/auth/signin', { email, password });
        await laptop.post('/api/auth/signin', { email, password });
        const list = (await phone.get('/api/account/sessions')).json().sessions as {
          id: string;
          current: boolean;
          device: string;
        }[];
        expect(list.map((s) => s.device).sort()).toEqual([
          'Chrome on Android',
          'Firefox on Windows',
        ]);
        const other = list.find((s) => !s.current)!;
        expect((await phone.del(`/api/account/sessions/${other.id}`)).statusCode).toBe(204);
        expect((await laptop.get('/api/account')).statusCode).toBe(401);
        // Someone else's session id is not found.
        const stranger = await verifiedParent('stranger@example.org', password);
        await stranger.post('/api/auth/signin', { email: 'stranger@example.org', password });
        const mine = (await phone.get('/api/account/sessions')).json().sessions[0].id;
        expect((await stranger.del(`/api/account/sessions/${mine}`)).statusCode).toBe(404);
        expect((await phone.get('/api/account')).statusCode).toBe(200);
        // A password change ends the other sessions and keeps this one with a new token.
        await laptop.post('/api/auth/signin', { email, password });
        const before = phone.cookies.get('kite_session');
        const next = strongPassword();
        const ch = await phone.post('/api/account/password', {
          currentPassword: password,
          newPassword: next,
        });
        expect(ch.statusCode, ch.body).toBe(200);
        expect(phone.cookies.get('kite_session')).not.toBe(before);
        expect((await phone.get('/api/account')).statusCode).toBe(200);
        expect((await laptop.get('/api/account')).statusCode).toBe(401);
        // Sign out everywhere.
        await laptop.post('/api/auth/signin', { email, password: next });
        expect((await phone.post('/api/account/sessions/revoke-all')).statusCode).toBe(204);
        expect((await phone.get('/api/account')).statusCode).toBe(401);
        expect((await laptop.get('/api/account')).statusCode).toBe(401);
      },
    );

    it.skipIf(!enabled)(
      'answers an unknown email exactly as a wrong password, spending a hash on it',
      async () => {
        const email = 'known@example.org';
        const password = strongPassword();
        await verifiedParent(email, password);
        const c = fresh('192.0.2.77');
        const before = { ...counted.calls };
        const wrong = await c.post('/api/auth/signin', {
          email,
          password: 'not the password at all',
        });
        expect(counted.calls.verify - before.verify).toBe(1);
        const mid = { ...counted.calls };
        const unknown = await c.post('/api/auth/signin', {
          email: 'nobody@example.org',
          password: 'not the password at all',
        });
        expect(counted.calls.dummy - mid.dummy).toBe(1);
        expect(unknown.statusCode).toBe(wrong.statusCode);
        expect(unknown.json()).toEqual(wrong.json());
        expect(unknown.statusCode).toBe(401);
      },
    );

    it.skipIf(!enabled)(
      'slows guessing down after repeated failures, per account, with growing waits',
      async () => {
        const email = 'guessed@example.org';
        const password = strongPassword();
        await verifiedParent(email, password);
        for (let i = 0; i < 5; i++) {
          const c = fresh(`192.0.2.${100 + i}`);
          expect(
            (await c.post('/api/auth/signin', { email, password: `wrong guess ${i}` })).statusCode,
          ).toBe(401);
        }
        const late = fresh('192.0.2.200');
        const blocked = await late.post('/api/auth/signin', { email, password });
        expect(blocked.statusCode).toBe(429);
        expect(blocked.json().error.code).toBe('throttled');
        const firstWait = Number(blocked.headers['retry-after']);
        expect(firstWait).toBeGreaterThan(0);
        clock += firstWait * 1000;
        for (let i = 0; i < 5; i++) {
          expect(
            (await late.post('/api/auth/signin', { email, password: `again ${i}` })).statusCode,
          ).toBe(401);
        }
        const again = await late.post('/api/auth/signin', { email, password });
        expect(again.statusCode).toBe(429);
        expect(Number(again.headers['retry-after'])).toBeGreaterThan(firstWait);
        clock += Number(again.headers['retry-after']) * 1000;
        expect((await late.post('/api/auth/signin', { email, password })).statusCode).toBe(200);
      },
    );

    it.skipIf(!enabled)('holds the limit across two app instances on one database', async () => {
      const email = 'two.instances@example.org';
      const password = strongPassword();
      await verifiedParent(email, password);
      const other = await createApp({
        db: testDb.db,
        now: () => clock,
        accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
      });
      try {
        for (let i = 0; i < 5; i++) {
          const c = fresh(`192.0.2.${150 + i}`);
          expect(
            (await c.post('/api/auth/signin', { email, password: `wrong ${i}` })).statusCode,
          ).toBe(401);
        }
        const there = new AccountClient(other, undefined, '192.0.2.199');
        const r = await there.post('/api/auth/signin', { email, password });
        expect(r.statusCode).toBe(429);
      } finally {
        await other.close();
      }
    });

    it.skipIf(!enabled)(
      'enrols a teacher in TOTP, then asks for the code; recovery codes work once',
      async () => {
        const email = 'teacher@example.org';
        const password = strongPassword();
        const c = await verifiedParent(email, password, 'teacher');
        const s = await c.post('/api/auth/signin', { email, password });
        expect(s.json().stage).toBe('enrol');
        const blocked = await c.get('/api/account');
        expect(blocked.statusCode).toBe(403);
        expect(blocked.json().error.code).toBe('mfa_required');
        const setup = (await c.post('/api/account/mfa/setup')).json() as {
          secret: string;
          uri: string;
          qrSvg: string;
        };
        expect(setup.uri).toMatch(/^otpauth:\/\/totp\/Kite:teacher%40example\.org\?/);
        expect(setup.qrSvg).toMatch(/^<svg/);
        expect((await c.post('/api/account/mfa/confirm', { code: '000000' })).statusCode).toBe(400);
        const confirmed = await c.post('/api/account/mfa/confirm', {
          code: await totpCode(setup.secret, clock),
        });
        expect(confirmed.statusCode, confirmed.body).toBe(200);
        const codes = confirmed.json().recoveryCodes as string[];
        expect(codes).toHaveLength(10);
        expect(new Set(codes).size).toBe(10);
        expect((await c.get('/api/account')).json().mfaEnabled).toBe(true);
        // The secret is not shown again and a teacher cannot switch it off.
        expect((await c.post('/api/account/mfa/disable', { password })).json().error.code).toBe(
          'mfa_required',
        );
        await c.post('/api/auth/signout');
        clock += MIN;
        const step1 = await c.post('/api/auth/signin', { email, password });
        expect(step1.json().stage).toBe('mfa');
        expect((await c.get('/api/account')).statusCode).toBe(401);
        expect((await c.post('/api/auth/signin/mfa', { code: '123456' })).json().error.code).toBe(
          'mfa_invalid',
        );
        const code = await totpCode(setup.secret, clock);
        const ok = await c.post('/api/auth/signin/mfa', { code });
        expect(ok.statusCode, ok.body).toBe(200);
        expect((await c.get('/api/account')).statusCode).toBe(200);
        // The same code cannot be used twice.
        const replay = fresh();
        await replay.post('/api/auth/signin', { email, password });
        expect((await replay.post('/api/auth/signin/mfa', { code })).json().error.code).toBe(
          'mfa_invalid',
        );
        // A recovery code works once.
        const rec = fresh();
        await rec.post('/api/auth/signin', { email, password });
        expect(
          (await rec.post('/api/auth/signin/mfa', { code: codes[0]!.toUpperCase() })).statusCode,
        ).toBe(200);
        const rec2 = fresh();
        await rec2.post('/api/auth/signin', { email, password });
        expect((await rec2.post('/api/auth/signin/mfa', { code: codes[0] })).statusCode).toBe(401);
        // The secret is stored; the recovery codes only as hashes.
        const stored = await testDb.db.kysely
          .selectFrom('kite_recovery_code')
          .selectAll()
          .execute();
        expect(stored.some((r) => codes.includes(r.code_hash))).toBe(false);
      },
    );

    it.skipIf(!enabled)(
      'resets a forgotten password by mail, once, ending every session',
      async () => {
        const email = 'forgetful@example.org';
        const password = strongPassword();
        const c = await verifiedParent(email, password);
        await c.post('/api/auth/signin', { email, password });
        const asker = fresh('192.0.2.90');
        const unknown = await asker.post('/api/auth/reset/request', {
          email: 'nobody.here@example.org',
        });
        const known = await asker.post('/api/auth/reset/request', { email });
        expect(known.statusCode).toBe(202);
        expect(unknown.json()).toEqual(known.json());
        const token = mail.lastToken(email, '/account/reset');
        const next = strongPassword();
        expect((await asker.post('/api/auth/reset', { token, password: next })).statusCode).toBe(
          200,
        );
        expect(
          (await asker.post('/api/auth/reset', { token, password: strongPassword() })).json().error
            .code,
        ).toBe('token_invalid');
        expect((await c.get('/api/account')).statusCode).toBe(401);
        expect((await asker.post('/api/auth/signin', { email, password: next })).statusCode).toBe(
          200,
        );
      },
    );

    it.skipIf(!enabled)(
      'without mail, a new account waits for approval; a company waits for a coordinator',
      async () => {
        const quiet = await createApp({
          db: testDb.db,
          now: () => clock,
          accounts: { argon2: TEST_ARGON2 },
        });
        try {
          const c = new AccountClient(quiet, undefined, '192.0.2.31');
          const password = strongPassword();
          const up = await c.post('/api/auth/signup', {
            email: 'no.mail@example.org',
            displayName: 'Sokha',
            password,
            role: 'parent',
          });
          expect(up.json()).toEqual({ status: 'pending_approval' });
          const early = await c.post('/api/auth/signin', {
            email: 'no.mail@example.org',
            password,
          });
          expect(early.statusCode).toBe(403);
          expect(early.json().error.code).toBe('account_pending');
          // A taken address gets the same answer and creates nothing.
          const again = await c.post('/api/auth/signup', {
            email: 'no.mail@example.org',
            displayName: 'Other',
            password: strongPassword(),
            role: 'teacher',
          });
          expect(again.json()).toEqual({ status: 'pending_approval' });
          const row = await testDb.db.kysely
            .selectFrom('kite_user')
            .selectAll()
            .where('email', '=', 'no.mail@example.org')
            .execute();
          expect(row).toHaveLength(1);
          expect(row[0]!.display_name).toBe('Sokha');
          // A company asks; with mail it still waits for a coordinator after verifying.
          const co = fresh('192.0.2.32');
          const cp = strongPassword();
          await co.post('/api/auth/signup', {
            email: 'safety@company.example',
            displayName: 'Company',
            password: cp,
            role: 'company',
          });
          const v = await co.post('/api/auth/verify-email', {
            token: mail.lastToken('safety@company.example', '/account/verify'),
          });
          expect(v.json()).toEqual({ status: 'pending_approval' });
          expect(
            (await co.post('/api/auth/signin', { email: 'safety@company.example', password: cp }))
              .statusCode,
          ).toBe(403);
        } finally {
          await quiet.close();
        }
      },
    );

    it.skipIf(!enabled)(
      'makes the first admin with the one-time setup link; the admin invites a coordinator',
      async () => {
        const first = await setupLinkIfNeeded(app.accounts);
        if (typeof first !== 'object') throw new Error(`no setup link: ${first}`);
        expect(first.link).toMatch(/^\/account\/setup#token=/);
        expect(await setupLinkIfNeeded(app.accounts)).toBe('waiting');
        const token = first.link.split('#token=')[1]!;
        const c = fresh();
        const password = strongPassword();
        const made = await c.post('/api/auth/setup', {
          token,
          email: 'admin@example.org',
          displayName: 'Admin',
          password,
        });
        expect(made.statusCode, made.body).toBe(201);
        expect(
          (
            await c.post('/api/auth/setup', {
              token,
              email: 'admin2@example.org',
              displayName: 'Admin',
              password,
            })
          ).json().error.code,
        ).toBe('token_invalid');
        // Admins must enrol a second factor before anything else.
        expect(
          (await c.post('/api/auth/signin', { email: 'admin@example.org', password })).json().stage,
        ).toBe('enrol');
        const setup = (await c.post('/api/account/mfa/setup')).json() as { secret: string };
        await c.post('/api/account/mfa/confirm', { code: await totpCode(setup.secret, clock) });
        const inv = await c.post('/api/admin/invites', {
          email: 'coordinator@example.org',
          role: 'coordinator',
        });
        expect(inv.statusCode, inv.body).toBe(201);
        const invToken = mail.lastToken('coordinator@example.org', '/account/invite');
        const co = fresh();
        const acc = await co.post('/api/auth/invite/accept', {
          token: invToken,
          displayName: 'Coordinator',
          password: strongPassword(),
        });
        expect(acc.statusCode, acc.body).toBe(201);
        expect(acc.json().user.role).toBe('coordinator');
        expect(await setupLinkIfNeeded(app.accounts)).toBe('none');
        const audit = (await c.get('/api/admin/audit')).json().entries as { event: string }[];
        expect(audit.map((e) => e.event)).toEqual(
          expect.arrayContaining([
            'admin.created',
            'invite.created',
            'invite.accepted',
            'mfa.enabled',
          ]),
        );
        expect(JSON.stringify(audit)).not.toContain(invToken);
      },
    );
  });
}

describe('a mail server that fails', () => {
  it('answers sign-up and reset as usual, never a 500, and logs the failure', async () => {
    const { freshSqlite } = await import('../helpers/dialects');
    const t = await freshSqlite();
    const broken = {
      delivers: true,
      send: async () => {
        throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      },
    };
    const app = await createApp({ db: t.db, accounts: { argon2: TEST_ARGON2, mailer: broken } });
    try {
      const c = new AccountClient(app);
      const up = await c.post('/api/auth/signup', {
        email: 'mail.down@example.org',
        displayName: 'M',
        password: strongPassword(),
        role: 'parent',
      });
      expect(up.statusCode, up.body).toBe(201);
      expect(up.json()).toEqual({ status: 'verify_email' });
      const reset = await c.post('/api/auth/reset/request', { email: 'mail.down@example.org' });
      expect(reset.statusCode).toBe(202);
      const failed = await t.db.kysely
        .selectFrom('kite_audit')
        .select('event')
        .where('event', '=', 'mail.failed')
        .execute();
      expect(failed).toHaveLength(2);
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});

describe('Argon2id in production', () => {
  it('hashes with m=19 MiB, t=2, p=1, read back from the stored hash', async () => {
    const stored = await passwordHasher(PRODUCTION_ARGON2).hash('a long enough passphrase');
    expect(stored.startsWith('$argon2id$')).toBe(true);
    const p = parseOptions(stored);
    expect({ m: p.memoryCost, t: p.timeCost, p: p.parallelism }).toEqual({ m: 19_456, t: 2, p: 1 });
    expect(await passwordHasher(PRODUCTION_ARGON2).verify(stored, 'a long enough passphrase')).toBe(
      true,
    );
    expect(passwordHasher(TEST_ARGON2).needsRehash(stored)).toBe(true);
  });
});

describe('cookies over https', () => {
  it('sets Secure and the __Host- prefix when the public URL is https', async () => {
    const { freshSqlite } = await import('../helpers/dialects');
    const t = await freshSqlite();
    const mail = outbox();
    const app = await createApp({
      db: t.db,
      publicUrl: 'https://kite.example.org',
      accounts: { argon2: TEST_ARGON2, mailer: mail.mailer },
    });
    try {
      const c = new AccountClient(app);
      const password = strongPassword();
      await c.post('/api/auth/signup', {
        email: 'secure@example.org',
        displayName: 'S',
        password,
        role: 'parent',
      });
      const token = mail.lastToken('secure@example.org', '/account/verify');
      expect(mail.mails.join('')).toContain(
        `https://kite.example.org/account/verify#token=${token}`,
      );
      await c.post('/api/auth/verify-email', { token });
      const res = await c.post('/api/auth/signin', { email: 'secure@example.org', password });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toMatch(/__Host-kite_session=[^;]+;.*Secure/);
      expect(cookie).toMatch(/__Host-kite_csrf|kite_session/);
    } finally {
      await app.close();
      await t.dispose();
    }
  });
});
