import en from '../../../content/ui/deployment/en.json';
import { language, locale } from '../i18n/i18n';
import { messageArea } from '../i18n/messages';
import type { Vars } from '../i18n/format';
import { TRANSLATIONS } from '../i18n/translations';

/**
 * The deployment pages' own UI strings (content/ui/deployment/<lang>.json), loaded with those
 * pages only. A message without a current translation shows in English.
 */
export type DeploymentKey = keyof typeof en;

const area = messageArea('deployment', en, TRANSLATIONS, {
  lang: language,
  locale: () => locale(),
});

/** Loads the strings of the app's current language (English when it has none). */
export const loadDeploymentStrings = (): Promise<void> => area.load();

/** The string for `key`, filled from `vars`. */
export const dt: (key: DeploymentKey, vars?: Vars) => string = area.t;

/** A date and time in the page's language; the text itself when it is not one. */
export function when(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}
