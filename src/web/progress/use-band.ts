import { useEffect, useState } from 'preact/hooks';
import { language } from '../i18n/i18n';
import { summarize } from '../../engine';
import type { Catalogue, CountryPack, PlayContext, ProgressSummary } from '../../engine';
import { audioIndexUrl, bandBundleUrl, courseBundleUrl, homeIndex } from '../content/client';
import type { HomeIndex } from '../content/types';
import { loadDeployment, playContext } from '../content/deployment';
import { catalogueFromHome } from '../content/catalogue';
import { progressLogOf } from '../store/events';
import { keepOffline } from '../app/offline-cache';
import { warmDictionaries } from '../app/dictionaries';
import { effectiveBand } from '../store/profiles';
import type { Profile } from '../store/profiles';

/**
 * Everything home needs: the band's catalogue as home reads it (from home's small index, see
 * `catalogueFromHome`), the country pack and the child's progress.
 */
export interface BandData {
  readonly catalogue: Catalogue;
  readonly pack: CountryPack;
  readonly fallback: CountryPack;
  readonly summary: ProgressSummary;
  /** Who is playing, for the engine's access rules. */
  readonly context: PlayContext;
  /** The band's courses, as home's card names them. */
  readonly courses: NonNullable<HomeIndex['courses']>;
}

export async function loadBand(profile: Profile): Promise<BandData> {
  const band = effectiveBand(profile);
  const [index, { config, pack, fallback }, events] = await Promise.all([
    homeIndex(language(), band),
    loadDeployment(language()),
    progressLogOf(profile.id),
  ]);
  const catalogue = catalogueFromHome(index, config.disabledTopics);
  warmBand(index);
  if (events.length > 0) warmDictionaries();
  return {
    catalogue,
    pack,
    fallback,
    context: playContext(band, config),
    courses: index.courses ?? [],
    summary: summarize(events, catalogue, band),
  };
}

/** Loads {@link BandData} for a profile; `null` while loading, an Error when it failed. */
export function useBand(profile: Profile | null): BandData | Error | null {
  const [data, setData] = useState<BandData | Error | null>(null);
  useEffect(() => {
    if (!profile) return;
    setData(null);
    loadBand(profile).then(setData, (e: unknown) =>
      setData(e instanceof Error ? e : new Error(String(e))),
    );
  }, [profile]);
  return data;
}

/**
 * After home's first screen, once per page load, has the service worker fetch and keep what
 * every activity of the band needs to play offline: the band's whole bundle (not parsed: home
 * does not need it), the index of recordings (the voice in an activity first opened offline),
 * the band's courses and the band's pictures, listed by the build in home's index. The worker downloads them
 * (`keepOffline`), a few at a time, so the page's main thread does not read ~400 KB of JSON
 * while the child starts to play.
 */
let warmed = '';
function warmBand(index: HomeIndex): void {
  const key = `${index.version}:${index.lang}:${index.band}`;
  if (warmed === key || !('serviceWorker' in navigator)) return;
  warmed = key;
  const urls = [
    bandBundleUrl(index.lang, index.band),
    audioIndexUrl(index.lang),
    ...(index.courses?.length ? [courseBundleUrl(index.lang, index.band)] : []),
    ...index.media,
  ];
  setTimeout(() => void keepOffline(urls), 500);
}
