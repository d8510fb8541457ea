import { usableMessages } from '../../engine';
import { formatMessage, needsIcu } from './format';
import type { IcuFormat, Vars } from './format';

/** An area's English messages (content/ui/<area>/en.json): key → ICU MessageFormat text. */
export type English = Readonly<Record<string, string>>;

/** Loads one locale file (content/ui/<area>/<lang>.json) of UI translations. */
export type LocaleLoader = () => Promise<unknown>;

/** Per area ('' for content/ui/<lang>.json), per language, the loader of its translations. */
export type Translations = ReadonlyMap<string, ReadonlyMap<string, LocaleLoader>>;

/**
 * Indexes the locale files found by the build (`import.meta.glob`, paths ending in
 * `ui/<lang>.json` or `ui/<area>/<lang>.json`) by area and language. English is not a
 * translation: each area imports its own English file.
 */
export function indexTranslations(files: Readonly<Record<string, LocaleLoader>>): Translations {
  const out = new Map<string, Map<string, LocaleLoader>>();
  for (const [path, load] of Object.entries(files)) {
    const parts = path.split('/');
    const lang = parts.at(-1)?.replace(/\.json$/, '') ?? '';
    const dir = parts.at(-2) ?? '';
    const area = dir === 'ui' || dir === '@kite-ui' ? '' : dir;
    if (!/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(lang) || lang === 'en') continue;
    if (!out.has(area)) out.set(area, new Map());
    out.get(area)!.set(lang, load);
  }
  return out;
}

/** The language the app shows and the locale it formats numbers and dates with. */
export interface LanguageState {
  /** The UI language (`km`), or `en`. */
  lang(): string;
  /** The BCP 47 locale for formatting, e.g. `km-u-nu-khmr` where the deployment wants Khmer digits. */
  locale(): string;
}

let icu: IcuFormat | undefined;

/** Loads intl-messageformat when one of `messages` needs it (once). */
async function icuFor(messages: Iterable<string>): Promise<void> {
  if (icu) return;
  for (const m of messages) {
    if (needsIcu(m)) {
      icu = (await import('./icu')).icuFormat;
      return;
    }
  }
}

/** One area's messages: loaded per language on demand, with English as the fallback. */
export interface MessageArea<K extends string> {
  /** Loads this area's messages in the current language (English needs no load). */
  load(): Promise<void>;
  /**
   * The message `key` in the current language, filled from `vars`; the whole English sentence
   * when the translation is missing, stale, or fails to format (never a mix of both).
   */
  t(key: K, vars?: Vars): string;
}

const loaded = new Set<() => Promise<void>>();

/** Loads, in the current language, every area that has been loaded before (a language change). */
export async function reloadAreas(): Promise<void> {
  await Promise.all([...loaded].map((load) => load()));
}

/**
 * The one loader of UI messages, for every area: `area` is '' for content/ui/<lang>.json or
 * the folder of content/ui/<area>/<lang>.json. Key types come from the English file, so a key
 * the English does not have is a type error.
 */
export function messageArea<E extends English>(
  area: string,
  english: E,
  translations: Translations,
  state: LanguageState,
): MessageArea<keyof E & string> {
  let lang = 'en';
  let table: Readonly<Record<string, string>> = {};
  const load = async (): Promise<void> => {
    const want = state.lang();
    loaded.add(load);
    const loader = translations.get(area)?.get(want);
    const next = loader ? usableMessages(english, await loader()) : {};
    await icuFor(Object.values(next));
    table = next;
    lang = want;
  };
  // English may need the ICU formatter too (a plural): the first load waits for it.
  const englishReady = icuFor(Object.values(english));
  void englishReady.catch(() => {});
  const t = (key: keyof E & string, vars?: Vars): string => {
    const translated = lang === state.lang() ? table[key] : undefined;
    if (translated !== undefined) {
      try {
        return formatMessage(translated, vars, state.locale(), icu);
      } catch {
        // A translation that cannot be filled shows as the English sentence below.
      }
    }
    const source = english[key] ?? key;
    try {
      return formatMessage(source, vars, 'en', icu, true);
    } catch {
      return source;
    }
  };
  return {
    load: async () => {
      await englishReady;
      await load();
    },
    t,
  };
}
