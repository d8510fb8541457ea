import type { Activity, CountryPack, PlayState, Text } from '../../engine';
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { warmDictionaries } from '../app/dictionaries';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { SafetyBadge } from './safety-badge';
import { WhoCanHelp } from './who-can-help';

/**
 * The end of an activity: how it went, who can help (always), play again or go home. After a
 * sensitive activity the ending is calm and checks in — how are you feeling, who you can talk
 * to — with no verdict and no cheering. In class mode the way out is the lesson plan.
 */
export function Ending(props: {
  activity: Activity;
  state: PlayState;
  text: (t: Text) => string;
  pack: CountryPack;
  onReplay: () => void;
  classMode?: boolean;
}) {
  const ending = props.state.ending;
  useEffect(warmDictionaries, []); // a first activity played: keep the word lists for offline
  if (!ending) return null;
  const calm = Boolean(props.activity.sensitive);
  const kiri = calm ? KIRI.happy : ending.correct ? KIRI.proud : KIRI.thinking;
  return (
    <section class={`ending card${calm ? ' ending-calm' : ''}`} aria-labelledby="ending-title">
      <div class="kiri-says">
        <img src={kiri} alt="" width="72" height="94" />
        <div class="bubble">
          <h2 id="ending-title" tabIndex={-1}>
            {calm ? t('play.calmTitle') : t('play.finished')}
          </h2>
          {calm ? <p>{t('play.calmBody')}</p> : <SafetyBadge outcome={ending} />}
        </div>
      </div>
      <WhoCanHelp pack={props.pack} />
      <p>
        <button type="button" class="secondary" onClick={props.onReplay}>
          {t('play.playAgain')}
        </button>
        {props.classMode ? (
          <Link href={`/lessons/${encodeURIComponent(props.activity.id)}`} class="primary">
            {t('class.back')}
          </Link>
        ) : (
          <Link href="/" class="primary">
            {t('play.home')}
          </Link>
        )}
      </p>
    </section>
  );
}
