import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash, randomBytes } from 'node:crypto';
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

/**
 * The name of this run's migrated template: a hash of the database code (the migrations and
 * what they import) and the day, since the event log's monthly partitions are made around the
 * day the migration runs. Another checkout with other migrations gets a template of its own.
 */
function templateName(): string {
  const h = createHash('sha256');
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : 1,
    )) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (!/\.test\.ts$/.test(entry.name)) h.update(`${path}\0`).update(readFileSync(path));
    }
  };
  walk('src/db');
  const day = new Date().toISOString().slice(0, 10).replaceAll('-', '');
  return `kite_tpl_${day}_${h.digest('hex').slice(0, 12)}`;
}

let template: Promise<string> | undefined;

/**
 * A database migrated to the latest version, made once per database code and day and then
 * copied by `create database … template` for each test (about 0.1 s against 1–2 s for running
 * every migration again). Test processes make it under an advisory lock; it is migrated under
 * another name and renamed when done, so a crash never leaves a half-migrated template.
 */
function migratedTemplate(): Promise<string> {
  template ??= (async () => {
    const name = templateName();
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    try {
      await admin.query(`select pg_advisory_lock(hashtext('kite_test_template'))`);
      const found = await admin.query('select 1 from pg_database where datname = $1', [name]);
      if (found.rowCount === 0) {
        const building = `${name}_building`;
        await admin.query(`drop database if exists "${building}" with (force)`);
        const url = new URL(PG_ADMIN_URL);
        url.pathname = `/${building}`;
        const db = await openDb({ databaseUrl: url.toString(), createDatabase: true });
        try {
          await migrateToLatest(db);
        } finally {
          await db.close();
        }
        await admin.query(`alter database "${building}" rename to "${name}"`);
        // Templates of earlier days are no use to anyone any more.
        const day = name.slice('kite_tpl_'.length, 'kite_tpl_'.length + 8);
        const old = await admin.query<{ datname: string }>(
          "select datname from pg_database where datname like 'kite\\_tpl\\_%' and substr(datname, 10, 8) < $1",
          [day],
        );
        for (const { datname } of old.rows)
          await admin.query(`drop database if exists "${datname}" with (force)`);
      }
      return name;
    } finally {
      await admin.query(`select pg_advisory_unlock(hashtext('kite_test_template'))`);
      await admin.end();
    }
  })();
  return template;
}

/** A new PostgreSQL database with a random name, migrated (a copy of the template); dropped on dispose. */
export async function freshPostgres(): Promise<TestDb> {
  const name = `kite_test_${randomBytes(6).toString('hex')}`;
  const source = await migratedTemplate();
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`create database "${name}" template "${source}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), createDatabase: false });
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
