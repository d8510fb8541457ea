// What children said of each activity, for its authors (COURSE-2): `npm run feedback:report`
// and GET /api/feedback/report (the coordinator's dashboard, later) both print this one fold.

import type { Db } from '../../db/connect';
import { FEEDBACK_ANSWERS } from '../../engine';
import type { FeedbackAnswer } from '../../engine';

/**
 * When an activity is flagged for its authors. Below `minAnswers` answers nothing is flagged: a
 * share of three answers says little. `hard`: "too hard" and "confusing" together make at
 * least `hardShare` of the answers. `scary`: "scary" makes at least `scaryShare` of them (lower,
 * since one frightened child in ten is already worth a look).
 */
export const FEEDBACK_THRESHOLDS = Object.freeze({
  minAnswers: 10,
  hardShare: 0.3,
  scaryShare: 0.1,
});

export type FeedbackFlag = 'hard' | 'scary';

/** One activity at one version: its answers counted. */
export interface ActivityFeedback {
  readonly activity: string;
  readonly version: number;
  /** All answers. */
  readonly answers: number;
  readonly counts: Readonly<Record<FeedbackAnswer, number>>;
  /** Shares of all answers, rounded to three decimals (0 when there are none). */
  readonly tooHardShare: number;
  readonly confusingShare: number;
  readonly scaryShare: number;
  readonly flags: FeedbackFlag[];
}

export interface FeedbackReport {
  /** The first day counted (`YYYY-MM-DD`), or null for every stored answer. */
  readonly since: string | null;
  readonly thresholds: typeof FEEDBACK_THRESHOLDS;
  /** By activity id, then newest version first. */
  readonly activities: ActivityFeedback[];
}

const share = (n: number, of: number) => (of === 0 ? 0 : Math.round((n / of) * 1000) / 1000);

/** The flags of counted answers (see {@link FEEDBACK_THRESHOLDS}). */
export function feedbackFlags(
  counts: Readonly<Record<FeedbackAnswer, number>>,
  t = FEEDBACK_THRESHOLDS,
): FeedbackFlag[] {
  const all = FEEDBACK_ANSWERS.reduce((sum, a) => sum + counts[a], 0);
  if (all < t.minAnswers) return [];
  const flags: FeedbackFlag[] = [];
  if (counts['too-hard'] + counts.confusing >= t.hardShare * all) flags.push('hard');
  if (counts.scary >= t.scaryShare * all) flags.push('scary');
  return flags;
}

/**
 * Counts the stored answers per activity and version, from `since` (a day) when given, of the
 * `activities` named when given (an empty list counts nothing).
 */
export async function feedbackReport(
  db: Db,
  {
    since = null,
    activities: only,
  }: { since?: string | null; activities?: readonly string[] } = {},
): Promise<FeedbackReport> {
  if (only?.length === 0) return { since, thresholds: FEEDBACK_THRESHOLDS, activities: [] };
  // A report: read from a replica where there is one (DATABASE_READ_URL).
  let q = db.read
    .selectFrom('kite_feedback')
    .select((eb) => ['activity', 'activity_version', 'answer', eb.fn.countAll().as('n')])
    .groupBy(['activity', 'activity_version', 'answer']);
  if (since) q = q.where('day', '>=', since);
  if (only) q = q.where('activity', 'in', [...only]);
  const rows = await q.execute();
  const byKey = new Map<
    string,
    { activity: string; version: number; counts: Record<string, number> }
  >();
  for (const r of rows) {
    const version = Number(r.activity_version);
    const key = `${r.activity}\u0000${version}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = {
        activity: r.activity,
        version,
        counts: Object.fromEntries(FEEDBACK_ANSWERS.map((a) => [a, 0])),
      };
      byKey.set(key, entry);
    }
    // Only the known answers are ever stored (the route's schema); anything else is not counted.
    if (r.answer in entry.counts) entry.counts[r.answer] = Number(r.n);
  }
  const activities = [...byKey.values()]
    .sort((a, b) =>
      a.activity === b.activity ? b.version - a.version : a.activity < b.activity ? -1 : 1,
    )
    .map(({ activity, version, counts: c }): ActivityFeedback => {
      const counts = c as Record<FeedbackAnswer, number>;
      const answers = FEEDBACK_ANSWERS.reduce((sum, a) => sum + counts[a], 0);
      return {
        activity,
        version,
        answers,
        counts,
        tooHardShare: share(counts['too-hard'], answers),
        confusingShare: share(counts.confusing, answers),
        scaryShare: share(counts.scary, answers),
        flags: feedbackFlags(counts),
      };
    });
  return { since, thresholds: FEEDBACK_THRESHOLDS, activities };
}
