// Group commit for SQLite (docs/classes.md, "What a sync costs"): the syncs that arrive together
// share one transaction, each inside its own savepoint, so they share one commit — one write of
// the pages they all touch to the log and, on a school hub (synchronous=FULL), one wait for the
// disk instead of one per request. A sync is answered only after the commit that holds it.
//
// better-sqlite3 runs every statement synchronously, so without a pause a transaction would
// start and end within the request that began it and no two would ever meet. The first sync of
// a group therefore waits for `setImmediate`: every request the server read in the same turn of
// the event loop joins it. On an idle server that costs one turn (microseconds).

import { CompiledQuery } from 'kysely';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';
import type { Runner } from './raw-sql';

/**
 * Work that runs inside the group's transaction; its savepoint is undone if it throws. `raw`
 * runs fixed SQL (raw-sql.ts) in the same transaction, faster than `trx` where the group was
 * given a direct runner (sqlite-direct.ts); otherwise it is `trx`.
 */
export type GroupWork<T> = (trx: Transaction<Database>, raw: Runner) => Promise<T>;

/** Runs work in shared transactions, answering each once the commit that holds it is done. */
export interface GroupCommit {
  run<T>(work: GroupWork<T>): Promise<T>;
}

interface Pending {
  readonly work: GroupWork<unknown>;
  readonly resolve: (value: unknown) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: unknown };

/** Most syncs in one transaction: bounds how long the first of them waits for the commit. */
export const MAX_GROUP = 64;

// Sent as they are, three times a sync: not built and compiled by Kysely on every request.
const SAVEPOINT = CompiledQuery.raw('savepoint kite_group');
const RELEASE = CompiledQuery.raw('release kite_group');
const ROLLBACK = CompiledQuery.raw('rollback to kite_group');

export interface GroupCommitOptions {
  /** Most syncs in one transaction (default {@link MAX_GROUP}). */
  readonly maxGroup?: number;
  /**
   * Runs fixed SQL on the connection without Kysely's executor (sqlite-direct.ts): the group's
   * own statements and the works' `raw`. Safe here because the group's transaction holds the
   * connection while they run.
   */
  readonly direct?: Runner;
}

/** A group committer over one SQLite database (PostgreSQL commits concurrently on its own). */
export function groupCommit(
  kysely: Kysely<Database>,
  { maxGroup = MAX_GROUP, direct }: GroupCommitOptions = {},
): GroupCommit {
  const queue: Pending[] = [];
  let running = false;

  const runGroup = async (group: readonly Pending[]): Promise<void> => {
    const outcomes: Outcome[] = [];
    try {
      await kysely.transaction().execute(async (trx) => {
        const raw = direct ?? trx;
        for (const p of group) {
          await raw.executeQuery(SAVEPOINT);
          try {
            const value = await p.work(trx, raw);
            await raw.executeQuery(RELEASE);
            outcomes.push({ ok: true, value });
          } catch (error) {
            // This sync's writes are undone; the others' stay.
            await raw.executeQuery(ROLLBACK);
            await raw.executeQuery(RELEASE);
            outcomes.push({ ok: false, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of the group is stored, and every one hears so.
      for (const p of group) p.reject(error);
      return;
    }
    group.forEach((p, i) => {
      const o = outcomes[i]!;
      if (o.ok) p.resolve(o.value);
      else p.reject(o.error);
    });
  };

  const drain = async (): Promise<void> => {
    running = true;
    try {
      while (queue.length > 0) {
        await new Promise<void>((r) => setImmediate(r));
        await runGroup(queue.splice(0, maxGroup));
      }
    } finally {
      running = false;
    }
  };

  return {
    run<T>(work: GroupWork<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ work, resolve: resolve as (v: unknown) => void, reject });
        if (!running) void drain();
      });
    },
  };
}
