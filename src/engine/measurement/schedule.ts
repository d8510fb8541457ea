import type { ActivityId } from '../ids';
import type { ProgressEvent } from '../progress/event';
import { isScored } from '../types/measurement';
import type { MeasureBank, MeasureItem, MeasureUse } from '../types/measurement';
import type { Band } from '../types/text';
import type { MeasureAssignedEvent, MeasureEvent } from './events';
import { measureForm } from './forms';
import { checkPresentation } from './presentation';
import type { CheckPresentation } from './presentation';

const DAY = 24 * 60 * 60 * 1000;
/** Shortest time from the post-check to the transfer check (MEAS-05). */
export const TRANSFER_AFTER_MS = 7 * DAY;
/** Shortest time before a scored item is asked again (MEAS-02). */
export const REPEAT_AFTER_MS = 30 * DAY;

/** What {@link nextCheck} needs: one topic's bank, one band, and the learner's events. */
export interface ScheduleInput {
  readonly bank: MeasureBank;
  readonly band: Band;
  /** The deployment's switch (measurement can be turned off). */
  readonly enabled: boolean;
  /** Only a learner with an account (a class child) is measured; others contribute nothing. */
  readonly hasAccount: boolean;
  /** The bank's topic's activities of this band. */
  readonly activities: readonly ActivityId[];
  readonly progress: readonly ProgressEvent[];
  readonly measures: readonly MeasureEvent[];
  /** Device time, injected. */
  readonly now: number;
}

/** Why no check is due. */
export type NoCheckReason = 'off' | 'no-account' | 'started-before' | 'not-yet' | 'done';

/**
 * The next step of measurement for one topic and band: nothing; draw and record the pre-check
 * assignment first (`drawPreSkip`, a `measure-assigned` event); a check to offer now, with its
 * items and how to show them; or a check that waits until `until` (ms).
 */
export type MeasureStep =
  | { readonly step: 'none'; readonly reason: NoCheckReason }
  | { readonly step: 'assign' }
  | {
      readonly step: 'check';
      readonly use: MeasureUse;
      readonly items: readonly MeasureItem[];
      readonly presentation: CheckPresentation;
    }
  | { readonly step: 'wait'; readonly use: MeasureUse; readonly until: number };

/**
 * Which measurement step is due, from the learner's events and an injected `now`
 * (docs/measurement.md, "When a check is due"):
 *
 * - **assign**: before the topic's first activity in the band, once.
 * - **pre**: before the first activity, unless the draw said skip (MEAS-04); once the child has
 *   played an activity of the topic the pre-check is gone for good.
 * - **post**: once every activity of the topic in the band has been played to its end.
 * - **transfer**: at least 7 days after the post-check was taken or declined (MEAS-05).
 *
 * A check taken or declined is never offered again, and a form with a scored item answered in
 * the last 30 days (the same item in another band's form) waits (MEAS-02). Checks of an older
 * bank version count as taken: answers to different wordings are never pooled.
 */
export function nextCheck(input: ScheduleInput): MeasureStep {
  const { bank, band, now } = input;
  if (!input.enabled) return { step: 'none', reason: 'off' };
  if (!input.hasAccount) return { step: 'none', reason: 'no-account' };
  const topicEvents = input.measures.filter((e) => e.topic === bank.topic);
  const mine = topicEvents.filter((e) => e.band === band);
  const done = (use: MeasureUse) =>
    mine.filter((e) => e.kind !== 'measure-assigned' && e.use === use);
  const ids = new Set<string>(input.activities);
  const played = input.progress.filter((e) => ids.has(e.activity));
  // Two devices may each have drawn before they synced: the earliest draw holds, on every device.
  const assigned = mine
    .filter((e): e is MeasureAssignedEvent => e.kind === 'measure-assigned')
    .reduce<MeasureAssignedEvent | undefined>(
      (first, e) =>
        first === undefined || e.at < first.at || (e.at === first.at && e.id < first.id)
          ? e
          : first,
      undefined,
    );
  if (assigned === undefined)
    return played.length === 0 ? { step: 'assign' } : { step: 'none', reason: 'started-before' };

  const offer = (use: MeasureUse): MeasureStep => {
    const items = measureForm(bank, band, use);
    const last = lastAnswered(topicEvents, items);
    if (last !== null && now < last + REPEAT_AFTER_MS)
      return { step: 'wait', use, until: last + REPEAT_AFTER_MS };
    return { step: 'check', use, items, presentation: checkPresentation(use) };
  };

  if (played.length === 0)
    return !assigned.skipPre && done('pre').length === 0
      ? offer('pre')
      : { step: 'none', reason: 'not-yet' };
  const finished = new Set(
    played.filter((e) => e.ended && !e.whatIf).map((e) => e.activity as string),
  );
  if (input.activities.some((a) => !finished.has(a))) return { step: 'none', reason: 'not-yet' };
  const post = done('post');
  if (post.length === 0) return offer('post');
  if (done('transfer').length > 0) return { step: 'none', reason: 'done' };
  const postAt = Math.max(...post.map((e) => e.at));
  if (now < postAt + TRANSFER_AFTER_MS)
    return { step: 'wait', use: 'transfer', until: postAt + TRANSFER_AFTER_MS };
  return offer('transfer');
}

/** When any scored item of `items` was last answered, in any band of the topic, or null. */
function lastAnswered(
  events: readonly MeasureEvent[],
  items: readonly MeasureItem[],
): number | null {
  const scored = new Set(items.filter((i) => isScored(i.construct)).map((i) => i.id));
  let last: number | null = null;
  for (const e of events)
    if (e.kind === 'measure-answered' && scored.has(e.item) && (last === null || e.at > last))
      last = e.at;
  return last;
}
