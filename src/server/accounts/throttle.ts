// Throttling of guessable secrets (passwords, TOTP codes, reset requests, and later children's
// picture passwords), in the database's rate-limit counters so that a limit holds across app
// processes and restarts. Failures are counted per account and per client. A key may fail
// `allowed` times per window; the window grows with the failures of the last day (1, 2, 4 …
// up to `maxWindowMs`), so guessing slows down steeply but nobody is ever locked out for good.

import { createHash } from 'node:crypto';
import type { RateLimitCounters } from '../../db/rate-limit';

export interface ThrottleRule {
  /** Failures allowed per window. */
  readonly allowed: number;
  /** The first window. */
  readonly baseWindowMs: number;
  /** The longest window. */
  readonly maxWindowMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Per account: 5 tries, then wait 1 min, 2, 4 … 30 min. */
export const PER_ACCOUNT: ThrottleRule = {
  allowed: 5,
  baseWindowMs: 60_000,
  maxWindowMs: 30 * 60_000,
};
/** Per client address: generous, since a whole school may share one address. */
export const PER_CLIENT: ThrottleRule = {
  allowed: 50,
  baseWindowMs: 5 * 60_000,
  maxWindowMs: 60 * 60_000,
};

export interface ThrottleKey {
  /** What is guessed (`signin`, `mfa`, `reset`). */
  readonly scope: string;
  /** Whose: an account's email or id, or a client address. Hashed before it is stored. */
  readonly key: string;
  readonly rule: ThrottleRule;
}

export interface Throttle {
  /** How long to wait in ms before another try, 0 when a try is allowed now. */
  waitMs(keys: readonly ThrottleKey[], now: number): Promise<number>;
  /** Counts a failed try on every key. */
  fail(keys: readonly ThrottleKey[], now: number): Promise<void>;
}

/** Keys are stored hashed: the counters table holds no email or address. */
function bucket(k: Pick<ThrottleKey, 'scope' | 'key'>, kind: 'w' | 'day'): string {
  const h = createHash('sha256').update(`${k.scope}\u0000${k.key}`).digest('base64url');
  return `throttle:${kind}:${h}`;
}

/** The counters' names for one scope and key (its window and its day), e.g. to delete them. */
export function throttleBuckets(scope: string, key: string): string[] {
  return [bucket({ scope, key }, 'w'), bucket({ scope, key }, 'day')];
}

function windowFor(rule: ThrottleRule, failuresToday: number): number {
  const doublings = Math.floor(failuresToday / rule.allowed);
  return Math.min(rule.maxWindowMs, rule.baseWindowMs * 2 ** Math.min(doublings, 20));
}

export function throttle(counters: RateLimitCounters): Throttle {
  return {
    async waitMs(keys, now) {
      let wait = 0;
      for (const k of keys) {
        const c = await counters.peek(bucket(k, 'w'), now);
        if (c.hits >= k.rule.allowed) wait = Math.max(wait, c.resetAt - now);
      }
      return wait;
    },
    async fail(keys, now) {
      for (const k of keys) {
        const day = await counters.hit(bucket(k, 'day'), DAY_MS, now);
        // The window starts at the first failure of a window, with the length the day's
        // failures so far call for.
        await counters.hit(bucket(k, 'w'), windowFor(k.rule, day.hits - 1), now);
      }
    },
  };
}
