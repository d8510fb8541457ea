import en from '../../../content/ui/measure/en.json';
import { language, locale } from '../i18n/i18n';
import { indexTranslations, messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';

/**
 * The quick checks' strings (content/ui/measure/<lang>.json): they load with the checks' code,
 * only for a learner with an account. A message without a current translation shows in English.
 */
export type MeasureKey = keyof typeof en;

// This area's translations, listed here rather than in i18n/translations.ts (which every first
// screen loads): only a learner with an account loads this code.
const translations = indexTranslations(
  import.meta.glob(['@kite-ui/measure/*.json', '!@kite-ui/measure/en.json'], { import: 'default' }),
);

const area = messageArea('measure', en, translations, { lang: language, locale: () => locale() });

/** Loads the strings of the app's current language (English when it has none). */
export const loadMeasureStrings = (): Promise<void> => area.load();

/** The quick check's string for `key`, filled from `vars`. */
export const mt: (key: MeasureKey, vars?: Vars) => string = area.t;
