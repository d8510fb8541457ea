import { describe, expect, it } from 'vitest';
import { detection, formatShown, gains, pairSums, publishRelease, selectCells } from '../index';
import type { Geography, PublishedTable, ReleaseInput, SchoolCell, TableInput } from '../index';

// Region r of districts a (schools a1–a3) and b (schools b1–b3); region q of district c (c1–c3).
const geography: Geography = {
  regions: [
    {
      id: 'r',
      districts: [
        { id: 'a', schools: ['a1', 'a2', 'a3'] },
        { id: 'b', schools: ['b1', 'b2', 'b3'] },
      ],
    },
    { id: 'q', districts: [{ id: 'c', schools: ['c1', 'c2', 'c3'] }] },
  ],
};

/** `children` per school of a district, spread over its three schools. */
const spread = (
  district: string,
  column: string,
  children: number,
  extra: Partial<SchoolCell> = {},
) =>
  [1, 2, 3].map((i) => ({
    school: `${district}${i}`,
    column,
    children: Math.floor(children / 3) + (i <= children % 3 ? 1 : 0),
    ...extra,
  }));

const publish = (table: TableInput, g = geography) => {
  const r = publishRelease({ term: '2026-t1', geography: g, tables: [table] });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.release.tables[0]!;
};
const shown = (
  t: PublishedTable,
  area: string,
  column: string,
  field: 'count' | 'percent' = 'count',
) => {
  const c = t.cells.find((x) => x.area === area && x.column === column)!;
  return formatShown(c[field]!);
};

describe('primary suppression and rounding (STAT-01, STAT-10)', () => {
  const reach = (counts: Record<string, number>): TableInput => ({
    id: 'reach',
    kind: 'reach',
    columns: ['x', 'y'],
    cells: Object.entries(counts).flatMap(([k, n]) => spread(k[0]!, k.slice(1), n)),
  });

  it('hides 0–9 children as [c], zero included, and rounds 10 or more to 5', () => {
    const t = publish(reach({ ax: 0, ay: 40, bx: 9, by: 12, cx: 30, cy: 13 }));
    expect(shown(t, 'a', 'x')).toBe('[c]');
    expect(shown(t, 'b', 'x')).toBe('[c]');
    // Each row's other cell goes with it, and so on up: every y is a partner here.
    expect(shown(t, 'a', 'y')).toBe('[c]');
    const big = publish(reach({ ax: 40, ay: 41, bx: 12, by: 30, cx: 13, cy: 30 }));
    expect(['a', 'b', 'c'].map((d) => shown(big, d, 'x'))).toEqual(['40', '10', '15']);
    expect(shown(big, 'national', 'total')).toBe('165'); // 166
  });

  it('hides a district cell from fewer than 3 schools, however many children', () => {
    const cells = [...spread('a', 'x', 30), { school: 'b1', column: 'x', children: 60 }];
    const t = publish({ id: 'reach', kind: 'reach', columns: ['x'], cells });
    expect(shown(t, 'b', 'x')).toBe('[c]');
    expect(shown(t, 'national', 'x')).toBe('90');
  });
});

describe('complementary suppression', () => {
  it('never leaves a hidden cell alone in a row or an area sum', () => {
    const t = publish({
      id: 'reach',
      kind: 'reach',
      columns: ['x', 'y', 'z'],
      cells: [...spread('a', 'x', 4), ...spread('a', 'y', 20), ...spread('a', 'z', 30)],
    });
    const hiddenA = ['x', 'y', 'z', 'total'].filter((c) => shown(t, 'a', c) === '[c]');
    expect(hiddenA).toEqual(['x', 'y']); // y, the smallest shown part, protects x
  });

  it('hides more when the hidden parts of a shown total hold fewer than 10 children together', () => {
    const t = publish({
      id: 'reach',
      kind: 'reach',
      columns: ['x', 'y', 'z'],
      cells: [...spread('a', 'x', 3), ...spread('a', 'y', 4), ...spread('a', 'z', 50)],
    });
    // a.x + a.y = 7 would be a.total − a.z: z is hidden too, and the total still shows.
    expect(['x', 'y', 'z', 'total'].map((c) => shown(t, 'a', c))).toEqual([
      '[c]',
      '[c]',
      '[c]',
      '55',
    ]);
  });
});

