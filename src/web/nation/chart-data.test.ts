import { describe, expect, it } from 'vitest';
import type { PublishedCell, PublishedTable, ReleaseArea } from '../../engine';
import { chartData } from './chart-data';

const areas: ReleaseArea[] = [
  { id: 'national', level: 'national', name: 'Cambodia', parent: null },
  { id: 'r1', level: 'region', name: 'Kampot', parent: 'national' },
  { id: 'r2', level: 'region', name: 'Takeo', parent: 'national' },
  { id: 'd1', level: 'district', name: 'Chhuk', parent: 'r1' },
];

const cell = (area: string, column: string, rest: Partial<PublishedCell>): PublishedCell => ({
  area,
  level: areas.find((a) => a.id === area)!.level,
  column,
  count: { shown: 'count', value: 10 },
  ...rest,
});

describe('chartData', () => {
  it('draws the total of the nation and each region, never a district, [c] as hidden', () => {
    const table: PublishedTable = {
      id: 'reach',
      kind: 'reach',
      columns: ['5-7'],
      cells: [
        cell('national', '5-7', {}),
        cell('national', 'total', { count: { shown: 'count', value: 120 } }),
        cell('r1', 'total', { count: { shown: 'count', value: 45 } }),
        cell('r2', 'total', { count: { shown: 'c' } }),
        cell('d1', 'total', { count: { shown: 'count', value: 45 } }),
      ],
    };
    const data = chartData(table, areas, (c) => c);
    expect(data.scale).toBe('count');
    expect(data.bars).toEqual([
      { key: 'national', label: 'Cambodia', value: 120, text: '120', hidden: false },
      { key: 'r1', label: 'Kampot', value: 45, text: '45', hidden: false },
      { key: 'r2', label: 'Takeo', value: null, text: '[c]', hidden: true },
    ]);
    expect([data.min, data.max]).toEqual([0, 120]);
  });

  it('draws mastery as percents out of 100, with <5% and >95% at their bounds', () => {
    const table: PublishedTable = {
      id: 'mastery/scams',
      kind: 'mastery',
      columns: ['8-10'],
      cells: [
        cell('national', 'total', { percent: { shown: 'above', value: 95 } }),
        cell('r1', 'total', { percent: { shown: 'below', value: 5 } }),
        cell('r2', 'total', { count: { shown: 'c' } }),
      ],
    };
    const data = chartData(table, areas, (c) => c);
    expect(data.bars.map((b) => [b.text, b.value, b.hidden])).toEqual([
      ['>95%', 95, false],
      ['<5%', 5, false],
      ['[c]', null, true],
    ]);
    expect([data.min, data.max]).toEqual([0, 100]);
  });

  it("draws a gain table as the nation's Hake's g per measure, each apart, below zero leftwards", () => {
    const gain = (hake: number, lowReliability: boolean) => ({
      hake,
      d: 0.3,
      low: 0.1,
      high: 0.5,
      lowReliability,
    });
    const table: PublishedTable = {
      id: 'gains/scams',
      kind: 'gains',
      columns: ['knowledge', 'skill', 'self-efficacy', 'intention'],
      cells: [
        cell('national', 'knowledge', {
          count: { shown: 'count', value: 95 },
          gain: gain(0.42, false),
        }),
        cell('national', 'skill', { count: { shown: 'count', value: 40 }, gain: gain(-0.1, true) }),
        cell('national', 'self-efficacy', { count: { shown: 'c' } }),
        cell('r1', 'knowledge', { count: { shown: 'count', value: 40 }, gain: gain(0.9, false) }),
      ],
    };
    const data = chartData(table, areas, (c) => c.toUpperCase(), '[u*]');
    expect(data.bars).toEqual([
      { key: 'knowledge', label: 'KNOWLEDGE', value: 0.42, text: '0.42', hidden: false },
      { key: 'skill', label: 'SKILL', value: -0.1, text: '-0.10 [u*]', hidden: false },
      { key: 'self-efficacy', label: 'SELF-EFFICACY', value: null, text: '[c]', hidden: true },
      { key: 'intention', label: 'INTENTION', value: null, text: '[z]', hidden: false },
    ]);
    expect([data.min, data.max]).toEqual([-0.1, 1]);
  });

  it('draws feedback one bar per answer, for the nation', () => {
    const table: PublishedTable = {
      id: 'feedback',
      kind: 'feedback',
      columns: ['fun', 'scary'],
      cells: [
        cell('national', 'fun', { count: { shown: 'count', value: 85 } }),
        cell('national', 'scary', { count: { shown: 'c' } }),
      ],
    };
    const data = chartData(table, areas, (c) => c.toUpperCase());
    expect(data.bars.map((b) => [b.label, b.text, b.hidden])).toEqual([
      ['FUN', '85', false],
      ['SCARY', '[c]', true],
    ]);
  });

  it('draws the ten questions missed most, most first; the table lists every one', () => {
    const columns = Array.from({ length: 14 }, (_, i) => `scams/q${i}`);
    const table: PublishedTable = {
      id: 'most-missed',
      kind: 'most-missed',
      columns,
      cells: columns.map((c, i) =>
        cell(
          'national',
          c,
          i === 3
            ? { count: { shown: 'c' } }
            : { percent: { shown: 'percent', value: 10 + ((i * 37) % 80) } },
        ),
      ),
    };
    const data = chartData(table, areas, (c) => c);
    const values = data.bars.map((b) => b.value!);
    expect(data.bars).toHaveLength(10);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(data.bars.map((b) => b.key)).not.toContain('scams/q3');
    const shown = columns.filter((_, i) => i !== 3);
    const lowest = Math.min(...values);
    for (const c of shown)
      if (!data.bars.some((b) => b.key === c)) {
        const v = table.cells.find((x) => x.column === c)!.percent!;
        expect(v.shown === 'percent' && v.value <= lowest).toBe(true);
      }
  });

  it('draws correlations from −1 to 1 per column, hidden as [c] and undefined as [z]', () => {
    const table: PublishedTable = {
      id: 'evidence/scams',
      kind: 'evidence',
      columns: ['post/knowledge', 'post/skill', 'transfer/knowledge'],
      cells: [
        cell('national', 'post/knowledge', { statistic: { r: -0.25, low: -0.5, high: 0.05 } }),
        cell('national', 'post/skill', { count: { shown: 'c' } }),
        cell('national', 'transfer/knowledge', { statistic: { r: null, low: null, high: null } }),
      ],
    };
    const data = chartData(table, areas, (c) => c);
    expect(data.scale).toBe('statistic');
    expect([data.min, data.max]).toEqual([-1, 1]);
    expect(data.bars.map((b) => [b.key, b.text, b.value, b.hidden])).toEqual([
      ['post/knowledge', '-0.25', -0.25, false],
      ['post/skill', '[c]', null, true],
      ['transfer/knowledge', '[z]', null, false],
    ]);
  });

  it('draws the p of the items shown and the KR-20 of the forms shown, leaving hidden ones to the table', () => {
    const items: PublishedTable = {
      id: 'items/scams',
      kind: 'items',
      columns: ['8-10/post/q1', '8-10/post/q2'],
      cells: [
        cell('national', '8-10/post/q1', {
          statistic: { p: { shown: 'above', value: 95 }, r: null, flags: ['p-high'] },
        }),
        cell('national', '8-10/post/q2', { count: { shown: 'c' } }),
      ],
    };
    const i = chartData(items, areas, (c) => c);
    expect(i.scale).toBe('percent');
    expect(i.bars.map((b) => [b.key, b.text, b.value])).toEqual([['8-10/post/q1', '>95%', 95]]);
    const reliability: PublishedTable = {
      id: 'reliability',
      kind: 'reliability',
      columns: ['scams/8-10/pre', 'scams/8-10/post'],
      cells: [
        cell('national', 'scams/8-10/pre', { count: { shown: 'c' } }),
        cell('national', 'scams/8-10/post', { statistic: { kr20: 0.71 } }),
      ],
    };
    const r = chartData(reliability, areas, (c) => `form ${c}`);
    expect(r.bars).toEqual([
      {
        key: 'scams/8-10/post',
        label: 'form scams/8-10/post',
        value: 0.71,
        text: '0.71',
        hidden: false,
      },
    ]);
    expect([r.min, r.max]).toEqual([0, 1]);
  });
});
