import en from '../../../content/ui/en.json';
import { messageArea, reloadAreas } from './messages';
import type { Vars } from './format';
import { TRANSLATIONS } from './translations';
import { SCRIPT_FONTS } from './fonts';

/** A UI string key; the type comes from the English source file (content/ui/en.json). */
export type UiKey = keyof typeof en;

/** Which digits numbers are written in: Latin (0–9) or the language's own (០–៩ in Khmer). */
export type Digits = 'latin' | 'native';

/** The Unicode numbering system of each language's own digits (`-u-nu-…` in a locale). */
const NATIVE_DIGITS: Readonly<Record<string, string>> = { km: 'khmr', my: 'mymr', th: 'thai' };

export { SCRIPT_FONTS } from './fonts';

let currentLang = 'en';
let digits: Digits = 'latin';

/** The UI language shown now (`en` until a profile's language is set). */
export const language = () => currentLang;

/** The locale numbers and dates are formatted with: `km-u-nu-khmr` with Khmer digits. */
export function locale(lang = currentLang): string {
  const nu = digits === 'native' ? NATIVE_DIGITS[lang] : undefined;
  return nu ? `${lang}-u-nu-${nu}` : lang;
}

const state = { lang: language, locale: () => locale() };
const ui = messageArea('', en, TRANSLATIONS, state);

/** Languages this build has UI messages in: English and each with a content/ui/<lang>.json. */
export const UI_LANGUAGES: readonly string[] = ['en', ...(TRANSLATIONS.get('')?.keys() ?? [])];

/**
 * Switches the UI language (unknown languages fall back to English): loads its messages, and
 * again those of every area already loaded, and its script's font. `nativeDigits` is the
 * deployment's choice (KITE_DIGITS).
 */
export async function setLanguage(lang: string, nativeDigits?: Digits): Promise<void> {
  if (nativeDigits) digits = nativeDigits;
  currentLang = UI_LANGUAGES.includes(lang) ? lang : 'en';
  await Promise.all([ui.load(), reloadAreas(), SCRIPT_FONTS[currentLang]?.()]);
  document.documentElement.lang = currentLang;
}

/**
 * The UI string for `key` in the current language, filled from `vars` (numbers in the
 * language's digits); the whole English sentence when it has no current translation.
 */
export const t: (key: UiKey, vars?: Vars) => string = ui.t;
