import type { PlayState } from '../../engine/play/state';
import type { Activity } from '../../engine/types/activity';
import type { CountryPack } from '../../engine/types/country';
import type { Text } from '../../engine/types/text';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { warmDictionaries } from '../app/dictionaries';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { SafetyBadge } from './safety-badge';
import { WhoCanHelp } from './who-can-help';

/** The end of an activity: how it went, who can help (always), play again or go home. */
export function Ending(props: {
  activity: Activity;
  state: PlayState;
  text: (t: Text) => string;
  pack: CountryPack;
  onReplay: () => void;
}) {
  const ending = props.state.ending;
  useEffect(warmDictionaries, []); // a first activity played: keep the word lists for offline
  if (!ending) return null;
  return (
    <section class="ending card" aria-labelledby="ending-title">
      <div class="kiri-says">
        <img src={ending.correct ? KIRI.proud : KIRI.thinking} alt="" width="72" height="94" />
        <div class="bubble">
          <h2 id="ending-title">{t('play.finished')}</h2>
          <SafetyBadge outcome={ending} />
        </div>
      </div>
      <WhoCanHelp pack={props.pack} />
      <p>
        <button type="button" class="secondary" onClick={props.onReplay}>
          {t('play.playAgain')}
        </button>
        <Link href="/" class="primary">
          {t('play.home')}
        </Link>
      </p>
    </section>
  );
}
