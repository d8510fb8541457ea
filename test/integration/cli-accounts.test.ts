import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runCli } from '../../src/server/cli/run';
import { createApp } from '../../src/server/app';
import { TEST_ARGON2 } from '../../src/server/accounts/passwords';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { AccountClient, strongPassword } from '../helpers/account-client';

// The account commands of `npm run kite --`, in process against a real database, and their
// links used through the real API.

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: account commands`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let app: FastifyInstance;

    async function kite(...argv: string[]) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        env: { ...testDb.env, KITE_PUBLIC_URL: 'https://kite.example.org' },
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      return { code, stdout, stderr };
    }
    const tokenIn = (text: string) => /#token=([A-Za-z0-9_-]+)/.exec(text)?.[1] ?? '';

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      app = await createApp({ db: testDb.db, accounts: { argon2: TEST_ARGON2 } });
    });
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'makes an admin through a printed one-time link, never a password on the command line',
      async () => {
        const r = await kite('admin', 'create', 'Head@Example.org');
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout).toContain('https://kite.example.org/account/invite#token=');
        const c = new AccountClient(app);
        const accepted = await c.post('/api/auth/invite/accept', {
          token: tokenIn(r.stdout),
          displayName: 'Head',
          password: strongPassword(),
        });
        expect(accepted.statusCode, accepted.body).toBe(201);
        expect(accepted.json().user).toMatchObject({ email: 'head@example.org', role: 'admin' });
        const again = await kite('admin', 'create', 'head@example.org');
        expect(again.code).toBe(1);
        expect(again.stderr).toBe('kite admin create: This email address already has an account\n');
      },
    );

    it.skipIf(!enabled)(
      'approves a waiting account, resets a password by link, lists and switches off',
      async () => {
        const c = new AccountClient(app, undefined, '192.0.2.61');
        const password = strongPassword();
        await c.post('/api/auth/signup', {
          email: 'waiting@example.org',
          displayName: 'W',
          password,
          role: 'teacher',
        });
        expect((await kite('user', 'list', '--status', 'pending_approval')).stdout).toBe(
          'waiting@example.org  teacher  pending_approval\n1 account\n',
        );
        expect((await kite('user', 'approve', 'waiting@example.org')).code).toBe(0);
        expect(
          (await c.post('/api/auth/signin', { email: 'waiting@example.org', password })).statusCode,
        ).toBe(200);

        const reset = await kite('user', 'reset-password', 'waiting@example.org');
        expect(reset.code).toBe(0);
        const next = strongPassword();
        expect(
          (await c.post('/api/auth/reset', { token: tokenIn(reset.stdout), password: next }))
            .statusCode,
        ).toBe(200);
        expect(
          (await c.post('/api/auth/signin', { email: 'waiting@example.org', password: next }))
            .statusCode,
        ).toBe(200);

        expect((await kite('user', 'disable', 'waiting@example.org')).code).toBe(0);
        expect((await c.get('/api/auth/session')).json()).toEqual({ user: null, stage: null });
        const audit = await testDb.db.kysely
          .selectFrom('kite_audit')
          .select(['event', 'detail'])
          .execute();
        expect(JSON.stringify(audit)).not.toContain(tokenIn(reset.stdout));
      },
    );

    it.skipIf(!enabled)(
      'refuses bad input in one line with status 2, and unknown people with status 1',
      async () => {
        const badRole = await kite('invite', 'x@example.org', '--role', 'owner');
        expect(badRole.code).toBe(2);
        expect(badRole.stderr).toMatch(
          /^kite invite: .*must be one of admin, coordinator, teacher, parent, company/,
        );
        const badEmail = await kite('user', 'approve', 'not-an-address');
        expect(badEmail.code).toBe(2);
        const nobody = await kite('user', 'reset-password', 'nobody@example.org');
        expect(nobody.code).toBe(1);
        expect(nobody.stderr).toBe(
          'kite user reset-password: no account has the address nobody@example.org\n',
        );
        const invite = await kite('invite', 'co@example.org', '--role', 'coordinator');
        expect(invite.code).toBe(0);
        expect(invite.stdout).toMatch(
          /^Invitation for co@example.org as coordinator:\n {2}https:\/\/kite\.example\.org\/account\/invite#token=/,
        );
      },
    );
  });
}
