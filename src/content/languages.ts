import {
  DEFAULT_LANGUAGE_THRESHOLD,
  activityReviewed,
  contentTable,
  coverage,
  languageCompleteness,
} from '../engine';
import type { ActivityId, Catalogue, LanguageOffer, LocaleCode, TextTable } from '../engine';

export type { LanguageOffer } from '../engine';

/** A language's name in itself, e.g. `km` → "ខ្មែរ"; the code when the runtime does not know it. */
export function ownName(code: string): string {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    if (!name || name === code) return code;
    return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
  } catch {
    return code;
  }
}

/**
 * The languages the bundles are offered in (I18N-1/I18N-3): English, and each language with
 * content or UI translations, with the bands where the child's UI (`ui(lang)`) and the band's
 * content both reach `threshold`. A language offered for no band is still listed (the adults'
 * pages may use it); the app offers it to a child only for its `bands`. Without `ui`, only
 * English is offered.
 */
export function languageOffers(
  catalogue: Catalogue,
  langs: readonly string[],
  ui: ((lang: string) => TextTable) | undefined,
  threshold = DEFAULT_LANGUAGE_THRESHOLD,
): LanguageOffer[] {
  // Without the child's UI (a caller that has none), no language but English is offered.
  const none: TextTable = { english: new Map([['', '']]), translated: new Map() };
  return langs.map((code) => {
    const c = languageCompleteness(catalogue, code as LocaleCode, ui?.(code) ?? none, threshold);
    const content =
      code === 'en' ? undefined : coverage(contentTable(catalogue, code as LocaleCode));
    const uiStatus = c.ui.status;
    return {
      code,
      name: ownName(code),
      bands: [...c.offeredBands],
      status: {
        machine: (content?.status.machine ?? 0) + (code === 'en' ? 0 : uiStatus.machine),
        draft: (content?.status.draft ?? 0) + (code === 'en' ? 0 : uiStatus.draft),
        reviewed: (content?.status.reviewed ?? 0) + (code === 'en' ? 0 : uiStatus.reviewed),
        ui: c.ui.ratio,
      },
    };
  });
}

/**
 * The languages (other than English) a sensitive activity is reviewed in: every text of it
 * translated from its current English and checked by a speaker (`reviewed`). Only there is it
 * offered in that language (src/engine/safety/access.ts).
 */
export const reviewedIn = (catalogue: Catalogue, id: string, langs: readonly string[]): string[] =>
  langs.filter((l) => l !== 'en' && activityReviewed(catalogue, id as ActivityId, l as LocaleCode));

/** Parses KITE_LANGUAGE_THRESHOLD (unset: 0.95): a share above 0 and at most 1. */
export function parseThreshold(value: string | undefined): number {
  const v = value?.trim() ?? '';
  if (v === '') return DEFAULT_LANGUAGE_THRESHOLD;
  const n = Number(v);
  if (!/^(0|1)?(\.\d+)?$/.test(v) || !(n > 0 && n <= 1))
    throw new Error(
      `KITE_LANGUAGE_THRESHOLD must be a share above 0 and at most 1, e.g. 0.95 (got "${v}")`,
    );
  return n;
}
