import { useEffect, useState } from 'preact/hooks';
import { summarize } from '../../engine/progress/summary';
import type { ProgressSummary } from '../../engine/progress/summary';
import type { Catalogue } from '../../engine/types/catalogue';
import type { CountryPack } from '../../engine/types/country';
import { bandBundle, homeIndex } from '../content/client';
import { loadDeployment, playContext } from '../content/deployment';
import type { PlayContext } from '../../engine/safety/access';
import { catalogueFromHome } from '../content/catalogue';
import { eventsOf } from '../store/events';
import { noteFetched } from '../app/offline-cache';
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
}

export async function loadBand(profile: Profile): Promise<BandData> {
  const band = effectiveBand(profile);
  const [index, { config, pack, fallback }, events] = await Promise.all([
    homeIndex(profile.lang, band),
    loadDeployment(profile.lang),
    eventsOf(profile.id),
  ]);
  const catalogue = catalogueFromHome(index, config.disabledTopics);
  warmBand(profile.lang, band);
  if (events.length > 0) warmDictionaries();
  return {
    catalogue,
    pack,
    fallback,
    context: playContext(band, config),
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
 * After home's first screen, fetches the band's whole bundle in the background (so the service
 * worker keeps it and every activity of the band plays offline, and a game opened from home
 * finds its activity in memory), then its pictures.
 */
function warmBand(lang: string, band: string): void {
  setTimeout(() => {
    bandBundle(lang, band).then(
      (bundle) => warmMedia(bundle, 1000),
      () => {},
    );
  }, 500);
}

/** Every media URL inside a value (scene pictures, hotspot images). */
function mediaUrls(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) mediaUrls(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === 'src' && typeof v === 'string' && v.startsWith('/content/')) out.add(v);
      else mediaUrls(v, out);
    }
  }
  return out;
}

/**
 * Fetches the band's pictures in the background, once per page load, so the service worker
 * keeps them and every activity of the band plays offline after this visit. The walk over the
 * bundle runs in idle slices of a few milliseconds, so it never blocks a child's tap (it was a
 * 100 ms+ task on a slow phone).
 */
let warmed = '';
function warmMedia(
  bundle: {
    version: string;
    lang: string;
    band: string;
    activities: readonly unknown[];
  },
  delay: number,
): void {
  const key = `${bundle.version}:${bundle.band}`;
  if (warmed === key || !('serviceWorker' in navigator)) return;
  warmed = key;
  // The index of recordings too, so the voice works in an activity first opened offline.
  const audioIndexUrl = `/content/${bundle.lang}/audio.json`;
  const queue = [...bundle.activities];
  const seen = new Set<string>();
  const later = (fn: () => void) =>
    'requestIdleCallback' in window ? requestIdleCallback(fn) : setTimeout(fn, 50);
  const slice = () => {
    const until = performance.now() + 8;
    while (queue.length > 0 && performance.now() < until) {
      for (const url of mediaUrls(queue.shift())) {
        if (seen.has(url)) continue;
        seen.add(url);
        noteFetched(url);
        void fetch(url).catch(() => {});
      }
    }
    if (queue.length > 0) later(slice);
  };
  setTimeout(() => {
    noteFetched(audioIndexUrl);
    void fetch(audioIndexUrl).catch(() => {});
    later(slice);
  }, delay);
}
