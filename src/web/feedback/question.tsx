import { useEffect, useRef, useState } from 'preact/hooks';
import { FEEDBACK_ANSWERS } from '../../engine';
import type { Activity, FeedbackAnswer } from '../../engine';
import { useSession } from '../app/session';
import { effectiveBand } from '../store/profiles';
import { SpeakButton } from '../components/speak-button';
import { language, t } from '../i18n/i18n';
import { feedbackRecord, giveFeedback } from './outbox';
import { ft, loadFeedbackStrings } from './strings';
import fun from '../../../content/art/feedback/fun.svg';
import tooHard from '../../../content/art/feedback/too-hard.svg';
import confusing from '../../../content/art/feedback/confusing.svg';
import scary from '../../../content/art/feedback/scary.svg';
import learned from '../../../content/art/feedback/learned.svg';
import more from '../../../content/art/feedback/more-like-this.svg';

const PICTURES: Readonly<Record<FeedbackAnswer, string>> = {
  fun,
  'too-hard': tooHard,
  confusing,
  scary,
  learned,
  'more-like-this': more,
};

const label = (a: FeedbackAnswer) => ft(`feedback.${a}`);

/**
 * "How was it?" after an activity (COURSE-2): optional, six faces to tap, one tap to skip, never
 * asked again on this ending. The child is told that the answer carries no name and what it is
 * for; nothing is typed. "Scary" thanks the child and hands over to who can help (`onScary`: the
 * ending moves there at once). After a sensitive activity (`calm`) the question waits folded
 * behind one quiet line, so the calm ending stays calm. The answer is queued on the device and
 * sent anonymously (./outbox.ts).
 */
export function FeedbackQuestion({
  activity,
  calm,
  onScary,
  onSkip,
}: {
  activity: Pick<Activity, 'id' | 'version'>;
  calm: boolean;
  onScary: () => void;
  onSkip: () => void;
}) {
  const { profile } = useSession();
  const [ready, setReady] = useState(false);
  const [state, setState] = useState<FeedbackAnswer | 'asking' | 'skipped'>('asking');
  const thanksRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    let live = true;
    void loadFeedbackStrings().then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);
  useEffect(() => {
    if (state === 'asking' || state === 'skipped') return;
    if (state === 'scary') onScary();
    else thanksRef.current?.focus();
  }, [state]);
  if (!profile || !ready || state === 'skipped') return null;
  const band = effectiveBand(profile);
  const young = band === '5-7';

  if (state !== 'asking') {
    return (
      <p ref={thanksRef} class="feedback-thanks" tabIndex={-1} role="status">
        {state === 'scary' ? ft('feedback.thanksScary') : ft('feedback.thanks')}
      </p>
    );
  }

  const choose = (answer: FeedbackAnswer) => {
    void giveFeedback(
      feedbackRecord({
        activity: activity.id,
        version: activity.version,
        band,
        lang: language(),
        answer,
      }),
    ).catch(() => {});
    setState(answer);
  };
  const skip = () => {
    setState('skipped');
    onSkip();
  };
  const spoken = [
    ft('feedback.title'),
    ft('feedback.optional'),
    ft('feedback.privacy'),
    ...FEEDBACK_ANSWERS.map(label),
  ].join(' ');

  const question = (
    <section class="feedback-question" aria-labelledby="feedback-question-title">
      <h2 id="feedback-question-title">
        {ft('feedback.title')} <SpeakButton text={spoken} />
      </h2>
      <p>{ft('feedback.optional')}</p>
      <p class="feedback-privacy">{ft('feedback.privacy')}</p>
      <ul class="feedback-choices" aria-label={ft('feedback.choices')}>
        {FEEDBACK_ANSWERS.map((a) => (
          <li key={a}>
            <button type="button" class="choice-button feedback-choice" onClick={() => choose(a)}>
              <img src={PICTURES[a]} alt="" width="56" height="56" />
              <span>{label(a)}</span>
            </button>
            {young && (
              <SpeakButton
                text={label(a)}
                label={t('common.listen')}
                description={t('common.readThis', { text: label(a) })}
                small
              />
            )}
          </li>
        ))}
      </ul>
      <button type="button" class="secondary" onClick={skip}>
        {ft('feedback.skip')}
      </button>
    </section>
  );
  if (!calm) return question;
  return (
    <details class="feedback-calm">
      <summary>{ft('feedback.calmOpen')}</summary>
      {question}
    </details>
  );
}
