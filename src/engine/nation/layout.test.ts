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
