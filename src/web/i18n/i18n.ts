import en from '../../../content/ui/en.json';

/** A UI string key; the type comes from the English source file (content/ui/en.json). */
export type UiKey = keyof typeof en;
type Strings = Readonly<Record<string, string>>;

/** Languages offered in the app, with the loader of their UI strings (English is bundled). */
export const LANGUAGES: Readonly<Record<string, () => Promise<Strings>>> = {
  en: async () => en,
};

let current: Strings = en;
let currentLang = 'en';

/** Switches the UI language; unknown languages fall back to English. */
export async function setLanguage(lang: string): Promise<void> {
  const load = LANGUAGES[lang];
  current = load ? await load() : en;
  currentLang = load ? lang : 'en';
  document.documentElement.lang = currentLang;
}

export const language = () => currentLang;

/**
 * The UI string for `key` in the current language (English when missing), with `{name}`
 * placeholders filled from `vars`.
 */
export function t(key: UiKey, vars?: Readonly<Record<string, string | number>>): string {
  const s = current[key] ?? en[key];
  if (!vars) return s;
  return s.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
