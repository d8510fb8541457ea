// SQLite: fixed SQL run straight on the connection, for the statements of a group's transaction
// (group-commit.ts). Kysely's executor wraps each statement in a hand-over of the connection, a
// result transform and their promises, half a dozen of them a statement: on the ingest bench
// that was about 40 % of all a sync request allocated, for the half-dozen statements of a sync.
// Here a statement is prepared through the same cache (statement-cache.ts) and run as Kysely's
// SQLite driver runs it, giving the same result.
//
// Only for use inside a transaction that holds Kysely's one SQLite connection (the group's):
// the runner does not wait for that connection, so a statement sent from anywhere else could
// land in the middle of another's transaction.

import type { QueryResult, SqliteDatabase } from 'kysely';
import type { CompiledQuery } from 'kysely';
import type { Runner } from './raw-sql';

/** A runner of compiled statements on `database`, without Kysely's executor. */
export function sqliteDirect(database: SqliteDatabase): Runner {
  return {
    executeQuery<R>({ sql, parameters }: CompiledQuery<R>): Promise<QueryResult<R>> {
      const stmt = database.prepare(sql);
      if (stmt.reader) return Promise.resolve({ rows: stmt.all(parameters) as R[] });
      const { changes, lastInsertRowid } = stmt.run(parameters);
      return Promise.resolve({
        numAffectedRows: BigInt(changes),
        insertId: BigInt(lastInsertRowid),
        rows: [],
      });
    },
  };
}
