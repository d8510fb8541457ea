// A published table laid out as rows of text: what the dashboard shows and, the same strings in
// the same order, what its CSV holds ("CSV identical to the screen", issue #17). Both the page and
// the server's CSV call this one function, so they cannot drift apart.

import { formatShown } from './display';
import { KIND_RULES } from './kinds';
import type { KindRules } from './kinds';
import type {
  AreaLevel,
  ItemFlag,
  PublishedCell,
  PublishedTable,
  ShownGain,
  ShownStatistic,
} from './types';

/** An area as the release names it (names are a snapshot taken when the release was built). */
export interface ReleaseArea {
  readonly id: string;
  readonly level: AreaLevel;
  readonly name: string;
  /** The region of a district, `national` for a region, null for the nation. */
  readonly parent: string | null;
}

/** The words of a table's header, in the reader's language. */
export interface LayoutLabels {
  /** Header of the area column, e.g. "Area". */
  readonly area: string;
  /** Header of the level column, e.g. "Level". */
  readonly level: string;
  /** A level's name, e.g. "Region". */
  readonly levelName: (level: AreaLevel) => string;
  /** A column's name: a band, a measure, an item, a feedback answer, or `total`. */
  readonly column: (column: string) => string;
  /** Sub-header of a count, e.g. "children" (gains: "pairs"). */
  readonly count: (table: PublishedTable) => string;
  /** Sub-header of a percent, e.g. "% mastered". */
  readonly percent: (table: PublishedTable) => string;
  /** Sub-headers of a gain: Hake's g, and d with its interval. */
  readonly hake: string;
  readonly effect: string;
  /** Written after a low-reliability gain (GSS "[u]"). */
  readonly lowReliability: string;
  /** "0.20 to 0.50": the interval's words. */
  readonly interval: (low: string, high: string) => string;
  /** Sub-headers of the statistics (MEAS-06, MEAS-11). */
  readonly statistic: {
    /** A correlation, e.g. "r". */
    readonly r: string;
    /** Its 95 % interval, e.g. "95% interval". */
    readonly interval: string;
    /** An item's mean score, e.g. "p (% right)". */
    readonly p: string;
    /** An item's correlation with the rest of its form, e.g. "r with the other items". */
    readonly itemR: string;
    /** An item's flags, e.g. "Flags". */
    readonly flags: string;
    /** A form's reliability, e.g. "KR-20". */
    readonly kr20: string;
  };
  /** A flag of an item in words, e.g. "very easy (p over .95, a rule of thumb)". */
  readonly flag: (flag: ItemFlag) => string;
  /** Written where an item has no flag. */
  readonly noFlag: string;
}

/** One row: an area and its cells as text, in the header's order. */
export interface LayoutRow {
  readonly area: string;
  readonly level: AreaLevel;
  readonly cells: readonly string[];
}

/** A table as text: header, then one row per area (nation, regions, districts). */
export interface TableLayout {
  readonly header: readonly string[];
  readonly rows: readonly LayoutRow[];
}

const decimal = (v: number | null): string => (v === null ? '[z]' : v.toFixed(2));

const gainTexts = (gain: ShownGain | undefined, labels: LayoutLabels): [string, string] => {
  if (!gain) return ['[c]', '[c]'];
  const mark = gain.lowReliability ? ` ${labels.lowReliability}` : '';
  const effect =
    gain.d === null
      ? '[z]'
      : `${decimal(gain.d)} (${labels.interval(decimal(gain.low), decimal(gain.high))})`;
  return [`${decimal(gain.hake)}${mark}`, `${effect}${mark}`];
};

/** The sub-headers of a column after its count, by the kind's rules. */
const subHeaders = (rules: KindRules, table: PublishedTable, labels: LayoutLabels): string[] => {
  if (rules.percent) return [labels.percent(table)];
  if (rules.gain) return [labels.hake, labels.effect];
  switch (rules.statistic) {
    case 'correlation':
      return [labels.statistic.r, labels.statistic.interval];
    case 'item':
      return [labels.statistic.p, labels.statistic.itemR, labels.statistic.flags];
    case 'reliability':
      return [labels.statistic.kr20];
    case undefined:
      return [];
  }
};

