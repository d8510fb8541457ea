import en from '../../../content/ui/industry/en.json';
import { language, locale } from '../i18n/i18n';
import { messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The industry pages' own UI strings (content/ui/industry/<lang>.json), loaded with those pages
 * only. A message without a current translation shows in English.
 */
export type IndustryKey = keyof typeof en;

const area = messageArea('industry', en, TRANSLATIONS, { lang: language, locale: () => locale() });

/** Loads the strings of the app's current language (English when it has none). */
export const loadIndustryStrings = (): Promise<void> => area.load();

/** The string for `key`, filled from `vars`. */
export const nt: (key: IndustryKey, vars?: Vars) => string = area.t;

/** A date (and time, when `time`) in the page's language; the text itself when it is not one. */
export function when(iso: string | null | undefined, time = false): string {
  if (!iso) return '–';
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), {
    dateStyle: 'medium',
    ...(time ? { timeStyle: 'short' } : {}),
  }).format(d);
}

/** A percentage as a whole number with its sign, in the page's language ("72 %"), or "–". */
export function percent(value: number | null | undefined): string {
  if (value === null || value === undefined) return '–';
  return new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0 }).format(
    value / 100,
  );
}
