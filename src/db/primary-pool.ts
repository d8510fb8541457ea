// The write pool: connections to whichever node of DATABASE_URL's host list is the primary.
// node-postgres has no libpq `target_session_attrs`, so the app finds the primary itself: each
// node is asked `pg_is_in_recovery()` (true on a standby) and `transaction_read_only` (on for a
// hot standby, and for a database or role set read-only), and the first that answers false and
// off is the current primary. Every new connection is asked again before it is used. A
// failover error (failover-errors.ts) on a query, on connecting or on an idle connection drops
// the current choice: the connection is discarded and the next `connect()` asks every node
// again, so after a promotion the writes find the new primary without a restart.

import pg from 'pg';
import type { PostgresCursor, PostgresPool, PostgresPoolClient, PostgresQueryResult } from 'kysely';
import { NoPrimaryError, isFailoverError } from './failover-errors';
import { statementName } from './named-statements';
import type { PgNode } from './pg-hosts';

export interface PrimaryPoolOptions {
  /** The nodes to choose from, in the order to ask them (pg-hosts.ts). */
  readonly nodes: readonly PgNode[];
  /** Connections to the primary at most (default 10). */
  readonly max?: number;
  /** How long one connection attempt may take, in ms (default 5000). */
  readonly connectTimeoutMs?: number;
  /** Told when the primary chosen changes (a node label, or undefined when none is known). */
  readonly onPrimary?: (label: string | undefined) => void;
  /**
   * Send the statements of named-statements.ts under their names, so each connection keeps
   * them prepared (default true; false behind a pooler that cannot, KITE_PG_PREPARED=off).
   */
  readonly namedStatements?: boolean;
}

/** What a node said it is. */
export type NodeRole = 'primary' | 'standby' | 'read-only';

const ROLE_QUERY =
  "select pg_is_in_recovery() as recovery, current_setting('transaction_read_only') as read_only";

/** A role in words, for messages. */
export const ROLE_WORDS: Readonly<Record<NodeRole, string>> = {
  primary: 'the primary',
  standby: 'a standby (in recovery)',
  'read-only': 'read-only',
};

/** Asks a connected node what it is (the primary is neither in recovery nor read-only). */
export async function roleOf(client: pg.ClientBase): Promise<NodeRole> {
  const { rows } = await client.query<{ recovery: boolean; read_only: string }>(ROLE_QUERY);
  const r = rows[0]!;
  return r.recovery ? 'standby' : r.read_only === 'on' ? 'read-only' : 'primary';
}

/** After a search that found no primary, further searches wait this long (ms) for its answer. */
const FAILED_SEARCH_REUSE_MS = 100;

/** A Kysely `PostgresPool` whose connections all reach the current primary of a host list. */
export class PrimaryPool implements PostgresPool {
  private readonly pools = new Map<string, pg.Pool>();
  private current: PgNode | undefined;
  private search: Promise<PgNode> | undefined;
  private lastFailure: { at: number; error: NoPrimaryError } | undefined;
  private readonly checked = new WeakSet<pg.PoolClient>();
  private readonly wrapped = new WeakMap<pg.PoolClient, WrappedClient>();
  private ended = false;

  constructor(private readonly options: PrimaryPoolOptions) {
    if (options.nodes.length === 0) throw new Error('PrimaryPool needs at least one node');
  }

  async connect(): Promise<PostgresPoolClient> {
    if (this.ended) throw new Error('The database pool is closed');
    // Twice at most: a new connection that finds a standby makes one new search.
    for (let round = 1; ; round++) {
      const node = this.current ?? (await this.findPrimary());
      let client: pg.PoolClient;
      try {
        client = await this.poolOf(node).connect();
      } catch (e) {
        if (isFailoverError(e)) this.lose(node);
        throw e;
      }
      if (!this.checked.has(client)) {
        let role: NodeRole;
        try {
          role = await roleOf(client);
        } catch (e) {
          client.release(true);
          if (isFailoverError(e)) this.lose(node);
          throw e;
        }
        if (role !== 'primary') {
          client.release(true);
          this.lose(node);
          if (round < 2) continue;
          throw new NoPrimaryError(`${node.label} is ${ROLE_WORDS[role]}; no primary yet`);
        }
        this.checked.add(client);
      }
      return this.wrap(client, node);
    }
  }

