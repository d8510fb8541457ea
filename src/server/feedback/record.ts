// Storing one child's feedback answer (COURSE-2): anonymous by construction. The row holds
// exactly what the route's schema let through, and the random id the device made for the one
// answer makes a replay (a queue sent twice, a retry after a lost reply) count once.

import type { Db } from '../../db/connect';
import type { Catalogue, FeedbackRecord } from '../../engine';
import { feedbackDay } from '../../engine';
import { HttpError, excerpt } from '../http/errors';

/** One answer as the device sends it (POST /api/feedback): the engine's `FeedbackRecord`. */
export type FeedbackInput = FeedbackRecord;

const DAY_MS = 86_400_000;
/**
 * How old an answer's day may be when it arrives: a device offline for longer sends it and
 * drops it, refused. Days ahead of the server's by more than one are refused too (time zones
 * reach about one day ahead of UTC).
 */
export const FEEDBACK_LATE_DAYS = 60;

/**
 * Checks an answer against the content (the activity exists, its version is one that was
 * published, the language is one the content is in) and the calendar, then stores it once.
 * Resolves with whether this call stored it (false: the id was already there, a replay).
 */
export async function recordFeedback(
  db: Db,
  content: { readonly catalogue: Catalogue; readonly languages: readonly string[] },
  input: FeedbackInput,
  now: number,
): Promise<boolean> {
  const activity = content.catalogue.activities.get(input.activity as never);
  if (!activity) {
    throw new HttpError(404, 'unknown_activity', `No activity "${excerpt(input.activity)}"`);
  }
  if (input.version > activity.version) {
    throw new HttpError(
      400,
      'validation_failed',
      `body.version: this activity has no version ${input.version}`,
    );
  }
  if (!content.languages.includes(input.lang)) {
    throw new HttpError(
      400,
      'unsupported_language',
      `No content in language "${excerpt(input.lang)}"; available: ${content.languages.join(', ')}`,
    );
  }
  const day = Date.parse(`${input.day}T00:00:00Z`);
  if (
    Number.isNaN(day) ||
    feedbackDay(day) !== input.day ||
    day > now + DAY_MS ||
    day < now - (FEEDBACK_LATE_DAYS + 1) * DAY_MS
  ) {
    throw new HttpError(
      400,
      'validation_failed',
      `body.day: must be a real date within the last ${FEEDBACK_LATE_DAYS} days`,
    );
  }
  const result = await db.kysely
    .insertInto('kite_feedback')
    .values({
      id: input.id,
      activity: input.activity,
      activity_version: input.version,
      band: input.band,
      lang: input.lang,
      answer: input.answer,
      day: input.day,
    })
    .onConflict((oc) => oc.column('id').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}
