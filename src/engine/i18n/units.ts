import type { ContentId, LocaleCode } from '../ids';
import { sourceHash } from '../text/hash';
import type { Catalogue, Translation } from '../types/catalogue';
import { ADULT_UI_AREAS, CHILD_UI_AREAS, uiContext, uiFilePath } from './ui-areas';

/** What a translators' export holds: the content texts, the app's UI strings, or both. */
export type TranslationScope = 'content' | 'ui' | 'all';
export const TRANSLATION_SCOPES: readonly TranslationScope[] = ['content', 'ui', 'all'];

/** One English string to translate, with where it is and its current translation (I18N-1). */
export interface TranslationUnit {
  /** The content id, or `ui:<area>:<key>` for a UI string. */
  readonly context: string;
  readonly english: string;
  /** The English file, relative to the content root. */
  readonly file: string;
  /** Where the text is, for the translator: `activity x`, `band 5-7`, `scene s3`, … */
  readonly where: readonly string[];
  /** The writer's note for translators. */
  readonly note?: string;
  /** The translation into the language, when there is one (current or stale). */
  readonly translation?: Translation;
  /** Whether the translation was made from an older English text. */
  readonly stale: boolean;
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Where a content text is: its owner (activity, course, guide, …), band, topic and scene. */
export function contentWhere(catalogue: Catalogue, id: ContentId, path: string): string[] {
  const [head, second] = id.split('.');
  const activity = catalogue.activities.get(head as never);
  if (activity !== undefined) {
    const scene =
      /^scenes\.([^.[]+)/.exec(path)?.[1] ??
      (second && activity.scenes[second] ? second : undefined);
    return [
      `activity ${activity.id}`,
      `band ${activity.band}`,
      `topic ${activity.topic}`,
      ...(scene === undefined ? [] : [`scene ${scene}`]),
    ];
  }
  if (head === 'course' && second !== undefined) {
    const course = catalogue.courses?.get(second);
    return course === undefined
      ? [`course ${second}`]
      : [`course ${second}`, `band ${course.band}`];
  }
  if (head === 'guide' && second !== undefined) {
    const guide = catalogue.guides.get(second as never);
    return guide === undefined
      ? [`guide ${second}`]
      : [`guide ${second}`, `band ${guide.band}`, `topic ${guide.topic}`];
  }
  if (head === 'challenge' && second !== undefined) {
    const c = catalogue.challenges.get(second as never);
    return c === undefined
      ? [`challenge ${second}`]
      : [`challenge ${second}`, `bands ${c.bands.join(' ')}`, `topic ${c.topic}`];
  }
  if (head === 'topic' && second !== undefined) return [`topic ${second}`];
  if (head === 'measure' && second !== undefined) return measureWhere(catalogue, id);
  if (head === 'industry' && second !== undefined) {
    // industry.<framework>.v<n>.<question>.<text> | .section.<id> | .title
    const [, , version, part, what] = id.split('.');
    const place =
      part === 'section' && what !== undefined
        ? [`section ${what}`]
        : part !== undefined && part !== 'title'
          ? [`question ${part}`]
          : [];
    const framework = `industry framework ${second}${version === undefined ? '' : ` ${version}`}`;
    return [`${framework} (adults read it: companies and coordinators)`, ...place];
  }
  if (head !== undefined && second !== undefined) return [`${head} ${second}`];
  return [];
}

/** `measure.<topic>.<item>.…`: the bank, then the item with its bands and when it is asked. */
function measureWhere(catalogue: Catalogue, id: ContentId): string[] {
  const [, topic, itemId] = id.split('.');
  const bank = catalogue.measurement?.get(topic ?? '');
  const item = bank?.items.find((i) => i.id === itemId);
  const head = `measurement item bank ${topic} (children read it: a quick check)`;
  if (item === undefined) return [head];
  return [
    head,
    `item ${item.id}`,
    `bands ${item.bands.join(' ')}`,
    `asked ${item.use.join(' ')}`,
    ...(item.bands.includes('5-7') ? ['read aloud to children of 5–7'] : []),
  ];
}

const stale = (t: Translation | undefined, english: string) =>
  t !== undefined && t.sourceHash !== sourceHash(english);

/**
 * Every string of `scope` with its translation into `lang`, in a stable order: by English file,
 * then by id (content first, then the UI areas).
 */
export function translationUnits(
  catalogue: Catalogue,
  lang: LocaleCode,
  scope: TranslationScope,
): TranslationUnit[] {
  const units: TranslationUnit[] = [];
  if (scope !== 'ui') {
    const table = catalogue.locales.get(lang);
    const content: TranslationUnit[] = [];
    for (const [id, english] of catalogue.texts) {
      const source = catalogue.textSources?.get(id);
      const translation = table?.get(id);
      content.push({
        context: id,
        english,
        file: source?.file ?? '',
        where: contentWhere(catalogue, id, source?.path ?? ''),
        ...(source?.note === undefined ? {} : { note: source.note }),
        ...(translation === undefined ? {} : { translation }),
        stale: stale(translation, english),
      });
    }
    units.push(...content.sort((a, b) => cmp(a.file, b.file) || cmp(a.context, b.context)));
  }
  if (scope !== 'content') {
    const ui: TranslationUnit[] = [];
    for (const [area, strings] of catalogue.ui ?? []) {
      const table = strings.locales.get(lang);
      for (const [key, english] of strings.english) {
        const translation = table?.get(key);
        ui.push({
          context: uiContext(area, key),
          english,
          file: uiFilePath(area, 'en'),
          where: [
            `UI area ${area}${CHILD_UI_AREAS.includes(area) ? ' (children read it)' : ADULT_UI_AREAS.includes(area) ? ' (adults read it)' : ''}`,
          ],
          ...(translation === undefined ? {} : { translation }),
          stale: stale(translation, english),
        });
      }
    }
    units.push(...ui.sort((a, b) => cmp(a.file, b.file) || cmp(a.context, b.context)));
  }
  return units;
}
