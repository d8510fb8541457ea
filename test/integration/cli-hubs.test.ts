// `kite hub add | list | revoke` on the national server, in process against a real database:
// the credential is printed once and only its hash kept; the printed id and credential upload
// through the real route until the hub is revoked.
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runCli } from '../../src/server/cli/run';
import { createApp } from '../../src/server/app';
import { DIALECTS } from '../helpers/dialects';
import type { TestDb } from '../helpers/dialects';
import { seedRoster, syntheticEvent } from '../helpers/hub-fixtures';

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: hub commands`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    let app: FastifyInstance;

    async function kite(...argv: string[]) {
      let stdout = '';
      let stderr = '';
      const code = await runCli(argv, {
        env: { ...testDb.env },
        stdout: { write: (t: string) => (stdout += t) },
        stderr: { write: (t: string) => (stderr += t) },
      });
      return { code, stdout, stderr };
    }
    /** Events `from`..7 of the hub's `instance` (by default 6 and 7, after five sent before). */
    const upload = (id: string, token: string, instance?: string, from = 6) =>
      app.inject({
        method: 'POST',
        url: '/api/hubs/upload',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
        },
        payload: gzipSync(
          Buffer.from(
            JSON.stringify({
              hub: id,
              ...(instance ? { instance } : {}),
              after: from - 1,
              through: 7,
              backlog: 3,
              events: Array.from({ length: 8 - from }, (_, i) => from + i).map((n) => ({
                n,
                epoch: 1,
                event: syntheticEvent('lake-1', `dev-${instance ?? 'a'}`, n, Date.now()),
              })),
            }),
          ),
        ),
      });

    beforeAll(async () => {
      if (!enabled) return;
      testDb = await dialect.fresh();
      await seedRoster(testDb.db, { schoolId: 'lake', learners: ['lake-1'] }, Date.now());
      app = await createApp({ db: testDb.db });
    });
    afterAll(async () => {
      if (!enabled) return;
      await app.close();
      await testDb.dispose();
    });

    it.skipIf(!enabled)(
      'provisions a hub for a school and prints its credential once, keeping only a hash',
      async () => {
        const none = await kite('hub', 'add');
        expect(none.code).toBe(2);
        expect(none.stderr).toMatch(/--school is required/);
        const unknown = await kite('hub', 'add', '--school', 'nowhere');
        expect(unknown.code).toBe(1);
        expect(unknown.stderr).toBe('kite hub add: no school has the id nowhere\n');

        const r = await kite('hub', 'add', '--school', 'lake');
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        const id = /KITE_HUB_ID=(\S+)/.exec(r.stdout)![1]!;
        const token = /KITE_HUB_TOKEN=(\S+)/.exec(r.stdout)![1]!;
        expect(token.length).toBeGreaterThanOrEqual(43);
        const row = await testDb.db.kysely
          .selectFrom('kite_hub')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row.school_id).toBe('lake');
        expect(JSON.stringify(row)).not.toContain(token);

        // Starting after 5 with nothing stored: the server asks for its events from 0.
        const gap = await upload(id, token);
        expect(gap.statusCode, gap.body).toBe(409);
        // The server restored from a backup that had the hub's first five events.
        await testDb.db.kysely
          .insertInto('kite_hub_instance')
          .values({
            hub_id: id,
            instance_id: 'initial',
            high_water: 5,
            backlog: null,
            first_seen_at: new Date().toISOString(),
            last_sync_at: null,
          })
          .execute();
        const ok = await upload(id, token);
        expect(ok.statusCode, ok.body).toBe(200);
        expect(ok.json().highWater).toBe(7);

        const list = await kite('hub', 'list');
        expect(list.code).toBe(0);
        expect(list.stdout).toMatch(
          new RegExp(`^${id}  school lake  up to 7  backlog 3  last upload 20\\S+  stored 2$`, 'm'),
        );
        expect(list.stdout).toMatch(/^1 hub$/m);
        expect(list.stdout).not.toContain(token);

        // A copy of the hub's database uploads as a second instance, from its first event.
        const copy = await upload(id, token, 'inst-copy', 1);
        expect(copy.statusCode, copy.body).toBe(200);
        expect(copy.json()).toMatchObject({ highWater: 7, stored: 7 });
        expect((await kite('hub', 'list')).stdout).toMatch(/ {2}stored 9 {2}instances 2$/m);
        const status = await kite('hub', 'status', id);
        expect(status.stderr).toBe('');
        expect(status.code).toBe(0);
        expect(status.stdout).toMatch(
          /^instance initial {2}up to 7 {2}backlog 3 {2}stored 2 {2}first upload 20\S+ {2}last upload 20\S+$/m,
        );
        expect(status.stdout).toMatch(/^instance inst-copy {2}up to 7 {2}backlog 3 {2}stored 7 /m);
        expect(status.stdout).toMatch(/^2 instances: the hub's database was copied/m);
        expect(status.stdout).toMatch(/^9 events stored here now from hub /m);
        expect((await kite('hub', 'status', 'hub-nosuchhub')).code).toBe(1);
        expect((await kite('hub', 'status')).code).toBe(2);

        const revoked = await kite('hub', 'revoke', id);
        expect(revoked.code).toBe(0);
        expect(revoked.stdout).toBe(`Hub ${id} is revoked; its uploads are refused from now on.\n`);
        expect((await upload(id, token)).statusCode).toBe(401);
        expect((await kite('hub', 'list')).stdout).toContain('REVOKED');
        const again = await kite('hub', 'revoke', id);
        expect(again.code).toBe(1);
        expect(again.stderr).toBe(`kite hub revoke: no working hub has the id ${id}\n`);
        expect((await kite('hub', 'revoke', 'x')).code).toBe(2);
      },
    );
  });
}
