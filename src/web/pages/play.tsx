import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import type { ComponentType } from 'preact';
import { refusal, renderText, sceneOf, startActivity, visibleHelp } from '../../engine';
import type {
  Activity,
  Answer,
  Band,
  CountryPack,
  Outcome,
  Refusal,
  SceneId,
  Text,
} from '../../engine';
import { activity as loadActivity, activityAudio, contentIndex } from '../content/client';
import { classContext, loadDeployment, playContext } from '../content/deployment';
import type { ClientConfig } from '../content/types';
import { useSession } from '../app/session';
import { navigate } from '../app/router';
import { isOfflineError } from '../content/client';
import { Link } from '../components/link';
import { t } from '../i18n/i18n';
import { loadCheckpoint } from '../store/checkpoints';
import { useAnswerFlow } from '../play/use-answer-flow';
import type { Playing } from '../play/use-answer-flow';
import { Refused } from '../play/refused';
import { loadPlayer } from '../players/registry';
import type { PlayerProps } from '../players/types';
import { SpeakButton } from '../components/speak-button';
import { VoiceNote } from '../components/voice-note';
import { endingSpeech, feedbackSpeech, sceneSpeech } from '../play/speakable';
import { RecordingsContext, recordingsFrom } from '../speech/recordings';
import { warmRecordings } from '../speech/offline-audio';
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
import { CourseReturn } from '../course/course-return';
import { hasAccount, loadChecks } from '../measure/measured';
import type { DueCheck } from '../measure/checks';

// The quick checks (docs/measurement.md): their code loads only for a learner with an account.
const QuickCheck = lazy(() => loadChecks().then((m) => m.QuickCheck));
const EndCheck = lazy(() => loadChecks().then((m) => m.EndCheck));

interface Loaded {
  /** Recordings of this language's texts, by content id. */
  audio: Readonly<Record<string, string>>;
  activity: Activity;
  pack: CountryPack;
  fallback: CountryPack;
}

/**
 * Why an activity that could not be loaded is not offered here, from the content index (which
 * names its topic): null when it is simply unknown.
 */
async function refusalFromIndex(
  lang: string,
  id: string,
  band: Band | null,
  config: ClientConfig,
): Promise<Refusal | null> {
  const index = await contentIndex(lang).catch(() => null);
  if (index?.notOffered?.includes(id)) return 'topic-disabled';
  const summary = index?.activities.find((a) => a.id === id);
  if (!summary) return null;
  const { sensitiveMinBand, reviewedIn } = summary;
  return refusal(
    {
      topic: summary.topic,
      sensitive: sensitiveMinBand ? { minBand: sensitiveMinBand, reviewedIn } : undefined,
    },
    band ? playContext(band, config) : classContext(summary.band, config),
  );
}

/**
 * Plays one activity: scenes, answers through the engine (see `useAnswerFlow`), feedback, hints,
 * "what if". An activity the engine's access rules refuse (a switched-off topic, a sensitive
 * activity for a younger profile) is never opened, however the child got here.
 *
 * `classMode` (the route `/class/play/<id>`, from a lesson plan's "Play with the class") is a
 * teacher at a projector: no child profile, large type, the teacher's panel always open,
 * nothing recorded (the answer flow plays for `{ class: true }`), no sensitive activity.
 */
