// Fixed SQL sent as it is (learner-events.ts, hub-events.ts, term-events.ts, event-partitions.ts,
// device-credentials.ts): written once per dialect, not built and compiled as a Kysely query on
// every call. Any Kysely instance or transaction runs it, of any schema (the migrations' too).

import { CompiledQuery } from 'kysely';
import type { Kysely } from 'kysely';

// The schema does not matter to a statement that is already SQL.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Runner = Pick<Kysely<any>, 'executeQuery'>;

/** Runs `text` with its parameters (`?` on SQLite, `$n` on PostgreSQL) and gives its rows. */
export const run = <R>(db: Runner, text: string, parameters: unknown[] = []) =>
  db.executeQuery<R>(CompiledQuery.raw(text, parameters));
