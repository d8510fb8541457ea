// The words of a release's tables in one language, from the `nation.table.*` UI strings of
// `content/ui/nation/<lang>.json` (a current translation where there is one, else the English):
// what the server's CSV is written in, the same strings the dashboard shows.

import { isCurrent } from '../../engine';
import type { Catalogue, LocaleCode, NationTranslate } from '../../engine';

/** The languages the CSV may be asked in: English and every language with nation strings. */
export function nationLanguages(catalogue: Catalogue): readonly string[] {
  const area = catalogue.ui?.get('nation');
  return ['en', ...[...(area?.locales.keys() ?? [])].filter((l) => l !== 'en').sort()];
}

/**
 * A translator of `nation.table.*` keys in `lang`, `{name}` arguments filled in. A key the
 * content lacks is written as the key itself (the content check keeps every key the engine
 * asks for in the English file).
 */
export function nationTranslator(catalogue: Catalogue, lang: string): NationTranslate {
  const area = catalogue.ui?.get('nation');
  const translated = area?.locales.get(lang as LocaleCode);
  return (key, vars = {}) => {
    const english = area?.english.get(key);
    if (english === undefined) return key;
    const t = translated?.get(key);
    const text = lang !== 'en' && isCurrent(t, english) ? t.text : english;
    return text.replace(/\{(\w+)\}/g, (all, name: string) =>
      Object.hasOwn(vars, name) ? vars[name]! : all,
    );
  };
}
