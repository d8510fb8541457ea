import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect';
import { jobLeases } from '../../src/db/job-leases';
import { COMPILED_SERVER, compiledBuildBeforeAll, compiledEntry } from '../helpers/compiled-server';
import { freePort } from '../helpers/free-port';

// The real entry point as a child process: startup failures and graceful shutdown. It runs
// compiled (build/, as production does, brought up to date by compiledEntry), but for one start
// from the TypeScript sources as `npm run dev` runs them.
const dataDir = mkdtempSync(join(tmpdir(), 'kite-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
compiledBuildBeforeAll();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `npm run dev`'s way; the others run `node build/server/main.js`. */
const FROM_SOURCES = ['--import', 'tsx', 'src/server/main.ts'];

async function runMain(
  env: Record<string, string>,
  whileRunning?: (out: () => string) => Promise<void>,
  from?: readonly string[],
) {
  const args = from ?? [await compiledEntry(COMPILED_SERVER)];
  return new Promise<Run>((resolve) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, KITE_DATA_DIR: dataDir, KITE_WEB_DIR: 'no-such-dir', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
    if (whileRunning) {
      const wait = setInterval(() => {
        if (!stdout.includes('Kite is running')) return;
        clearInterval(wait);
        void whileRunning(() => stdout).finally(() => child.kill('SIGTERM'));
      }, 50);
    }
  });
}

describe('main: startup and shutdown', () => {
  it('exits 1 with one clear line on a bad PORT (started from the TypeScript sources)', async () => {
    // From the sources, as `npm run dev` starts it: every module of the server loads under tsx.
    const r = await runMain({ PORT: 'abc' }, undefined, FROM_SOURCES);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'kite: Invalid configuration: PORT must be a whole number from 1 to 65535 (got "abc")',
    ]);
  });

  it('exits 1 with one clear line when PostgreSQL cannot be reached, within about 10 s', async () => {
    // What starting costs before the database is tried (loading the server's modules, reading
    // the configuration), measured by a start that stops at a bad setting: on a loaded machine
    // it alone is several seconds, and the bar below is about the wait for the database.
    const baseline = Date.now();
    expect((await runMain({ PORT: 'not-a-port' })).code).toBe(1);
    const startup = Date.now() - baseline;
    const started = Date.now();
    const password = `unreachable-${randomBytes(8).toString('hex')}`;
    const r = await runMain({ DATABASE_URL: `postgres://postgres:${password}@127.0.0.1:1/kite` });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kite: Cannot reach PostgreSQL at 127\.0\.0\.1:1\/kite within 10 s/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stdout + r.stderr).not.toContain(password);
    // The 10 s connect timeout and at most 3 s more, beyond what starting costs.
    expect(Date.now() - started - startup).toBeLessThan(13_000);
  }, 60_000);

  it.each([
    ['a space in it', (pw: string) => `postgres://kite:${pw}@127.0.0.1:5432/kite db`],
    ['a port that is not a number', (pw: string) => `postgres://kite:${pw}@127.0.0.1:port/kite`],
    ['a broken host', (pw: string) => `postgresql://kite:${pw}@[::1/kite`],
    ['an @ in the password', (pw: string) => `postgres://kite:${pw}@x@127.0.0.1:5432/k db`],
    [
      'a user PostgreSQL does not know',
      (pw: string) => `postgres://no_such_role:${pw}@127.0.0.1:5432/kite`,
    ],
  ])('never prints the password of a DATABASE_URL with %s', async (_name, url) => {
    const password = `Pw${randomBytes(8).toString('hex')}`;
    const r = await runMain({ DATABASE_URL: url(password) });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^kite: /);
    expect(r.stdout + r.stderr).not.toContain(password);
    expect(r.stdout + r.stderr).not.toContain(password.slice(2));
  });

  it('drains on SIGTERM: /api/ready answers 503 draining while requests are still served, then it exits 0 within 10 s', async () => {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const seen: { ready: number; code?: string; health: number; after: number }[] = [];
    let signalled = 0;
    const entry = await compiledEntry(COMPILED_SERVER);
    const r = await new Promise<Run & { exitedAfterMs: number }>((resolve) => {
      const child = spawn(process.execPath, [entry], {
        env: {
          ...process.env,
          // Its own data: the jobs it runs at start are not due again for the next test's server.
          KITE_DATA_DIR: join(dataDir, 'draining'),
          KITE_WEB_DIR: 'no-such-dir',
          PORT: String(port),
          KITE_DRAIN_MS: '1500',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code) =>
        resolve({ code, stdout, stderr, exitedAfterMs: Date.now() - signalled }),
      );
      const wait = setInterval(() => {
        if (!stdout.includes('Kite is running')) return;
        clearInterval(wait);
        void (async () => {
          expect((await fetch(`${base}/api/ready`)).status).toBe(200);
          signalled = Date.now();
          child.kill('SIGTERM');
          // Probe while it drains: ready says no, the app still answers.
          for (let i = 0; i < 4; i++) {
            await new Promise((res) => setTimeout(res, 200));
            const ready = await fetch(`${base}/api/ready`);
            const body = (await ready.json()) as { error?: { code?: string } };
            const health = await fetch(`${base}/api/health`);
            seen.push({
              ready: ready.status,
              ...(body.error?.code ? { code: body.error.code } : {}),
              health: health.status,
              after: Date.now() - signalled,
            });
          }
        })();
      }, 50);
    });
    expect(seen.length).toBe(4);
    for (const s of seen) expect(s).toMatchObject({ ready: 503, code: 'draining', health: 200 });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('"drainMs":1500');
    expect(r.exitedAfterMs).toBeGreaterThanOrEqual(1500);
    expect(r.exitedAfterMs).toBeLessThan(10_000);
  });

  it('serves, prints its URL, and shuts down cleanly on SIGTERM', async () => {
    let health = 0;
    const port = await freePort();
    const ok = await runMain({ PORT: String(port) }, async () => {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      health = res.status;
    });
    expect(health).toBe(200);
    expect(ok.stdout).toContain(`Kite is running at http://127.0.0.1:${port}`);
    expect(ok.stdout).toContain('"signal":"SIGTERM"');
    expect(ok.code).toBe(0);
    // Its job runner ran the retention purge and the industry reminders at start, and let go
    // of their leases on the way out.
    expect(ok.stdout).toMatch(/"job":"purge","outcome":"ok"/);
    expect(ok.stdout).toMatch(/"job":"industry-reminders","outcome":"ok"/);
    const db = await openDb({ dataDir });
    try {
      const leases = await jobLeases(db).list();
      expect([...leases].sort((x, y) => x.name.localeCompare(y.name))).toMatchObject([
        { name: 'industry-reminders', lastOutcome: 'ok', leaseOwner: null },
        { name: 'purge', lastOutcome: 'ok', leaseOwner: null },
      ]);
    } finally {
      await db.close();
    }
  });
});
