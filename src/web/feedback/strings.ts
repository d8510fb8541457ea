import en from '../../../content/ui/feedback/en.json';
import { language, locale } from '../i18n/i18n';
import { messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The feedback question's strings (content/ui/feedback/<lang>.json). They load with the Play
 * page, never with the first screen. A message without a current translation shows in English.
 */
export type FeedbackKey = keyof typeof en;

const area = messageArea('feedback', en, TRANSLATIONS, { lang: language, locale: () => locale() });

/** Loads the strings of the app's current language (English when it has none). */
export const loadFeedbackStrings = (): Promise<void> => area.load();

/** The feedback string for `key`. */
export const ft: (key: FeedbackKey, vars?: Vars) => string = area.t;
