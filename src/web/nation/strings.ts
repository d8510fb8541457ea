import en from '../../../content/ui/nation/en.json';
import { nationLayoutLabels } from '../../engine';
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
  const translate: NationTranslate = (key, vars) => nat(key as NationKey, vars);
  return nationLayoutLabels(translate);
}

/** Ids of the areas that are not places: schools not placed yet, and families' children. */
const PSEUDO: Readonly<Record<string, NationKey>> = {
  unassigned: 'nation.table.unassigned',
  families: 'nation.table.families',
};

/**
 * The release's areas with the pseudo-areas named in the page's language (added when the
 * release lists them only in its cells).
 */
export function namedAreas(areas: readonly ReleaseArea[]): ReleaseArea[] {
  const named = areas.map((a) => (PSEUDO[a.id] ? { ...a, name: nat(PSEUDO[a.id]!) } : a));
  for (const [id, key] of Object.entries(PSEUDO))
    if (!named.some((a) => a.id === id))
      named.push({ id, level: 'district', name: nat(key), parent: null });
  return named;
}

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

/** Whether the national strings have `key` (a feedback answer's words, say). */
export const hasKey = (key: string): key is NationKey =>
  Object.prototype.hasOwnProperty.call(en, key);
