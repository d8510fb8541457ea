// The shapes of a national release (issue #17, research/measurement.md Part 2 (b)): fixed tables
// over a fixed hierarchy national ⊃ region ⊃ district, computed once per term from per-school
// counts. No free filters, custom areas or rolling windows: a release is the whole answer.

/** The levels of the hierarchy, widest first. */
export const AREA_LEVELS = ['national', 'region', 'district'] as const;
export type AreaLevel = (typeof AREA_LEVELS)[number];

/**
 * A deployment's geography for one term: regions of districts of schools. Schools are the unit
 * counts arrive in; they are never published (a school is not an area).
 */
export interface Geography {
  readonly regions: readonly {
    readonly id: string;
    readonly districts: readonly { readonly id: string; readonly schools: readonly string[] }[];
  }[];
}

/**
 * The fixed table kinds (NATION-2, NATION-3):
 * - `reach`: children with any activity in the term, by band;
 * - `activities`: activities completed in the term, by band (children contributing drive
 *   suppression);
 * - `mastery`: per topic, children assessed by band with the percent who mastered it;
 * - `gains`: per topic, pre/post learning gains by measure (knowledge, skill, self-efficacy,
 *   intention: separate columns, never combined, MEAS-07);
 * - `most-missed`: per item, children who answered and the percent who missed it (national only);
 * - `detection`: per classification item (a sort with a warning bin), its warning cards and the
 *   percent sorted as warnings (hit rate), and its other cards and the percent sorted as
 *   warnings (false-alarm rate), MEAS-08 (national only);
 * - `feedback`: children's feedback answers (national only);
 * - `evidence`: per topic, the correlation of the stealth evidence (the mastery play estimates)
 *   with the post- and transfer-check scores, per check and measure (MEAS-06, national only);
 * - `items`: per topic, each scored item of each form (band × use): children, p, corrected
 *   item–total r and the heuristic flags (MEAS-11, national only);
 * - `reliability`: per form with two scored items or more, children and KR-20 (MEAS-11,
 *   national only).
 */
export const TABLE_KINDS = [
  'reach',
  'activities',
  'mastery',
  'gains',
  'most-missed',
  'detection',
  'feedback',
  'evidence',
  'items',
  'reliability',
] as const;
export type TableKind = (typeof TABLE_KINDS)[number];

/** The measures of a `gains` table: never combined into one score (MEAS-07). */
export const GAIN_MEASURES = ['knowledge', 'skill', 'self-efficacy', 'intention'] as const;
export type GainMeasure = (typeof GAIN_MEASURES)[number];

/**
 * Additive sufficient statistics of pre/post pairs (scores in percent, 0–100): sums over
 * children, so a district's are its schools' added up and gains need no child-level rows.
 */
export interface PairSums {
  readonly n: number;
  readonly pre: number;
  readonly post: number;
  /** Σ (post − pre)². */
  readonly diffSquares: number;
}

/** One school's figures in one column of a table, as the release builder aggregates them. */
export interface SchoolCell {
  readonly school: string;
  readonly column: string;
  /** Distinct children counted in this cell (drives primary suppression). */
  readonly children: number;
  /** The published quantity when it is not children (`activities`: completions; `detection`: cards). */
  readonly count?: number;
  /**
   * `mastery`: children who mastered; `most-missed`: children who missed the item; `detection`:
   * cards sorted as warnings (out of `count`).
   */
  readonly numerator?: number;
  /** `gains`: the pairs' sums; `children` is then the number of pairs. */
  readonly pairs?: PairSums;
  /**
   * `evidence`, `items`, `reliability`: additive sums over the cell's children (their meaning is
   * the kind's, `statistics.ts`), added element by element across schools; `children` is n.
   */
  readonly sums?: readonly number[];
}

/** One table of a release: its kind, its columns (in display order) and per-school cells. */
export interface TableInput {
  /** Stable id, e.g. `reach`, `mastery/passwords`, `gains/scams`. */
  readonly id: string;
  readonly kind: TableKind;
  readonly columns: readonly string[];
  readonly cells: readonly SchoolCell[];
  /** `evidence`: the version of the stealth-evidence rules the sums were made with (MEAS-06). */
  readonly rulesVersion?: number;
}

