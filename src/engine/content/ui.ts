import type { LocaleCode } from '../ids';
import { classifyUiPath } from '../i18n/ui-areas';
import type { UiStrings } from '../i18n/ui-areas';
import { parseIcu } from '../text/icu';
import type { Translation } from '../types/catalogue';
import { checkUiTranslations } from './checks/ui-translations';
import type { ContentFile } from './files';
import { jsonErrorAt } from './files';
import type { IssueSink } from './issues';
import { LOCALE_TAG } from './locales';
import { parseWith } from './parse';
import { localeSchema } from './schema/locale';

/**
 * Loads the app's UI strings (`ui/<lang>.json`, `ui/<area>/<lang>.json`) per area: the English
 * `en.json` (flat, key → ICU message; `schema`, `ui-icu`) and every translation, checked like
 * content translations (see {@link checkUiTranslations}). A translation without an English
 * file of its area is a `missing-file`.
 */
export function loadUi(
  files: readonly ContentFile[],
  display: (rel: string) => string,
  sink: IssueSink,
): Map<string, UiStrings> {
  const found = files
    .map((f) => ({ f, at: classifyUiPath(f.path) }))
    .filter((x): x is { f: ContentFile; at: { area: string; lang: string } } => x.at !== null)
    .sort((a, b) => (a.f.path < b.f.path ? -1 : a.f.path > b.f.path ? 1 : 0));
  const parse = (f: ContentFile): unknown => {
    try {
      return JSON.parse(f.text ?? '') as unknown;
    } catch (e) {
      sink.add(
        'json',
        display(f.path),
        jsonErrorAt(f.text ?? ''),
        `invalid JSON: ${(e as Error).message}`,
      );
      return undefined;
    }
  };
  const english = new Map<string, Map<string, string>>();
  for (const { f, at } of found) {
    if (at.lang !== 'en') continue;
    const json = parse(f);
    if (json === undefined) continue;
    const file = display(f.path);
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      sink.add('schema', file, '', 'expected an object of UI key → English string');
      continue;
    }
    const table = new Map<string, string>();
    for (const [key, text] of Object.entries(json)) {
      if (typeof text !== 'string' || text === '') {
        sink.add('schema', file, key, 'expected a non-empty string');
        continue;
      }
      for (const e of parseIcu(text).errors) sink.add('ui-icu', file, key, e);
      table.set(key, text);
    }
    english.set(at.area, table);
  }
  const areas = new Map<
    string,
    { english: Map<string, string>; locales: Map<LocaleCode, Map<string, Translation>> }
  >();
  for (const [area, table] of english) areas.set(area, { english: table, locales: new Map() });
  for (const { f, at } of found) {
    if (at.lang === 'en') continue;
    const file = display(f.path);
    if (!LOCALE_TAG.test(at.lang)) {
      sink.add(
        'file-name',
        file,
        '',
        `"${at.lang}.json" is not named after a language tag such as "km" or "pt-BR"`,
      );
      continue;
    }
    const area = areas.get(at.area);
    if (area === undefined) {
      sink.add(
        'missing-file',
        file,
        '',
        `a translation of UI area "${at.area}", which has no en.json`,
      );
      continue;
    }
    const json = parse(f);
    if (json === undefined) continue;
    const data = parseWith(localeSchema, json, file, sink);
    if (data === undefined) continue;
    checkUiTranslations(file, data.strings, area.english, sink);
    const table = new Map<string, Translation>();
    for (const [key, tr] of Object.entries(data.strings))
      if (area.english.has(key)) table.set(key, tr);
    area.locales.set(at.lang as LocaleCode, table);
  }
  return areas;
}
