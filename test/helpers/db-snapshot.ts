import { createHash } from 'node:crypto';
import { sql } from 'kysely';
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
export function isFailureRecord(table: string, row: Readonly<Record<string, unknown>>): boolean {
  return table === 'kite_rate_limit' || (table === 'kite_audit' && row.outcome === 'fail');
}

const tableNames = new WeakMap<Db, Promise<string[]>>();

/** Every table of the database (Kysely's own included), read once per database. */
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

function canonical(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('hex');
  return value;
}

function rowText(row: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(
    Object.keys(row)
      .sort()
      .map((k) => [k, canonical(row[k])]),
  );
}

/**
 * The count and a hash of the contents of every table, without the rows
 * {@link isFailureRecord} names. Row order does not matter; any change of any value does.
 */
export async function snapshotDb(db: Db): Promise<DbSnapshot> {
  if (db.dialect === 'postgres') return snapshotPostgres(db);
  const out: Record<string, TableDigest> = {};
  for (const table of await tablesOf(db)) {
    // The table names come from the database itself.
    const rows = (await db.kysely
      .selectFrom(table as 'kite_meta')
      .selectAll()
      .execute()) as Record<string, unknown>[];
    const kept = rows.filter((r) => !isFailureRecord(table, r)).map(rowText);
    kept.sort();
    const hash = createHash('sha256');
    for (const text of kept) hash.update(text).update('\n');
    out[table] = { rows: kept.length, hash: hash.digest('hex').slice(0, 16) };
  }
  return out;
}

/**
 * The same digest on PostgreSQL in one round trip: each table's rows hashed and counted by the
 * database (the fuzz and authorization tests take a snapshot after every request, and one query
 * per table was most of a request's time there). Row text is PostgreSQL's own JSON of the row, so
 * its hashes are not comparable with SQLite's; only snapshots of one database are compared.
 */
async function snapshotPostgres(db: Db): Promise<DbSnapshot> {
  const parts = (await tablesOf(db)).map((table) => {
    // The table names come from the database itself; the failure records as isFailureRecord.
    const where =
      table === 'kite_rate_limit'
        ? sql` where false`
        : table === 'kite_audit'
          ? sql` where t.outcome is distinct from 'fail'`
          : sql``;
    return sql`select ${table}::text as name, count(*)::int as rows,
      coalesce(md5(string_agg(md5(row_to_json(t)::text), ',' order by md5(row_to_json(t)::text))), '') as hash
      from ${sql.table(table)} t${where}`;
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
