import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ComponentType } from 'preact';
import { play } from '../../engine/play/play';
import { startActivity, sceneOf } from '../../engine/play/state';
import type { PlayState } from '../../engine/play/state';
import { requestHelp, visibleHelp } from '../../engine/play/help';
import { rewind } from '../../engine/play/whatif';
import { eventFromPlay } from '../../engine/progress/event';
import { renderText } from '../../engine/text/render';
import type { Activity, Scene } from '../../engine/types/activity';
import type { Outcome } from '../../engine/types/outcome';
import type { Answer } from '../../engine/types/interaction';
import type { Text } from '../../engine/types/text';
import type { CountryPack } from '../../engine/types/country';
import type { AttemptId, DeviceId, EventId, LearnerId, SceneId } from '../../engine/ids';
import { activity as loadActivity, audioIndex, clientConfig, country } from '../content/client';
import { useSession } from '../app/session';
import { navigate } from '../app/router';
import { isOfflineError } from '../content/client';
import { Link } from '../components/link';
import { t } from '../i18n/i18n';
import { appendEvent, deviceId, nextSeq } from '../store/events';
import { newLocalId } from '../store/ids';
import { loadCheckpoint, saveCheckpoint, clearCheckpoint } from '../store/checkpoints';
import { loadPlayer } from '../players/registry';
import type { PlayerProps } from '../players/types';
import { SpeakButton } from '../components/speak-button';
import { speakableTexts } from '../play/speakable';
import { ConfirmDialog } from '../components/confirm-dialog';
import { Feedback } from '../play/feedback';
import { outcomeLabel } from '../play/safety-badge';
import { HintPanel } from '../play/hint-panel';
import { WhatIf } from '../play/what-if';
import { Ending } from '../play/ending';
import { SensitiveNote } from '../play/sensitive-note';
import { useBreakReminder } from '../play/break-reminder';
import { useAutoRead } from '../speech/auto-read';
import { effectiveBand } from '../store/profiles';
import { PlayTogetherPanel } from '../play-together/panel';
import { useTogether } from '../play-together/use-together';

interface Loaded {
  /** Recordings of this language's texts, by content id. */
  audio: Readonly<Record<string, string>>;
  activity: Activity;
  pack: CountryPack;
  fallback: CountryPack;
}

