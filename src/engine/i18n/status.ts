import type { ContentId, LocaleCode } from '../ids';
import { sourceHash } from '../text/hash';
import type { Translate } from '../text/render';
import type { Catalogue } from '../types/catalogue';

/** How complete one language is (I18N-1). */
export interface TranslationStatus {
  readonly lang: LocaleCode;
  /** English source strings. */
  readonly total: number;
  /** Strings with a current translation. */
  readonly current: number;
  /** Strings whose translation was made from an older English text. */
  readonly stale: readonly ContentId[];
  /** `current / total`, 0–1. */
  readonly ratio: number;
}

/** Counts current and stale translations of `lang` against the English source. */
export function translationStatus(catalogue: Catalogue, lang: LocaleCode): TranslationStatus {
  const table = catalogue.locales.get(lang);
  let current = 0;
  const stale: ContentId[] = [];
  for (const [id, source] of catalogue.texts) {
    const t = table?.get(id);
    if (t === undefined) continue;
    if (t.sourceHash === sourceHash(source)) current++;
    else stale.push(id);
  }
  const total = catalogue.texts.size;
  return Object.freeze({
    lang,
    total,
    current,
    stale: Object.freeze(stale),
    ratio: total === 0 ? 0 : current / total,
  });
}

/**
 * The languages to offer: English (the source) and every language whose share of current
 * translations reaches `threshold` (e.g. 0.95).
 */
export function offeredLanguages(catalogue: Catalogue, threshold: number): LocaleCode[] {
  const langs = [...catalogue.locales.keys()].filter(
    (l) => translationStatus(catalogue, l).ratio >= threshold,
  );
  return ['en' as LocaleCode, ...langs.filter((l) => l !== 'en').sort()];
}

/**
 * A {@link Translate} for `lang`: the translation when it was made from the current English,
 * otherwise the English source (a stale translation may no longer say the same thing).
 */
export function translatorFor(catalogue: Catalogue, lang: LocaleCode): Translate {
  const table = catalogue.locales.get(lang);
  if (table === undefined) return (text) => text.text;
  return (text) => {
    const t = table.get(text.id);
    return t !== undefined && t.sourceHash === sourceHash(text.text) ? t.text : text.text;
  };
}
