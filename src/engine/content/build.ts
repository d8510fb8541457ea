import { deepFreeze } from '../freeze';
import type { ContentId, LocaleCode } from '../ids';
import type { Catalogue, TextSource } from '../types/catalogue';
import { checkContentIds } from './checks/content-ids';
import { checkCourse } from './checks/courses';
import { checkMeasureBank } from './checks/measurement';
import { checkFrameworkRefs } from './checks/frameworks';
import { checkIndustryFramework, checkIndustryPublished } from './checks/industry';
import { checkIntlTerms } from './checks/intl-terms';
import { checkNearDuplicates } from './checks/near-duplicates';
import { checkTalkToAdult } from './checks/talk-to-adult';
import { checkGraph } from './checks/graph';
import { checkInteractions } from './checks/interactions';
import { checkPlaceholders } from './checks/placeholders';
import { checkPictures } from './checks/pictures';
import { checkActivityRefs } from './checks/refs';
import {
  checkGuidesAndChallenges,
  checkMedia,
  checkRequiredFiles,
  intlPack,
} from './checks/structure';
import { checkWorksheet } from './checks/worksheet';
import { idPrefix, parseFiles } from './files';
import type { ContentFile } from './files';
import { IssueSink, isWarning } from './issues';
import type { ContentIssue } from './issues';
import { loadEntities } from './load';
import { loadLocales } from './locales';
import { loadNicknames } from './nicknames';
import { loadUi } from './ui';
import { collectTexts } from './walk';

/** Options of {@link buildCatalogue}. */
export interface BuildOptions {
  /** Prefix shown before each path in messages, e.g. `content`. */
  readonly root?: string;
  /**
   * Content ids of packs under the root that this deployment does not serve (`KITE_PACKS`):
   * their translations are left out rather than reported as translations of nothing.
   */
  readonly otherPackIds?: ReadonlySet<string>;
}

/** The catalogue of everything valid, and every problem found (errors fail the check). */
export interface BuildResult {
  readonly catalogue: Catalogue;
  readonly errors: readonly ContentIssue[];
  readonly warnings: readonly ContentIssue[];
}

/**
 * Loads every pack under a content root into one typed, frozen catalogue and runs every check
 * (schema, layout, ids, references, scene graph, answer groups through `play()`, worksheets,
 * media, placeholders, translations). Pure: a loader hands in the files. All problems are
 * returned, each naming its file and the path inside it.
 *
 * @example
 * const { catalogue, errors } = buildCatalogue(files, { root: 'content' });
 * errors.map(formatIssue).forEach((line) => console.error(line));
 */
export function buildCatalogue(
  files: readonly ContentFile[],
  options: BuildOptions = {},
): BuildResult {
  const root = options.root?.replace(/\/+$/, '') ?? '';
  const display = (rel: string) => (root === '' ? rel : `${root}/${rel}`);
  const sink = new IssueSink();
  const { parsed, media, audio: recordings } = parseFiles(files, display, sink);

  const fileTexts = parsed.map((p) => ({
    file: p.file,
    rel: p.rel,
    prefix: idPrefix(p),
    texts: collectTexts(p.json),
  }));
  checkContentIds(fileTexts, sink);
  const texts = new Map<ContentId, string>();
  const textSources = new Map<ContentId, TextSource>();
  for (const ft of fileTexts)
    for (const t of ft.texts) {
      if (texts.has(t.id as ContentId)) continue;
      texts.set(t.id as ContentId, t.text);
      const note = t.note === undefined ? {} : { note: t.note };
      textSources.set(t.id as ContentId, { file: ft.rel, path: t.path, ...note });
    }

  const loaded = loadEntities(parsed, sink);
  checkRequiredFiles(parsed, display, sink);
  checkGuidesAndChallenges(loaded, sink);
  for (const activity of loaded.activities.values()) {
    const check = {
      activity,
      file: loaded.sources.get(`activity:${activity.id}`)?.file ?? '',
      sink,
    };
    checkActivityRefs(check, loaded);
    checkGraph(check, checkInteractions(check));
    checkWorksheet(check);
    checkTalkToAdult(check);
    checkPictures(check);
  }
  for (const course of loaded.courses.values())
    checkCourse(
      course,
      loaded.sources.get(`course:${course.id}`)?.file ?? '',
      loaded.activities,
      sink,
    );
  for (const bank of loaded.measurement.values())
    checkMeasureBank(
      bank,
      loaded.sources.get(`measurement:${bank.id}`)?.file ?? '',
      new Set(loaded.topics.keys()),
      sink,
    );
  for (const [key, framework] of loaded.industry)
    checkIndustryFramework(framework, loaded.sources.get(`industry:${key}`)?.file ?? '', sink);
  checkIndustryPublished(parsed, files, display, sink);
  checkNearDuplicates(
    [...loaded.activities.values()].map((activity) => {
      const src = loaded.sources.get(`activity:${activity.id}`);
      return { activity, file: src?.file ?? '', pack: src?.pack ?? '' };
    }),
    sink,
  );
  checkFrameworkRefs(
    loaded,
    parsed.find((p) => p.kind.kind === 'topics')?.file ?? display('topics.json'),
    sink,
  );
  checkMedia(parsed, media, sink);
  const intl = intlPack(loaded);
  for (const ft of fileTexts) checkPlaceholders(ft.file, ft.texts, intl, sink);
  for (const p of parsed)
    if (
      ['activity', 'guide', 'challenge', 'course', 'measurement', 'topics', 'pack'].includes(
        p.kind.kind,
      )
    )
      checkIntlTerms(p.file, collectTexts(p.json), sink);
  const locales = loadLocales(parsed, texts, sink, options.otherPackIds);
  const nicknames = loadNicknames(parsed, sink);
  const ui = loadUi(files, display, sink);
  const audio = new Map<LocaleCode, Map<ContentId, string>>();
  for (const r of recordings) {
    if (!texts.has(r.id as ContentId)) {
      sink.add(
        'audio-unknown-id',
        r.file,
        r.id,
        `recording of content id "${r.id}", which does not exist`,
      );
      continue;
    }
    const byId = audio.get(r.lang as LocaleCode) ?? new Map<ContentId, string>();
    byId.set(r.id as ContentId, r.rel);
    audio.set(r.lang as LocaleCode, byId);
  }

  const {
    topics,
    skills,
    packs,
    activities,
    guides,
    challenges,
    countries,
    frameworks,
    courses,
    measurement,
    industry,
    sources,
  } = loaded;
  const catalogue: Catalogue = deepFreeze({
    topics,
    skills,
    packs,
    activities,
    guides,
    challenges,
    countries,
    courses,
    measurement,
    industry,
    texts,
    locales,
    audio,
    frameworks,
    nicknames,
    sources,
    ui,
    textSources,
  });
  const errors = sink.issues.filter((i) => !isWarning(i.check));
  const warnings = sink.issues.filter((i) => isWarning(i.check));
  return Object.freeze({
    catalogue,
    errors: Object.freeze(errors),
    warnings: Object.freeze(warnings),
  });
}