/** Plays one activity: scenes, answers through the engine, feedback, hints, "what if". */
export function Play({ id }: { id: string }) {
  const { profile } = useSession();
  const [loaded, setLoaded] = useState<Loaded | Error | null>(null);
  const [state, setState] = useState<PlayState | null>(null);
  const [last, setLast] = useState<{ outcome: Outcome; answer: Answer } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [Player, setPlayer] = useState<ComponentType<PlayerProps> | null>(null);
  const attempt = useRef<string>(newLocalId());
  const whatIf = useRef(false);
  const liveRef = useRef<HTMLDivElement>(null);
  const breakReminder = useBreakReminder();
  const [together, setTogether] = useTogether();

  useEffect(() => {
    if (!profile) return;
    (async () => {
      const config = await clientConfig();
      const [activity, pack, fallback, audio] = await Promise.all([
        loadActivity(profile.lang, id, effectiveBand(profile)),
        country(profile.lang, config.country).catch(() => country(profile.lang, 'intl')),
        country(profile.lang, 'intl'),
        audioIndex(profile.lang),
      ]);
      // `?scene=<id>` opens a scene directly: authors preview their content, adults show one
      // part of an activity. Otherwise the child resumes from the last checkpoint.
      const preview = new URLSearchParams(location.search).get('scene');
      if (preview && sceneOf(activity, preview)) {
        setState(startActivity(activity, preview as SceneId));
      } else {
        const saved = await loadCheckpoint(profile.id, activity);
        if (saved?.mode === 'replayed') setNotice(t('play.checkpointReplayed'));
        if (saved?.mode === 'restarted') setNotice(t('play.checkpointRestarted'));
        setState(saved?.state ?? startActivity(activity));
      }
      setLoaded({ activity, pack, fallback, audio });
    })().catch((e: unknown) => setLoaded(e instanceof Error ? e : new Error(String(e))));
  }, [profile, id]);

  const text = useMemo(
    () => (tx: Text) =>
      loaded && !(loaded instanceof Error) ? renderText(tx, loaded.pack, loaded.fallback) : tx.text,
    [loaded],
  );

  const scene =
    loaded && !(loaded instanceof Error) && state
      ? sceneOf(loaded.activity, state.scene)
      : undefined;
  const type = scene?.interaction.type;
  useEffect(() => {
    if (!type) return;
    setPlayer(null);
    void loadPlayer(type).then((p) => setPlayer(() => p));
  }, [type]);

  const band = profile ? effectiveBand(profile) : '5-7';
  const readAloud = (sc: Scene) =>
    speakableTexts(sc)
      .map((tx) => text(tx).replace(/[.!?…]?\s*$/, (end) => end.trim() || '.'))
      .join(' ');
  /**
   * The recordings of a scene's read-aloud texts, when every one has a recording. Texts with
   * country placeholders are never taken from a recording (the words differ per country).
   */
  const recordingsOf = (sc: Scene): string[] => {
    if (!loaded || loaded instanceof Error) return [];
    const urls = speakableTexts(sc).map((tx) =>
      tx.text.includes('{') ? undefined : loaded.audio[tx.id],
    );
    return urls.every((u): u is string => u !== undefined) ? urls : [];
  };
  const autoRead =
    (profile?.readAloudAuto ?? band === '5-7') && scene && !last ? readAloud(scene) : null;
  useAutoRead(autoRead, scene && autoRead ? recordingsOf(scene) : []);

  if (!profile) return null;
  if (loaded instanceof Error)
    return (
      <main class="page">
        <h1>{isOfflineError(loaded) ? t('offline.title') : t('play.notFound')}</h1>
        <p>{isOfflineError(loaded) ? t('play.offline') : t('notFound.activity')}</p>
        <Link href="/" class="primary">
          {t('notFound.home')}
        </Link>
      </main>
    );
  if (!loaded || !state) return <p class="page">{t('common.loading')}</p>;
  const { activity } = loaded;

  if (activity.sensitive && !accepted) {
    return (
      <SensitiveNote
        title={text(activity.title)}
        note={text(activity.sensitive.childNote)}
        onStart={() => setAccepted(true)}
        onNotNow={() => navigate('/')}
      />
    );
  }

  const announce = (message: string) => {
    if (liveRef.current) liveRef.current.textContent = message;
  };

  const answer = async (a: Answer) => {
    const result = play(activity, state, a);
    if (!result.ok) return;
    const [device, seq] = await Promise.all([deviceId(), nextSeq()]);
    const event = eventFromPlay(result, {
      id: newLocalId() as EventId,
      learner: profile.id as LearnerId,
      device: device as DeviceId,
      seq,
      attempt: attempt.current as AttemptId,
      at: Date.now(),
      whatIf: whatIf.current,
    });
    await appendEvent(event);
    const safetyWord = outcomeLabel(result.outcome);
    announce(`${safetyWord}. ${result.outcome.feedback ? text(result.outcome.feedback) : ''}`);
    setLast({ outcome: result.outcome, answer: a });
    setState(result.state);
    if (result.state.ending) await clearCheckpoint(profile.id, activity.id);
    else await saveCheckpoint(profile.id, activity, result.state);
  };

  const goOn = () => setLast(null);
  const tryAgainAt = (index: number) => {
    whatIf.current = true;
    setLast(null);
    setState(rewind(state, index));
  };

  const help = visibleHelp(activity, state);
  const sceneNumber = state.steps.length + 1;

  return (
    <main class={`page play topic-${activity.topic}${together ? ' together' : ''}`}>
      <div class="play-head">
        <h1>{text(activity.title)}</h1>
        <button type="button" class="secondary" onClick={() => setStopping(true)}>
          {t('play.stop')}
        </button>
      </div>
      <p>
        <button
          type="button"
          class="secondary together-toggle"
          aria-pressed={together}
          onClick={() => setTogether(!together)}
        >
          {t('together.toggle')}
        </button>
      </p>
      {together && (
        <PlayTogetherPanel
          activity={activity}
          scene={last ? undefined : scene}
          atStart={state.steps.length === 0 && !last}
          ended={Boolean(state.ending) && !last}
          text={text}
        />
      )}
      {notice && <p class="notice">{notice}</p>}
      <div
        ref={liveRef}
        class="visually-hidden"
        role="status"
        aria-live="polite"
        aria-atomic="true"
      />

      {state.ending && !last ? null : last ? (
        <Feedback
          outcome={last.outcome}
          text={text}
          pack={loaded.pack}
          onNext={state.ending ? () => setLast(null) : goOn}
          ended={Boolean(state.ending)}
          stays={state.scene !== null && state.scene === state.steps.at(-1)?.scene}
        />
      ) : (
        scene && (
          <section class="scene" aria-label={t('play.sceneOf', { n: sceneNumber })}>
            <div class="scene-body">
              <p>{text(scene.body)}</p>
              <SpeakButton text={readAloud(scene)} recordings={recordingsOf(scene)} />
            </div>
            {scene.media && (
              <img class="scene-media" src={scene.media.src} alt={text(scene.media.alt)} />
            )}
            <div class={`player player-${scene.interaction.type}`}>
              {Player ? (
                <Player
                  interaction={scene.interaction}
                  text={text}
                  onAnswer={(a) => void answer(a)}
                  locked={false}
                  solution={help.solution?.answer ?? null}
                  sceneKey={`${state.scene}:${state.steps.length}`}
                />
              ) : (
                <p>{t('common.loading')}</p>
              )}
            </div>
            <HintPanel
              help={help}
              text={text}
              onRequest={() => setState(requestHelp(activity, state))}
            />
          </section>
        )
      )}

      {state.ending && !last && (
        <Ending
          activity={activity}
          state={state}
          text={text}
          pack={loaded.pack}
          onReplay={() => {
            attempt.current = newLocalId();
            whatIf.current = false;
            setState(startActivity(activity));
          }}
        />
      )}

      {state.steps.length > 0 && !last && (
        <WhatIf activity={activity} state={state} text={text} onRewind={tryAgainAt} />
      )}

      {stopping && (
        <ConfirmDialog
          message={t('play.stopConfirm')}
          confirmLabel={t('play.stop')}
          cancelLabel={t('common.cancel')}
          onConfirm={() => navigate('/')}
          onCancel={() => setStopping(false)}
        />
      )}
      {breakReminder}
    </main>
  );
}
