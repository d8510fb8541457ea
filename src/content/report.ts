import { BANDS, bandIndex, LEVELS } from '../engine';
import type { Band, Catalogue, Level } from '../engine';
import { missingPictures, WARNINGS } from '../engine/content';
import type { ContentIssue, WarningName } from '../engine/content';
import { interactionTypes } from './bundle';
import { activityReadability } from './readability';

/** What the curriculum covers: every activity, guide and challenge, by topic, band and level. */
export interface ContentReport {
  /** Every topic in topics.json, in file order, with its activity count. */
  readonly topics: readonly { id: string; activities: number }[];
  readonly activities: readonly {
    id: string;
    topic: string;
    band: Band;
    level: Level;
    interactions: readonly string[];
    sensitive: boolean;
    grade: number;
    /** 5–7 choice and sort scenes where some answer or card has no picture. */
    missingPictures: number;
  }[];
  readonly guides: readonly { id: string; topic: string; band: Band }[];
  /** One row per challenge and band it is written for. */
  readonly challenges: readonly { id: string; topic: string; band: Band; for: string }[];
  /** Every course, by band then id: its id, band, module count and activity count. */
  readonly courses: readonly { id: string; band: Band; modules: number; activities: number }[];
  /** How many warnings `content:check` gives, per warning check (content still builds). */
  readonly warnings: Readonly<Record<WarningName, number>>;
}

export function contentReport(
  catalogue: Catalogue,
  warnings: readonly ContentIssue[] = [],
): ContentReport {
  const byId = <T extends { id: string }>(xs: Iterable<T>) =>
    [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  const all = [...catalogue.activities.values()];
  return {
    topics: [...catalogue.topics.keys()].map((id) => ({
      id,
      activities: all.filter((a) => a.topic === id).length,
    })),
    activities: byId(catalogue.activities.values()).map((a) => ({
      id: a.id,
      topic: a.topic,
      band: a.band,
      level: a.level,
      interactions: interactionTypes(a),
      sensitive: a.sensitive !== undefined,
      grade: activityReadability(a).grade,
      missingPictures: missingPictures(a).length,
    })),
    guides: byId(catalogue.guides.values()).map((g) => ({
      id: g.id,
      topic: g.topic,
      band: g.band,
    })),
    challenges: byId(catalogue.challenges.values()).flatMap((c) =>
      c.bands.map((band) => ({ id: c.id, topic: c.topic, band, for: c.for })),
    ),
    courses: [...(catalogue.courses?.values() ?? [])]
      .sort((a, b) => bandIndex(a.band) - bandIndex(b.band) || (a.id < b.id ? -1 : 1))
      .map((c) => ({
        id: c.id,
        band: c.band,
        modules: c.modules.length,
        activities: c.modules.reduce((n, m) => n + m.activities.length, 0),
      })),
    warnings: Object.fromEntries(
      WARNINGS.map((w) => [w, warnings.filter((i) => i.check === w).length]),
    ) as Record<WarningName, number>,
  };
}

/** Cells of topic × band × level with no activity, and topic × band with no guide or challenge. */
export function coverageGaps(report: ContentReport, topics: readonly string[]): string[] {
  const gaps: string[] = [];
  for (const topic of topics) {
    for (const band of BANDS) {
      for (const level of LEVELS) {
        if (
          !report.activities.some((a) => a.topic === topic && a.band === band && a.level === level)
        )
          gaps.push(`${topic} ${band} ${level}: no activity`);
      }
      if (!report.guides.some((g) => g.topic === topic && g.band === band))
        gaps.push(`${topic} ${band}: no guide`);
      if (!report.challenges.some((c) => c.topic === topic && c.band === band))
        gaps.push(`${topic} ${band}: no challenge`);
    }
  }
  return gaps;
}
