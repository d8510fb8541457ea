import en from '../../../content/ui/account/en.json';
import { language, locale } from '../i18n/i18n';
import { messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The adults' account pages' own UI strings (content/ui/account/<lang>.json). They load with
 * the account pages, not with the child's app, so the child's first screen carries none of them.
 * A message without a current translation shows in English.
 */
export type AccountKey = keyof typeof en;

const area = messageArea('account', en, TRANSLATIONS, { lang: language, locale: () => locale() });

/** Loads the strings of the app's current language (English when it has none). */
export const loadAccountStrings = (): Promise<void> => area.load();

/** The account string for `key`, filled from `vars`. */
export const at: (key: AccountKey, vars?: Vars) => string = area.t;
