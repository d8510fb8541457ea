import en from '../../../content/ui/nation/en.json';
import { nationLayoutLabels, translateAreas } from '../../engine';
import type { LayoutLabels, NationTranslate, ReleaseArea } from '../../engine';
import { language, locale } from '../i18n/i18n';
import { messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The national pages' UI strings (content/ui/nation/<lang>.json), loaded with those pages only:
 * `nation.table.*` are the tables' own words, shared with the server's CSV; `nation.page.*` the
 * rest of the pages. A message without a current translation shows in English.
 */
export type NationKey = keyof typeof en;

const area = messageArea('nation', en, TRANSLATIONS, { lang: language, locale: () => locale() });

/** Loads the strings of the app's current language (English when it has none). */
export const loadNationStrings = (): Promise<void> => area.load();

/** The string for `key`, filled from `vars`. */
export const nat: (key: NationKey, vars?: Vars) => string = area.t;

/** `nat` as the engine's table functions take it (`nation.table.*` keys). */
const translate: NationTranslate = (key, vars) => nat(key as NationKey, vars);

/**
 * The language the CSV is asked in: the page's own when the national strings have it (the
 * server writes the CSV with the same strings), else English, as the page then shows.
 */
export function csvLanguage(): string {
  const lang = language();
  return TRANSLATIONS.get('nation')?.has(lang) ? lang : 'en';
}

/** The tables' header words in the page's language (`nationLayoutLabels`, as the CSV). */
export function tableLabels(): LayoutLabels {
  return nationLayoutLabels(translate);
}

/**
 * The release's areas with the pseudo-areas (schools not placed yet, families' children) named in
 * the page's language by the engine's `translateAreas`, as the server's CSV names them.
 */
export const namedAreas = (areas: readonly ReleaseArea[]): readonly ReleaseArea[] =>
  translateAreas(areas, translate);

/** A date and time in the page's language; the text itself when it is not one. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A day (`YYYY-MM-DD`) in the page's language; the text itself when it is not one. */
export function day(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
}
