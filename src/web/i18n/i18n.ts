import en from '../../../content/ui/en.json';

/** A UI string key; the type comes from the English source file (content/ui/en.json). */
export type UiKey = keyof typeof en;
type Strings = Readonly<Record<string, string>>;

/** Languages offered in the app, with the loader of their UI strings (English is bundled). */
export const LANGUAGES: Readonly<Record<string, () => Promise<Strings>>> = {
  en: async () => en,
};

/**
 * Fonts a language needs beyond the bundled Latin Noto Sans, loaded only when the language is
 * chosen (a separate CSS chunk with self-hosted woff2 files; the service worker keeps them).
 */
export const SCRIPT_FONTS: Readonly<Record<string, () => Promise<unknown>>> = {
  km: () =>
    Promise.all([
      import('@fontsource/noto-sans-khmer/khmer-400.css'),
      import('@fontsource/noto-sans-khmer/khmer-700.css'),
    ]),
};

let current: Strings = en;
let currentLang = 'en';

/** Switches the UI language; unknown languages fall back to English. */
export async function setLanguage(lang: string): Promise<void> {
  const load = LANGUAGES[lang];
  current = load ? await load() : en;
  currentLang = load ? lang : 'en';
  await SCRIPT_FONTS[currentLang]?.();
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
