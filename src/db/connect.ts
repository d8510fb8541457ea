import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { redactSecrets } from './redact';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import type { Database } from './schema';
import { cachingStatements } from './statement-cache';
import { startCheckpointer } from './checkpointer';
import type { Checkpointer } from './checkpointer';
import { groupCommit } from './group-commit';
import { sqliteDirect } from './sqlite-direct';
import type { GroupCommit } from './group-commit';
import { pgNodes } from './pg-hosts';
import type { PgNode } from './pg-hosts';
import { PrimaryPool, ROLE_WORDS, roleOf } from './primary-pool';
import { DEFAULT_DB_RETRY_MS, retryOnFailover } from './retry';

export type DialectName = 'sqlite' | 'postgres';

/** An open database: the Kysely instance plus what the rest of the app needs to know about it. */
export interface Db {
  readonly kysely: Kysely<Database>;
  /**
   * For dashboards and reports: a read replica's connection (DATABASE_READ_URL) where there is
   * one, else `kysely` itself. A replica lags the primary by a moment: what must see a write
   * just made (sign-in, authorization, a page after a change) reads `kysely`.
   */
  readonly read: Kysely<Database>;
  readonly dialect: DialectName;
  /** Resolves when the database answers a trivial query; rejects otherwise. */
  ping(): Promise<void>;
  /**
   * Runs `work`, which must be idempotent (the same outcome when it runs twice, as when a
   * commit's answer was lost), and on PostgreSQL runs it again after each failover error
   * (failover-errors.ts) until the retry window has passed; then it throws
   * DatabaseUnavailableError (retry.ts). SQLite has no failover: `work` runs once.
   */
  retrying<T>(work: () => Promise<T>): Promise<T>;
  /** SQLite in a file: the thread that checkpoints its write-ahead log (checkpointer.ts). */
  readonly checkpointer?: Checkpointer;
  /** SQLite: syncs that arrive together share one commit (group-commit.ts). */
  readonly groupCommit?: GroupCommit;
  /**
   * How another thread opens the same database (a worker of the release builder), or undefined
   * when none can (SQLite in memory). Holds the PostgreSQL URL: never log it.
   */
  readonly reopen?: DbOptions;
  close(): Promise<void>;
}

export interface DbOptions {
  /**
   * `postgres://…`; absent means embedded SQLite in `dataDir`. It may list several hosts
   * (`postgres://kite@10.0.0.1:5432,10.0.0.2:5432/kite`): writes go to whichever is the
   * primary (primary-pool.ts).
   */
  databaseUrl?: string | undefined;
  /** PostgreSQL: a read replica for reports and dashboards (`Db.read`); needs `databaseUrl`. */
  readUrl?: string | undefined;
  /** Folder for the SQLite file (created when missing). */
  dataDir?: string;
  /** Full path of the SQLite file; overrides `dataDir`. `:memory:` is allowed. */
  sqliteFile?: string;
  /** How long to keep trying to reach PostgreSQL, in ms (default 10 000). */
  connectTimeoutMs?: number;
  /** Create the PostgreSQL database when it does not exist (default true). */
  createDatabase?: boolean;
  /**
   * PostgreSQL: how long `Db.retrying` keeps sending idempotent work again while the primary
   * fails over, in ms (KITE_DB_RETRY_MS; default 30 000).
   */
  retryMs?: number;
  /** PostgreSQL: told when the primary writes go to changes (a `host:port`, or undefined). */
  onPrimary?: (label: string | undefined) => void;
  /**
   * PostgreSQL: keep the sync's statements prepared on each connection (named-statements.ts;
   * default true; KITE_PG_PREPARED=off behind a pooler that cannot carry them).
   */
  namedStatements?: boolean;
  /**
   * SQLite in a file: checkpoint the write-ahead log from a worker thread rather than in the
   * request that commits (default true; false for tools that open the file briefly).
   */
  backgroundCheckpoints?: boolean;
  /**
   * SQLite: `normal` (default) survives a crash of the process, and may lose the last commits
   * in a power cut; `full` syncs every commit to the disk before it returns, for a school hub
   * that acknowledges answers (KITE_MODE=hub, docs/deploy.md).
   */
  synchronous?: 'normal' | 'full';
}

/** A database that could not be opened; its message is one line, safe to print. */
export class DbConnectError extends Error {
  override readonly name = 'DbConnectError';
  constructor(message: string) {
    super(redactSecrets(message));
  }
}

/** The data folder: only Kite's user may list or enter it. */
const DIR_MODE = 0o700;
/** The database and its WAL and shared-memory files: only Kite's user may read or write them. */
const FILE_MODE = 0o600;

