import type { Band } from '../../engine';
import type { ContentIndex } from '../content/types';

/**
 * The languages the library offers (I18N-1): those offered to children of at least one band
 * (English always), as the build decided; the bundles' own list where an older index has none.
 */
export function libraryLanguages(index: Pick<ContentIndex, 'langs' | 'languages'>): string[] {
  if (index.languages === undefined) return [...index.langs];
  return index.languages.filter((l) => l.code === 'en' || l.bands.length > 0).map((l) => l.code);
}

/**
 * The language an item's documents print in: the library's language where it is offered for
 * one of the item's bands, else English (a sheet is never half in one language).
 */
export function printLanguage(
  index: Pick<ContentIndex, 'languages'>,
  lang: string,
  bands: readonly Band[],
): string {
  if (lang === 'en' || index.languages === undefined) return lang;
  const offer = index.languages.find((l) => l.code === lang);
  return offer !== undefined && bands.some((b) => offer.bands.includes(b)) ? lang : 'en';
}
