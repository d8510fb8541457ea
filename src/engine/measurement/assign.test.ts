import { describe, expect, it } from 'vitest';
import { drawPercent, drawPreSkip, PRE_SKIP_RATE } from './assign';
import type { GetRandomValues } from '../progress/event-id';

/** A random source that hands out the given bytes in turn. */
const bytes = (...values: number[]): GetRandomValues => {
  let i = 0;
  return (a) => {
    for (let j = 0; j < a.length; j++) a[j] = values[i++ % values.length] ?? 0;
    return a;
  };
};

describe('the pre-check skip draw (MEAS-04)', () => {
  it('skips for 15 of the 100 equally likely values', () => {
    expect(PRE_SKIP_RATE).toBe(0.15);
    expect(drawPreSkip(bytes(0))).toBe(true);
    expect(drawPreSkip(bytes(14))).toBe(true);
    expect(drawPreSkip(bytes(15))).toBe(false);
    expect(drawPreSkip(bytes(114))).toBe(true);
    expect(drawPreSkip(bytes(199))).toBe(false);
    // Every byte below 200 once: exactly 30 of 200 skip.
    const skips = Array.from({ length: 200 }, (_, b) => drawPreSkip(bytes(b))).filter(Boolean);
    expect(skips).toHaveLength(30);
  });

  it('draws again on bytes of 200 and more, so no value is favoured', () => {
    expect(drawPercent(bytes(250, 200, 7))).toBe(7);
    expect(drawPercent(bytes(255, 142))).toBe(42);
  });
});
