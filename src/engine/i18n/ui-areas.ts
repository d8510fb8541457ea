import type { LocaleCode } from '../ids';
import type { Translation } from '../types/catalogue';

/**
 * The app's UI strings come in areas, each loaded with its pages: `root` is `ui/<lang>.json`,
 * the others `ui/<area>/<lang>.json`. English (`en.json`) is flat, key → ICU message; a
 * translation has the locale-file shape (I18N-1).
 */
export const UI_AREAS = [
  'root',
  'account',
  'classes',
  'class-child',
  'feedback',
  'industry',
  'deployment',
  'nation',
  'measure',
] as const;

/**
 * The UI a child sees: the app shell, the feedback question, the class pages for children and
 * the quick checks of measurement (docs/measurement.md).
 */
export const CHILD_UI_AREAS: readonly string[] = ['root', 'feedback', 'class-child', 'measure'];
/** The UI only adults see: the account, teachers' class pages, industry, deployment and national pages. */
export const ADULT_UI_AREAS: readonly string[] = [
  'account',
  'classes',
  'industry',
  'deployment',
  'nation',
];

/** One area's English strings and their translations per language. */
export interface UiStrings {
  readonly english: ReadonlyMap<string, string>;
  readonly locales: ReadonlyMap<LocaleCode, ReadonlyMap<string, Translation>>;
}

/** A UI file's path relative to the content root. */
export const uiFilePath = (area: string, lang: string): string =>
  area === 'root' ? `ui/${lang}.json` : `ui/${area}/${lang}.json`;

/** The area and language of `ui/<lang>.json` or `ui/<area>/<lang>.json`; null for other paths. */
export function classifyUiPath(rel: string): { area: string; lang: string } | null {
  const parts = rel.split('/');
  if (parts[0] !== 'ui' || !rel.endsWith('.json')) return null;
  if (parts.length === 2) return { area: 'root', lang: (parts[1] as string).slice(0, -5) };
  if (parts.length === 3 && parts[1] !== 'root')
    return { area: parts[1] as string, lang: (parts[2] as string).slice(0, -5) };
  return null;
}

/** The PO context of a UI key: `ui:<area>:<key>`. */
export const uiContext = (area: string, key: string): string => `ui:${area}:${key}`;

/** The area and key of a PO context made by {@link uiContext}; null for a content id. */
export function parseUiContext(ctx: string): { area: string; key: string } | null {
  const m = /^ui:([a-z0-9-]+):(.+)$/.exec(ctx);
  return m === null ? null : { area: m[1] as string, key: m[2] as string };
}
