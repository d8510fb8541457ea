import { useEffect, useState } from 'preact/hooks';
import { summarize } from '../../engine';
import type { Catalogue, CountryPack, PlayContext, ProgressSummary } from '../../engine';
import { bandBundleUrl, homeIndex } from '../content/client';
import type { HomeIndex } from '../content/types';
import { loadDeployment, playContext } from '../content/deployment';
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
  warmBand(index);
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
 * After home's first screen, once per page load, fetches in the background what the service
 * worker must keep for every activity of the band to play offline: the band's whole bundle
 * (not parsed: home does not need it, and parsing ~400 KB of JSON was a long task on a slow
 * phone), the index of recordings (the voice in an activity first opened offline) and the
 * band's pictures, listed by the build in home's index. A few requests at a time, so the
 * child's own requests stay quick.
 */
let warmed = '';
function warmBand(index: HomeIndex): void {
  const key = `${index.version}:${index.lang}:${index.band}`;
  if (warmed === key || !('serviceWorker' in navigator)) return;
  warmed = key;
  const queue = [
    bandBundleUrl(index.lang, index.band),
    `/content/${index.lang}/audio.json`,
    ...index.media,
  ];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      noteFetched(url);
      await fetch(url)
        .then((res) => res.blob())
        .catch(() => undefined);
    }
  };
  setTimeout(() => void Promise.all([worker(), worker(), worker()]), 500);
}
