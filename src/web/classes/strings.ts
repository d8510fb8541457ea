import en from '../../../content/ui/classes/en.json';
import { language } from '../i18n/i18n';

/**
 * The classes' and families' pages' own UI strings (content/ui/classes/<lang>.json), loaded with
 * those pages only. A language without its own file shows English.
 */
export type ClassesKey = keyof typeof en;
type Strings = Readonly<Record<string, string>>;

const LOADERS: Readonly<Record<string, () => Promise<Strings>>> = {
  en: async () => en,
};

let current: Strings = en;

/** Loads the strings of the app's current language (English when it has none). */
export async function loadClassesStrings(): Promise<void> {
  const load = LOADERS[language()];
  current = load ? await load() : en;
}

/** The string for `key`, with `{name}` placeholders filled from `vars`. */
export function ct(key: ClassesKey, vars?: Readonly<Record<string, string | number>>): string {
  const s = current[key] ?? en[key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
