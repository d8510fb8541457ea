// What a table's chart draws: one bar per row of the nation and its regions (the table below it
// holds every district too), or, for tables of the nation only and for learning gains, one bar
// per column of the nation's row. Each bar carries the very text the table shows for it.

import { formatShown, KIND_RULES } from '../../engine';
import type { PublishedCell, PublishedTable, ReleaseArea, Shown } from '../../engine';

/** One bar: what it is about, its value on the chart's scale (null: none drawn), its text. */
export interface ChartBar {
  readonly key: string;
  readonly label: string;
  /** The value drawn; null for a hidden (`[c]`) or absent (`[z]`) value. */
  readonly value: number | null;
  /** The text shown beside it, as the table writes it: `25`, `40%`, `<5%`, `0.42 [u]`, `[c]`. */
  readonly text: string;
  /** Hidden to protect children (`[c]`): drawn as an empty striped bar. */
  readonly hidden: boolean;
}

/**
 * What a chart shows: counts, percents (0–100), Hake's g (at most 1, may be negative), or a
 * statistic from −1 to 1 (a correlation, KR-20).
 */
export type ChartScale = 'count' | 'percent' | 'gain' | 'statistic';

export interface ChartData {
  readonly scale: ChartScale;
  readonly bars: readonly ChartBar[];
  /** The ends of the value axis. */
  readonly min: number;
  readonly max: number;
}

/** How many of the most-missed questions the chart shows. */
export const MOST_MISSED_BARS = 10;

const valueOf = (s: Shown): number | null =>
  s.shown === 'count' || s.shown === 'percent' || s.shown === 'below' || s.shown === 'above'
    ? s.value
    : null;

const bar = (key: string, label: string, s: Shown | undefined): ChartBar => {
  const shown: Shown = s ?? { shown: 'z' };
  return {
    key,
    label,
    value: valueOf(shown),
    text: formatShown(shown),
    hidden: shown.shown === 'c',
  };
};

/** A cell's percent; none where its count is hidden (as the table writes it, `[c]`). */
const percentOf = (cell: PublishedCell | undefined): Shown | undefined =>
  cell && (cell.percent ?? { shown: 'c' });

const gainBar = (
  key: string,
  label: string,
  cell: PublishedCell | undefined,
  lowReliability: string,
): ChartBar => {
  if (!cell) return bar(key, label, undefined);
  const g = cell.gain;
  if (!g) return bar(key, label, { shown: 'c' });
  const mark = g.lowReliability ? ` ${lowReliability}` : '';
  return {
    key,
    label,
    value: g.hake,
    text: g.hake === null ? '[z]' : `${g.hake.toFixed(2)}${mark}`,
    hidden: false,
  };
};

const decimalBar = (
  key: string,
  label: string,
  cell: PublishedCell | undefined,
  value: number | null | undefined,
): ChartBar => {
  if (!cell) return bar(key, label, undefined);
  if (!cell.statistic) return bar(key, label, { shown: 'c' });
  const v = value ?? null;
  return { key, label, value: v, text: v === null ? '[z]' : v.toFixed(2), hidden: false };
};

/**
 * The chart of a statistic table, nation only: a correlation per column (`evidence`); the p of
 * every item shown (`items`) or the KR-20 of every form shown (`reliability`), as the most-missed
 * chart leaves hidden ones to the table.
 */
function statisticBars(
  table: PublishedTable,
  nationCell: (col: string) => PublishedCell | undefined,
  column: (id: string) => string,
): { scale: ChartScale; bars: ChartBar[] } {
  switch (KIND_RULES[table.kind].statistic) {
    case 'correlation':
      return {
        scale: 'statistic',
        bars: table.columns.map((c) => {
          const cell = nationCell(c);
          return decimalBar(c, column(c), cell, cell?.statistic?.r);
        }),
      };
    case 'item':
      return {
        scale: 'percent',
        bars: table.columns
          .map((c) => bar(c, column(c), nationCell(c)?.statistic?.p))
          .filter((b) => b.value !== null),
      };
    default:
      return {
        scale: 'statistic',
        bars: table.columns
          .map((c) => {
            const cell = nationCell(c);
            return decimalBar(c, column(c), cell, cell?.statistic?.kr20);
          })
          .filter((b) => b.value !== null),
      };
  }
}

/**
 * The chart of `table`: `areas` name the rows (as the table names them), `column` names a
 * column (a measure, an item, a feedback answer), `lowReliability` is the table's "[u]".
 */
export function chartData(
  table: PublishedTable,
  areas: readonly ReleaseArea[],
  column: (id: string) => string,
  lowReliability = '[u]',
): ChartData {
  const rules = KIND_RULES[table.kind];
  const national = table.cells.filter((c) => c.level === 'national');
  const nationCell = (col: string) => national.find((c) => c.column === col);
  let scale: ChartScale;
  let bars: ChartBar[];
  if (rules.statistic) {
    ({ scale, bars } = statisticBars(table, nationCell, column));
  } else if (rules.gain) {
    scale = 'gain';
    bars = table.columns.map((c) => gainBar(c, column(c), nationCell(c), lowReliability));
  } else if (!rules.total) {
    // National-only tables (most-missed items, feedback answers): one bar per column.
    scale = rules.percent ? 'percent' : 'count';
    bars = table.columns.map((c) => {
      const cell = nationCell(c);
      return bar(c, column(c), rules.percent ? percentOf(cell) : cell?.count);
    });
    // Most-missed: the questions missed most, as many as a phone shows (the table lists all).
    if (table.kind === 'most-missed')
      bars = bars
        .filter((b) => b.value !== null)
        .sort((a, b) => b.value! - a.value!)
        .slice(0, MOST_MISSED_BARS);
  } else {
    scale = rules.percent ? 'percent' : 'count';
    const names = new Map(areas.map((a) => [a.id, a.name]));
    bars = table.cells
      .filter((c) => c.column === 'total' && (c.level === 'national' || c.level === 'region'))
      .map((c) => bar(c.area, names.get(c.area) ?? c.area, rules.percent ? percentOf(c) : c.count));
  }
  const values = bars.flatMap((b) => (b.value === null ? [] : [b.value]));
  const max =
    scale === 'percent'
      ? 100
      : scale === 'gain' || scale === 'statistic'
        ? 1
        : Math.max(1, ...values);
  const min =
    scale === 'statistic' && table.kind === 'evidence'
      ? -1
      : scale === 'gain' || scale === 'statistic'
        ? Math.min(0, ...values)
        : 0;
  return { scale, bars, min, max: Math.max(max, ...values) };
}