export function Play({ id, classMode = false }: { id: string; classMode?: boolean }) {
  const session = useSession();
  const profile = classMode ? null : session.profile;
  const lang = session.profile?.lang ?? 'en';
  const who: Playing | null = classMode
    ? { class: true }
    : profile
      ? { learner: profile.id }
      : null;
  const [loaded, setLoaded] = useState<Loaded | { refused: Refusal } | Error | null>(null);
  /** A pre-check due before this topic's first activity, shown before the activity. */
  const [pre, setPre] = useState<DueCheck | null>(null);
  const ready = loaded && !(loaded instanceof Error) && 'activity' in loaded ? loaded : null;
  const flow = useAnswerFlow(who, ready?.activity ?? null, (result, a) => {
    // Called in the same update as the new state, so the next scene never shows before its
    // feedback.
    const safetyWord = outcomeLabel(result.outcome);
    announce(`${safetyWord}. ${result.outcome.feedback ? text(result.outcome.feedback) : ''}`);
    setLast({ outcome: result.outcome, answer: a });
  });
  const state = flow.state;
  const [last, setLast] = useState<{ outcome: Outcome; answer: Answer } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [accepted, setAccepted] = useState(false);
  const [stopping, setStopping] = useState(false);
  const [loadedPlayer, setPlayer] = useState<{
    type: string;
    Player: ComponentType<PlayerProps>;
  } | null>(null);
  const liveRef = useRef<HTMLDivElement>(null);
  const announce = (message: string) => {
    if (liveRef.current) liveRef.current.textContent = message;
  };
  const breakReminder = useBreakReminder();
  const [togetherOn, setTogether] = useTogether();
  const together = classMode || togetherOn;
  /** Set by Next, Try again, Play again and "what if": focus goes to the new question. */
  const focusNext = useRef(false);
  const mainRef = useRef<HTMLElement>(null);
  // In the same task as the render, so there is never a frame where the button that was
  // pressed has gone and focus has fallen back to the page (a Tab then would start from the top).
  useLayoutEffect(() => {
    if (!focusNext.current) return;
    const heading = mainRef.current?.querySelector<HTMLElement>('.scene-heading, #ending-title');
    if (!heading) return;
    focusNext.current = false;
    heading.focus();
  });

  useEffect(() => {
    if (!profile && !classMode) return;
    let live = true;
    setLoaded(null);
    setPre(null);
    setLast(null);
    setNotice(null);
    setAccepted(false);
    (async () => {
      const band = profile ? effectiveBand(profile) : null;
      // A deployment with topics switched off does not serve their activities (404): ask its
      // index first, so such a link is refused without a failed request.
      const early = await loadDeployment(lang);
      if (early.config.disabledTopics.length > 0) {
        const index = await contentIndex(lang).catch(() => null);
        if (index?.notOffered?.includes(id)) {
          if (live) setLoaded({ refused: 'topic-disabled' });
          return;
        }
      }
      const [found, deployment, audio] = await Promise.all([
        loadActivity(lang, id, band ?? undefined).catch((e: unknown) => e as Error),
        loadDeployment(lang),
        activityAudio(lang, id),
      ]);
      const { config, pack, fallback } = deployment;
      if (found instanceof Error) {
        const refused = await refusalFromIndex(lang, id, band, config);
        if (live) setLoaded(refused ? { refused } : found);
        return;
      }
      const activity = found;
      const refused = refusal(
        activity,
        band ? playContext(band, config) : classContext(activity.band, config),
      );
      if (refused) {
        if (live) setLoaded({ refused });
        return;
      }
      // `?scene=<id>` opens a scene directly: authors preview their content, adults show one
      // part of an activity. Otherwise the child resumes from the last checkpoint (a class
      // has none: nothing of class mode is saved).
      const preview = new URLSearchParams(location.search).get('scene');
      // Before a topic's first activity in their band, a learner with an account may meet a
      // pre-check (the draw whether they skip it is made and recorded here, once).
      const due =
        profile && hasAccount(profile) && !preview && activity.band === band
          ? await loadChecks()
              .then((m) => m.preCheck(profile, activity.topic))
              .catch(() => null)
          : null;
      if (!live) return;
      setPre(due);
      let start = startActivity(activity);
      let draft: unknown;
      if (preview && sceneOf(activity, preview)) {
        start = startActivity(activity, preview as SceneId);
      } else if (profile) {
        const saved = await loadCheckpoint(profile.id, activity);
        if (saved?.mode === 'replayed') setNotice(t('play.checkpointReplayed'));
        if (saved?.mode === 'restarted') setNotice(t('play.checkpointRestarted'));
        if (saved) {
          start = saved.state;
          draft = saved.draft;
        }
      }
      if (!live) return;
      flow.begin(start, draft);
      setLoaded({ activity, pack, fallback, audio });
      if (profile && effectiveBand(profile) === '5-7') warmRecordings(profile.lang, '5-7');
    })().catch((e: unknown) => live && setLoaded(e instanceof Error ? e : new Error(String(e))));
    return () => {
      live = false;
    };
  }, [profile, id, classMode]);

  const text = useMemo(
    () => (tx: Text) => (ready ? renderText(tx, ready.pack, ready.fallback) : tx.text),
    [ready],
  );

  const scene = ready && state ? sceneOf(ready.activity, state.scene) : undefined;
  const type = scene?.interaction.type;
  useEffect(() => {
    if (!type) return;
    let live = true;
    void loadPlayer(type).then((Player) => live && setPlayer({ type, Player }));
    return () => {
      live = false;
    };
  }, [type]);
  /** The player of this scene's type only: never the last scene's player with a new scene. */
  const Player = loadedPlayer && loadedPlayer.type === type ? loadedPlayer.Player : null;

  const band = profile ? effectiveBand(profile) : '5-7';
  const sceneKey = state ? `${state.scene}:${state.steps.length}` : '';
  const recordings = useMemo(
    () => recordingsFrom(loaded && 'audio' in loaded ? loaded.audio : {}),
    [loaded],
  );
  // For 5–7 (or when the child asks for it) the scene, the feedback and the ending are read
  // aloud as they appear.
  const autoSpeech =
    classMode || pre || !(profile?.readAloudAuto ?? band === '5-7')
      ? null
      : last
        ? feedbackSpeech(last.outcome, text, recordings)
        : state?.ending
          ? endingSpeech(state.ending)
          : scene
            ? sceneSpeech(scene, sceneKey, text, recordings)
            : null;
  useAutoRead(autoSpeech?.text ?? null, autoSpeech?.recordings ?? []);

  if (!profile && !classMode) return null;
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
  if (loaded && 'refused' in loaded)
    return <Refused reason={loaded.refused} classMode={classMode} />;
  if (!ready || !state || state.activity !== ready.activity.id)
    return <p class="page">{t('common.loading')}</p>;
  const { activity } = ready;

  if (pre && profile)
    return (
      <Suspense fallback={<p class="page">{t('common.loading')}</p>}>
        <QuickCheck
          page
          due={pre}
          profile={profile}
          onDone={() => {
            focusNext.current = true;
            setPre(null);
          }}
        />
      </Suspense>
    );

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

  const goOn = () => {
    focusNext.current = true;
    setLast(null);
  };
  const tryAgainAt = (index: number) => {
    focusNext.current = true;
    setLast(null);
    flow.rewind(index);
  };
  const replay = () => {
    focusNext.current = true;
    flow.replay();
  };
  const leave = () => navigate(classMode ? `/lessons/${encodeURIComponent(id)}` : '/');

  const help = visibleHelp(activity, state);
  const sceneNumber = state.steps.length + 1;

  return (
    <main
      ref={mainRef}
      class={`page play topic-${activity.topic}${together ? ' together' : ''}${
        classMode ? ' class-mode' : ''
      }`}
    >
      <div class="play-head">
        <h1>{text(activity.title)}</h1>
        <button type="button" class="secondary" onClick={() => setStopping(true)}>
          {t('play.stop')}
        </button>
      </div>
      {classMode ? (
        <p class="class-badge">{t('class.badge')}</p>
      ) : (
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
      )}
      {together && (
        <PlayTogetherPanel
          audience={classMode ? 'class' : 'family'}
          activity={activity}
          scene={last ? undefined : scene}
          atStart={state.steps.length === 0 && !last}
          ended={Boolean(state.ending) && !last}
          text={text}
        />
      )}
      {notice && <p class="notice">{notice}</p>}
      {flow.saveFailed && <p class="notice">{t('play.notSaved')}</p>}
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
          pack={ready.pack}
          fallback={ready.fallback}
          onNext={goOn}
          ended={Boolean(state.ending)}
          stays={state.scene !== null && state.scene === state.steps.at(-1)?.scene}
          recordings={last.outcome.feedback ? recordings(last.outcome.feedback) : []}
        />
      ) : (
        scene && (
          <section class="scene" aria-labelledby="scene-heading">
            <h2 id="scene-heading" class="scene-heading" tabIndex={-1}>
              {t('play.question', { n: sceneNumber })}
            </h2>
            <div class="scene-body">
              <p>{text(scene.body)}</p>
              <SpeakButton
                text={() => sceneSpeech(scene, sceneKey, text, recordings, 'now').text}
                recordings={() => sceneSpeech(scene, sceneKey, text, recordings, 'now').recordings}
              />
            </div>
            {scene.media && (
              <img class="scene-media" src={scene.media.src} alt={text(scene.media.alt)} />
            )}
            <div class={`player player-${scene.interaction.type}`}>
              {Player ? (
                <RecordingsContext.Provider value={recordings}>
                  <Player
                    interaction={scene.interaction}
                    text={text}
                    onAnswer={(a) => void flow.answer(a)}
                    locked={flow.locked}
                    solution={help.solution?.answer ?? null}
                    sceneKey={sceneKey}
                    draft={flow.draft}
                    onDraft={flow.saveDraft}
                  />
                </RecordingsContext.Provider>
              ) : (
                <p>{t('common.loading')}</p>
              )}
            </div>
            <HintPanel help={help} text={text} onRequest={flow.requestHelp} />
          </section>
        )
      )}

      {state.ending && !last && (
        <Ending
          activity={activity}
          state={state}
          text={text}
          pack={ready.pack}
          fallback={ready.fallback}
          onReplay={replay}
          classMode={classMode}
        />
      )}
      {state.ending && !last && hasAccount(profile) && (
        <Suspense fallback={null}>
          <EndCheck profile={profile} activity={activity} />
        </Suspense>
      )}
      {state.ending && !last && !classMode && <CourseReturn search={location.search} />}

      {state.steps.length > 0 && !last && (
        <WhatIf activity={activity} state={state} text={text} onRewind={tryAgainAt} />
      )}

      {stopping && (
        <ConfirmDialog
          message={t('play.stopConfirm')}
          confirmLabel={t('play.stop')}
          cancelLabel={t('common.cancel')}
          onConfirm={leave}
          onCancel={() => setStopping(false)}
        />
      )}
      {band === '5-7' && <VoiceNote where="play" />}
      {breakReminder}
    </main>
  );
}
