import { useCallback, useRef, useState } from 'preact/hooks';
import { play } from '../../engine/play/play';
import type { PlayResult } from '../../engine/play/play';
import { requestHelp } from '../../engine/play/help';
import { startActivity } from '../../engine/play/state';
import type { PlayState } from '../../engine/play/state';
import { rewind } from '../../engine/play/whatif';
import { eventFromPlay } from '../../engine/progress/event';
import type { AttemptId, DeviceId, EventId, LearnerId } from '../../engine/ids';
import type { Activity } from '../../engine/types/activity';
import type { Answer } from '../../engine/types/interaction';
import { recordEvent } from '../store/events';
import { writeCheckpoint } from '../store/checkpoints';
import { newLocalId } from '../store/ids';

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
  /** Starts (or resumes) a play-through at `state`; a new attempt id, not exploring. */
  begin(state: PlayState): void;
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
 * Runs an activity for a learner: the engine's `play()`, then ONE IndexedDB transaction that
 * takes the next sequence number, appends the progress event and writes the checkpoint
 * ({@link recordEvent}). The player is locked from the tap until that transaction has committed,
 * and the lock is a ref, so a second tap in the same frame is refused before any re-render.
 * Everything an answer causes on the device goes through `commit` (the checkpoint today; a
 * sync queue is one more write in the same transaction). Saving a scene's unfinished work (sort
 * or sequence placements) belongs here too, as another action writing through the store.
 */
export function useAnswerFlow(
  learner: string | null,
  activity: Activity | null,
  onPlayed: (result: Played, answer: Answer) => void,
): AnswerFlow {
  const [state, setStateValue] = useState<PlayState | null>(null);
  const [locked, setLocked] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
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
    (next: PlayState) => {
      run.current++;
      attempt.current = newLocalId();
      exploring.current = false;
      busy.current = false;
      setLocked(false);
      setSaveFailed(false);
      setState(next);
    },
    [setState],
  );

  const commit = (learnerId: string, act: Activity, result: Played) =>
    recordEvent(
      ({ device, seq }) =>
        eventFromPlay(result, {
          id: newLocalId() as EventId,
          learner: learnerId as LearnerId,
          device: device as DeviceId,
          seq,
          attempt: attempt.current as AttemptId,
          at: Date.now(),
          whatIf: exploring.current,
        }),
      (tx) => writeCheckpoint(tx, learnerId, act, result.state),
    );

  const answer = async (a: Answer): Promise<Played | null> => {
    const from = current.current;
    if (busy.current || !from || !activity || !learner) return null;
    const result = play(activity, from, a);
    if (!result.ok) return null;
    busy.current = true;
    setLocked(true);
    const mine = run.current;
    let failed = false;
    try {
      await commit(learner, activity, result);
    } catch {
      failed = true;
    }
    if (mine !== run.current) return null;
    busy.current = false;
    setLocked(false);
    setSaveFailed(failed);
    played.current(result, a);
    setState(result.state);
    return result;
  };

  return {
    state,
    locked,
    saveFailed,
    begin,
    replay: () => activity && begin(startActivity(activity)),
    answer,
    rewind: (index) => {
      if (busy.current || !current.current) return;
      exploring.current = true;
      setState(rewind(current.current, index));
    },
    requestHelp: () => {
      if (busy.current || !current.current || !activity) return;
      setState(requestHelp(activity, current.current));
    },
  };
}
