/** How long a hub waits after failures in a row: exponential, capped, with full jitter. */
export interface BackoffPolicy {
  /** The ceiling of the first wait, in ms. */
  readonly baseMs: number;
  /** The largest ceiling, in ms. */
  readonly capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = Object.freeze({ baseMs: 1000, capMs: 300_000 });

/**
 * The wait before the next try after `failures` failures in a row (1 or more): a uniform draw
 * from [0, min(cap, base·2^(failures−1))) ("full jitter"), so hubs that failed together do not
 * come back together. `random` is in [0, 1).
 */
export function backoffMs(policy: BackoffPolicy, failures: number, random: () => number): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(30, failures - 1));
  return Math.floor(random() * ceiling);
}

/**
 * The wait after a 429: at least the server's `Retry-After`, and up to twice it, so the hubs it
 * turned away together spread out.
 */
export function retryAfterMs(retryAfterSeconds: number, random: () => number): number {
  const ms = retryAfterSeconds * 1000;
  return Math.floor(ms + random() * ms);
}

/** `Retry-After` in seconds (delta-seconds form only; dates and nonsense give `fallback`). */
export function parseRetryAfter(header: string | null, fallback: number): number {
  if (header === null || !/^\d{1,6}$/.test(header.trim())) return fallback;
  return Number(header.trim());
}
