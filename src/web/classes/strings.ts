import en from '../../../content/ui/classes/en.json';
import { language, locale } from '../i18n/i18n';
import { messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The classes' and families' pages' own UI strings (content/ui/classes/<lang>.json), loaded with
 * those pages only. A message without a current translation shows in English.
 */
export type ClassesKey = keyof typeof en;

const area = messageArea('classes', en, TRANSLATIONS, { lang: language, locale: () => locale() });

/** Loads the strings of the app's current language (English when it has none). */
export const loadClassesStrings = (): Promise<void> => area.load();

/** The string for `key`, filled from `vars`. */
export const ct: (key: ClassesKey, vars?: Vars) => string = area.t;
