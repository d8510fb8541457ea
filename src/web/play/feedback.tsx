import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CountryPack, Outcome, Text } from '../../engine';
import { t } from '../i18n/i18n';
import { KIRI } from '../components/art';
import { SpeakButton } from '../components/speak-button';
import { SafetyBadge } from './safety-badge';
import { WhoCanHelp } from './who-can-help';

/**
 * Kiri's feedback after an answer: safe / risky / not safe with an icon and words, why, and
 * for risky or unsafe choices (or when the content asks) who can help. Kiri never scolds.
 */
export function Feedback(props: {
  outcome: Outcome;
  text: (t: Text) => string;
  pack: CountryPack;
  /** The international pack, for helplines the country pack has not confirmed. */
  fallback: CountryPack;
  ended: boolean;
  /** The outcome keeps the child on the same scene (a try again, not a new scene). */
  stays: boolean;
  onNext: () => void;
  /** The pack's recording of the feedback, if any. */
  recordings?: readonly string[];
}) {
  const { outcome, text } = props;
  const ref = useRef<HTMLButtonElement>(null);
  // In the same task as the render, as the Play page moves focus to a new question: the answer
  // button that was pressed is gone, and no frame may leave focus on the page (CI caught one).
  useLayoutEffect(() => ref.current?.focus(), [outcome]);
  const message = outcome.feedback ? text(outcome.feedback) : '';
  const kiri =
    outcome.safety === 'safe' ? (outcome.correct ? KIRI.proud : KIRI.happy) : KIRI.concerned;
  const showHelp = outcome.talkToAdult || outcome.safety !== 'safe';
  const stays = !props.ended && props.stays;
  return (
    <section class={`feedback card feedback-${outcome.safety}`} aria-labelledby="feedback-title">
      <h2 id="feedback-title" class="visually-hidden">
        {t('play.feedback')}
      </h2>
      <div class="kiri-says">
        <img src={kiri} alt="" width="64" height="83" />
        <div class="bubble">
          <SafetyBadge outcome={outcome} />
          {message && (
            <p>
              {message} <SpeakButton text={message} recordings={props.recordings} />
            </p>
          )}
        </div>
      </div>
      {showHelp && <WhoCanHelp pack={props.pack} fallback={props.fallback} />}
      <button ref={ref} type="button" class="primary" onClick={props.onNext}>
        {stays ? t('play.tryAgain') : t('play.next')}
      </button>
    </section>
  );
}