describe('percents (mastery, most-missed)', () => {
  it('shows a percent only over a shown count, and the extremes as ranges', () => {
    const t = publish({
      id: 'mastery/passwords',
      kind: 'mastery',
      columns: ['x'],
      cells: [
        ...spread('a', 'x', 90, { numerator: 1 }),
        ...spread('b', 'x', 40, { numerator: 13 }),
        ...spread('c', 'x', 30, { numerator: 5 }),
      ],
    });
    expect(shown(t, 'a', 'x', 'percent')).toBe('<5%'); // 3 of 90
    expect(shown(t, 'b', 'x', 'percent')).toBe('>95%'); // 39 of 40
    expect(shown(t, 'c', 'x', 'percent')).toBe('50%');
  });

  it('writes a middle percent whole', () => {
    const t = publish({
      id: 'most-missed',
      kind: 'most-missed',
      columns: ['item-1'],
      cells: spread('a', 'item-1', 40, { numerator: 5 }).map((c, i) => ({
        ...c,
        numerator: [5, 5, 7][i]!,
      })),
    });
    expect(shown(t, 'national', 'item-1', 'percent')).toBe('43%'); // 17 of 40 = 42.5
    expect(t.cells.map((c) => c.area)).toEqual(['national']); // national only
  });
});

describe('detection tables (MEAS-08)', () => {
  it('writes a rate over the cards counted, national only, and hides it with its children', () => {
    // 12 children, 24 warning cards, 18 caught: a hit rate of 75 %; counts are of cards.
    const t = publish({
      id: 'detection',
      kind: 'detection',
      columns: ['scams/q3/hits'],
      cells: [1, 2, 3].map((i) => ({
        school: `a${i}`,
        column: 'scams/q3/hits',
        children: 4,
        count: 8,
        numerator: 6,
      })),
    });
    expect(shown(t, 'national', 'scams/q3/hits', 'count')).toBe('25');
    expect(shown(t, 'national', 'scams/q3/hits', 'percent')).toBe('75%');
    expect(t.cells.map((c) => c.area)).toEqual(['national']);
    // Nine children: hidden however many cards they sorted.
    const few = publish({
      id: 'detection',
      kind: 'detection',
      columns: ['x/hits'],
      cells: [{ school: 'a1', column: 'x/hits', children: 9, count: 90, numerator: 45 }],
    });
    expect(shown(few, 'national', 'x/hits', 'percent')).toBe('[c]');
  });

  it('refuses more caught cards than cards, or children without cards', () => {
    const r = publishRelease({
      term: 't',
      geography,
      tables: [
        {
          id: 'detection',
          kind: 'detection',
          columns: ['x/hits'],
          cells: [
            { school: 'a1', column: 'x/hits', children: 10, count: 4, numerator: 5 },
            { school: 'a2', column: 'x/hits', children: 10, count: 0, numerator: 0 },
          ],
        },
      ],
    });
    expect(r.ok ? [] : r.problems.map((p) => `${p.code} ${p.path}`)).toEqual([
      'bad_numerator tables[0].cells[0].numerator',
      'bad_count tables[0].cells[1].count',
    ]);
  });
});

describe('learning gains (MEAS-07, MEAS-09)', () => {
  it("computes Hake's g on the means and d_z with its normal-approximation interval", () => {
    const g = gains([
      { pre: 40, post: 60 },
      { pre: 50, post: 60 },
      { pre: 60, post: 90 },
      { pre: 50, post: 50 },
    ]);
    // means 50 → 65: g = 15 / 50; differences 20, 10, 30, 0: mean 15, sd √(500/3)
    expect(g.hake).toBeCloseTo(0.3, 12);
    const d = 15 / Math.sqrt(500 / 3);
    expect(g.d).toBeCloseTo(d, 12);
    const se = Math.sqrt(1 / 4 + (d * d) / 8);
    expect(g.low).toBeCloseTo(d - 1.959963984540054 * se, 12);
    expect(g.high).toBeCloseTo(d + 1.959963984540054 * se, 12);
  });

  it('hides a gain under 30 pairs and marks it [u] under 90, one column per measure', () => {
    const pairs = (n: number) =>
      pairSums(Array.from({ length: n }, (_, i) => ({ pre: 40 + (i % 5), post: 55 + (i % 7) })));
    const cellsFor = (district: string, measure: string, n: number) =>
      [1, 2, 3].map((i) => {
        const k = Math.floor(n / 3);
        return { school: `${district}${i}`, column: measure, children: k, pairs: pairs(k) };
      });
    const t = publish({
      id: 'gains/scams',
      kind: 'gains',
      columns: ['knowledge', 'intention'],
      cells: [
        ...cellsFor('a', 'knowledge', 60),
        ...cellsFor('b', 'knowledge', 99),
        ...cellsFor('c', 'knowledge', 24),
        ...cellsFor('a', 'intention', 60),
      ],
    });
    const cell = (area: string, col: string) =>
      t.cells.find((c) => c.area === area && c.column === col)!;
    expect(cell('c', 'knowledge').count.shown).toBe('c');
    expect(cell('c', 'knowledge').gain).toBeUndefined();
    expect(cell('national', 'knowledge').gain!.lowReliability).toBe(false); // 183 pairs
    expect(cell('national', 'intention').gain!.lowReliability).toBe(true); // 60 pairs: [u]
    expect(t.cells.some((c) => c.column === 'total')).toBe(false); // measures never combined
  });

  it('refuses a gains column that is not one measure', () => {
    const r = publishRelease({
      term: 't',
      geography,
      tables: [{ id: 'g', kind: 'gains', columns: ['knowledge+skill'], cells: [] }],
    });
    expect(r.ok === false && r.problems[0]).toMatchObject({
      code: 'bad_columns',
      path: 'tables[0].columns',
    });
  });
});

