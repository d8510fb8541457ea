// The teacher's class report (docs/classes.md): each child's numbers and stars folded from their
// events with the engine's code (the child's sky map shows the same stars), the most missed
// questions, and the CSV of exactly the table the page shows.

import { learnerReport, mostMissed, translatorFor } from '../../engine';
import type { Band, Catalogue, LocaleCode, TopicReport } from '../../engine';
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
  return {
    class: summary,
    topics: [...catalogue.topics.values()].map((t) => ({ id: t.id, title: text(t.title) })),
    children: rows,
    missed: mostMissed(events.values()).map((m) => {
      const activity = catalogue.activities.get(m.activity);
      return { ...m, title: activity ? text(activity.title) : m.activity };
    }),
  };
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