  async end(): Promise<void> {
    this.ended = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.end()));
  }

  /** Finds the primary, one search at a time; a failed search answers for a moment after. */
  private findPrimary(): Promise<PgNode> {
    const failed = this.lastFailure;
    if (failed && Date.now() - failed.at < FAILED_SEARCH_REUSE_MS) {
      return Promise.reject(failed.error);
    }
    this.search ??= this.askNodes().finally(() => {
      this.search = undefined;
    });
    return this.search;
  }

  /** Asks each node in turn, on a connection of its own, and chooses the first primary. */
  private async askNodes(): Promise<PgNode> {
    const said: string[] = [];
    for (const node of this.options.nodes) {
      const client = new pg.Client({
        connectionString: node.url,
        connectionTimeoutMillis: Math.min(this.options.connectTimeoutMs ?? 5000, 2000),
      });
      // A connection lost while asking must not become an unhandled 'error' event.
      client.on('error', () => {});
      try {
        await client.connect();
        const role = await roleOf(client);
        if (role === 'primary') {
          this.choose(node);
          return node;
        }
        said.push(`${node.label} is ${ROLE_WORDS[role]}`);
      } catch (e) {
        said.push(`${node.label}: ${shortReason(e)}`);
      } finally {
        await client.end().catch(() => {});
      }
    }
    const error = new NoPrimaryError(`No primary among the database hosts (${said.join('; ')})`);
    this.lastFailure = { at: Date.now(), error };
    throw error;
  }

  private choose(node: PgNode): void {
    this.lastFailure = undefined;
    if (this.current?.label === node.label) return;
    this.current = node;
    // Connections to any other node are of no use to writes now.
    for (const [label, pool] of this.pools) {
      if (label === node.label) continue;
      this.pools.delete(label);
      void pool.end().catch(() => {});
    }
    this.options.onPrimary?.(node.label);
  }

  /** `node` failed as the primary: the next connection searches again. */
  private lose(node: PgNode): void {
    if (this.current?.label !== node.label) return;
    this.current = undefined;
    this.options.onPrimary?.(undefined);
  }

  private poolOf(node: PgNode): pg.Pool {
    let pool = this.pools.get(node.label);
    if (!pool) {
      pool = new pg.Pool({
        connectionString: node.url,
        max: this.options.max ?? 10,
        connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5000,
      });
      // An idle connection that breaks (the node stopped, or was killed) would otherwise be an
      // unhandled 'error' event, which ends the process. The pool drops it by itself; a
      // failover error also drops the node as the primary.
      const onError = (e: Error) => {
        if (isFailoverError(e)) this.lose(node);
      };
      pool.on('error', onError);
      // The pool listens to its idle connections only: one checked out between two queries
      // (in a transaction, or between acquiring and querying) that the server ends (a primary
      // killed sends "terminating connection due to unexpected postmaster exit" on every
      // connection) would emit an 'error' nobody hears, and end the process. So every
      // connection has a listener of its own; the broken one is dropped when released.
      pool.on('connect', (client) => client.on('error', onError));
      this.pools.set(node.label, pool);
    }
    return pool;
  }

  private wrap(client: pg.PoolClient, node: PgNode): WrappedClient {
    let w = this.wrapped.get(client);
    if (!w) {
      w = new WrappedClient(client, () => this.lose(node), this.options.namedStatements ?? true);
      this.wrapped.set(client, w);
    }
    w.broken = false;
    return w;
  }
}

/**
 * A pooled connection as Kysely sees it: a failover error on one of its queries marks it
 * broken (a connection to a demoted node stays open, and would fail again), so its release
 * destroys it, and drops its node as the primary.
 */
class WrappedClient implements PostgresPoolClient {
  broken = false;
  constructor(
    private readonly client: pg.PoolClient,
    private readonly onFailover: () => void,
    private readonly named: boolean,
  ) {}

  // Kysely's two forms: text and parameters (a promise), or a cursor (Kysely has none here).
  query<R>(text: string, parameters: ReadonlyArray<unknown>): Promise<PostgresQueryResult<R>>;
  query<R>(cursor: PostgresCursor<R>): PostgresCursor<R>;
  query<R>(
    first: string | PostgresCursor<R>,
    parameters?: ReadonlyArray<unknown>,
  ): Promise<PostgresQueryResult<R>> | PostgresCursor<R> {
    if (typeof first !== 'string') {
      return this.client.query(first as unknown as pg.Submittable) as unknown as PostgresCursor<R>;
    }
    const values = [...(parameters ?? [])];
    const name = this.named ? statementName(first) : undefined;
    const sent =
      name === undefined
        ? this.client.query(first, values)
        : this.client.query({ name, text: first, values });
    return sent.then(
      (r) => r as unknown as PostgresQueryResult<R>,
      (e: unknown) => {
        if (isFailoverError(e)) {
          this.broken = true;
          this.onFailover();
        }
        throw e;
      },
    );
  }

  release(destroy?: boolean): void {
    this.client.release(destroy || this.broken ? true : undefined);
  }
}

/** One short line of why a node did not answer, without anything of its URL. */
function shortReason(e: unknown): string {
  const err = e as { code?: unknown; message?: unknown };
  if (typeof err.code === 'string' && /^E[A-Z]+$/.test(err.code)) return err.code;
  const message = typeof err.message === 'string' ? err.message : 'no answer';
  return message.slice(0, 120);
}
