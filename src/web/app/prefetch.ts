import { matchRoute } from '../../engine';
import { activity, activityAudio, clientConfig, country, homeIndex } from '../content/client';
import { loadPlayer } from '../players/registry';
import { effectiveBand } from '../store/profiles';
import type { Profile } from '../store/profiles';

/**
 * Starts what the first screen will fetch as soon as the profile is known, while the page's
 * own code is still loading (every loader is memoized, so the page reuses these requests):
 * home needs its index of the band (not the band's whole bundle), a game its activity, its
 * recordings and its first player, in `lang` (the language the profile is shown in).
 * This takes a round trip or two off the first screen (see bench:web, Lighthouse mobile).
 */
export function prefetchFirstScreen(path: string, profile: Profile, lang: string): void {
  const band = effectiveBand(profile);
  const quiet = (p: Promise<unknown>) => void p.catch(() => {});
  if (path === '/') {
    quiet(homeIndex(lang, band));
    quiet(country(lang, 'intl'));
    return;
  }
  const play = matchRoute('/play/:id', path);
  if (!play) return;
  quiet(country(lang, 'intl'));
  // Where topics are switched off, their activities answer 404: the Play page asks the index
  // first, so the activity is not fetched ahead here.
  quiet(
    clientConfig().then(async (config) => {
      if (config.disabledTopics.length > 0) return;
      quiet(activityAudio(lang, play.id!));
      const a = await activity(lang, play.id!, band);
      const scene = new URLSearchParams(location.search).get('scene') ?? a.start;
      const type = a.scenes[scene]?.interaction.type;
      if (type) await loadPlayer(type);
    }),
  );
}
