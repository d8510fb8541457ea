import type { Band } from '../types/text';

/**
 * Children's feedback on an activity (COURSE-2): the answers a child may tap after an activity,
 * in the order the question shows them. Shared by the app (the question), the server (the only
 * values it stores) and the authors' report. Never free text: a box nobody answers invites
 * disclosures nobody can act on.
 */
export const FEEDBACK_ANSWERS = [
  'fun',
  'too-hard',
  'confusing',
  'scary',
  'learned',
  'more-like-this',
] as const;

/** One feedback answer. */
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[number];

/**
 * One feedback answer as the device sends it (POST /api/feedback) and keeps it until it is
 * sent: the activity and its version, the band and language, the answer, the day (no time) and
 * a random id made for this one answer, so a replay counts once — no learner, device or class.
 */
export interface FeedbackRecord {
  /** The random id made for this one answer (a UUID v4). */
  readonly id: string;
  readonly activity: string;
  readonly version: number;
  readonly band: Band;
  readonly lang: string;
  readonly answer: FeedbackAnswer;
  /** The day the child answered, `YYYY-MM-DD`. */
  readonly day: string;
}

/** A feedback day: the date only, `YYYY-MM-DD` (UTC), never a time. */
export const FEEDBACK_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The day of a moment, as feedback stores it: the UTC date of `ms`. */
export function feedbackDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}
