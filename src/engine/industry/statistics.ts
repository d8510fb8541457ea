// Sector statistics over companies' accepted assessments (IND-18, IND-24): per framework and year
// the spread of maturity levels and the median overall score, per section and year the spread of
// the section's bands and its median. Only groups of at least `minGroup` companies are shown
// (research/industry.md (b): "only aggregates of at least 5 companies are published").
//
// Why a suppressed cell cannot be recovered by subtraction:
// - Every number belongs to one cell, and the cells never add up to a published total: there is
//   no all-years, all-sections or all-frameworks figure, so no "total − visible cells".
// - A section cell counts the companies with a score in that section (N/A throughout, or not
//   asked, leaves a company out). Nothing published counts the companies without one, so a
//   hidden section's count is not "the year's count minus something" either. (A year's count
//   minus a shown section's count does give how many companies have no score there: a count
//   only, with no level or score of theirs.)
// - A framework × year cell of fewer than `minGroup` hides every section cell of that year too
//   (true anyway, since a section never has more companies than its year; enforced regardless).
// - Levels within a shown cell are not cells of their own: "1 company at level 1 out of 7" says
//   nothing about which company.
// - Medians are rounded to whole percents, so a median of an odd group does not publish one
//   company's exact score.
// Not prevented, and said in docs/industry.md: comparing the statistics of two days, when one
// company's newer assessment moves it from one year to another, shows how that one company moved.

import { maturityOf } from './score';
import type { Maturity, SectionScore } from './score';

/** One company's latest accepted assessment of a framework. */
export interface StatisticsEntry {
  /** Who the company is (its user id): groups count distinct companies. */
  readonly company: string;
  /** The year the assessment was accepted. */
  readonly year: number;
  /** The framework version, `<id>@v<n>`. */
  readonly framework: string;
  readonly sections: readonly SectionScore[];
  /** The overall percent (null when nothing was scored: the entry is then left out). */
  readonly overall: number | null;
  readonly maturity: Maturity | null;
}

/** Counts at levels 1, 2, 3 and 4, in that order. */
export type LevelCounts = readonly [number, number, number, number];

/** A group too small to show has no numbers at all. */
export type StatisticsCell =
  | { readonly suppressed: true }
  | {
      readonly suppressed: false;
      readonly companies: number;
      /** Maturity levels for a framework cell; for a section cell, the bands of its percent. */
      readonly levels: LevelCounts;
      /** The median percent, rounded to a whole number. */
      readonly median: number;
    };

export interface YearStatistics {
  readonly year: number;
  readonly overall: StatisticsCell;
  readonly sections: readonly { readonly section: string; readonly cell: StatisticsCell }[];
}

export interface FrameworkStatistics {
  readonly framework: string;
  /** Oldest year first. */
  readonly years: readonly YearStatistics[];
}

export interface SectorStatistics {
  readonly minGroup: number;
  readonly frameworks: readonly FrameworkStatistics[];
}

const median = (values: readonly number[]): number => {
  const v = [...values].sort((x, y) => x - y);
  const mid = v.length >> 1;
  return Math.round(v.length % 2 === 1 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2);
};

/** The cell of a group: one [level, percent] per company. */
const cellOf = (
  group: readonly (readonly [Maturity, number])[],
  minGroup: number,
): StatisticsCell => {
  if (group.length < minGroup) return { suppressed: true };
  const levels: [number, number, number, number] = [0, 0, 0, 0];
  for (const [level] of group) levels[level - 1] = levels[level - 1]! + 1;
  return {
    suppressed: false,
    companies: group.length,
    levels,
    median: median(group.map(([, p]) => p)),
  };
};

const SUPPRESSED: StatisticsCell = { suppressed: true };

/**
 * The statistics of `entries` (each company's latest accepted assessment), by framework (in
 * order of first appearance) and year. A company that appears twice in one framework and year
 * counts once, by its last entry. Any group of fewer than `minGroup` distinct companies is
 * `{ suppressed: true }`.
 */
export function sectorStatistics(
  entries: readonly StatisticsEntry[],
  { minGroup = 5 }: { minGroup?: number } = {},
): SectorStatistics {
  if (!Number.isInteger(minGroup) || minGroup < 1)
    throw new RangeError(`minGroup must be a positive integer, not ${minGroup}`);
  // framework → year → company → entry (the last one wins)
  const byFramework = new Map<string, Map<number, Map<string, StatisticsEntry>>>();
  for (const e of entries) {
    const years = byFramework.get(e.framework) ?? new Map<number, Map<string, StatisticsEntry>>();
    byFramework.set(e.framework, years);
    const companies = years.get(e.year) ?? new Map<string, StatisticsEntry>();
    years.set(e.year, companies);
    companies.set(e.company, e);
  }
  const frameworks: FrameworkStatistics[] = [];
  for (const [framework, years] of byFramework) {
    const sectionIds = [
      ...new Set(
        [...years.values()].flatMap((c) =>
          [...c.values()].flatMap((e) => e.sections.map((s) => s.section)),
        ),
      ),
    ];
    const out: YearStatistics[] = [...years.keys()]
      .sort((x, y) => x - y)
      .map((year) => {
        const scored = [...years.get(year)!.values()].filter(
          (e) => e.overall !== null && e.maturity !== null,
        );
        const overall = cellOf(
          scored.map((e) => [e.maturity!, e.overall!] as const),
          minGroup,
        );
        const sections = sectionIds.map((section) => {
          if (overall.suppressed) return { section, cell: SUPPRESSED };
          const group = scored.flatMap((e) => {
            const p = e.sections.find((s) => s.section === section)?.percent ?? null;
            return p === null ? [] : [[maturityOf(p), p] as const];
          });
          return { section, cell: cellOf(group, minGroup) };
        });
        return { year, overall, sections };
      });
    frameworks.push({ framework, years: out });
  }
  return { minGroup, frameworks };
}
