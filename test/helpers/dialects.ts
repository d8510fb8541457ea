import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb } from '../../src/db/connect';
import type { Db, DialectName } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';

export const PG_ADMIN_URL =
  process.env.KITE_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const pgRequired = process.env.KITE_TEST_PG === 'required';

let pgReachable: Promise<boolean> | undefined;

/** Whether PostgreSQL answers at {@link PG_ADMIN_URL}; asked once per test process. */
export function isPostgresReachable(): Promise<boolean> {
  pgReachable ??= (async () => {
    const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
    try {
      await client.connect();
      await client.end();
      return true;
    } catch {
      await client.end().catch(() => {});
      return false;
    }
  })();
  return pgReachable;
}

/** A fresh, migrated database of the given dialect, and how to throw it away. */
export interface TestDb {
  db: Db;
  /**
   * Opens another connection to the same database, as a second app process would (the caller
   * closes it before `dispose`).
   */
  connectAgain(): Promise<Db>;
  /** The environment a Kite process (the server, the CLI) needs to open this database. */
  env: Readonly<Record<string, string>>;
  dispose(): Promise<void>;
}

/** A new empty SQLite file in a temporary folder, migrated. */
export async function freshSqlite(): Promise<TestDb> {
  const dir = mkdtempSync(join(tmpdir(), 'kite-test-'));
  const db = await openDb({ dataDir: dir });
  await migrateToLatest(db);
  return {
    db,
    connectAgain: () => openDb({ dataDir: dir }),
    env: { KITE_DATA_DIR: dir },
    dispose: async () => {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A new PostgreSQL database with a random name, migrated; dropped on dispose. */
export async function freshPostgres(): Promise<TestDb> {
  const name = `kite_test_${randomBytes(6).toString('hex')}`;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), createDatabase: true });
  await migrateToLatest(db);
  return {
    db,
    connectAgain: () => openDb({ databaseUrl: url.toString(), createDatabase: false }),
    env: { DATABASE_URL: url.toString() },
    dispose: async () => {
      await db.close();
      const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
      await admin.connect();
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export interface DialectCase {
  name: DialectName;
  /** Whether this dialect runs in this test process. */
  available(): Promise<boolean>;
  fresh(): Promise<TestDb>;
}

/**
 * The dialects an integration suite loops over: SQLite always; PostgreSQL when reachable, and
 * required (a failure, not a skip) when `KITE_TEST_PG=required`.
 */
export const DIALECTS: readonly DialectCase[] = [
  { name: 'sqlite', available: async () => true, fresh: freshSqlite },
  {
    name: 'postgres',
    available: async () => {
      const ok = await isPostgresReachable();
      if (!ok && pgRequired) {
        throw new Error(`KITE_TEST_PG=required but PostgreSQL does not answer at ${PG_ADMIN_URL}`);
      }
      if (!ok) {
        console.warn(
          `\n[kite] PostgreSQL not reachable at ${PG_ADMIN_URL}: PostgreSQL tests are SKIPPED (set KITE_TEST_PG=required to fail instead)\n`,
        );
      }
      return ok;
    },
    fresh: freshPostgres,
  },
];
