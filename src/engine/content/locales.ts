import type { ContentId, LocaleCode } from '../ids';
import type { Translation } from '../types/catalogue';
import { checkTranslations } from './checks/translations';
import type { ParsedFile } from './files';
import type { IssueSink } from './issues';
import { parseWith } from './parse';
import { localeSchema } from './schema/locale';

/** A language tag: `km`, `pt-BR`. */
export const LOCALE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * Loads `locales/<lang>/*.json` into one table per language, checking every entry. Entries for
 * `otherPackIds` (texts of packs the deployment does not serve) are left out unchecked.
 */
export function loadLocales(
  parsed: readonly ParsedFile[],
  texts: ReadonlyMap<ContentId, string>,
  sink: IssueSink,
  otherPackIds: ReadonlySet<string> = new Set(),
): Map<LocaleCode, Map<ContentId, Translation>> {
  const locales = new Map<LocaleCode, Map<ContentId, Translation>>();
  for (const p of parsed) {
    if (p.kind.kind !== 'locale') continue;
    const lang = p.kind.lang as LocaleCode;
    if (!LOCALE_TAG.test(lang)) {
      sink.add(
        'file-name',
        p.file,
        '',
        `folder "${lang}" is not a language tag such as "km" or "pt-BR"`,
      );
      continue;
    }
    const data = parseWith(localeSchema, p.json, p.file, sink);
    if (data === undefined) continue;
    const strings =
      otherPackIds.size === 0
        ? data.strings
        : Object.fromEntries(
            Object.entries(data.strings).filter(
              ([id]) => texts.has(id as ContentId) || !otherPackIds.has(id),
            ),
          );
    checkTranslations(p.file, strings, texts, sink);
    const table = locales.get(lang) ?? new Map<ContentId, Translation>();
    locales.set(lang, table);
    for (const [id, tr] of Object.entries(strings)) {
      const key = id as ContentId;
      if (table.has(key))
        sink.add(
          'duplicate-id',
          p.file,
          `strings.${id}`,
          `"${id}" is translated twice for ${lang}`,
        );
      else if (texts.has(key)) table.set(key, tr);
    }
  }
  return locales;
}
