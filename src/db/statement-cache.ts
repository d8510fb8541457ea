import type SQLite from 'better-sqlite3';
import type { SqliteDatabase, SqliteStatement } from 'kysely';

/** How many prepared statements are kept; the app's distinct queries fit well within it. */
export const STATEMENT_CACHE_SIZE = 500;

/**
 * The SQLite database as Kysely sees it, with each prepared statement kept by its SQL text.
 * Kysely's SQLite driver prepares every query again on each execution; preparing (parsing and
 * planning the SQL) cost more than running the small queries of a sync request (bench:ingest).
 * A statement still busy (a streamed query being read) is not shared: such a query gets a
 * fresh one. SQLite re-prepares a kept statement by itself after a schema change.
 */
export function cachingStatements(
  database: SQLite.Database,
  size = STATEMENT_CACHE_SIZE,
): SqliteDatabase {
  const kept = new Map<string, SQLite.Statement>();
  return {
    close: () => {
      kept.clear();
      database.close();
    },
    prepare: (sql: string): SqliteStatement => {
      const found = kept.get(sql);
      if (found && !found.busy) {
        // Most recently used last, so the first is the one to evict.
        kept.delete(sql);
        kept.set(sql, found);
        return found as unknown as SqliteStatement;
      }
      const stmt = database.prepare(sql);
      if (!found) {
        kept.set(sql, stmt);
        if (kept.size > size) kept.delete(kept.keys().next().value as string);
      }
      return stmt as unknown as SqliteStatement;
    },
  };
}
