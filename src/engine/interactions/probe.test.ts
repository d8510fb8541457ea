import { describe, expect, it } from 'vitest';
import { assignments, orders, PROBE_LIMIT, subsets } from './probe';

describe('probe enumerations', () => {
  it('lists every subset, order and assignment when small', () => {
    expect(subsets(['a', 'b', 'c'])).toHaveLength(8);
    expect(orders(['a', 'b', 'c', 'd'])).toHaveLength(24);
    expect(assignments(['x', 'y'], () => ['1', '2', '3'])).toHaveLength(9);
  });

  it('falls back to a bounded spread when large', () => {
    const many = Array.from({ length: 12 }, (_, i) => `m${i}`);
    expect(subsets(many).length).toBeLessThanOrEqual(2 + 2 * many.length);
    expect(orders(many)).toHaveLength(24);
    const big = assignments(many, () => ['a', 'b', 'c']);
    expect(big.length).toBeLessThan(PROBE_LIMIT);
    expect(big.every((m) => Object.keys(m).length === many.length)).toBe(true);
  });
});