/** Creates the SQLite file (when missing) and its companions with {@link FILE_MODE}. */
function restrictFiles(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f)) chmodSync(f, FILE_MODE);
  }
}

/** Opens SQLite (default) or PostgreSQL (when `databaseUrl` is set) and checks it answers. */
export async function openDb(options: DbOptions): Promise<Db> {
  if (options.readUrl && !options.databaseUrl)
    throw new DbConnectError('A read replica needs DATABASE_URL: SQLite has none');
  return options.databaseUrl ? openPostgres(options.databaseUrl, options) : openSqlite(options);
}

function openSqlite({
  dataDir = './data',
  sqliteFile,
  backgroundCheckpoints = true,
  synchronous = 'normal',
}: DbOptions): Db {
  let file = sqliteFile;
  if (!file) {
    try {
      // A folder Kite creates is private to its user; an existing folder is left as it is.
      mkdirSync(dataDir, { recursive: true, mode: DIR_MODE });
    } catch (e) {
      throw new DbConnectError(`Cannot create the data folder ${dataDir}: ${(e as Error).message}`);
    }
    file = join(dataDir, 'kite.sqlite');
  }
  let database: SQLite.Database;
  try {
    restrictFiles(file);
    database = new SQLite(file);
  } catch (e) {
    throw new DbConnectError(`Cannot open the SQLite database ${file}: ${(e as Error).message}`);
  }
  database.pragma('journal_mode = WAL');
  // SQLite gives the WAL and shared-memory files the database file's mode; made sure here.
  restrictFiles(file);
  // NORMAL is durable across application crashes in WAL mode and much faster than FULL; FULL
  // also survives a power cut (each commit waits for the disk), for a school hub.
  database.pragma(synchronous === 'full' ? 'synchronous = FULL' : 'synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const checkpointer =
    backgroundCheckpoints && file !== ':memory:' && file !== ''
      ? startCheckpointer(database, file)
      : undefined;
  const statements = cachingStatements(database);
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: statements }) });
  return {
    kysely,
    read: kysely,
    dialect: 'sqlite',
    ...(checkpointer ? { checkpointer } : {}),
    groupCommit: groupCommit(kysely, { direct: sqliteDirect(statements) }),
    ...(file === ':memory:' || file === ''
      ? {}
      : { reopen: { sqliteFile: file, backgroundCheckpoints: false } }),
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    retrying: (work) => work(),
    close: async () => {
      await checkpointer?.stop();
      await kysely.destroy();
    },
  };
}

async function openPostgres(url: string, options: DbOptions): Promise<Db> {
  let nodes: PgNode[];
  try {
    nodes = pgNodes(url);
  } catch (e) {
    throw new DbConnectError(`DATABASE_URL ${(e as Error).message}`);
  }
  return openPostgresNodes(nodes, options);
}

/**
 * PostgreSQL on the nodes given (the hosts of DATABASE_URL, pg-hosts.ts): waits until one of
 * them is the primary, and writes go to whichever is the primary from then on. Exported for
 * tests that stand two databases in for two nodes.
 */
export async function openPostgresNodes(nodes: PgNode[], options: DbOptions): Promise<Db> {
  const deadline = Date.now() + (options.connectTimeoutMs ?? 10_000);
  await waitForPrimary(nodes, deadline, options.createDatabase ?? true);
  const writes = new PrimaryPool({
    nodes,
    max: 10,
    connectTimeoutMs: 5_000,
    namedStatements: options.namedStatements ?? true,
    ...(options.onPrimary ? { onPrimary: options.onPrimary } : {}),
  });
  const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: writes }) });
  let read = kysely;
  if (options.readUrl) {
    await waitForPostgres(options.readUrl, deadline, describeUrl(options.readUrl), false);
    read = postgresKysely(options.readUrl);
  }
  const retryMs = options.retryMs ?? DEFAULT_DB_RETRY_MS;
  return {
    kysely,
    read,
    dialect: 'postgres',
    ...(options.databaseUrl
      ? { reopen: { databaseUrl: options.databaseUrl, createDatabase: false, retryMs } }
      : {}),
    ping: async () => {
      await sql`select 1`.execute(kysely);
    },
    retrying: (work) => retryOnFailover(work, { windowMs: retryMs }),
    close: async () => {
      if (read !== kysely) await read.destroy();
      await kysely.destroy();
    },
  };
}

/** A pool on one node, whatever its role: the read replica's. */
function postgresKysely(url: string): Kysely<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // A client losing its connection must not crash the process, idle (the pool's 'error') or
  // checked out between two queries (its own 'error', primary-pool.ts); the next query
  // reconnects.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

