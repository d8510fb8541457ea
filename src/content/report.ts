import {
  ADULT_UI_AREAS,
  BANDS,
  bandIndex,
  CHILD_UI_AREAS,
  contentTable,
  coverage,
  DEFAULT_LANGUAGE_THRESHOLD,
  languageCompleteness,
  LEVELS,
  uiTable,
} from '../engine';
import type { Band, Catalogue, Coverage, Level, LocaleCode } from '../engine';
import { missingPictures, WARNINGS } from '../engine/content';
import type { ContentIssue, WarningName } from '../engine/content';
import { interactionTypes } from './bundle';
import { measurementForms } from './measurement-report';
import type { MeasureFormReport } from './measurement-report';
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
    /** Share of the activity's texts with a current translation, per language (`en` is 1). */
    locales: Readonly<Record<string, number>>;
  }[];
  readonly guides: readonly { id: string; topic: string; band: Band }[];
  /** One row per challenge and band it is written for. */
  readonly challenges: readonly { id: string; topic: string; band: Band; for: string }[];
  /** Every course, by band then id: its id, band, module count and activity count. */
  readonly courses: readonly { id: string; band: Band; modules: number; activities: number }[];
  /** Every outcome-measurement form: topic × band × pre/post/transfer (NATION-3, MEAS-01). */
  readonly measurement: readonly MeasureFormReport[];
  /** Every industry self-assessment framework version, by id then version (IND-01). */
  readonly industry: readonly {
    id: string;
    version: number;
    sections: number;
    questions: number;
  }[];
  /** How many warnings `content:check` gives, per warning check (content still builds). */
  readonly warnings: Readonly<Record<WarningName, number>>;
  /** How complete each language is (English first, then by tag), I18N-1. */
  readonly languages: readonly LanguageReport[];
}

/**
 * One language: its UI for children (root, feedback, class-child) and for adults (account,
 * classes), its content (all of it, and per band as children meet it), and the bands children
 * are offered it for: where the child UI and the band's content reach `threshold`. Each
 * coverage counts current, stale and missing translations and the status of the current ones.
 */
export interface LanguageReport {
  readonly lang: string;
  readonly threshold: number;
  readonly childUi: Coverage;
  readonly adultUi: Coverage;
  readonly content: Coverage;
  readonly bands: Readonly<Record<Band, Coverage>>;
  readonly offeredBands: readonly Band[];
}

/** English everywhere complete: every text current, as reviewed source. */
const asSource = (c: Coverage): Coverage => ({
  ...c,
  current: c.total,
  stale: 0,
  missing: 0,
  status: { machine: 0, draft: 0, reviewed: c.total },
  ratio: 1,
});

/** The languages with any translation (content or UI), English first. */
export function reportLanguages(catalogue: Catalogue): string[] {
  const langs = new Set<string>(catalogue.locales.keys());
  for (const strings of catalogue.ui?.values() ?? [])
    for (const lang of strings.locales.keys()) langs.add(lang);
  langs.delete('en');
  return ['en', ...[...langs].sort()];
}

/** The {@link LanguageReport} of one language. */
export function languageReport(
  catalogue: Catalogue,
  lang: string,
  threshold = DEFAULT_LANGUAGE_THRESHOLD,
): LanguageReport {
  const child = uiTable(catalogue, lang, CHILD_UI_AREAS);
  const done = languageCompleteness(catalogue, lang as LocaleCode, child, threshold);
  const en = lang === 'en';
  const adultUi = coverage(uiTable(catalogue, lang, ADULT_UI_AREAS));
  const content = coverage(contentTable(catalogue, lang as LocaleCode));
  const bands = Object.fromEntries(
    BANDS.map((b) => [b, en ? asSource(done.bands[b]) : done.bands[b]]),
  ) as Record<Band, Coverage>;
  return {
    lang,
    threshold,
    childUi: en ? asSource(done.ui) : done.ui,
    adultUi: en ? asSource(adultUi) : adultUi,
    content: en ? asSource(content) : content,
    bands,
    offeredBands: done.offeredBands,
  };
}

export function contentReport(
  catalogue: Catalogue,
  warnings: readonly ContentIssue[] = [],
  threshold = DEFAULT_LANGUAGE_THRESHOLD,
): ContentReport {
  const byId = <T extends { id: string }>(xs: Iterable<T>) =>
    [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
  const all = [...catalogue.activities.values()];
  const langs = reportLanguages(catalogue);
  const perLang = langs.map((lang) =>
    languageCompleteness(catalogue, lang as LocaleCode, uiTable(catalogue, lang, []), threshold),
  );
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
      locales: Object.fromEntries(
        perLang.map((l) => [l.lang, Math.floor((l.activities[a.id] ?? 0) * 100) / 100]),
      ),
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
    measurement: measurementForms(catalogue),
    industry: [...(catalogue.industry?.values() ?? [])]
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.version - b.version))
      .map((f) => ({
        id: f.id,
        version: f.version,
        sections: f.sections.length,
        questions: f.questions.length,
      })),
    warnings: Object.fromEntries(
      WARNINGS.map((w) => [w, warnings.filter((i) => i.check === w).length]),
    ) as Record<WarningName, number>,
    languages: langs.map((lang) => languageReport(catalogue, lang, threshold)),
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
