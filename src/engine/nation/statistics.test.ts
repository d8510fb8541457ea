import { describe, expect, it } from 'vitest';
import {
  correlation,
  correlationTerms,
  itemFlags,
  itemStatistics,
  itemTerms,
  kr20,
  pearson,
  reliabilityTerms,
} from './statistics';
import type { CorrelationSums, ItemSums } from './statistics';

/** Sums of many children's terms, element by element (what a cell holds). */
const add = (terms: readonly (readonly number[])[]): number[] =>
  terms.reduce<number[]>((s, t) => t.map((v, i) => (s[i] ?? 0) + v), []);

describe('the correlation of stealth evidence with a check (MEAS-06)', () => {
  // x = 0.2, 0.4, 0.6, 0.8, 0.9; y = 0, 0.5, 0.5, 1, 1. Σx 2.9, Σy 3, Σx² 2.01, Σy² 2.5,
  // Σxy 2.2. n·Σx² − (Σx)² = 1.64, n·Σy² − (Σy)² = 3.5, n·Σxy − ΣxΣy = 2.3,
  // r = 2.3 / √(1.64 · 3.5) = 0.96000. Fisher: z = atanh(0.96) = 1.9459, SE = 1/√2,
  // tanh(z ∓ 1.96 · 0.7071) = 0.5080 and 0.9975.
  const x = [0.2, 0.4, 0.6, 0.8, 0.9];
  const y = [0, 0.5, 0.5, 1, 1];
  const sums = add(x.map((v, i) => correlationTerms(v, y[i]!))) as unknown as CorrelationSums;

  it('is Pearson’s r from the sums, with a 95 % interval by Fisher’s z', () => {
    expect(sums[0]).toBeCloseTo(2.9, 12);
    expect(sums[4]).toBeCloseTo(2.2, 12);
    const c = correlation(5, sums);
    expect(c.r).toBeCloseTo(0.96, 5);
    expect(c.low).toBeCloseTo(0.508, 3);
    expect(c.high).toBeCloseTo(0.9975, 4);
  });

  it('is undefined without spread, and has no interval from 3 pairs or fewer', () => {
    const flat = add([0.5, 0.5, 0.5, 0.5].map((v, i) => correlationTerms(v, i / 4)));
    expect(pearson(4, flat as unknown as CorrelationSums)).toBeNull();
    expect(correlation(4, flat as unknown as CorrelationSums)).toEqual({
      r: null,
      low: null,
      high: null,
    });
    const three = add([0, 0.5, 1].map((v) => correlationTerms(v, v)));
    expect(correlation(3, three as unknown as CorrelationSums)).toEqual({
      r: 1,
      low: null,
      high: null,
    });
    // A perfect correlation's interval is the point itself.
    const four = add([0, 0.25, 0.5, 1].map((v) => correlationTerms(v, 1 - v)));
    expect(correlation(4, four as unknown as CorrelationSums)).toEqual({
      r: -1,
      low: -1,
      high: -1,
    });
  });
});

describe('item statistics (MEAS-11)', () => {
  // Eight children, four items scored 0 or 1. a and b tell children apart; c everyone got
  // right; d is uncorrelated with the rest of the form.
  const rows = [
    [1, 1, 1, 1],
    [1, 1, 1, 0],
    [1, 1, 1, 0],
    [1, 0, 1, 1],
    [0, 1, 1, 1],
    [0, 0, 1, 1],
    [0, 0, 1, 0],
    [0, 0, 1, 0],
  ];
  const total = (r: number[]) => r.reduce((a, b) => a + b, 0);
  const item = (i: number) =>
    itemStatistics(
      rows.length,
      add(rows.map((r) => itemTerms(r[i]!, total(r)))) as unknown as ItemSums,
    );

  it('gives p and the item’s correlation with the other items, by hand', () => {
    // a: x = 1,1,1,1,0,0,0,0; rest (b + c + d) = 3,2,2,2,3,2,1,1, mean 2. Σ(x − ½)(R − 2) = 1,
    // Σ(x − ½)² = 2, Σ(R − 2)² = 4: r = 1/√8 = 0.3536. b likewise.
    expect(item(0)).toEqual({ p: 0.5, r: expect.closeTo(0.353553, 6), flags: [] });
    expect(item(1).r).toBeCloseTo(0.353553, 6);
  });

  it('flags an item every child got right (p > .95), its r undefined', () => {
    expect(item(2)).toEqual({ p: 1, r: null, flags: ['p-high'] });
  });

  it('flags an item uncorrelated with the rest (r < .20)', () => {
    // d = 1 where a + b is 2, 1, 1, 0 and 0 where it is 2, 2, 0, 0: the same mean, r = 0.
    const d = item(3);
    expect(d.p).toBe(0.5);
    expect(d.r).toBeCloseTo(0, 12);
    expect(d.flags).toEqual(['r-low']);
  });

  it('flags a hard item (p < .20), and writes the flags in a fixed order', () => {
    expect(itemFlags(0.1, 0.1)).toEqual(['p-low', 'r-low']);
    expect(itemFlags(0.96, null)).toEqual(['p-high']);
    expect(itemFlags(0.2, 0.2)).toEqual([]);
    expect(itemFlags(0.95, 0.5)).toEqual([]);
  });

  it('gives KR-20 of the form from its sums, by hand', () => {
    // p·q: ¼, ¼, 0, ¼ (Σ ¾); totals 4,3,3,3,3,2,1,1: mean 2.5, variance 8/8 = 1.
    // KR-20 = 4/3 · (1 − ¾ / 1) = 1/3.
    const sums = add(rows.map(reliabilityTerms));
    expect(sums).toEqual([20, 58, 4, 4, 4, 4, 8, 8, 4, 4]);
    expect(kr20(rows.length, sums)).toBeCloseTo(1 / 3, 12);
  });

  it('has no KR-20 for one item or a total without spread', () => {
    expect(kr20(5, add([[1], [0], [1], [0], [1]].map(reliabilityTerms)))).toBeNull();
    expect(
      kr20(
        3,
        add(
          [
            [1, 0],
            [0, 1],
            [1, 0],
          ].map(reliabilityTerms),
        ),
      ),
    ).toBeNull();
  });
});
