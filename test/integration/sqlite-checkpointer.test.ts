import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/db/connect';
import type { Db } from '../../src/db/connect';
import { compiledBuildBeforeAll, compiledEntry } from '../helpers/compiled-server';

// SQLite only: the checkpointer is how Kite runs SQLite's write-ahead log; PostgreSQL has none.
describe('the SQLite checkpointer thread', () => {
  compiledBuildBeforeAll();
  let dir = '';
  let db: Db | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  const autocheckpoint = async (d: Db) =>
    (await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(d.kysely)).rows[0]
      ?.wal_autocheckpoint;

  it('syncs each commit to the disk on a school hub (synchronous FULL), NORMAL otherwise', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kite-sync-'));
    const level = async (d: Db) =>
      (await sql<{ synchronous: number }>`pragma synchronous`.execute(d.kysely)).rows[0]
        ?.synchronous;
    db = await openDb({ dataDir: dir });
    expect(await level(db)).toBe(1); // NORMAL
    await db.close();
    db = await openDb({ dataDir: dir, synchronous: 'full' });
    expect(await level(db)).toBe(2); // FULL
  });

  it('checkpoints a growing log off the request thread, keeps every row, and hands back on close', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kite-ckpt-'));
    db = await openDb({ dataDir: dir });
    const checkpointer = db.checkpointer;
    expect(checkpointer?.running).toBe(true);
    // No thread until the log has grown: a quiet database never pays for one.
    expect(checkpointer?.threadStarted).toBe(false);
    // The request thread checkpoints only as a safety net, far above the worker's threshold.
    expect(await autocheckpoint(db)).toBe(10_000);
    await sql`create table t (id integer primary key, body text)`.execute(db.kysely);
    const body = 'x'.repeat(2000);
    // About 3,000 pages of log: three times the worker's threshold.
    for (let i = 0; i < 60; i++) {
      await db.kysely.transaction().execute(async (trx) => {
        for (let j = 0; j < 100; j++) await sql`insert into t (body) values (${body})`.execute(trx);
      });
    }
    await expect.poll(() => checkpointer?.checkpoints ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(checkpointer?.threadStarted).toBe(true);
    expect(checkpointer?.lastError).toBeUndefined();
    // The checkpoints reached the database file itself.
    expect(statSync(join(dir, 'kite.sqlite')).size).toBeGreaterThan(6_000_000);
    const count = await sql<{ n: number }>`select count(*) as n from t`.execute(db.kysely);
    expect(count.rows[0]?.n).toBe(6000);
    await checkpointer?.stop();
    expect(checkpointer?.running).toBe(false);
    expect(await autocheckpoint(db)).toBe(1000);
  });

  it('is not started for a database in memory or when asked not to', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kite-ckpt-'));
    db = await openDb({ dataDir: dir, backgroundCheckpoints: false });
    expect(db.checkpointer).toBeUndefined();
    expect(await autocheckpoint(db)).toBe(1000);
    await db.close();
    db = await openDb({ sqliteFile: ':memory:' });
    expect(db.checkpointer).toBeUndefined();
  });

  it('stops at once when the log never grew enough to start its thread', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kite-ckpt-'));
    db = await openDb({ dataDir: dir });
    await sql`create table t (id integer primary key)`.execute(db.kysely);
    const checkpointer = db.checkpointer;
    await db.close();
    db = undefined;
    expect(checkpointer?.threadStarted).toBe(false);
    expect(checkpointer?.running).toBe(false);
  });

  it('holds the process open while it stops, so work after closing the database still runs', async () => {
    dir = mkdtempSync(join(tmpdir(), 'kite-ckpt-'));
    // A process with nothing else to do: the thread is unreferenced while it runs, but the
    // close must not let Node end the process in the middle of the await. The compiled module
    // (build/, brought up to date by compiledEntry), as production runs it. The log is grown
    // until the thread starts (about 6 MB of writes, each its own commit).
    const connect = await compiledEntry('build/db/connect.js');
    const script = [
      `import { openDb } from './${connect}';`,
      "import { sql } from 'kysely';",
      `const db = await openDb({ dataDir: ${JSON.stringify(dir)} });`,
      'await sql`create table t (body text)`.execute(db.kysely);',
      "const body = 'x'.repeat(2000);",
      'for (let i = 0; i < 1500; i++) await sql`insert into t (body) values (${body})`.execute(db.kysely);',
      'while (!db.checkpointer.threadStarted) await new Promise((r) => setTimeout(r, 20));',
      'await db.close();',
      "process.stdout.write('after close');",
    ].join('\n');
    const out = execFileSync('node', ['--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(out).toBe('after close');
  });
});
