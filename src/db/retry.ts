// Sending idempotent work again while the database fails over (SCALE-15): on an error of
// failover-errors.ts the work is retried with growing pauses until it succeeds or the retry
// window (KITE_DB_RETRY_MS, 30 s by default) has passed; any other error is thrown at once.
// Only work that may run twice with the same outcome belongs here: a commit whose answer was
// lost (the primary killed between its commit and its reply) is done again.

import { isFailoverError } from './failover-errors';

/**
 * The primary could not be reached for the whole retry window, or a write that may not be sent
 * twice met a failover: the HTTP layer answers 503 `database_unavailable` with Retry-After.
 */
export class DatabaseUnavailableError extends Error {
  override readonly name = 'DatabaseUnavailableError';
  constructor(
    message: string,
    /** Seconds after which a client may try again. */
    readonly retryAfterSeconds = 5,
  ) {
    super(message);
  }
}

export interface RetryPolicy {
  /** How long to keep trying, in ms, from the first attempt; 0 tries once. */
  readonly windowMs: number;
  /** The first pause, in ms (default 50), doubled after each failure up to `maxPauseMs`. */
  readonly firstPauseMs?: number;
  /** The longest pause, in ms (default 1000). */
  readonly maxPauseMs?: number;
  readonly now?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
  /** A number from 0 to 1 (default Math.random): each pause is 50–100 % of its step. */
  readonly jitter?: () => number;
  /** Called before each pause with the error that caused it, e.g. for a log line. */
  readonly onRetry?: (error: unknown, attempt: number) => void;
}

export const DEFAULT_DB_RETRY_MS = 30_000;

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Runs `work`, and runs it again after each failover error until it succeeds or `windowMs`
 * has passed; then throws {@link DatabaseUnavailableError}. Other errors pass through at once.
 */
export async function retryOnFailover<T>(work: () => Promise<T>, policy: RetryPolicy): Promise<T> {
  const now = policy.now ?? Date.now;
  const sleep = policy.sleep ?? realSleep;
  const jitter = policy.jitter ?? Math.random;
  const deadline = now() + policy.windowMs;
  let step = policy.firstPauseMs ?? 50;
  const maxPause = policy.maxPauseMs ?? 1000;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (e) {
      if (!isFailoverError(e)) throw e;
      const left = deadline - now();
      if (left <= 0) throw unavailable(e);
      policy.onRetry?.(e, attempt);
      await sleep(Math.min(left, step * (0.5 + jitter() / 2)));
      step = Math.min(maxPause, step * 2);
    }
  }
}

/** A failover error as the answer a client gets: 503, try again in a few seconds. */
export function unavailable(cause: unknown): DatabaseUnavailableError {
  const why = cause instanceof Error ? cause.message : String(cause);
  return new DatabaseUnavailableError(`The database is not available (${why.slice(0, 200)})`);
}
