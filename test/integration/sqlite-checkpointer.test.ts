import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { startCheckpointer } from '../../src/db/checkpointer';
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

  it(
    'starts the log over under steady writes, long before the safety net',
    { timeout: 30_000 },
    async () => {
      // A writer that never stops for long, as a busy server's: a commit of a few pages, then a
      // pause of about a millisecond. The worker's checkpoints copy the log as it was when they
      // began, so under such writes they end a little behind and the log never starts over by
      // itself: with one pass and nothing from the request thread, it was 17,752 pages long
      // after 3 s of these writes here; with the worker's passes alone, 878 and 1,555 in two runs,
      // and with both, 509–629 in eight. The safety net is out of reach: only the checkpointer can
      // keep the log short.
      dir = mkdtempSync(join(tmpdir(), 'kite-ckpt-'));
      const file = join(dir, 'kite.sqlite');
      const database = new SQLite(file);
      database.pragma('journal_mode = WAL');
      database.pragma('synchronous = NORMAL');
      const restartPages = 400;
      const checkpointer = startCheckpointer(database, file, {
        intervalMs: 20,
        minPages: 100,
        restartPages,
        safetyNetPages: 1_000_000,
      });
      try {
        database.exec('create table t (id integer primary key, k text unique, body text)');
        const insert = database.prepare('insert into t (k, body) values (?, ?)');
        const rowsACommit = 6;
        const rowBytes = 1500;
        const commit = database.transaction((n: number) => {
          for (let j = 0; j < rowsACommit; j++)
            insert.run(`${n}-${j}-${Math.random()}`, 'x'.repeat(rowBytes));
        });
        const pageSize = database.pragma('page_size', { simple: true }) as number;
        // The log's length as the worker finds it, from its first start-over under these writes
        // on (the log grows unchecked until the thread has started: 1,346 pages in one run).
        let longest = 0;
        let n = 0;
        // Rows of twelve times the log's start-over length, many times the longest log allowed:
        // about 2 s here, 3 s or more on a loaded machine (the writer's pace is the machine's).
        const rows = (12 * restartPages * pageSize) / rowBytes;
        for (const until = Date.now() + 15_000; n * rowsACommit < rows && Date.now() < until;) {
          commit(n++);
          if (checkpointer.restarts > 1) longest = Math.max(longest, checkpointer.logPages);
          await new Promise((r) => setTimeout(r, 1));
        }
        expect(n * rowsACommit, 'rows written within 15 s').toBeGreaterThanOrEqual(rows);
        expect(checkpointer.lastError).toBeUndefined();
        expect(checkpointer.restarts).toBeGreaterThan(3);
        expect(longest).toBeLessThan(2 * restartPages);
        expect(checkpointer.logPages).toBeLessThan(2 * restartPages);
      } finally {
        await checkpointer.stop();
        database.close();
      }
    },
  );

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
