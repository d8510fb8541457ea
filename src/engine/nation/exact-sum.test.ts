import { describe, expect, it } from 'vitest';
import { LIMBS, addExact, exactValue } from './exact-sum';

/** Deterministic doubles in [0, 1) with all 53 bits in use (not dyadic with few bits). */
function doubles(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const next = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s;
  };
  return Array.from({ length: n }, () => (next() * 2 ** 21 + (next() >>> 11)) / 2 ** 53);
}

const exact = (values: readonly number[]) => {
  const limbs = new Array<number>(LIMBS).fill(0);
  for (const v of values) addExact(limbs, 0, v);
  return limbs;
};

/** The true sum as a fraction over 2^78 (every value here lies on that grid). */
const trueSum = (values: readonly number[]) =>
  values.reduce((t, v) => t + BigInt(v * 2 ** 53) * 2n ** 25n, 0n);

describe('exact sums', () => {
  const values = doubles(5000, 7);

  it('give the same limbs and value in any order and any split, where plain sums do not', () => {
    const reversed = [...values].reverse();
    const a = exact(values);
    expect(exact(reversed)).toEqual(a);
    // Three parts added up limb by limb, as three worker threads' folds are.
    const parts = [values.slice(0, 1234), values.slice(1234, 4000), values.slice(4000)].map(exact);
    const merged = parts.reduce((m, p) => m.map((v, i) => v + p[i]!));
    expect(merged).toEqual(a);
    expect(exactValue(merged, 0)).toBe(exactValue(a, 0));
    // The check is not empty: a plain floating-point sum changes with the order.
    const plain = (list: readonly number[]) => list.reduce((t, v) => t + v, 0);
    expect(plain(reversed)).not.toBe(plain(values));
  });

  it('lose nothing: the limbs are the true sum, and its value is within a unit of the last place', () => {
    const limbs = exact(values);
    const fromLimbs =
      BigInt(limbs[0]!) * 2n ** 78n +
      BigInt(limbs[1]!) * 2n ** 52n +
      BigInt(limbs[2]!) * 2n ** 26n +
      BigInt(limbs[3]!);
    expect(fromLimbs).toBe(trueSum(values));
    const value = exactValue(limbs, 0);
    expect(Math.abs(value - Number(fromLimbs) / 2 ** 78)).toBeLessThanOrEqual(value * 2 ** -52);
  });

  it('keep whole parts and halves, quarters, eighths (item scores) on their own limbs', () => {
    const limbs = new Array<number>(2 * LIMBS).fill(0);
    for (const v of [0.5, 1, 0.25, 3.5, 6.25, 0.125]) addExact(limbs, LIMBS, v);
    expect(limbs.slice(0, LIMBS)).toEqual([0, 0, 0, 0]);
    expect(limbs.slice(LIMBS)).toEqual([10, 1.625 * 2 ** 26, 0, 0]);
    expect(exactValue(limbs, LIMBS)).toBe(11.625);
    expect(exactValue(exact([]), 0)).toBe(0);
  });
});
