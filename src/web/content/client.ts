/**
 * Reads the content bundles that the build writes under `/content/<lang>/` (see
 * src/content/bundle.ts). Responses are cached by the service worker, so everything read once
 * is there offline.
 */
import { firstScreenFetch } from '../app/first-screen';
import { keepOffline, noteFetched } from '../app/offline-cache';
import type { IndustryFramework } from '../../engine';
import type { BandBundle } from './catalogue';
import type {
  ClientConfig,
  ContentIndex,
  CourseBundle,
  HomeIndex,
  LanguagesIndex,
  RenderedActivity,
  RenderedCountry,
} from './types';

const memo = new Map<string, Promise<unknown>>();

/**
 * A content file as JSON, fetched once per page load (the service worker keeps it for offline,
 * and hands over what was read before it took control).
 */
export async function getJson<T>(url: string): Promise<T> {
  let p = memo.get(url) as Promise<T> | undefined;
  if (!p) {
    noteFetched(url);
    p = fetch(url).then(async (res) => {
      if (!res.ok) throw new ContentMissingError(url, res.status);
      return (await res.json()) as T;
    });
    p.catch(() => memo.delete(url));
    memo.set(url, p);
    firstScreenFetch(p);
  }
  return p;
}

/**
 * Whether a failed fetch failed because the device is offline (no network, and the service
 * worker had no saved copy), as opposed to the server answering "not found" or an error.
 */
export function isOfflineError(e: unknown): boolean {
  return !navigator.onLine || e instanceof TypeError;
}

export class ContentMissingError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
  ) {
    super(`${url}: ${status}`);
  }
}

/**
 * Whether the service worker keeps a copy of `url` (Cache Storage). A device that has its band's
 * bundle reads activities from it, so it never keeps each activity's file as well. Only a page
 * the worker controls reads from its caches (a first visit is not one): otherwise not asked, so
 * a game opened from a link does not wait for Cache Storage before fetching its activity.
 */
async function kept(url: string): Promise<boolean> {
  if (typeof caches === 'undefined' || !navigator.serviceWorker?.controller) return false;
  return (await caches.match(url).catch(() => undefined)) !== undefined;
}

/** English only: what a build without translations, or a failed fetch, offers. */
const ENGLISH_ONLY: LanguagesIndex = {
  version: '',
  languages: [
    {
      code: 'en',
      name: 'English',
      bands: ['5-7', '8-10', '11-13', '14-16'],
      status: { machine: 0, draft: 0, reviewed: 0, ui: 1 },
    },
  ],
};

/**
 * The languages the app may show and the bands each is offered for (a few hundred bytes): those
 * built, less any the deployment does not offer (`languages` of the client config).
 */
export const languagesIndex = async (): Promise<LanguagesIndex> => {
  const [index, config] = await Promise.all([
    getJson<LanguagesIndex>('/content/languages.json').catch(() => ENGLISH_ONLY),
    clientConfig(),
  ]);
  const offered = config.languages;
  if (!offered || offered.length === 0) return index;
  const languages = index.languages.filter((l) => l.code === 'en' || offered.includes(l.code));
  return { ...index, languages };
};

export const contentIndex = (lang: string) => getJson<ContentIndex>(`/content/${lang}/index.json`);

/**
 * An activity: from the child's band bundle when this page or the service worker has it already
 * (so a device keeps one copy of its band's activities); else its own small
 * file, so a game opened from a link waits for a few KB, not the band's whole bundle (~70 KB);
 * the bundle follows in the background for offline play. Offline, when the file was never
 * saved, the band's bundle (kept since home was first opened) has it.
 */
export async function activity(lang: string, id: string, band?: string): Promise<RenderedActivity> {
  const inBundle = async () =>
    band
      ? (await bandBundle(lang, band).catch(() => null))?.activities.find((a) => a.id === id)
      : undefined;
  if (band && (memo.has(bandBundleUrl(lang, band)) || (await kept(bandBundleUrl(lang, band))))) {
    const found = await inBundle();
    if (found) return found;
  }
  try {
    const one = await getJson<RenderedActivity>(
      `/content/${lang}/activities/${encodeURIComponent(id)}.json`,
    );
    // The worker keeps the band's bundle for offline play; the page does not read it (~400 KB
    // of JSON parsed while the child plays was a long task on a slow phone).
    if (band) setTimeout(() => void keepOffline([bandBundleUrl(lang, band)]), 3000);
    return one;
  } catch (e) {
    const found = await inBundle();
    if (found) return found;
    throw e;
  }
}

export const country = (lang: string, code: string) =>
  getJson<RenderedCountry>(`/content/${lang}/countries/${encodeURIComponent(code)}.json`);

/** The deployment's settings for the app (country pack, topics switched off). */
export async function clientConfig(): Promise<ClientConfig> {
  try {
    return await getJson<ClientConfig>('/api/client-config');
  } catch {
    return { country: 'intl', disabledTopics: [] };
  }
}

export const bandBundleUrl = (lang: string, band: string) => `/content/${lang}/bands/${band}.json`;

export const bandBundle = (lang: string, band: string) =>
  getJson<BandBundle>(bandBundleUrl(lang, band));

/**
 * Home's index of a band: topics and what home and the learner model read of each activity,
 * a fraction of the band's bundle, so home's first screen does not wait for the bundle.
 */
export const homeIndex = (lang: string, band: string) =>
  getJson<HomeIndex>(`/content/${lang}/home/${band}.json`);

export const courseBundleUrl = (lang: string, band: string) =>
  `/content/${lang}/courses/${band}.json`;

/** A band's courses (see `CourseBundle`); kept offline with the band's bundle (use-band.ts). */
export const courseBundle = (lang: string, band: string) =>
  getJson<CourseBundle>(courseBundleUrl(lang, band));

type AudioIndex = Readonly<Record<string, string>>;

export const audioIndexUrl = (lang: string) => `/content/${lang}/audio.json`;

/** The pack's recordings in a language: content id → URL (may be empty). */
export const audioIndex = (lang: string) =>
  getJson<AudioIndex>(audioIndexUrl(lang)).catch((): AudioIndex => ({}));

/**
 * An activity's recordings (content id → URL, may be empty): from the language's whole index
 * when this page or the service worker has it already; else the activity's own small file
 * (a game opened from a link does not wait for every recording's URL, ~90 KB in English);
 * offline, when that file was never saved, the whole index (kept since home was first opened).
 */
export async function activityAudio(lang: string, id: string): Promise<AudioIndex> {
  const whole = async () => {
    const index = await audioIndex(lang);
    return Object.fromEntries(Object.entries(index).filter(([k]) => k.startsWith(`${id}.`)));
  };
  if (memo.has(audioIndexUrl(lang)) || (await kept(audioIndexUrl(lang)))) return whole();
  try {
    return await getJson<AudioIndex>(`/content/${lang}/audio/${encodeURIComponent(id)}.json`);
  } catch {
    return whole();
  }
}

/**
 * An industry framework version with its texts in `lang` (the build translates it like the
 * curriculum: English where a text has no current translation). A language the build wrote no
 * bundles for gets the English.
 */
export async function industryFramework(
  lang: string,
  id: string,
  version: number,
): Promise<IndustryFramework> {
  const url = (l: string) => `/content/${l}/industry/${encodeURIComponent(id)}/v${version}.json`;
  try {
    return await getJson<IndustryFramework>(url(lang));
  } catch (e) {
    if (lang === 'en' || !(e instanceof ContentMissingError)) throw e;
    return getJson<IndustryFramework>(url('en'));
  }
}