describe('hits and false alarms (MEAS-08)', () => {
  it('gives the rates and d′ with the log-linear correction', () => {
    const d = detection({ hits: 8, misses: 2, falseAlarms: 2, correctRejections: 8 });
    expect(d.hitRate).toBe(0.8);
    expect(d.falseAlarmRate).toBe(0.2);
    // (8.5/11, 2.5/11) are symmetric about ½: d′ = 2·z(8.5/11)
    expect(d.dPrime).toBeCloseTo(1.4957172, 6);
  });

  it('keeps d′ finite when a child calls everything a scam', () => {
    const d = detection({ hits: 6, misses: 0, falseAlarms: 6, correctRejections: 0 });
    expect(d.dPrime).toBeCloseTo(0, 10);
    expect(
      detection({ hits: 3, misses: 0, falseAlarms: 0, correctRejections: 0 }).dPrime,
    ).toBeNull();
  });
});

describe('input and requests', () => {
  const input: ReleaseInput = {
    term: 't',
    geography,
    tables: [
      {
        id: 'reach',
        kind: 'reach',
        columns: ['x', 'y'],
        cells: [...spread('a', 'x', 30), ...spread('b', 'y', 50)],
      },
    ],
  };

  it('names the file path of a bad cell and publishes nothing', () => {
    const bad: ReleaseInput = {
      ...input,
      tables: [{ ...input.tables[0]!, cells: [{ school: 'nowhere', column: 'x', children: -1 }] }],
    };
    const r = publishRelease(bad);
    expect(r).toEqual({
      ok: false,
      problems: [
        {
          code: 'unknown_school',
          path: 'tables[0].cells[0].school',
          message: 'not in the geography',
        },
        {
          code: 'bad_count',
          path: 'tables[0].cells[0].children',
          message: 'must be a whole number ≥ 0',
        },
      ],
    });
  });

  it('gives identical values for identical input, whatever order it comes in (STAT-06)', () => {
    const shuffled: ReleaseInput = {
      ...input,
      geography: { regions: [...geography.regions].reverse() },
      tables: [{ ...input.tables[0]!, cells: [...input.tables[0]!.cells].reverse() }],
    };
    expect(publishRelease(shuffled)).toEqual(publishRelease(input));
  });

  it('rejects a filter that is not listed, and serves the stored cells for listed ones (STAT-05)', () => {
    const r = publishRelease(input);
    if (!r.ok) throw new Error('unpublished');
    expect(selectCells(r.release, { table: 'reach', school: 'a1' })).toEqual({
      ok: false,
      code: 'unknown_filter',
      name: 'school',
    });
    expect(selectCells(r.release, { table: 'reach', area: 'x-custom' })).toMatchObject({
      code: 'unknown_area',
    });
    const a = selectCells(r.release, { table: 'reach', level: 'region' });
    expect(a.ok && a.table.cells.map((c) => c.area)).toEqual(['q', 'q', 'q', 'r', 'r', 'r']);
    expect(selectCells(r.release, { table: 'reach', level: 'region' })).toEqual(a);
  });
});
