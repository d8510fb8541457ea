import { describe, expect, it } from 'vitest';
import { layoutCsv, nationLayoutLabels, tableLayout } from '../index';
import type { LayoutLabels, PublishedTable, ReleaseArea } from '../index';

const labels: LayoutLabels = {
  area: 'Area',
  level: 'Level',
  levelName: (l) => ({ national: 'Nation', region: 'Region', district: 'District' })[l],
  column: (c) => (c === 'total' ? 'Total' : c),
  count: (t) => (t.kind === 'gains' ? 'pairs' : 'children'),
  percent: () => '% mastered',
  hake: "Hake's g",
  effect: 'd (95% CI)',
  lowReliability: '[u]',
  interval: (low, high) => `${low} to ${high}`,
  statistic: {
    r: 'r',
    interval: '95% interval',
    p: 'p',
    itemR: 'r with the rest',
    flags: 'Flags',
    kr20: 'KR-20',
  },
  flag: (f) => ({ 'p-high': 'very easy', 'p-low': 'very hard', 'r-low': 'weak link' })[f],
  noFlag: 'none',
};

const areas: ReleaseArea[] = [
  { id: 'national', level: 'national', name: 'Cambodia', parent: null },
  { id: 'r1', level: 'region', name: '=Kampot, "west"', parent: 'national' },
];

describe('tableLayout', () => {
  it('lays a mastery table out with counts and percents, hidden cells as [c]', () => {
    const table: PublishedTable = {
      id: 'mastery/passwords',
      kind: 'mastery',
      columns: ['5-7'],
      cells: [
        {
          area: 'national',
          level: 'national',
          column: '5-7',
          count: { shown: 'count', value: 25 },
          percent: { shown: 'percent', value: 40 },
        },
        {
          area: 'national',
          level: 'national',
          column: 'total',
          count: { shown: 'count', value: 25 },
          percent: { shown: 'below', value: 5 },
        },
        {
          area: 'r1',
          level: 'region',
          column: '5-7',
          count: { shown: 'c' },
          percent: { shown: 'c' },
        },
      ],
    };
    const layout = tableLayout(table, areas, labels);
    expect(layout.header).toEqual([
      'Area',
      'Level',
      '5-7: children',
      '5-7: % mastered',
      'Total: children',
      'Total: % mastered',
    ]);
    expect(layout.rows.map((r) => r.cells)).toEqual([
      ['Cambodia', 'Nation', '25', '40%', '25', '<5%'],
      ['=Kampot, "west"', 'Region', '[c]', '[c]', '[z]', '[z]'],
    ]);
    expect(layoutCsv(layout).split('\r\n')[2]).toBe(`"'=Kampot, ""west""",Region,[c],[c],[z],[z]`);
  });

  it('writes a gain with its interval and the low-reliability mark', () => {
    const table: PublishedTable = {
      id: 'gains/scams',
      kind: 'gains',
      columns: ['knowledge'],
      cells: [
        {
          area: 'national',
          level: 'national',
          column: 'knowledge',
          count: { shown: 'count', value: 45 },
          gain: { hake: 0.3, d: -0.1, low: -0.4, high: 0.2, lowReliability: true },
        },
      ],
    };
    const layout = tableLayout(table, areas, labels);
    expect(layout.rows[0]!.cells).toEqual([
      'Cambodia',
      'Nation',
      '45',
      '0.30 [u]',
      '-0.10 (-0.40 to 0.20) [u]',
    ]);
    expect(layoutCsv(layout)).toContain(',-0.10 (-0.40 to 0.20) [u]\r\n');
  });
});

