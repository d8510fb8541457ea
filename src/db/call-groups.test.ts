import { describe, expect, it } from 'vitest';
import { callGroups } from './call-groups';

/** `one` and `many` that double numbers, noting each call they get (callGroups is generic). */
function doubler(o: { failMany?: (inputs: readonly number[]) => unknown } = {}) {
  const calls: (number | number[])[] = [];
  const one = async (n: number) => {
    calls.push(n);
    await new Promise((r) => setTimeout(r, 5));
    if (n < 0) throw new Error(`no double of ${n}`);
    return n * 2;
  };
  const many = async (ns: readonly number[]) => {
    calls.push([...ns]);
    await new Promise((r) => setTimeout(r, 5));
    const error = o.failMany?.(ns);
    if (error) throw error;
    return ns.map((n) => n * 2);
  };
  return { calls, one, many };
}

describe('callGroups', () => {
  it('sends a request alone when a call is free, and those that wait as one call', async () => {
    const d = doubler();
    const run = callGroups({ one: d.one, many: d.many, maxInFlight: 1, maxGroup: 10 });
    expect(await Promise.all([1, 2, 3, 4].map(run))).toEqual([2, 4, 6, 8]);
    expect(d.calls).toEqual([1, [2, 3, 4]]);
  });

  it('keeps up to maxInFlight calls out, and no group above maxGroup', async () => {
    const d = doubler();
    const run = callGroups({ one: d.one, many: d.many, maxInFlight: 2, maxGroup: 3 });
    const inputs = Array.from({ length: 10 }, (_, k) => k + 1);
    expect(await Promise.all(inputs.map(run))).toEqual(inputs.map((n) => n * 2));
    // Two go alone at once; the eight that wait go in groups of at most three, in order.
    expect(d.calls).toEqual([1, 2, [3, 4, 5], [6, 7, 8], [9, 10]]);
  });

  it('runs each request of a failed group alone, so each hears its own outcome', async () => {
    const d = doubler({ failMany: (ns) => ns.some((n) => n < 0) && new Error('group undone') });
    const run = callGroups({ one: d.one, many: d.many, maxInFlight: 1, maxGroup: 10 });
    const outcomes = await Promise.allSettled([1, 2, -3, 4].map(run));
    expect(outcomes.map((o) => (o.status === 'fulfilled' ? o.value : String(o.reason)))).toEqual([
      2,
      4,
      'Error: no double of -3',
      8,
    ]);
    expect(d.calls).toEqual([1, [2, -3, 4], 2, -3, 4]);
  });

  it('gives a shared error to every request of the group, without running them again', async () => {
    const down = new Error('database out of reach');
    const d = doubler({ failMany: () => down });
    const run = callGroups({
      one: d.one,
      many: d.many,
      maxInFlight: 1,
      maxGroup: 10,
      shared: (e) => e === down,
    });
    const outcomes = await Promise.allSettled([1, 2, 3].map(run));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected']);
    expect(d.calls).toEqual([1, [2, 3]]);
    // The slots are free again afterwards: the next request goes at once, alone.
    expect(await run(5)).toBe(10);
  });
});
