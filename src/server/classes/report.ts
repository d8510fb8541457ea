// The teacher's class report (docs/classes.md): each child's numbers and stars folded from their
// events with the engine's code (the child's sky map shows the same stars), the most missed
// questions, and the CSV of exactly the table the page shows.

import {
  FEEDBACK_ANSWERS,
  isProgressFold,
  learnerReport,
  mostMissed,
  translatorFor,
} from '../../engine';
import type {
  ActivityId,
  Band,
  Catalogue,
  FeedbackAnswer,
  LocaleCode,
  TopicReport,
} from '../../engine';
import { FEEDBACK_THRESHOLDS, feedbackFlags, feedbackReport } from '../feedback/report';
import type { FeedbackFlag } from '../feedback/report';
import { HttpError } from '../http/errors';
import type { ClassesContext } from './context';
import { classChildren, ownClassSummary } from './roster';
import type { ClassSummary } from './roster';
import { eventsOf } from './sync';

export interface ReportChild {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly answers: number;
  readonly correct: number;
  readonly finished: number;
  /** The latest answer's device time (ISO), or null before the first. */
  readonly lastAt: string | null;
  readonly topics: TopicReport[];
}

export interface ClassReport {
  readonly class: ClassSummary;
  readonly topics: { readonly id: string; readonly title: string }[];
  readonly children: ReportChild[];
  readonly missed: {
    readonly activity: string;
    readonly title: string;
    readonly scene: string;
    readonly missed: number;
    readonly tried: number;
  }[];
  /** What children said of the activities this class played (see {@link classFeedback}). */
  readonly feedback: ReportFeedback[];
}

/** Children's feedback on one activity, every version and every child who answered. */
export interface ReportFeedback {
  readonly activity: string;
  readonly title: string;
  readonly answers: number;
  readonly counts: Readonly<Record<FeedbackAnswer, number>>;
  readonly flags: FeedbackFlag[];
}

function catalogueOf(ctx: ClassesContext): Catalogue {
  if (!ctx.catalogue) {
    throw new HttpError(503, 'server_busy', 'Reports need the content, which is not loaded');
  }
  return ctx.catalogue;
}

export async function classReport(
  ctx: ClassesContext,
  teacherId: string,
  classId: string,
): Promise<ClassReport> {
  const catalogue = catalogueOf(ctx);
  const summary = await ownClassSummary(ctx, teacherId, classId);
  const band = summary.band as Band;
  const text = translatorFor(catalogue, summary.lang as LocaleCode);
  const children = await classChildren(ctx, classId);
  const events = await eventsOf(
    ctx,
    children.map((c) => c.id),
  );
  const rows = children.map((c): ReportChild => {
    const r = learnerReport(events.get(c.id) ?? [], catalogue, band);
    return {
      id: c.id,
      nickname: c.nickname,
      avatar: c.avatar,
      answers: r.answers,
      correct: r.correct,
      finished: r.finished,
      lastAt: r.lastAt === null ? null : new Date(r.lastAt).toISOString(),
      topics: r.topics,
    };
  });
  const played = new Set<string>();
  for (const list of events.values()) {
    for (const e of list) {
      // A fold of dropped events played every activity its model has progress in.
      if (isProgressFold(e)) for (const a of Object.keys(e.activities)) played.add(a);
      else played.add(e.activity);
    }
  }
  return {
    class: summary,
    feedback: await classFeedback(ctx, catalogue, text, [...played].sort()),
    topics: [...catalogue.topics.values()].map((t) => ({ id: t.id, title: text(t.title) })),
    children: rows,
    missed: mostMissed(events.values()).map((m) => {
      const activity = catalogue.activities.get(m.activity);
      return { ...m, title: activity ? text(activity.title) : m.activity };
    }),
  };
}

/**
 * The feedback summary of a class report: for each activity the class has played, what
 * children said of it after playing — every child who answered, in this class or not, since
 * feedback carries no learner, class or device (COURSE-2). An activity is listed only from
 * {@link FEEDBACK_THRESHOLDS}' `minAnswers` answers on, so that a few answers of one class are
 * never shown as such; the most flagged and most answered come first.
 */
async function classFeedback(
  ctx: ClassesContext,
  catalogue: Catalogue,
  text: ReturnType<typeof translatorFor>,
  played: readonly string[],
): Promise<ReportFeedback[]> {
  const report = await feedbackReport(ctx.db, { activities: played });
  const byActivity = new Map<string, Record<FeedbackAnswer, number>>();
  for (const v of report.activities) {
    const sum =
      byActivity.get(v.activity) ??
      (Object.fromEntries(FEEDBACK_ANSWERS.map((a) => [a, 0])) as Record<FeedbackAnswer, number>);
    for (const a of FEEDBACK_ANSWERS) sum[a] += v.counts[a];
    byActivity.set(v.activity, sum);
  }
  return [...byActivity]
    .map(([activity, counts]): ReportFeedback => {
      const found = catalogue.activities.get(activity as ActivityId);
      return {
        activity,
        title: found ? text(found.title) : activity,
        answers: FEEDBACK_ANSWERS.reduce((n, a) => n + counts[a], 0),
        counts,
        flags: feedbackFlags(counts),
      };
    })
    .filter((f) => f.answers >= FEEDBACK_THRESHOLDS.minAnswers)
    .sort((a, b) => b.flags.length - a.flags.length || b.answers - a.answers);
}

/** A CSV field: quoted, and never read as a formula by a spreadsheet. */
function field(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

/** The report's table as CSV: the same columns and values as the page's table. */
export function reportCsv(report: ClassReport): string {
  const head = [
    'Nickname',
    'Answers',
    'Correct',
    'Activities finished',
    'Last answer',
    ...report.topics.flatMap((t) => [`${t.title}: stars`, `${t.title}: finished`]),
  ];
  const lines = report.children.map((c) => [
    c.nickname,
    c.answers,
    c.correct,
    c.finished,
    c.lastAt ?? '',
    ...c.topics.flatMap((t) => [`${t.mastered}/3`, `${t.finished}/${t.activities}`]),
  ]);
  return [head, ...lines].map((l) => l.map(field).join(',')).join('\r\n') + '\r\n';
}
