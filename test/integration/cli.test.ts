// `npm run kite -- <command>` as operators run it: a child process over a SQLite data folder or
// a PostgreSQL database, configured by the environment like the server. It runs the compiled
// command line (node build/server/cli/main.js, brought up to date by compiledEntry), but for
// `help`, which runs as `npm run kite` does (tsx scripts/kite.ts).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobLeases } from '../../src/db/job-leases';
import { rateLimitCounters } from '../../src/db/rate-limit';
import { toDbTime } from '../../src/db/time';
import { COMMANDS } from '../../src/server/cli/commands';
import { DIALECTS } from '../helpers/dialects';
import { COMPILED_CLI, compiledBuildBeforeAll, compiledEntry } from '../helpers/compiled-server';
import type { TestDb } from '../helpers/dialects';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run kite`'s own way: from the TypeScript sources through tsx. */
const FROM_SOURCES = ['--import', 'tsx', 'scripts/kite.ts'];

async function kite(
  args: string[],
  env: Record<string, string> = {},
  from?: readonly string[],
): Promise<Run> {
  const entry = from ?? [await compiledEntry(COMPILED_CLI)];
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...entry, ...args], {
      env: { ...process.env, DATABASE_URL: '', KITE_DATA_DIR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

const DAY = 86_400_000;
compiledBuildBeforeAll();

describe('kite CLI: the command line', () => {
  it('refuses an unknown command or option with one clear line and status 2', async () => {
    const unknown = await kite(['prune']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    const known = [...new Set(COMMANDS.map((c) => c.words[0]))];
    expect(known).toContain('purge');
    expect(unknown.stderr).toBe(
      `kite: unknown command "prune" (commands: ${known.join(', ')})\nsee: npm run kite -- help\n`,
    );
    const option = await kite(['purge', '--days=3']);
    expect(option.code).toBe(2);
    expect(option.stderr).toBe(
      'kite purge: unknown option --days\nsee: npm run kite -- help purge\n',
    );
  }, 60_000);

  it('lists its commands (run as npm run kite runs it, from the sources)', async () => {
    const r = await kite(['help'], {}, FROM_SOURCES);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('usage: npm run kite -- <command> [options]');
    expect(r.stdout).toMatch(/\n {2}purge +delete the data past its retention period now/);
  }, 60_000);

  it('stops with status 1 and one line on a bad configuration', async () => {
    const config = await kite(['purge'], { KITE_RETAIN_AUDIT_DAYS: 'ninety' });
    expect(config.code).toBe(1);
    expect(config.stderr).toBe(
      'kite purge: Invalid configuration: KITE_RETAIN_AUDIT_DAYS must be a whole number from 1 to 3650 (got "ninety")\n',
    );
  }, 60_000);

  it('stops with status 1 when the database cannot be reached, its password hidden', async () => {
    const password = `Pw${randomBytes(6).toString('hex')}`;
    const db = await kite(['purge'], {
      DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:1/kite`,
    });
    expect(db.code).toBe(1);
    expect(db.stderr).toMatch(/^kite purge: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/kite/);
    expect(db.stdout + db.stderr).not.toContain(password);
  }, 60_000);
});

