import en from '../../../content/ui/studio/en.json';
import { SCRIPT_FONTS } from '../i18n/fonts';
import type { Vars } from '../i18n/format';
import { messageArea } from '../i18n/messages';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The recording studio's UI strings (content/ui/studio/<lang>.json), through the app's one
 * message loader. The studio is a page for the programme's adults, who have no profile: it
 * speaks the browser's first language it has a translation for, else English.
 */
export type StudioKey = keyof typeof en;

/** The studio's UI language for the browser's preferred languages. */
export function studioLanguage(preferred: readonly string[]): string {
  const have = TRANSLATIONS.get('studio');
  for (const tag of preferred) {
    const base = tag.toLowerCase().split('-')[0] ?? '';
    if (base === 'en') return 'en';
    if (have?.has(base)) return base;
  }
  return 'en';
}

const lang = studioLanguage(typeof navigator === 'undefined' ? [] : navigator.languages);
const area = messageArea('studio', en, TRANSLATIONS, { lang: () => lang, locale: () => lang });

/** Loads the studio's strings and the script's font, and marks the document's language. */
export async function loadStudioStrings(): Promise<void> {
  await Promise.all([area.load(), SCRIPT_FONTS[lang]?.()]);
  document.documentElement.lang = lang;
}

/** The studio string for `key`, with `{name}` placeholders filled from `vars`. */
export const st: (key: StudioKey, vars?: Vars) => string = area.t;

/** The message of an API error code, when the studio has one of its own. */
export function errorText(code: string, message: string): string {
  const key = `error.${code}`;
  return key in en ? st(key as StudioKey) : st('error.generic', { message });
}
