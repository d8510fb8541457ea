import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { CompiledQuery, RawBuilder } from 'kysely';
import type { Db } from '../../src/db/connect';

/** One table as a snapshot sees it: how many rows, and a hash of their contents. */
export interface TableDigest {
  readonly rows: number;
  readonly hash: string;
}

/** Every table of the database, by name. */
export type DbSnapshot = Readonly<Record<string, TableDigest>>;

/**
 * What a refused request may write, by design, and so what a snapshot leaves out:
 * - `kite_rate_limit`, every row: attempt counters. The throttle counts failed sign-ins, codes
 *   and reset requests per account and per client (that is how guessing slows down), and the
 *   PDF routes count requests per client.
 * - `kite_audit` rows with outcome `fail`: the security log records failed sign-ins, wrong
 *   codes and throttling (GOV-02).
 * Everything else is "written": any other row of any table (users, sessions and their
 * `last_seen_at`, tokens, recovery codes, settings, migrations), and every audit row with
 * outcome `ok`, added, removed or changed.
 */
function withoutFailureRecords(table: string) {
  // IS DISTINCT FROM: both dialects, and an audit row without an outcome is not a failure.
  if (table === 'kite_rate_limit') return sql` where false`;
  if (table === 'kite_audit') return sql` where t.outcome is distinct from 'fail'`;
  return sql``;
}

const tableNames = new WeakMap<Db, Promise<string[]>>();

/** PostgreSQL: every table of the database (Kysely's own included), read once per database. */
function tablesOf(db: Db): Promise<string[]> {
  let names = tableNames.get(db);
  if (!names) {
    names = db.kysely.introspection
      .getTables({ withInternalKyselyTables: true })
      .then((ts) => ts.map((t) => t.name).sort());
    tableNames.set(db, names);
  }
  return names;
}

/**
 * The count and a hash of the contents of every table, without the failure records
 * ({@link withoutFailureRecords}). Row order does not matter; any change of any value does.
 */
export async function snapshotDb(db: Db): Promise<DbSnapshot> {
  return db.dialect === 'postgres' ? snapshotPostgres(db) : snapshotSqlite(db);
}

/**
 * One value of a row as its JSON text shows it. SQLite's JSON keeps a value's kind (`1`, `1.0`
 * and `"1"` differ) and prints reals exactly. A blob, which any column may hold (SQLite types
 * values, not columns), it would refuse or, worse, read as JSONB (x'1331' prints as `1`): so a
 * blob becomes `{"blob":"<hex>"}`, which no other value prints as.
 */
function valueOf(column: string) {
  const c = sql.id(column);
  return sql`case when typeof(${c}) = 'blob' then json_object('blob', hex(${c})) else ${c} end`;
}

/** A row of the SQLite digest: a table's count and rows' texts, or (name null) the schema's version. */
interface SqliteDigestRow {
  name: string | null;
  rows: number;
  body: string;
}

/** The SQLite digest statement for one version of a database's schema. */
interface SqliteDigest {
  readonly version: number;
  readonly query: CompiledQuery<SqliteDigestRow>;
}

/**
 * The statement, kept per database and schema version: reading the tables and columns and
 * building the statement cost more than running it on a small database. It keeps no data, and the
 * schema version is read on every call, so a table or column added by any connection is seen.
 */
const sqliteDigests = new WeakMap<Db, SqliteDigest>();

function schemaVersion(): RawBuilder<unknown> {
  return sql`(select schema_version from pragma_schema_version)`;
}

/** Builds the digest statement from the tables and columns the database has now. */
async function sqliteDigest(db: Db, version: number): Promise<SqliteDigest> {
  // The same tables as Kysely's introspection lists (its own included, SQLite's left out).
  const { rows: columns } = await sql<{ tbl: string; col: string }>`select m.name as tbl,
    c.name as col from sqlite_schema m join pragma_table_info(m.name) c
    where m.type in ('table', 'view') and m.name not like 'sqlite_%'
    order by m.name, c.cid`.execute(db.kysely);
  const byTable = new Map<string, string[]>();
  for (const { tbl, col } of columns) {
    const cols = byTable.get(tbl) ?? [];
    cols.push(col);
    byTable.set(tbl, cols);
  }
  const parts = [...byTable].map(([table, cols]) => {
    // The names come from the database itself. JSON texts hold no raw line break, so one joins
    // a table's rows without ambiguity. The rows are joined in the order the subquery sorts them
    // (SQLite does not flatten a sorted subquery into an aggregate), which measured cheaper than
    // group_concat's own ORDER BY; an order not kept would show as a change, never hide one.
    return sql`select ${table} as name, count(*) as rows,
      coalesce(group_concat(r, char(10)), '') as body
      from (select json_array(${sql.join(cols.map(valueOf))}) as r
        from ${sql.table(table)} t${withoutFailureRecords(table)} order by r)`;
  });
  parts.push(sql`select null as name, ${schemaVersion()} as rows, '' as body`);
  const query = sql<SqliteDigestRow>`${sql.join(parts, sql` union all `)}`.compile(db.kysely);
  return { version, query };
}

/**
 * The digest on SQLite in one statement: each table's rows become JSON texts in the database,
 * sorted and joined there, so the test hashes one string per table instead of reading every row
 * into objects (the authorization and fuzz tests take a snapshot after every request).
 */
async function snapshotSqlite(db: Db): Promise<DbSnapshot> {
  for (;;) {
    const {
      rows: [current],
    } = await sql<{ version: number }>`select ${schemaVersion()} as version`.execute(db.kysely);
    let digest = sqliteDigests.get(db);
    if (!current) throw new Error('SQLite did not tell its schema version');
    if (digest?.version !== current.version) {
      digest = await sqliteDigest(db, current.version);
      sqliteDigests.set(db, digest);
    }
    const { rows } = await db.kysely.executeQuery(digest.query);
    // The schema changed between reading its version and reading the rows: build again.
    if (rows.find((r) => r.name === null)?.rows !== digest.version) continue;
    const out: Record<string, TableDigest> = {};
    for (const r of rows) {
      if (r.name === null) continue;
      const hash = createHash('sha256').update(r.body).digest('hex').slice(0, 16);
      out[r.name] = { rows: r.rows, hash };
    }
    return out;
  }
}

/**
 * The same digest on PostgreSQL in one round trip: each table's rows hashed and counted by the
 * database (the fuzz and authorization tests take a snapshot after every request, and one query
 * per table was most of a request's time there). Row text is PostgreSQL's own JSON of the row, so
 * its hashes are not comparable with SQLite's; only snapshots of one database are compared.
 */
async function snapshotPostgres(db: Db): Promise<DbSnapshot> {
  const parts = (await tablesOf(db)).map((table) => {
    // The table names come from the database itself.
    return sql`select ${table}::text as name, count(*)::int as rows,
      coalesce(md5(string_agg(md5(row_to_json(t)::text), ',' order by md5(row_to_json(t)::text))), '') as hash
      from ${sql.table(table)} t${withoutFailureRecords(table)}`;
  });
  const { rows } = await sql<{ name: string; rows: number; hash: string }>`${sql.join(
    parts,
    sql` union all `,
  )}`.execute(db.kysely);
  const out: Record<string, TableDigest> = {};
  for (const r of rows) out[r.name] = { rows: r.rows, hash: r.hash.slice(0, 16) };
  return out;
}

/** The tables whose rows differ between two snapshots (empty when nothing was written). */
export function changedTables(before: DbSnapshot, after: DbSnapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names]
    .filter((t) => before[t]?.rows !== after[t]?.rows || before[t]?.hash !== after[t]?.hash)
    .sort();
}
