// What each table kind publishes: at which levels, whether its columns add up to a total, what
// size a group must reach, and whether it carries a percent or a gain.

import {
  MIN_CHILDREN,
  MIN_PAIRS,
  MIN_RELIABILITY_CHILDREN,
  MIN_STATISTIC_CHILDREN,
} from './policy';
import type { AreaLevel, TableKind } from './types';

/** How a table kind is published. */
export interface KindRules {
  /** The levels with cells: national-only kinds never show a region or a district. */
  readonly levels: readonly AreaLevel[];
  /**
   * Whether each child falls in exactly one column (band), so a `total` column is their sum.
   * Feedback answers and items overlap (a child answers several), so they have no total.
   */
  readonly total: boolean;
  /** Smallest group shown: children, or pairs for gains. */
  readonly minimum: number;
  /** Whether a cell shows a percent: `numerator / children`, or `numerator / count`. */
  readonly percent: boolean;
  /** What a percent is of: children (default), or the cell's `count` (`detection`: cards). */
  readonly percentOf?: 'count';
  /** Whether a cell shows a learning gain. */
  readonly gain: boolean;
  /**
   * The statistic a cell shows from its additive sums (`statistics.ts`): a correlation with its
   * interval (`evidence`), an item's p, r and flags (`items`), a form's KR-20 (`reliability`).
   */
  readonly statistic?: StatisticKind;
}

/** What a statistic cell computes from its sums at publish time. */
export type StatisticKind = 'correlation' | 'item' | 'reliability';

const ALL: readonly AreaLevel[] = ['national', 'region', 'district'];
const NATIONAL: readonly AreaLevel[] = ['national'];

/** The rules of every table kind. */
export const KIND_RULES: Readonly<Record<TableKind, KindRules>> = {
  reach: { levels: ALL, total: true, minimum: MIN_CHILDREN, percent: false, gain: false },
  activities: { levels: ALL, total: true, minimum: MIN_CHILDREN, percent: false, gain: false },
  mastery: { levels: ALL, total: true, minimum: MIN_CHILDREN, percent: true, gain: false },
  gains: { levels: ALL, total: false, minimum: MIN_PAIRS, percent: false, gain: true },
  'most-missed': {
    levels: NATIONAL,
    total: false,
    minimum: MIN_CHILDREN,
    percent: true,
    gain: false,
  },
  detection: {
    levels: NATIONAL,
    total: false,
    minimum: MIN_CHILDREN,
    percent: true,
    percentOf: 'count',
    gain: false,
  },
  feedback: { levels: NATIONAL, total: false, minimum: MIN_CHILDREN, percent: false, gain: false },
  evidence: {
    levels: NATIONAL,
    total: false,
    minimum: MIN_STATISTIC_CHILDREN,
    percent: false,
    gain: false,
    statistic: 'correlation',
  },
  items: {
    levels: NATIONAL,
    total: false,
    minimum: MIN_STATISTIC_CHILDREN,
    percent: false,
    gain: false,
    statistic: 'item',
  },
  reliability: {
    levels: NATIONAL,
    total: false,
    minimum: MIN_RELIABILITY_CHILDREN,
    percent: false,
    gain: false,
    statistic: 'reliability',
  },
};
