import { describe, expect, it } from 'vitest';
import {
  correlationTerms,
  formatShown,
  itemTerms,
  publishRelease,
  reliabilityTerms,
} from '../index';
import type { Geography, PublishedTable, SchoolCell, TableInput } from '../index';

// Statistic tables (MEAS-06, MEAS-11) through `publishRelease`: sums of several schools added
// up, the statistic computed once at publish time, national cells only, hidden below the kind's
// minimum, and bad sums refused.

const geography: Geography = {
  regions: [
    { id: 'r', districts: [{ id: 'a', schools: ['a1', 'a2'] }] },
    { id: 'q', districts: [{ id: 'b', schools: ['b1'] }] },
  ],
};

/** A school's cell of the children whose per-child terms are given. */
const cell = (
  school: string,
  column: string,
  terms: readonly (readonly number[])[],
): SchoolCell => ({
  school,
  column,
  children: terms.length,
  sums: terms.reduce<number[]>((s, t) => t.map((v, i) => (s[i] ?? 0) + v), []),
});

const repeat = <T>(rows: readonly T[], times: number): T[] =>
  Array.from({ length: times }, () => rows).flat();

const publish = (table: TableInput): PublishedTable => {
  const r = publishRelease({ term: 't', geography, tables: [table] });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.release.tables[0]!;
};

describe('the evidence table (MEAS-06)', () => {
  // The pairs of statistics.test.ts, r = 0.96, eight times over three schools: n = 40, the
  // interval tanh(atanh(0.96) ∓ 1.96/√37) = 0.925 to 0.979.
  const x = [0.2, 0.4, 0.6, 0.8, 0.9];
  const y = [0, 0.5, 0.5, 1, 1];
  const pairs = x.map((v, i) => correlationTerms(v, y[i]!));

  it('publishes r and its interval for the nation only, with the rules’ version', () => {
    const t = publish({
      id: 'evidence/scams',
      kind: 'evidence',
      columns: ['post/knowledge', 'post/skill'],
      rulesVersion: 1,
      cells: [
        cell('a1', 'post/knowledge', repeat(pairs, 3)),
        cell('a2', 'post/knowledge', repeat(pairs, 3)),
        cell('b1', 'post/knowledge', repeat(pairs, 2)),
        // 25 pairs: fewer than 30, hidden.
        cell('b1', 'post/skill', repeat(pairs, 5)),
      ],
    });
    expect(t.rulesVersion).toBe(1);
    expect(t.cells).toEqual([
      {
        area: 'national',
        level: 'national',
        column: 'post/knowledge',
        count: { shown: 'count', value: 40 },
        statistic: { r: 0.96, low: 0.93, high: 0.98 },
      },
      { area: 'national', level: 'national', column: 'post/skill', count: { shown: 'c' } },
    ]);
  });
});

describe('the item and reliability tables (MEAS-11)', () => {
  // statistics.test.ts's eight children and four items (a, b discriminate; c everyone right;
  // d uncorrelated with the rest), five times over: p and r do not change with the copies.
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
  const itemCells = (times: number) =>
    ['a', 'b', 'c', 'd'].flatMap((item, i) => {
      const terms = repeat(rows, times).map((r) => itemTerms(r[i]!, total(r)));
      const half = Math.floor(terms.length / 2);
      return [
        cell('a1', `8-10/post/${item}`, terms.slice(0, half)),
        cell('b1', `8-10/post/${item}`, terms.slice(half)),
      ];
    });

  it('publishes p as a percent, r with the rest of the form and the flags', () => {
    const t = publish({
      id: 'items/scams',
      kind: 'items',
      columns: ['8-10/post/a', '8-10/post/b', '8-10/post/c', '8-10/post/d'],
      cells: itemCells(5),
    });
    const stat = (column: string) => t.cells.find((c) => c.column === column)!.statistic!;
    expect(t.cells.every((c) => c.level === 'national' && formatShown(c.count) === '40')).toBe(
      true,
    );
    expect(stat('8-10/post/a')).toEqual({ p: { shown: 'percent', value: 50 }, r: 0.35, flags: [] });
    expect(stat('8-10/post/c')).toEqual({
      p: { shown: 'above', value: 95 },
      r: null,
      flags: ['p-high'],
    });
    expect(stat('8-10/post/d')).toEqual({
      p: { shown: 'percent', value: 50 },
      r: 0,
      flags: ['r-low'],
    });
  });

  it('hides an item’s statistics from fewer than 30 children', () => {
    // 3 copies: 24 children.
    const t = publish({
      id: 'items/scams',
      kind: 'items',
      columns: ['8-10/post/a', '8-10/post/b', '8-10/post/c', '8-10/post/d'],
      cells: itemCells(3),
    });
    expect(t.cells.map((c) => [formatShown(c.count), c.statistic])).toEqual(
      Array(4).fill(['[c]', undefined]),
    );
  });

  it('publishes KR-20 from 200 children, and hides it below', () => {
    const form = (times: number) => repeat(rows, times).map(reliabilityTerms);
    const t = publish({
      id: 'reliability',
      kind: 'reliability',
      columns: ['scams/8-10/post', 'scams/8-10/pre'],
      cells: [
        // 25 copies: 200 children over two schools; KR-20 = 1/3 (by hand in statistics.test.ts).
        cell('a1', 'scams/8-10/post', form(12)),
        cell('a2', 'scams/8-10/post', form(13)),
        // 24 copies: 192 children.
        cell('b1', 'scams/8-10/pre', form(24)),
      ],
    });
    expect(t.cells).toEqual([
      {
        area: 'national',
        level: 'national',
        column: 'scams/8-10/post',
        count: { shown: 'count', value: 200 },
        statistic: { kr20: 0.33 },
      },
      { area: 'national', level: 'national', column: 'scams/8-10/pre', count: { shown: 'c' } },
    ]);
  });

  it('refuses sums that are missing, of the wrong length or not finite, publishing nothing', () => {
    const r = publishRelease({
      term: 't',
      geography,
      tables: [
        {
          id: 'items/scams',
          kind: 'items',
          columns: ['x'],
          cells: [
            { school: 'a1', column: 'x', children: 3 },
            { school: 'a2', column: 'x', children: 3, sums: [1, 2, 3] },
            { school: 'b1', column: 'x', children: 3, sums: [1, 1, Number.NaN, 1, 1] },
          ],
        },
        {
          id: 'reliability',
          kind: 'reliability',
          columns: ['f'],
          cells: [
            { school: 'a1', column: 'f', children: 3, sums: [1, 1, 1, 1, 1, 1] },
            { school: 'a2', column: 'f', children: 3, sums: [1, 1, 1, 1, 1, 1, 1, 1] },
          ],
        },
      ],
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.code, p.path])).toEqual([
      ['bad_sums', 'tables[0].cells[0].sums'],
      ['bad_sums', 'tables[0].cells[1].sums'],
      ['bad_sums', 'tables[0].cells[2].sums'],
      ['bad_sums', 'tables[1].cells[1].sums'],
    ]);
  });
});
