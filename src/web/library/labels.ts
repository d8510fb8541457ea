import type { Band, Level } from '../../engine';
import { t } from '../i18n/i18n';
import type { UiKey } from '../i18n/i18n';
import type { ContentIndex } from '../content/types';

/** "Ages 8 to 10", or several bands joined. */
export function agesLabel(bands: readonly Band[]): string {
  return t('library.ages', {
    band: bands.map((b) => t(`first.band.${b}` as UiKey)).join(', '),
  });
}

export const levelLabel = (level: Level) => t(`level.${level}` as UiKey);

/** A language's name in the UI strings, else its code. */
export function langLabel(lang: string): string {
  const key = `lang.${lang}` as UiKey;
  const s = t(key);
  return s === undefined || s === key ? lang : s;
}

/** The title of a topic in the index, else its id. */
export function topicTitle(index: ContentIndex, topic: string): string {
  return index.topics.find((x) => x.id === topic)?.title.text ?? topic;
}
