import en from '../../../content/ui/class-child/en.json';
import { language, locale } from '../i18n/i18n';
import { messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The child's class strings (content/ui/class-child/<lang>.json): sign-in with a class code, sync
 * notes, "who can see my progress". They load with the pages that use them, never with the
 * first screen. A message without a current translation shows in English.
 */
export type ClassKey = keyof typeof en;

const area = messageArea('class-child', en, TRANSLATIONS, {
  lang: language,
  locale: () => locale(),
});

/** Loads the strings of the app's current language (English when it has none). */
export const loadClassStrings = (): Promise<void> => area.load();

/** The class string for `key`, filled from `vars`. */
export const ct: (key: ClassKey, vars?: Vars) => string = area.t;
