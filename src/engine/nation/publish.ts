// A term's release: every table aggregated, suppressed and written, computed once (STAT-06: the
// same input always gives the same values; the dashboard and its CSV serve the stored result).

import { aggregateTable } from './aggregate';
import type { Cell } from './aggregate';
import { suppress } from './complementary';
import { percentOf, roundCount } from './display';
import { gainOf } from './gains';
import { KIND_RULES } from './kinds';
import { RELIABLE_PAIRS } from './policy';
import { isPrimary } from './primary';
import { correlation, itemStatistics, kr20 } from './statistics';
import type { CorrelationSums, ItemSums } from './statistics';
import { releaseProblems } from './validate';
import type { ReleaseProblem } from './validate';
import type {
  PublishedCell,
  PublishedRelease,
  PublishedTable,
  ReleaseInput,
  ShownGain,
  ShownStatistic,
  TableInput,
} from './types';
import type { StatisticKind } from './kinds';

/** The outcome of `publishRelease`: the release, or every problem of its input. */
export type ReleaseResult =
  | { readonly ok: true; readonly release: PublishedRelease }
  | { readonly ok: false; readonly problems: readonly ReleaseProblem[] };

const HIDDEN = { shown: 'c' } as const;
// `+ 0` writes −0 as 0: a stored release (JSON) has no −0, so the one in memory has none either.
const two = (v: number | null) => (v === null ? null : Math.round(v * 100) / 100 + 0);

const shownGain = (cell: Cell): ShownGain => {
  const g = gainOf(cell.pairs);
  return {
    hake: two(g.hake),
    d: two(g.d),
    low: two(g.low),
    high: two(g.high),
    lowReliability: g.pairs < RELIABLE_PAIRS,
  };
};

/** A statistic cell's figures from its sums (`statistics.ts`), 2 decimals. */
const shownStatistic = (cell: Cell, kind: StatisticKind): ShownStatistic => {
  switch (kind) {
    case 'correlation': {
      const c = correlation(cell.children, cell.sums as unknown as CorrelationSums);
      return { r: two(c.r), low: two(c.low), high: two(c.high) };
    }
    case 'item': {
      const s = itemStatistics(cell.children, cell.sums as unknown as ItemSums);
      // p as a percent with the edges of every percent: never "all" or "none" of a group.
      return { p: percentOf(s.p, 1), r: two(s.r), flags: s.flags };
    }
    case 'reliability':
      return { kr20: two(kr20(cell.children, cell.sums)) };
  }
};

const publishTable = (table: TableInput, input: ReleaseInput): PublishedTable => {
  const rules = KIND_RULES[table.kind];
  const { cells, relations } = aggregateTable(table, input.geography);
  const primary = new Set(cells.filter((c) => isPrimary(c, rules.minimum)).map((c) => c.key));
  const hidden = suppress(cells, relations, primary, rules.minimum);
  const out: PublishedCell[] = cells.map((cell) => {
    const isHidden = hidden.has(cell.key);
    const base = { area: cell.area, level: cell.level, column: cell.column };
    const count = isHidden ? HIDDEN : roundCount(cell.count);
    if (rules.percent)
      return {
        ...base,
        count,
        percent: isHidden
          ? HIDDEN
          : percentOf(cell.numerator, rules.percentOf === 'count' ? cell.count : cell.children),
      };
    if (rules.gain && !isHidden) return { ...base, count, gain: shownGain(cell) };
    if (rules.statistic && !isHidden)
      return { ...base, count, statistic: shownStatistic(cell, rules.statistic) };
    return { ...base, count };
  });
  const published: PublishedTable = {
    id: table.id,
    kind: table.kind,
    columns: [...table.columns],
    cells: out,
  };
  return table.rulesVersion === undefined
    ? published
    : { ...published, rulesVersion: table.rulesVersion };
};

/**
 * Publishes a term's tables under the disclosure policy (docs/national.md, "Disclosure control"):
 * counts of 0–9 children and sub-national cells from fewer than 3 schools hidden as "[c]", more
 * cells hidden so that no total, area sum or difference reveals them, counts rounded to 5,
 * percents only over shown counts of 10 or more, gains only from 30 pairs ("[u]" under 90),
 * correlations and item statistics only from 30 children, KR-20 only from 200.
 *
 * Tables are per-term counts, never running totals: nothing published links two terms, so
 * comparing consecutive releases adds no equation an observer could subtract (docs/national.md).
 * Input problems (unknown school, column, bad counts) publish nothing.
 */
export function publishRelease(input: ReleaseInput): ReleaseResult {
  const problems = releaseProblems(input);
  if (problems.length > 0) return { ok: false, problems };
  const tables = [...input.tables]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((t) => publishTable(t, input));
  return { ok: true, release: { term: input.term, tables } };
}