/** What the release builder hands over for one term. */
export interface ReleaseInput {
  /** The term's id, e.g. `2026-t1`. */
  readonly term: string;
  readonly geography: Geography;
  readonly tables: readonly TableInput[];
}

/**
 * A published value, in the Government Statistical Service's shorthand (STAT-11):
 * - `count`: a count of children (or completions) rounded to the nearest 5;
 * - `percent`: a whole percent between 5 and 95;
 * - `below` / `above`: a percent under 5 or over 95, shown as "<5%" / ">95%";
 * - `c`: confidential, "[c]": too few children, too few schools, or hidden so that another
 *   hidden cell cannot be worked out (the two reasons are never told apart);
 * - `z`: not applicable, "[z]": the table has no such cell (e.g. a region in a national-only
 *   table).
 * Gains carry their own low-reliability marker "[u]" (see `ShownGain`).
 */
export type Shown =
  | { readonly shown: 'count'; readonly value: number }
  | { readonly shown: 'percent'; readonly value: number }
  | { readonly shown: 'below'; readonly value: 5 }
  | { readonly shown: 'above'; readonly value: 95 }
  | { readonly shown: 'c' }
  | { readonly shown: 'z' };

/** A learning gain as published: estimates with their interval, and "[u]" under 90 pairs. */
export interface ShownGain {
  /** Hake's normalised gain on the group's means, 2 decimals. */
  readonly hake: number | null;
  /** Paired Cohen's d (d_z), 2 decimals, with its 95 % interval. */
  readonly d: number | null;
  readonly low: number | null;
  readonly high: number | null;
  /** GSS "[u]": 30–89 pairs. */
  readonly lowReliability: boolean;
}

/** The heuristic flags of an item (MEAS-11): p > .95, p < .20, corrected item–total r < .20. */
export const ITEM_FLAGS = ['p-high', 'p-low', 'r-low'] as const;
export type ItemFlag = (typeof ITEM_FLAGS)[number];

/**
 * A statistic as published (2 decimals; null where it is undefined, e.g. no spread at all):
 * - `evidence`: Pearson's `r` with its 95 % interval (`low`, `high`, Fisher's z);
 * - `items`: `p` (the mean score, as a percent with the "<5%"/">95%" edges), the corrected
 *   item–total `r` (null in a form of one scored item) and the `flags`;
 * - `reliability`: `kr20` (Kuder–Richardson 20; coefficient α for partial-credit items).
 */
export interface ShownStatistic {
  readonly r?: number | null;
  readonly low?: number | null;
  readonly high?: number | null;
  readonly p?: Shown;
  readonly flags?: readonly ItemFlag[];
  readonly kr20?: number | null;
}

/** One published cell. */
export interface PublishedCell {
  readonly area: string;
  readonly level: AreaLevel;
  /** A column of the table, or `total`. */
  readonly column: string;
  /** Children (or completions; gains: pairs), rounded, or a symbol. */
  readonly count: Shown;
  /** `mastery` and `most-missed`: the percent. */
  readonly percent?: Shown;
  /** `gains`: the gain, or absent when `count` is a symbol. */
  readonly gain?: ShownGain;
  /** `evidence`, `items`, `reliability`: the statistic, or absent when `count` is a symbol. */
  readonly statistic?: ShownStatistic;
}

/** One published table: every cell of every area at the levels its kind publishes. */
export interface PublishedTable {
  readonly id: string;
  readonly kind: TableKind;
  readonly columns: readonly string[];
  /** Sorted by level, area id, then column (columns in their given order, total last). */
  readonly cells: readonly PublishedCell[];
  /** `evidence`: the version of the stealth-evidence rules behind it (MEAS-06). */
  readonly rulesVersion?: number;
}

/** A term's release: what a coordinator sees, downloads and what the API serves. */
export interface PublishedRelease {
  readonly term: string;
  readonly tables: readonly PublishedTable[];
}

/** The column that holds a row's total where a table's columns partition its children. */
export const TOTAL = 'total';
