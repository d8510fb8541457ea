import { describe, expect, it } from 'vitest';
import { backoffMs, parseRetryAfter, retryAfterMs } from './backoff';

describe('hub backoff', () => {
  const policy = { baseMs: 1000, capMs: 60_000 };

  it('draws the wait uniformly below a ceiling that doubles per failure up to the cap', () => {
    expect(backoffMs(policy, 1, () => 0.5)).toBe(500);
    expect(backoffMs(policy, 2, () => 0.5)).toBe(1000);
    expect(backoffMs(policy, 3, () => 0.999)).toBe(3996);
    expect(backoffMs(policy, 20, () => 0.5)).toBe(30_000);
    expect(backoffMs(policy, 1000, () => 0.5)).toBe(30_000);
    expect(backoffMs(policy, 5, () => 0)).toBe(0);
  });

  it('waits at least Retry-After after a 429, and at most twice it', () => {
    expect(retryAfterMs(2, () => 0)).toBe(2000);
    expect(retryAfterMs(2, () => 0.999)).toBe(3998);
  });

  it('reads Retry-After in seconds, anything else as the fallback', () => {
    expect(parseRetryAfter('7', 1)).toBe(7);
    expect(parseRetryAfter(' 3 ', 1)).toBe(3);
    expect(parseRetryAfter(null, 1)).toBe(1);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', 5)).toBe(5);
    expect(parseRetryAfter('-1', 5)).toBe(5);
  });
});
