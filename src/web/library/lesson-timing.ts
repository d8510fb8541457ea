/** A lesson is 30 minutes (ADULT-1). */
export const LESSON_MINUTES = 30;

/** Minutes of each part of a lesson plan. */
export interface LessonTiming {
  readonly warmUp: number;
  readonly play: number;
  readonly worksheet: number;
  readonly discussion: number;
}

/**
 * Splits 30 minutes: 5 to warm up, the activity's own minutes to play (5 to 15), 5 to discuss,
 * and the rest (5 to 15) for the worksheet.
 *
 * @example
 * lessonTiming(10) // { warmUp: 5, play: 10, worksheet: 10, discussion: 5 }
 */
export function lessonTiming(activityMinutes: number): LessonTiming {
  const warmUp = 5;
  const discussion = 5;
  const play = Math.min(Math.max(Math.round(activityMinutes), 5), 15);
  return { warmUp, play, worksheet: LESSON_MINUTES - warmUp - play - discussion, discussion };
}
