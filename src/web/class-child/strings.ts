import en from '../../../content/ui/class-child/en.json';
import { language } from '../i18n/i18n';

/**
 * The child's class strings (content/ui/class-child/<lang>.json): sign-in with a class code, sync
 * notes, "who can see my progress". They load with the pages that use them, never with the
 * first screen. A language without its own file shows English.
 */
export type ClassKey = keyof typeof en;
type Strings = Readonly<Record<string, string>>;

const LOADERS: Readonly<Record<string, () => Promise<Strings>>> = {
  en: async () => en,
};

let current: Strings = en;

/** Loads the strings of the app's current language (English when it has none). */
export async function loadClassStrings(): Promise<void> {
  const load = LOADERS[language()];
  current = load ? await load() : en;
}

/** The class string for `key`, with `{name}` placeholders filled from `vars`. */
export function ct(key: ClassKey, vars?: Readonly<Record<string, string | number>>): string {
  const s = current[key] ?? en[key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