describe('tableLayout of statistics (MEAS-06, MEAS-11)', () => {
  const nation = (column: string, over: object) => ({
    area: 'national',
    level: 'national' as const,
    column,
    count: { shown: 'count' as const, value: 40 },
    ...over,
  });

  it('writes a correlation with its interval, a hidden one as [c], one without spread as [z]', () => {
    const table: PublishedTable = {
      id: 'evidence/scams',
      kind: 'evidence',
      columns: ['post/knowledge', 'post/skill', 'transfer/knowledge', 'transfer/skill'],
      rulesVersion: 1,
      cells: [
        nation('post/knowledge', { statistic: { r: 0.42, low: 0.12, high: 0.65 } }),
        nation('post/skill', { count: { shown: 'c' } }),
        nation('transfer/knowledge', { statistic: { r: null, low: null, high: null } }),
      ],
    };
    const layout = tableLayout(table, areas, labels);
    expect(layout.header.slice(2, 5)).toEqual([
      'post/knowledge: children',
      'post/knowledge: r',
      'post/knowledge: 95% interval',
    ]);
    expect(layout.rows[0]!.cells).toEqual([
      'Cambodia',
      'Nation',
      '40',
      '0.42',
      '0.12 to 0.65',
      '[c]',
      '[c]',
      '[c]',
      '40',
      '[z]',
      '[z]',
      '[z]',
      '[z]',
      '[z]',
    ]);
  });

  it('writes an item’s p, r and flags in words, and a form’s KR-20', () => {
    const items: PublishedTable = {
      id: 'items/scams',
      kind: 'items',
      columns: ['8-10/post/q1', '8-10/post/q2'],
      cells: [
        nation('8-10/post/q1', {
          statistic: { p: { shown: 'above', value: 95 }, r: 0.05, flags: ['p-high', 'r-low'] },
        }),
        nation('8-10/post/q2', {
          statistic: { p: { shown: 'percent', value: 61 }, r: 0.38, flags: [] },
        }),
      ],
    };
    const layout = tableLayout(items, areas, labels);
    expect(layout.header).toEqual([
      'Area',
      'Level',
      '8-10/post/q1: children',
      '8-10/post/q1: p',
      '8-10/post/q1: r with the rest',
      '8-10/post/q1: Flags',
      '8-10/post/q2: children',
      '8-10/post/q2: p',
      '8-10/post/q2: r with the rest',
      '8-10/post/q2: Flags',
    ]);
    expect(layout.rows[0]!.cells.slice(2)).toEqual([
      '40',
      '>95%',
      '0.05',
      'very easy; weak link',
      '40',
      '61%',
      '0.38',
      'none',
    ]);
    const reliability: PublishedTable = {
      id: 'reliability',
      kind: 'reliability',
      columns: ['scams/8-10/post', 'scams/8-10/pre'],
      cells: [
        nation('scams/8-10/post', {
          count: { shown: 'count', value: 215 },
          statistic: { kr20: 0.71 },
        }),
        nation('scams/8-10/pre', { count: { shown: 'c' } }),
      ],
    };
    expect(tableLayout(reliability, areas, labels).rows[0]!.cells.slice(2)).toEqual([
      '215',
      '0.71',
      '[c]',
      '[c]',
    ]);
  });
});

describe('nationLayoutLabels', () => {
  it('names bands, measures and totals from the nation.table strings', () => {
    const t = (key: string, vars: Readonly<Record<string, string>> = {}) =>
      `${key}${Object.values(vars).length ? `(${Object.values(vars).join(',')})` : ''}`;
    const l = nationLayoutLabels(t);
    expect(l.column('5-7')).toBe('nation.table.band(5–7)');
    expect(l.column('self-efficacy')).toBe('nation.table.measure.self-efficacy');
    expect(l.column('total')).toBe('nation.table.total');
    expect(l.column('too-hard')).toBe('nation.table.feedback.too-hard');
    expect(l.column('scams.pre.3')).toBe('scams.pre.3');
    expect(l.interval('0.1', '0.2')).toBe('nation.table.interval(0.1,0.2)');
    expect(l.column('post/knowledge')).toBe(
      'nation.table.evidence.column(nation.table.check.post,nation.table.measure.knowledge)',
    );
    expect(l.column('8-10/transfer/t1')).toBe(
      'nation.table.item.column(nation.table.band(8–10),nation.table.check.transfer,t1)',
    );
    expect(l.column('scams/14-16/pre')).toBe(
      'nation.table.form.column(scams,nation.table.band(14–16),nation.table.check.pre)',
    );
    expect(l.flag('r-low')).toBe('nation.table.flag.rLow');
  });
});

describe('tableLayout rows', () => {
  it('puts each district under its own region, whatever the table order', () => {
    const count = { shown: 'count', value: 10 } as const;
    const cell = (area: string, level: 'national' | 'region' | 'district') => ({
      area,
      level,
      column: 'children',
      count,
    });
    const table: PublishedTable = {
      id: 'feedback',
      kind: 'feedback',
      columns: ['children'],
      cells: [
        cell('national', 'national'),
        cell('r1', 'region'),
        cell('r2', 'region'),
        cell('d-a', 'district'),
        cell('d-b', 'district'),
        cell('d-c', 'district'),
      ],
    };
    const nestedAreas: ReleaseArea[] = [
      { id: 'national', level: 'national', name: 'Nation', parent: null },
      { id: 'r1', level: 'region', name: 'North', parent: 'national' },
      { id: 'r2', level: 'region', name: 'South', parent: 'national' },
      { id: 'd-a', level: 'district', name: 'Anchor', parent: 'r2' },
      { id: 'd-b', level: 'district', name: 'Birch', parent: 'r1' },
      { id: 'd-c', level: 'district', name: 'Cove', parent: 'r2' },
    ];
    expect(tableLayout(table, nestedAreas, labels).rows.map((r) => r.cells[0])).toEqual([
      'Nation',
      'North',
      'Birch',
      'South',
      'Anchor',
      'Cove',
    ]);
  });
});
