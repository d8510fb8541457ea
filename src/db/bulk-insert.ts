// Many rows into one table fast, on either dialect (synthetic data: `kite nation seed`, the
// dashboard bench). SQLite: one multi-row statement, prepared once per size and kept
// (statement-cache.ts), run over the rows inside one transaction; PostgreSQL: multi-row INSERTs
// of a fixed size, each one round trip. Rows that break a constraint fail the whole call.

import { CompiledQuery, sql } from 'kysely';
import type { Db } from './connect';
import type { Database } from './schema';

/** SQLite's default limit of bound parameters per statement is 32 766; PostgreSQL's 65 535. */
const MAX_PARAMETERS = 30_000;
/** Rows per statement, at most (the statement's text grows with it). */
const MAX_ROWS = 1000;

function insertText(
  dialect: Db['dialect'],
  table: string,
  columns: readonly string[],
  rows: number,
): string {
  let p = 0;
  const values = Array.from(
    { length: rows },
    () => `(${columns.map(() => (dialect === 'postgres' ? `$${++p}` : '?')).join(', ')})`,
  ).join(', ');
  return `insert into ${table} (${columns.join(', ')}) values ${values}`;
}

/**
 * Inserts `rows` (each the values of `columns`, in order) into `table` in one transaction.
 * Table and column names are the caller's constants, never input.
 */
export async function bulkInsert(
  db: Db,
  table: keyof Database,
  columns: readonly string[],
  rows: readonly (readonly unknown[])[],
): Promise<void> {
  if (rows.length === 0) return;
  const per = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  await db.kysely.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += per) {
      const chunk = rows.slice(i, i + per);
      const parameters: unknown[] = [];
      for (const r of chunk) for (const v of r) parameters.push(v);
      await trx.executeQuery(
        CompiledQuery.raw(insertText(db.dialect, table, columns, chunk.length), parameters),
      );
    }
  });
}

/**
 * After a bulk load: PostgreSQL's planner statistics brought up to date at once (autovacuum
 * would, later; until then it takes a large table for a small one and scans it). SQLite plans
 * from its indexes without statistics: nothing to do.
 */
export async function refreshStatistics(db: Db): Promise<void> {
  if (db.dialect === 'postgres') await sql`analyze`.execute(db.kysely);
}
