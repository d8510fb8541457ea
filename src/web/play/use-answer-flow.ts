import { useCallback, useRef, useState } from 'preact/hooks';
import {
  eventFromPlay,
  keptOnRetry,
  play,
  requestHelp,
  rewind,
  sceneOf,
  startActivity,
} from '../../engine';
import type {
  Activity,
  Answer,
  AttemptId,
  DeviceId,
  EventId,
  LearnerId,
  PlayResult,
  PlayState,
} from '../../engine';
import { recordEvent } from '../store/events';
import { saveDraft, writeCheckpoint } from '../store/checkpoints';
import { newEventId, newLocalId } from '../store/ids';
import { requestSync } from '../sync/request';

/**
 * Who is playing: a learner on this device, whose answers are recorded, or a class with its
 * teacher at the projector, whose answers are recorded nowhere (no events, no checkpoint, no
 * draft: the answer flow is the one place that writes, and it checks this once).
 */
export type Playing = { readonly learner: string } | { readonly class: true };

/** A played answer the engine accepted. */
export type Played = PlayResult & { ok: true };

/** The one place that plays an activity's answers and owns their side effects. */
export interface AnswerFlow {
  /** The play state; null until {@link AnswerFlow.begin}. */
  readonly state: PlayState | null;
  /** True while an answer is being recorded: players take no input. */
  readonly locked: boolean;
  /** The last answer was played but could not be stored on this device. */
  readonly saveFailed: boolean;
  /** The unfinished work saved on the current scene (see {@link AnswerFlow.saveDraft}). */
  readonly draft: unknown;
  /**
   * Starts (or resumes) a play-through at `state`, with the scene's saved `draft`; a new
   * attempt id, not exploring.
   */
  begin(state: PlayState, draft?: unknown): void;
  /**
   * Keeps the child's unfinished work on the current scene (placements not yet checked), so a
   * reload finds it; the next answer on the scene replaces it. Never in class mode.
   */
  saveDraft(value: unknown): void;
  /** Starts the activity again from its first scene (a new attempt). */
  replay(): void;
  /**
   * Plays `answer` on the current scene, once: a second call while the first is in flight is
   * ignored (a double tap). Once it is recorded, calls `onPlayed` and moves on, in one update;
   * resolves with the engine's result, or null when nothing was played.
   */
  answer(answer: Answer): Promise<Played | null>;
  /** "What if": back to the scene of step `index`; later answers are marked as exploring. */
  rewind(index: number): void;
  /** Releases the next hint of the current scene. */
  requestHelp(): void;
}

/**
 * Runs an activity for a learner or a class: the engine's `play()`, then, for a learner, ONE
 * IndexedDB transaction that takes the next sequence number, appends the progress event and
 * writes the checkpoint of the new scene ({@link recordEvent}) — after every answer, so a reload
 * returns to the same scene. The player is locked from the tap until that transaction has
 * committed, and the lock is a ref, so a second tap in the same frame is refused before any
 * re-render. Everything an answer causes on the device goes through `commit`, and a scene's
 * unfinished work through `saveDraft`; for a class (`{ class: true }`) both write nothing.
 */
export function useAnswerFlow(
  who: Playing | null,
  activity: Activity | null,
  onPlayed: (result: Played, answer: Answer) => void,
): AnswerFlow {
  const [state, setStateValue] = useState<PlayState | null>(null);
  const [locked, setLocked] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const [draft, setDraft] = useState<unknown>(undefined);
  /** The learner whose progress is written; null for a class (nothing is written). */
  const learner = who && 'learner' in who ? who.learner : null;
  const current = useRef<PlayState | null>(null);
  const busy = useRef(false);
  const attempt = useRef(newLocalId());
  const exploring = useRef(false);
  /** Bumped by every begin(): an answer of an earlier play-through does not land in this one. */
  const run = useRef(0);
  const played = useRef(onPlayed);
  played.current = onPlayed;

  const setState = useCallback((next: PlayState) => {
    current.current = next;
    setStateValue(next);
  }, []);

  const begin = useCallback(
    (next: PlayState, saved?: unknown) => {
      run.current++;
      setDraft(saved);
      attempt.current = newLocalId();
      exploring.current = false;
      busy.current = false;
      setLocked(false);
      setSaveFailed(false);
      setState(next);
    },
    [setState],
  );

  const commit = (learnerId: string | null, act: Activity, result: Played, kept: unknown) =>
    learnerId === null
      ? Promise.resolve()
      : recordEvent(
          ({ device, seq }) =>
            eventFromPlay(result, {
              id: newEventId() as EventId,
              learner: learnerId as LearnerId,
              device: device as DeviceId,
              seq,
              attempt: attempt.current as AttemptId,
              at: Date.now(),
              whatIf: exploring.current,
            }),
          (tx) => writeCheckpoint(tx, learnerId, act, result.state, kept),
        );

  const answer = async (a: Answer): Promise<Played | null> => {
    const from = current.current;
    if (busy.current || !from || !activity || !who) return null;
    const result = play(activity, from, a);
    if (!result.ok) return null;
    // A try again on the same scene starts from what was right (a sort keeps its right cards).
    const scene = from.scene === null ? undefined : sceneOf(activity, from.scene);
    const kept = scene && result.state.scene === from.scene ? keptOnRetry(scene, a) : undefined;
    busy.current = true;
    setLocked(true);
    const mine = run.current;
    let failed = false;
    try {
      await commit(learner, activity, result, kept);
      // A class profile's answer is queued in that transaction; the runner sends it soon.
      if (learner) requestSync();
    } catch {
      failed = true;
    }
    if (mine !== run.current) return null;
    busy.current = false;
    setLocked(false);
    setSaveFailed(failed);
    setDraft(kept);
    played.current(result, a);
    setState(result.state);
    return result;
  };

  return {
    state,
    locked,
    saveFailed,
    draft,
    begin,
    saveDraft: (value) => {
      const at = current.current;
      if (!learner || !activity || !at || busy.current) return;
      setDraft(value);
      saveDraft(learner, activity.id, at, value).catch(() => setSaveFailed(true));
    },
    replay: () => activity && begin(startActivity(activity)),
    answer,
    rewind: (index) => {
      if (busy.current || !current.current) return;
      exploring.current = true;
      setDraft(undefined);
      setState(rewind(current.current, index));
    },
    requestHelp: () => {
      if (busy.current || !current.current || !activity) return;
      setState(requestHelp(activity, current.current));
    },
  };
}
