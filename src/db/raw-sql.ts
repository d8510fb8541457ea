// Fixed SQL sent as it is (learner-events.ts, hub-events.ts, term-events.ts, event-partitions.ts,
// device-credentials.ts): written once per dialect, not built and compiled as a Kysely query on
// every call. Any Kysely instance or transaction runs it, of any schema (the migrations' too),
// and so does SQLite's direct runner inside a group's transaction (sqlite-direct.ts).

import { CompiledQuery } from 'kysely';
import type { QueryResult } from 'kysely';

/** What runs a compiled statement: a Kysely instance or transaction, or sqlite-direct.ts. */
export interface Runner {
  executeQuery<R>(query: CompiledQuery<R>): Promise<QueryResult<R>>;
}

/** Runs `text` with its parameters (`?` on SQLite, `$n` on PostgreSQL) and gives its rows. */
export const run = <R>(db: Runner, text: string, parameters: unknown[] = []) =>
  db.executeQuery<R>(CompiledQuery.raw(text, parameters));