for (const dialect of DIALECTS) {
  describe(`${dialect.name}: kite purge`, async () => {
    const enabled = await dialect.available();
    let testDb: TestDb;
    beforeAll(async () => {
      if (enabled) testDb = await dialect.fresh();
    });
    afterAll(async () => {
      if (enabled) await testDb.dispose();
    });

    /** Rows around the limits, relative to the real clock the CLI reads. */
    async function seed() {
      const k = testDb.db.kysely;
      const now = Date.now();
      await k.deleteFrom('kite_user').execute();
      await k.deleteFrom('kite_audit').execute();
      await k.deleteFrom('kite_job').execute();
      await k
        .insertInto('kite_user')
        .values({
          id: 'u1',
          email: 'teacher@example.org',
          display_name: 'A teacher',
          role: 'teacher',
          status: 'active',
          password_hash: 'x',
          created_at: toDbTime(now - 100 * DAY),
          updated_at: toDbTime(now - 100 * DAY),
          last_active_at: toDbTime(now - DAY),
        })
        .execute();
      await k
        .insertInto('kite_audit')
        .values(
          [40, 31, 29, 1].map((days) => ({
            id: `a-${days}`,
            at: toDbTime(now - days * DAY),
            event: 'signin',
            outcome: 'ok' as const,
            actor_id: 'u1',
            subject_id: null,
            detail: null,
          })),
        )
        .execute();
      const session = (id: string, expires: number, lastSeen: number) => ({
        id,
        token_hash: `h-${id}`,
        user_id: 'u1',
        stage: 'full' as const,
        device: 'Safari on iPhone',
        created_at: toDbTime(expires - 12 * 3_600_000),
        last_seen_at: toDbTime(lastSeen),
        expires_at: toDbTime(expires),
      });
      await k
        .insertInto('kite_session')
        .values([
          session('gone', now - DAY, now - DAY - 3_600_000),
          session('idle', now + 3_600_000, now - 3_600_000),
          session('live', now + 3_600_000, now - 60_000),
        ])
        .execute();
      await k
        .insertInto('kite_token')
        .values({
          token_hash: 'used',
          kind: 'verify_email',
          user_id: 'u1',
          created_at: toDbTime(now - DAY),
          expires_at: toDbTime(now + DAY),
          used_at: toDbTime(now - DAY + 1000),
        })
        .execute();
      await rateLimitCounters(testDb.db).hit('ended-window', 1000, now - 10_000);
    }

    it.skipIf(!enabled)(
      'deletes what is past its period with the configured retention and says so per step',
      async () => {
        await seed();
        const r = await kite(['purge'], { ...testDb.env, KITE_RETAIN_AUDIT_DAYS: '30' });
        expect(r.stderr).toBe('');
        expect(r.code).toBe(0);
        expect(r.stdout.split('\n')).toEqual([
          '  security audit rows older than 30 days:            2 deleted',
          '  ended sessions:                                    2 deleted',
          '  used or expired tokens:                            1 deleted',
          '  accounts never confirmed within 30 days:           0 deleted',
          '  children inactive for 12 months:                   0 deleted',
          '  device credentials revoked more than 90 days ago:  0 deleted',
          "  children's feedback older than 730 days:           0 deleted",
          '  industry evidence past its retention period:       0 deleted',
          '  ended rate-limit windows:                          1 deleted',
          'purge: done, 6 rows deleted',
          '',
        ]);
        const k = testDb.db.kysely;
        const audit = await k.selectFrom('kite_audit').select('id').orderBy('id').execute();
        expect(audit.map((a) => a.id)).toEqual(['a-1', 'a-29']);
        const sessions = await k.selectFrom('kite_session').select('id').execute();
        expect(sessions.map((s) => s.id)).toEqual(['live']);
        expect(await k.selectFrom('kite_token').select('token_hash').execute()).toEqual([]);
        // The run is recorded like the server's own runs, and the lease is free again.
        const [job] = await jobLeases(testDb.db).list();
        expect(job).toMatchObject({ name: 'purge', lastOutcome: 'ok', leaseOwner: null });
      },
      30_000,
    );

    it.skipIf(!enabled)(
      'does nothing, with status 1, while another process holds the purge lease',
      async () => {
        await seed();
        const held = await jobLeases(testDb.db).claim('purge', 'server-1', Date.now(), 600_000);
        expect(held).toBe(true);
        const r = await kite(['purge'], testDb.env);
        expect(r.code).toBe(1);
        expect(r.stdout).toBe('');
        expect(r.stderr).toBe(
          'kite purge: a purge is running in another process now; nothing was done, try again later\n',
        );
        const audit = await testDb.db.kysely.selectFrom('kite_audit').select('id').execute();
        expect(audit).toHaveLength(4);
      },
      30_000,
    );
  });
}
