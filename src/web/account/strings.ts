import en from '../../../content/ui/account/en.json';
import { language } from '../i18n/i18n';

/**
 * The adults' account pages' own UI strings (content/ui/account/<lang>.json). They load with
 * the account pages, not with the child's app, so the child's first screen carries none of them.
 * A language without its own file shows English.
 */
export type AccountKey = keyof typeof en;
type Strings = Readonly<Record<string, string>>;

const LOADERS: Readonly<Record<string, () => Promise<Strings>>> = {
  en: async () => en,
};

let current: Strings = en;

/** Loads the strings of the app's current language (English when it has none). */
export async function loadAccountStrings(): Promise<void> {
  const load = LOADERS[language()];
  current = load ? await load() : en;
}

/** The account string for `key`, with `{name}` placeholders filled from `vars`. */
export function at(key: AccountKey, vars?: Readonly<Record<string, string | number>>): string {
  const s = current[key] ?? en[key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
