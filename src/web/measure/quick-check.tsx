import { useEffect, useId, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { answerFeedback, isScored, itemInteraction, renderText } from '../../engine';
import type { AnswerFeedback, Answer, MeasureAnswer, Text } from '../../engine';
import { KIRI } from '../components/art';
import { SpeakButton } from '../components/speak-button';
import { mt } from './strings';
import { loadDeployment } from '../content/deployment';
import type { Deployment } from '../content/deployment';
import { language, t } from '../i18n/i18n';
import { loadPlayer } from '../players/registry';
import type { PlayerProps } from '../players/types';
import { useAutoRead } from '../speech/auto-read';
import { effectiveBand } from '../store/profiles';
import type { Profile } from '../store/profiles';
import type { DueCheck } from './due';
import { recordAnswer, recordDecline } from './record';
import { feedbackWords, itemTexts, spoken } from './words';

/** Where the child is in a check: its words first, then one item at a time, then thanks. */
type Phase =
  | { readonly at: 'intro' }
  | { readonly at: 'item'; readonly index: number; readonly feedback: AnswerFeedback | null }
  | { readonly at: 'done' };

/** What the intro says of the check, by when it comes. */
const ABOUT = { pre: 'check.before', post: 'check.after', transfer: 'check.later' } as const;

/**
 * A quick check (docs/measurement.md): a short intro in plain words (what it is, that it is not
 * a test and has no score, that "Not now" is fine), then the items one by one in the app's own
 * `choice` and `sort` players (`itemInteraction`), then thanks. Each answer is recorded on the
 * device at once (`measure-answered`, queued for sync); "Not now" records `measure-declined`
 * and the check is not asked again. Right and wrong are shown only where the check's
 * presentation says so (never before a topic, MEAS-03; never on a scale), and no score ever.
 *
 * `page`: the whole page before a topic's first activity (its title is the page's heading,
 * the intro is read aloud for 5–7); otherwise a card (after the topic's last activity, on
 * home), read aloud once the child starts. `onDone` continues to what the child was doing.
 */
export function QuickCheck({
  due,
  profile,
  page = false,
  onDone,
}: {
  due: DueCheck;
  profile: Profile;
  page?: boolean;
  onDone: () => void;
}) {
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ at: 'intro' });
  const [locked, setLocked] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const [packs, setPacks] = useState<Deployment | null>(null);
  const [loaded, setLoaded] = useState<{ type: string; Player: ComponentType<PlayerProps> }>();
  const busy = useRef(false);
  const answered = useRef(0);
  const focusRef = useRef<HTMLElement | null>(null);
  const moved = useRef(false);

  useEffect(() => {
    let live = true;
    loadDeployment(language()).then(
      (d) => live && setPacks(d),
      () => {},
    );
    return () => {
      live = false;
    };
  }, []);
  const text = (tx: Text) => (packs ? renderText(tx, packs.pack, packs.fallback) : tx.text);

  const item = phase.at === 'item' ? due.items[phase.index] : undefined;
  const type = item?.interaction.type;
  useEffect(() => {
    if (!type) return;
    let live = true;
    void loadPlayer(type).then((Player) => live && setLoaded({ type, Player }));
    return () => {
      live = false;
    };
  }, [type]);
  const Player = loaded && loaded.type === type ? loaded.Player : null;

  // Each new step's heading (or the feedback's button) takes the focus, as the Play page does.
  useLayoutEffect(() => {
    if (!moved.current) return;
    moved.current = false;
    focusRef.current?.focus();
  });
  const go = (next: Phase) => {
    moved.current = true;
    setPhase(next);
  };
  const advance = (index: number) =>
    go(
      index + 1 < due.items.length
        ? { at: 'item', index: index + 1, feedback: null }
        : { at: 'done' },
    );

  const feedback = phase.at === 'item' ? phase.feedback : null;
  const words = item && feedback ? feedbackWords(feedback, item, text) : null;
  const intro = [
    mt(ABOUT[due.use], { topic: due.title }),
    mt('check.notTest'),
    mt('check.justPick'),
    mt('check.notNowOk'),
  ];
  const thanks = [mt('check.thanks'), mt('check.thanksBody')];
  const auto = profile.readAloudAuto ?? effectiveBand(profile) === '5-7';
  const heard =
    phase.at === 'intro'
      ? page
        ? spoken(intro)
        : null
      : phase.at === 'done'
        ? spoken(thanks)
        : words
          ? spoken([words.lead, ...words.lines])
          : item
            ? spoken(itemTexts(item).map(text))
            : null;
  useAutoRead(auto ? heard : null);

  const decline = async () => {
    if (busy.current) return;
    busy.current = true;
    setLocked(true);
    // Not saved (a full device): the check may be offered again; the child goes on either way.
    await recordDecline(due).catch(() => {});
    onDone();
  };
  /** "Stop here": before any answer it is a "Not now"; after one, the answers stay. */
  const stop = () => (answered.current === 0 ? void decline() : onDone());

  const answer = async (index: number, a: Answer) => {
    const at = due.items[index];
    if (busy.current || !at || (a.type !== 'choice' && a.type !== 'sort')) return;
    busy.current = true;
    setLocked(true);
    let failed = false;
    let fits = true;
    try {
      fits = await recordAnswer(due, at, a as MeasureAnswer);
      if (fits) answered.current++;
    } catch {
      failed = true;
    }
    busy.current = false;
    setLocked(false);
    setSaveFailed(failed);
    if (!fits) return;
    const shown = answerFeedback(at, a as MeasureAnswer, due.presentation);
    if (shown) go({ at: 'item', index, feedback: shown });
    else advance(index);
  };

  const Title = page ? 'h1' : 'h2';
  const Step = page ? 'h2' : 'h3';
  const ref = (el: HTMLElement | null) => {
    focusRef.current = el;
  };
  const body = (
    <>
      <Title id={`${id}-title`} tabIndex={-1} ref={phase.at === 'intro' ? ref : undefined}>
        {mt('check.title')}
      </Title>
      {phase.at === 'intro' && (
        <>
          <div class="kiri-says">
            <img src={KIRI.curious} alt="" width="72" height="94" />
            <div class="bubble">
              {intro.map((line, i) => (
                <p key={i} class={i === 0 ? 'big' : undefined}>
                  {line}
                </p>
              ))}
              <SpeakButton text={spoken(intro)} />
            </div>
          </div>
          <p>
            <button
              type="button"
              class="primary"
              disabled={locked}
              onClick={() => go({ at: 'item', index: 0, feedback: null })}
            >
              {mt('check.start')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={locked}
              onClick={() => void decline()}
            >
              {mt('check.notNow')}
            </button>
          </p>
        </>
      )}
      {phase.at === 'item' && item && (
        <section class="quick-check-item" aria-labelledby={`${id}-step`}>
          <Step id={`${id}-step`} tabIndex={-1} ref={feedback ? undefined : ref}>
            {mt('check.progress', { n: phase.index + 1, total: due.items.length })}
          </Step>
          <div class="scene-body">
            <p id={`${id}-prompt`}>{text(item.prompt)}</p>
            <SpeakButton text={() => spoken(itemTexts(item).map(text))} />
          </div>
          {!isScored(item.construct) && <p class="small">{mt('check.scale')}</p>}
          <div class={`player player-${item.interaction.type}`}>
            {Player ? (
              <Player
                interaction={itemInteraction(item)}
                text={text}
                onAnswer={(a) => void answer(phase.index, a)}
                locked={locked || feedback !== null}
                solution={null}
                sceneKey={`${due.use}:${item.id}`}
              />
            ) : (
              <p>{t('common.loading')}</p>
            )}
          </div>
          {words && (
            <div class="notice" role="status">
              <p class="strong">{words.lead}</p>
              {words.lines.length > 0 && (
                <ul>
                  {words.lines.map((line, i) => (
                    <li key={i}>{line}</li>
                  ))}
                </ul>
              )}
              <button type="button" class="primary" ref={ref} onClick={() => advance(phase.index)}>
                {mt('check.next')}
              </button>
            </div>
          )}
          {saveFailed && <p class="notice">{mt('check.notSaved')}</p>}
          <p>
            <button type="button" class="secondary" disabled={locked} onClick={stop}>
              {mt('check.stop')}
            </button>
          </p>
        </section>
      )}
      {phase.at === 'done' && (
        <>
          <div class="kiri-says">
            <img src={KIRI.happy} alt="" width="72" height="94" />
            <div class="bubble">
              <p class="big" id={`${id}-thanks`} tabIndex={-1} ref={ref}>
                {thanks[0]}
              </p>
              <p>{thanks[1]}</p>
            </div>
          </div>
          <p>
            <button type="button" class="primary" onClick={onDone}>
              {due.use === 'pre' ? mt('check.play') : mt('check.done')}
            </button>
          </p>
        </>
      )}
    </>
  );
  const topic = `topic-${due.bank.topic}`;
  return page ? (
    <main class={`page quick-check ${topic}`}>{body}</main>
  ) : (
    <section class={`card quick-check ${topic}`} aria-labelledby={`${id}-title`}>
      {body}
    </section>
  );
}
