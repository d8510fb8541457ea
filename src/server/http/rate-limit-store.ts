import { createHash } from 'node:crypto';
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { RateLimitCounters } from '../../db/rate-limit';

export interface DbRateLimitStoreOptions {
  /** The clock (tests); Date.now by default. */
  readonly now?: () => number;
  /** How often, at most, a hit also deletes ended windows (default once a minute). */
  readonly sweepEveryMs?: number;
}

/** What @fastify/rate-limit passes to `child()`: the merged limit options of one route. */
interface ChildOptions {
  routeInfo?: { method?: string | string[]; url?: string };
  nameSpace?: string;
}

/**
 * The stored form of a limit's key (the client's address): its SHA-256, so the counters table
 * never holds an IP address (PRIV-07).
 */
export function storedKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}

/**
 * @fastify/rate-limit's store over the database's counters, so a limit holds across app
 * processes and restarts. Each route with its own limit counts in its own buckets (named by
 * method and path, like the plugin's in-memory store); a limiter made with `createRateLimit`
 * names its buckets with `nameSpace`. Ended windows are swept now and then on a hit; no timer.
 */
export function dbRateLimitStore(
  counters: RateLimitCounters,
  { now = Date.now, sweepEveryMs = 60_000 }: DbRateLimitStoreOptions = {},
): FastifyRateLimitStoreCtor {
  let lastSweep = now();
  const maybeSweep = (t: number) => {
    if (t - lastSweep < sweepEveryMs) return;
    lastSweep = t;
    // Best effort: a failed sweep leaves rows for the next one.
    counters.sweep(t).catch(() => {});
  };

  class DbRateLimitStore implements FastifyRateLimitStore {
    private readonly scope: string;

    constructor(_options: unknown, scope = 'global') {
      this.scope = scope;
    }

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      const t = now();
      counters.hit(`${this.scope}|${storedKey(key)}`, timeWindow, t).then(
        ({ hits, resetAt }) => {
          maybeSweep(t);
          callback(null, { current: hits, ttl: Math.max(0, resetAt - t) });
        },
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
    }

    read(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    ): void {
      const t = now();
      counters.peek(`${this.scope}|${storedKey(key)}`, t).then(
        ({ hits, resetAt }) => callback(null, { current: hits, ttl: Math.max(0, resetAt - t) }),
        (e: unknown) => callback(e instanceof Error ? e : new Error(String(e))),
      );
    }

    // Typed by the plugin as route options; at run time it passes the merged limit options.
    child(routeOptions: object): FastifyRateLimitStore {
      const options = routeOptions as ChildOptions;
      const route = options.routeInfo;
      const scope = route?.url
        ? `${[route.method ?? ''].flat().join(',')} ${route.url}`
        : (options.nameSpace ?? this.scope);
      return new DbRateLimitStore(options, scope);
    }
  }
  return DbRateLimitStore;
}
