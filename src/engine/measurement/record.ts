import type { DeviceId, EventId, LearnerId, SceneId, TopicId } from '../ids';
import type { Interaction } from '../types/interaction';
import type { MeasureItem, MeasureUse } from '../types/measurement';
import type { Band } from '../types/text';
import type { MeasureAnsweredEvent, MeasureAssignedEvent, MeasureDeclinedEvent } from './events';
import type { MeasureAnswer } from './score';
import { scoreItem } from './score';
import { PRE_SKIP_RATE } from './assign';

/**
 * An item as an interaction the app's existing players show (`choice`, `sort`). Players never
 * see outcomes; this one has no answer groups and no hints, and its outcome carries no
 * feedback: whether a check shows right or wrong is the check screen's, by `checkPresentation`.
 */
export function itemInteraction(item: MeasureItem): Interaction {
  const outcome = { next: 'end' as SceneId, correct: true, safety: 'safe' as const };
  return item.interaction.type === 'choice'
    ? {
        type: 'choice',
        args: item.interaction.args,
        answerGroups: [],
        defaultOutcome: outcome,
        hints: [],
      }
    : {
        type: 'sort',
        args: item.interaction.args,
        answerGroups: [],
        defaultOutcome: outcome,
        hints: [],
      };
}

/** Who, where and when, supplied by the caller when recording a measurement event. */
export interface MeasureEventContext {
  readonly id: EventId;
  readonly learner: LearnerId;
  readonly device: DeviceId;
  readonly seq: number;
  readonly at: number;
  readonly topic: TopicId;
  readonly band: Band;
}

/** The event recording the pre-check draw (`drawPreSkip`). */
export function assignedEvent(ctx: MeasureEventContext, skipPre: boolean): MeasureAssignedEvent {
  return Object.freeze({ ...ctx, kind: 'measure-assigned', skipPre, skipRate: PRE_SKIP_RATE });
}

/**
 * The event recording one answer to one item of a check, or null when the answer does not fit
 * the item (an unknown option, a card left unplaced): nothing is recorded then.
 */
export function answeredEvent(
  ctx: MeasureEventContext,
  check: { readonly use: MeasureUse; readonly version: number },
  item: MeasureItem,
  answer: MeasureAnswer,
): MeasureAnsweredEvent | null {
  if (scoreItem(item, answer) === null) return null;
  return Object.freeze({
    ...ctx,
    kind: 'measure-answered',
    use: check.use,
    version: check.version,
    item: item.id,
    answer,
  });
}

/** The event recording that the child said "not now" to a check. */
export function declinedEvent(
  ctx: MeasureEventContext,
  check: { readonly use: MeasureUse; readonly version: number },
): MeasureDeclinedEvent {
  return Object.freeze({
    ...ctx,
    kind: 'measure-declined',
    use: check.use,
    version: check.version,
  });
}
