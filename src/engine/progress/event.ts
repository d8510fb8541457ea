import type { ActivityId, AttemptId, DeviceId, EventId, LearnerId, SceneId } from '../ids';
import type { PlayResult } from '../play/play';
import type { Answer } from '../types/interaction';
import { END } from '../types/outcome';
import type { Safety } from '../types/text';

/**
 * One answer, as recorded on the device and synced (PATH-4). Append-only: never edited.
 * Holds ids and numbers only; no free text.
 */
export interface ProgressEvent {
  /** Made on the device (see `newId`), so a resent event is recognised as the same one. */
  readonly id: EventId;
  readonly learner: LearnerId;
  readonly device: DeviceId;
  /** Per-device counter, increasing by one per event. */
  readonly seq: number;
  /** One play-through of the activity (a replay after rewinding keeps the attempt). */
  readonly attempt: AttemptId;
  readonly activity: ActivityId;
  readonly version: number;
  readonly scene: SceneId;
  readonly answer: Answer;
  /** Matched answer group; -1 for the default outcome. */
  readonly group: number;
  readonly correct: boolean;
  readonly safety: Safety;
  /** A hint or the solution was showing when the child answered. */
  readonly hinted: boolean;
  /** Answered while exploring another path after an outcome (PLAY-4); not graded. */
  readonly whatIf: boolean;
  /** The outcome ended the activity. */
  readonly ended: boolean;
  /** Device time in ms since 1970 (passed in by the caller; the engine reads no clock). */
  readonly at: number;
}

/** Who, where and when, supplied by the caller when recording an answer. */
export interface EventContext {
  readonly id: EventId;
  readonly learner: LearnerId;
  readonly device: DeviceId;
  readonly seq: number;
  readonly attempt: AttemptId;
  readonly at: number;
  /** Marks the answer as "what if" exploring; the play state already tracks rewinds. */
  readonly whatIf?: boolean;
}

/** Builds the event for a successful `play()` result. */
export function eventFromPlay(result: PlayResult & { ok: true }, ctx: EventContext): ProgressEvent {
  const { step, state } = result;
  return Object.freeze({
    id: ctx.id,
    learner: ctx.learner,
    device: ctx.device,
    seq: ctx.seq,
    attempt: ctx.attempt,
    activity: state.activity,
    version: state.version,
    scene: step.scene,
    answer: step.answer,
    group: step.group,
    correct: step.correct,
    safety: step.safety,
    hinted: step.hinted,
    whatIf: ctx.whatIf === true || step.whatIf,
    ended: step.next === END,
    at: ctx.at,
  });
}
