// An assessment report as rows for a spreadsheet (IND-09): one row per question asked of the
// service, then a summary of the sections, the overall score and the maturity. The words
// (column headings, N/A, yes/no, statuses) and the framework's texts in the report's language
// come from the caller, so the engine stays free of UI strings. `csv.ts` writes the rows.

import { applicableQuestions } from './applicable';
import type { AssessmentScore } from './score';
import type { IndustryAnswer, IndustryFramework, ServiceProfile } from './types';
import type { Text } from '../types/text';

/** How far a line of the action plan is (IND-23). */
export const ACTION_STATUSES = ['open', 'in-progress', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** One line of the action plan: who (a role or team, not a person's email), by when, how far. */
export interface ActionItem {
  readonly owner: string;
  /** YYYY-MM-DD */
  readonly due: string;
  readonly status: ActionStatus;
}

/** Whether an action is past its due date and not done, on `today` (YYYY-MM-DD). */
export const actionOverdue = (action: ActionItem, today: string): boolean =>
  action.status !== 'done' && action.due < today;

/** The fixed words of the spreadsheet, in the report's language. */
export interface ReportCsvLabels {
  readonly section: string;
  readonly question: string;
  readonly questionText: string;
  readonly answer: string;
  readonly reason: string;
  readonly weight: string;
  readonly critical: string;
  readonly priority: string;
  readonly recommendation: string;
  readonly resources: string;
  readonly actionOwner: string;
  readonly actionDue: string;
  readonly actionStatus: string;
  readonly notApplicable: string;
  readonly yes: string;
  readonly no: string;
  readonly status: Readonly<Record<ActionStatus, string>>;
  readonly sectionWeight: string;
  readonly percent: string;
  readonly answered: string;
  readonly overall: string;
  readonly maturity: string;
}

export interface ReportTexts {
  /** A framework text in the report's language (falling back to English). */
  readonly text: (t: Text) => string;
  readonly labels: ReportCsvLabels;
}

/** A percentage as the report writes it: one decimal, a dot, no sign; empty when none. */
export const formatPercent = (p: number | null): string =>
  p === null ? '' : (Math.round(p * 10) / 10).toFixed(1);

/**
 * The report's rows: a heading row and one row per question asked of the service, in the
 * framework's order (section, question id, its text, the answer — a level, N/A or empty when
 * unanswered —, the N/A reason, weight, critical, the gap's priority and recommendation and
 * resources when the answer is below its target, and the action planned for it); then an empty
 * row and the summary: a heading row, one row per section of the framework (every section, even
 * one with no score, IND-09), the overall score and the maturity level.
 */
export function assessmentRows(
  framework: IndustryFramework,
  profile: ServiceProfile,
  answers: ReadonlyMap<string, IndustryAnswer>,
  score: AssessmentScore,
  actions: ReadonlyMap<string, ActionItem>,
  { text, labels: l }: ReportTexts,
): string[][] {
  const sectionTitle = new Map(framework.sections.map((s) => [s.id, text(s.title)]));
  const gaps = new Map(score.gaps.map((g) => [g.question, g]));
  const rows: string[][] = [
    [
      l.section,
      l.question,
      l.questionText,
      l.answer,
      l.reason,
      l.weight,
      l.critical,
      l.priority,
      l.recommendation,
      l.resources,
      l.actionOwner,
      l.actionDue,
      l.actionStatus,
    ],
  ];
  for (const q of applicableQuestions(framework, profile)) {
    const a = answers.get(q.id);
    const gap = gaps.get(q.id);
    const action = actions.get(q.id);
    rows.push([
      sectionTitle.get(q.section) ?? q.section,
      q.id,
      text(q.text),
      a === undefined ? '' : a.level === 'na' ? l.notApplicable : String(a.level),
      a?.level === 'na' ? a.reason : '',
      String(q.weight),
      q.critical ? l.yes : l.no,
      gap ? String(gap.priority) : '',
      gap ? text(gap.recommendation.text) : '',
      gap ? gap.recommendation.resources.join(' ') : '',
      action?.owner ?? '',
      action?.due ?? '',
      action ? l.status[action.status] : '',
    ]);
  }
  rows.push([], [l.section, l.sectionWeight, l.percent, l.answered, l.notApplicable]);
  for (const s of framework.sections) {
    const got = score.sections.find((x) => x.section === s.id);
    rows.push([
      sectionTitle.get(s.id)!,
      String(s.weight),
      formatPercent(got?.percent ?? null),
      String(got?.answered ?? 0),
      String(got?.notApplicable ?? 0),
    ]);
  }
  rows.push([l.overall, '100', formatPercent(score.overall)]);
  rows.push([l.maturity, '', score.maturity === null ? '' : String(score.maturity)]);
  return rows;
}
