import type { LocaleCode } from '../ids';
import type { Catalogue, Translation } from '../types/catalogue';
import type { TextTable } from './completeness';

/**
 * The UI strings of some areas (`CHILD_UI_AREAS`, `ADULT_UI_AREAS`) in one language as one
 * table, keyed `<area>:<key>`, for `coverage` and `languageCompleteness`: the build's language
 * offer and `content:report` read the same table. An area the catalogue has no English of adds
 * nothing.
 */
export function uiTable(catalogue: Catalogue, lang: string, areas: readonly string[]): TextTable {
  const english = new Map<string, string>();
  const translated = new Map<string, Translation>();
  for (const area of areas) {
    const strings = catalogue.ui?.get(area);
    if (strings === undefined) continue;
    for (const [key, text] of strings.english) english.set(`${area}:${key}`, text);
    for (const [key, t] of strings.locales.get(lang as LocaleCode) ?? [])
      translated.set(`${area}:${key}`, t);
  }
  return { english, translated: lang === 'en' ? undefined : translated };
}

/** The languages other than English with a translation of any UI area, sorted. */
export function uiLanguages(catalogue: Catalogue): string[] {
  const langs = new Set<string>();
  for (const strings of catalogue.ui?.values() ?? [])
    for (const lang of strings.locales.keys()) if (lang !== 'en') langs.add(lang);
  return [...langs].sort();
}
