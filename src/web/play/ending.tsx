import type { Activity, CountryPack, PlayState, Text } from '../../engine';
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n/i18n';
import { warmDictionaries } from '../app/dictionaries';
import { KIRI } from '../components/art';
import { Link } from '../components/link';
import { SafetyBadge } from './safety-badge';
import { WhoCanHelp } from './who-can-help';
import { FeedbackQuestion } from '../feedback/question';

/**
 * The end of an activity: how it went, who can help (always), play again or go home. After a
 * sensitive activity the ending is calm and checks in — how are you feeling, who you can talk
 * to — with no verdict and no cheering. In class mode the way out is the lesson plan. A child
 * (not a class) is asked, optionally, how it was (../feedback/question.tsx); "scary" moves
 * straight to who can help.
 */
export function Ending(props: {
  activity: Activity;
  state: PlayState;
  text: (t: Text) => string;
  pack: CountryPack;
  /** The international pack, for helplines the country pack has not confirmed. */
  fallback: CountryPack;
  onReplay: () => void;
  classMode?: boolean;
}) {
  const ending = props.state.ending;
  useEffect(warmDictionaries, []); // a first activity played: keep the word lists for offline
  const helpRef = useRef<HTMLDivElement>(null);
  const [scared, setScared] = useState(false);
  const toHelp = () => {
    setScared(true);
    const heading = helpRef.current?.querySelector<HTMLElement>('h2');
    if (!heading) return;
    heading.tabIndex = -1;
    heading.focus();
    heading.scrollIntoView?.({ block: 'nearest' });
  };
  const toTitle = () => document.getElementById('ending-title')?.focus();
  if (!ending) return null;
  const calm = Boolean(props.activity.sensitive);
  // After a sensitive activity the question comes after who can help, folded (not pushy).
  const question = props.classMode ? null : (
    <FeedbackQuestion activity={props.activity} calm={calm} onScary={toHelp} onSkip={toTitle} />
  );
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
      {!calm && question}
      <div ref={helpRef} class={scared ? 'help-now' : undefined}>
        <WhoCanHelp pack={props.pack} fallback={props.fallback} />
      </div>
      {calm && question}
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