/** A node that does not answer (yet): worth asking again until the deadline. */
class NoAnswer extends Error {}

const pause = (deadline: number) =>
  new Promise((r) => setTimeout(r, Math.min(500, Math.max(0, deadline - Date.now()))));

/**
 * Connects to one node once and says what it is. Creates the database when it is missing and
 * `create` (on a primary; a standby cannot, and says so). Throws {@link NoAnswer} when the node
 * cannot be reached, and DbConnectError when waiting would not help (wrong credentials, a
 * database missing that may not be created).
 */
async function askNode(url: string, target: string, create: boolean, timeoutMs: number) {
  for (let attempt = 1; ; attempt++) {
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: Math.max(250, Math.min(timeoutMs, 3_000)),
    });
    client.on('error', () => {});
    try {
      await client.connect();
      return await roleOf(client);
    } catch (e) {
      const err = e as Error & { code?: string };
      if (err.code === '3D000') {
        if (!create) throw new DbConnectError(`PostgreSQL database at ${target} does not exist`);
        if (attempt === 1 && (await createPostgresDatabase(url, target))) continue;
        return 'read-only' as const;
      }
      if (err.code === '28P01' || err.code === '28000') {
        throw new DbConnectError(`PostgreSQL at ${target} refused the credentials: ${err.message}`);
      }
      throw new NoAnswer(err.message || err.code || 'connection failed');
    } finally {
      await client.end().catch(() => {});
    }
  }
}

/** A replica (DATABASE_READ_URL): waits until it answers, whatever its role. */
async function waitForPostgres(url: string, deadline: number, target: string, create: boolean) {
  let lastError = 'no answer';
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new DbConnectError(`Cannot reach PostgreSQL at ${target} within 10 s: ${lastError}`);
    }
    try {
      await askNode(url, target, create, remaining);
      return;
    } catch (e) {
      if (!(e instanceof NoAnswer)) throw e;
      lastError = e.message;
      await pause(deadline);
    }
  }
}

/**
 * Waits until one of `nodes` answers as the primary (one that is a standby may be being
 * promoted; one that does not answer may be restarting). Wrong credentials, or a missing
 * database that may not be created, end the wait at once.
 */
async function waitForPrimary(nodes: readonly PgNode[], deadline: number, create: boolean) {
  let said: string[] = ['no answer'];
  for (;;) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      const only = nodes.length === 1 ? nodes[0]! : undefined;
      throw new DbConnectError(
        only
          ? `Cannot reach PostgreSQL at ${describeUrl(only.url)} within 10 s: ${said.join('; ')}`
          : `No primary among the PostgreSQL hosts ${nodes.map((n) => n.label).join(', ')} within 10 s: ${said.join('; ')}`,
      );
    }
    said = [];
    for (const node of nodes) {
      const target = describeUrl(node.url);
      try {
        const role = await askNode(node.url, target, create, deadline - Date.now());
        if (role === 'primary') return;
        said.push(
          `${node.label} is ${ROLE_WORDS[role]}` +
            (nodes.length === 1 ? '; DATABASE_URL must name the primary' : ''),
        );
      } catch (e) {
        if (!(e instanceof NoAnswer)) throw e;
        said.push(nodes.length === 1 ? e.message : `${node.label}: ${e.message}`);
      }
    }
    await pause(deadline);
  }
}

/**
 * Creates the database of `url` on its node: true when made (or made meanwhile by another
 * process), false when the node is read-only (a standby cannot create one).
 */
async function createPostgresDatabase(url: string, target: string): Promise<boolean> {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ''));
  if (!/^[A-Za-z0-9_-]+$/.test(name)) {
    throw new DbConnectError(
      `PostgreSQL database "${name}" does not exist; create it with: createdb "${name}"`,
    );
  }
  u.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: u.toString(), connectionTimeoutMillis: 3_000 });
  admin.on('error', () => {});
  try {
    await admin.connect();
    await admin.query(`create database "${name}"`);
    return true;
  } catch (e) {
    const err = e as Error & { code?: string };
    if (err.code === '42P04') return true;
    if (err.code === '25006') return false;
    throw new DbConnectError(
      `PostgreSQL database at ${target} does not exist and could not be created (${err.message}); create it with: createdb "${name}"`,
    );
  } finally {
    await admin.end().catch(() => {});
  }
}

/** The URL without its password, for messages. */
function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return `${u.host}${u.pathname}`;
  } catch {
    return 'the given DATABASE_URL';
  }
}
