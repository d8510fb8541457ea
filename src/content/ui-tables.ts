import type { ContentFile } from '../engine/content';
import type { TextTable, TranslationState } from '../engine';

/** One translated string, as the engine's text tables hold it. */
type Translation = NonNullable<ReturnType<NonNullable<TextTable['translated']>['get']>>;

/**
 * The UI areas a child sees (I18N-1): the app's own strings (content/ui/<lang>.json), the
 * feedback question and the class pages a class child opens. The adults' areas (account,
 * classes) are not part of a language's offer to children.
 */
export const CHILD_UI_AREAS: readonly string[] = Object.freeze(['', 'feedback', 'class-child']);

/** An area's English UI messages, key → text. */
export type EnglishUi = Readonly<Record<string, string>>;

/** The path of an area's file in a language, relative to the content root. */
export const uiPath = (area: string, lang: string): string =>
  area === '' ? `ui/${lang}.json` : `ui/${area}/${lang}.json`;

const STATES: readonly string[] = ['machine', 'draft', 'reviewed'];

/** The translations of a locale file (`{ strings: { key: { text, sourceHash, status } } }`). */
function translationsOf(text: string | null | undefined): Map<string, Translation> {
  const out = new Map<string, Translation>();
  if (!text) return out;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return out;
  }
  const strings = (json as { strings?: unknown } | null)?.strings;
  if (!strings || typeof strings !== 'object') return out;
  for (const [key, v] of Object.entries(strings as Record<string, unknown>)) {
    const e = v as { text?: unknown; sourceHash?: unknown; status?: unknown } | null;
    if (typeof e?.text !== 'string' || typeof e.sourceHash !== 'string') continue;
    const status = (STATES.includes(String(e.status)) ? e.status : 'machine') as TranslationState;
    out.set(key, { text: e.text, sourceHash: e.sourceHash, status });
  }
  return out;
}

/** The languages with a UI translation file of any area under the content root's `ui/`. */
export function uiLanguages(files: readonly ContentFile[]): string[] {
  const langs = new Set<string>();
  for (const f of files) {
    const m = /^ui\/(?:[^/]+\/)?([a-z]{2,3}(?:-[A-Za-z0-9]+)*)\.json$/.exec(f.path);
    if (m && m[1] !== 'en') langs.add(m[1]!);
  }
  return [...langs].sort();
}

/**
 * The UI a child sees as one {@link TextTable} per language, for `languageCompleteness`: the
 * English of each child area (keys prefixed with the area, `feedback:…`) and the translations
 * in `files` (the content root's `ui/<area>/<lang>.json`).
 */
export function childUiTable(
  english: Readonly<Record<string, EnglishUi>>,
  files: readonly ContentFile[],
  lang: string,
): TextTable {
  const byPath = new Map(files.map((f) => [f.path, f.text]));
  const en = new Map<string, string>();
  const translated = new Map<string, Translation>();
  for (const area of CHILD_UI_AREAS) {
    const prefix = area === '' ? '' : `${area}:`;
    for (const [k, v] of Object.entries(english[area] ?? {})) en.set(prefix + k, v);
    if (lang === 'en') continue;
    for (const [k, t] of translationsOf(byPath.get(uiPath(area, lang))))
      translated.set(prefix + k, t);
  }
  return { english: en, translated: lang === 'en' ? undefined : translated };
}