const statisticTexts = (
  rules: KindRules,
  s: ShownStatistic | undefined,
  labels: LayoutLabels,
): string[] => {
  const width = rules.statistic === 'item' ? 3 : rules.statistic === 'correlation' ? 2 : 1;
  if (!s) return Array<string>(width).fill('[c]');
  switch (rules.statistic) {
    case 'correlation':
      return [
        decimal(s.r ?? null),
        s.low == null || s.high == null ? '[z]' : labels.interval(decimal(s.low), decimal(s.high)),
      ];
    case 'item':
      return [
        formatShown(s.p ?? { shown: 'z' }),
        decimal(s.r ?? null),
        s.flags && s.flags.length > 0 ? s.flags.map(labels.flag).join('; ') : labels.noFlag,
      ];
    default:
      return [decimal(s.kr20 ?? null)];
  }
};

const cellTexts = (
  table: PublishedTable,
  cell: PublishedCell | undefined,
  labels: LayoutLabels,
) => {
  const rules = KIND_RULES[table.kind];
  if (!cell) return Array<string>(1 + subHeaders(rules, table, labels).length).fill('[z]');
  const count = formatShown(cell.count);
  if (rules.percent) return [count, formatShown(cell.percent ?? { shown: 'c' })];
  if (rules.gain) return [count, ...gainTexts(cell.gain, labels)];
  if (rules.statistic) return [count, ...statisticTexts(rules, cell.statistic, labels)];
  return [count];
};

/**
 * Lays a table out: the area's name and level, then for each column (and `total` where the kind
 * has one) its count, its percent (`mastery`, `most-missed`) or its pairs, Hake's g and d with
 * its interval (`gains`), r and its interval (`evidence`), p, the item's r with the rest of its
 * form and its flags in words (`items`), or KR-20 (`reliability`). Rows: the nation, then each region followed by its districts.
 * Areas missing from `areas` are shown by id (a release always names them all).
 */
export function tableLayout(
  table: PublishedTable,
  areas: readonly ReleaseArea[],
  labels: LayoutLabels,
): TableLayout {
  const rules = KIND_RULES[table.kind];
  const columns = rules.total ? [...table.columns, 'total'] : [...table.columns];
  const header: string[] = [labels.area, labels.level];
  for (const c of columns) {
    const name = labels.column(c);
    header.push(`${name}: ${labels.count(table)}`);
    for (const sub of subHeaders(rules, table, labels)) header.push(`${name}: ${sub}`);
  }
  const names = new Map(areas.map((a) => [a.id, a.name]));
  const byArea = new Map<string, Map<string, PublishedCell>>();
  const order: { area: string; level: AreaLevel }[] = [];
  for (const cell of table.cells) {
    let row = byArea.get(cell.area);
    if (!row) {
      row = new Map();
      byArea.set(cell.area, row);
      order.push({ area: cell.area, level: cell.level });
    }
    row.set(cell.column, cell);
  }
  const rows = nested(order, areas).map(({ area, level }) => {
    const row = byArea.get(area)!;
    const cells = [names.get(area) ?? area, labels.levelName(level)];
    for (const c of columns) cells.push(...cellTexts(table, row.get(c), labels));
    return { area, level, cells };
  });
  return { header, rows };
}

/**
 * Rows in reading order: the nation, then each region followed by its own districts, so an
 * indented district always sits under its region. Order within a level is the table's. An area
 * whose region is not in the table keeps its place at the end.
 */
function nested<T extends { readonly area: string; readonly level: AreaLevel }>(
  order: readonly T[],
  areas: readonly ReleaseArea[],
): T[] {
  const parentOf = new Map(areas.map((a) => [a.id, a.parent]));
  const placed = new Set<T>();
  const out: T[] = [];
  const put = (row: T) => {
    out.push(row);
    placed.add(row);
    if (row.level === 'region')
      for (const d of order)
        if (d.level === 'district' && parentOf.get(d.area) === row.area) {
          out.push(d);
          placed.add(d);
        }
  };
  for (const row of order) if (row.level !== 'district') put(row);
  for (const row of order) if (!placed.has(row)) out.push(row);
  return out;
}

const RISKY_START = /^[=+@\t\r]|^-(?![0-9])/;

const csvField = (text: string): string => {
  // A spreadsheet would run a field starting with =, +, @ or - as a formula (names are typed
  // by coordinators): a leading apostrophe keeps it text. Negative numbers stay numbers.
  const safe = RISKY_START.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** The layout as CSV (RFC 4180, CRLF line ends), header first: exactly the screen's text. */
export function layoutCsv(layout: TableLayout): string {
  const lines = [layout.header, ...layout.rows.map((r) => r.cells)];
  return lines.map((line) => line.map(csvField).join(',')).join('\r\n') + '\r\n';
}
