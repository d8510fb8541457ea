// One table's per-school cells added up to every area and column its kind publishes, with the
// linear relations between them (a total is the sum of its columns; an area the sum of the areas
// inside it). Sums run in a sorted order, so the same input gives the same floating-point sums.

import { NATIONAL, areasOf } from './areas';
import { KIND_RULES } from './kinds';
import { TOTAL } from './types';
import type { AreaLevel, Geography, PairSums, SchoolCell, TableInput } from './types';

/** An area × column of a table, with what suppression and display need. */
export interface Cell {
  readonly key: string;
  readonly area: string;
  readonly level: AreaLevel;
  readonly column: string;
  readonly children: number;
  readonly count: number;
  readonly numerator: number;
  readonly pairs: PairSums;
  /** Statistic kinds: the schools' sums added element by element (empty when none). */
  readonly sums: readonly number[];
  /** Distinct schools with at least one child in the cell. */
  readonly schools: number;
}

/** `total` = the sum of `parts` (cell keys). */
export interface Relation {
  readonly total: string;
  readonly parts: readonly string[];
}

/** A table's cells in publication order and the relations an observer can use. */
export interface AggregatedTable {
  readonly cells: readonly Cell[];
  readonly relations: readonly Relation[];
}

/** The key of an area × column cell (area ids cannot hold the separator: they are data keys). */
export const cellKey = (area: string, column: string): string => `${area}\u001f${column}`;

const NO_PAIRS: PairSums = { n: 0, pre: 0, post: 0, diffSquares: 0 };

interface Sum {
  children: number;
  count: number;
  numerator: number;
  pairs: PairSums;
  sums: number[];
  schools: Set<string>;
}

const add = (s: Sum, c: SchoolCell) => {
  s.children += c.children;
  s.count += c.count ?? c.children;
  s.numerator += c.numerator ?? 0;
  const p = c.pairs ?? NO_PAIRS;
  s.pairs = {
    n: s.pairs.n + p.n,
    pre: s.pairs.pre + p.pre,
    post: s.pairs.post + p.post,
    diffSquares: s.pairs.diffSquares + p.diffSquares,
  };
  if (c.sums)
    c.sums.forEach((v, i) => {
      s.sums[i] = (s.sums[i] ?? 0) + v;
    });
  if (c.children > 0) s.schools.add(c.school);
};

/** Adds a checked table's school cells up to its areas and columns (see `releaseProblems`). */
export function aggregateTable(table: TableInput, geography: Geography): AggregatedTable {
  const rules = KIND_RULES[table.kind];
  const { areas, districtOf } = areasOf(geography);
  const shown = areas.filter((a) => rules.levels.includes(a.level));
  const columns = rules.total ? [...table.columns, TOTAL] : [...table.columns];
  const sums = new Map<string, Sum>();
  for (const a of shown)
    for (const c of columns)
      sums.set(cellKey(a.id, c), {
        children: 0,
        count: 0,
        numerator: 0,
        pairs: NO_PAIRS,
        sums: [],
        schools: new Set(),
      });
  const parentOf = new Map(areas.map((a) => [a.id, a.parent]));
  const sorted = [...table.cells].sort((a, b) =>
    a.school === b.school ? (a.column < b.column ? -1 : 1) : a.school < b.school ? -1 : 1,
  );
  for (const cell of sorted) {
    const district = districtOf.get(cell.school)!;
    const chain = [district, parentOf.get(district)!, NATIONAL];
    for (const area of chain)
      for (const column of rules.total ? [cell.column, TOTAL] : [cell.column]) {
        const s = sums.get(cellKey(area, column));
        if (s) add(s, cell);
      }
  }
  const cells: Cell[] = [];
  for (const a of shown)
    for (const column of columns) {
      const key = cellKey(a.id, column);
      const s = sums.get(key)!;
      cells.push({
        key,
        area: a.id,
        level: a.level,
        column,
        children: s.children,
        count: s.count,
        numerator: s.numerator,
        pairs: s.pairs,
        sums: s.sums,
        schools: s.schools.size,
      });
    }
  const relations: Relation[] = [];
  for (const a of shown) {
    if (rules.total)
      relations.push({
        total: cellKey(a.id, TOTAL),
        parts: table.columns.map((c) => cellKey(a.id, c)),
      });
    if (a.inside.length > 0 && rules.levels.length > 1)
      for (const column of columns)
        relations.push({
          total: cellKey(a.id, column),
          parts: a.inside.map((id) => cellKey(id, column)),
        });
  }
  return { cells, relations };
}
