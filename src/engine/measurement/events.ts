import type { DeviceId, EventId, LearnerId, TopicId } from '../ids';
import type { ChoiceAnswer } from '../interactions/choice';
import type { SortAnswer } from '../interactions/sort';
import type { MeasureUse } from '../types/measurement';
import type { Band } from '../types/text';

/** The event fields every measurement event shares with a progress event (PATH-4). */
interface MeasureEventBase {
  /** Made on the device, so a resent event is recognised as the same one. */
  readonly id: EventId;
  readonly learner: LearnerId;
  readonly device: DeviceId;
  /** The device's counter, shared with its progress events. */
  readonly seq: number;
  readonly topic: TopicId;
  readonly band: Band;
  /** Device time in ms since 1970, passed in by the caller. */
  readonly at: number;
}

/**
 * Whether this learner takes the pre-check of a topic in a band, drawn once at random before
 * its first activity (MEAS-04: 15 % skip it, so the effect of a pre-check itself can be seen,
 * the Solomon design). Recorded so the assignment is known, never drawn again.
 */
export interface MeasureAssignedEvent extends MeasureEventBase {
  readonly kind: 'measure-assigned';
  readonly skipPre: boolean;
  /** The probability of skipping it was drawn with (0.15), recorded with the draw. */
  readonly skipRate: number;
}

/**
 * One answer to one item of a check. Holds ids only: the option picked or where each card was
 * put (MEAS-10: never free text). Scored later against the bank's `version`.
 */
export interface MeasureAnsweredEvent extends MeasureEventBase {
  readonly kind: 'measure-answered';
  readonly use: MeasureUse;
  readonly version: number;
  readonly item: string;
  readonly answer: ChoiceAnswer | SortAnswer;
}

/** The child chose not to take a check ("Not now"): it is not offered again. */
export interface MeasureDeclinedEvent extends MeasureEventBase {
  readonly kind: 'measure-declined';
  readonly use: MeasureUse;
  readonly version: number;
}

/**
 * A measurement event (NATION-3). Recorded only for a learner with an account (a class child):
 * a child playing without one contributes nothing to any figure. Synced beside progress
 * events; the progress fold never reads them.
 */
export type MeasureEvent = MeasureAssignedEvent | MeasureAnsweredEvent | MeasureDeclinedEvent;

/** The kinds of {@link MeasureEvent}. */
export const MEASURE_EVENT_KINDS = [
  'measure-assigned',
  'measure-answered',
  'measure-declined',
] as const;

/** Whether an event read from storage or sync is a measurement event (progress events have no `kind`). */
export function isMeasureEvent(e: object): e is MeasureEvent {
  const kind = (e as { kind?: unknown }).kind;
  return typeof kind === 'string' && (MEASURE_EVENT_KINDS as readonly string[]).includes(kind);
}
