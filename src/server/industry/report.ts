// The assessment's report (PDF, CSV), its changes since the version it follows, and the sector
// statistics: the data gathered here, the folds and layout in the engine and report-pdf.ts.

import { fromDbTime, toDbTime } from '../../db/time';
import { assessmentChanges, scoreAssessment, sectorStatistics, translatorFor } from '../../engine';
import type {
  ActionItem,
  ActionStatus,
  AssessmentState,
  LocaleCode,
  StatisticsEntry,
} from '../../engine';
import type { Actor } from '../accounts/policy';
import { HttpError } from '../http/errors';
import { PdfBusyError } from '../pdf/pool';
import { answersOf, assessmentFor, audited, profileOf } from './access';
import type { AssessmentRow } from './access';
import type { IndustryContext } from './context';
import { frameworkOf } from './frameworks';
import { assessmentReportCsv, assessmentReportModel } from './report-pdf';
import type { AssessmentReportInput } from './report-pdf';
import { reportStrings } from './report-strings';

async function actionsOf(ctx: IndustryContext, id: string): Promise<Map<string, ActionItem>> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_industry_action')
    .select(['question', 'owner', 'due', 'status'])
    .where('assessment_id', '=', id)
    .execute();
  return new Map(
    rows.map((r) => [r.question, { owner: r.owner, due: r.due, status: r.status as ActionStatus }]),
  );
}

async function reportInput(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  row: AssessmentRow,
  lang: string,
): Promise<AssessmentReportInput> {
  const service = await ctx.db.kysely
    .selectFrom('kite_industry_service')
    .select(['name', 'type'])
    .where('id', '=', row.service_id)
    .executeTakeFirstOrThrow();
  const when = row.accepted_at ?? row.submitted_at ?? row.created_at;
  return {
    framework: frameworkOf(ctx, row.framework),
    text: translatorFor(ctx.catalogue, lang as LocaleCode),
    profile: profileOf(row),
    answers: await answersOf(ctx, row.id),
    actions: await actionsOf(ctx, row.id),
    service,
    state: row.state as AssessmentState,
    date: toDbTime(fromDbTime(when)),
    today: toDbTime(ctx.now()).slice(0, 10),
    feedbackLetter: row.feedback_letter,
    changes: row.previous_id === null ? null : await changesAgainst(ctx, actor, row),
    strings: reportStrings(ctx.catalogue, lang),
  };
}

/** The report as CSV, for the company or the coordinator; the export is audit-logged. */
export async function reportCsv(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
  lang: string,
): Promise<string> {
  const row = await assessmentFor(ctx, actor, id);
  const csv = assessmentReportCsv(await reportInput(ctx, actor, row, lang));
  await audited(ctx, 'industry.exported', actor.id, row.id, { format: 'csv', lang });
  return csv;
}

/** The report as PDF, rendered by the shared renderer (503 when it is busy or absent). */
export async function reportPdf(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
  lang: string,
): Promise<Buffer> {
  const row = await assessmentFor(ctx, actor, id);
  if (!ctx.renderer)
    throw new HttpError(503, 'report_unavailable', 'Reports cannot be printed here');
  let bytes: Buffer;
  try {
    bytes = await ctx.renderer.render(
      assessmentReportModel(await reportInput(ctx, actor, row, lang)),
    );
  } catch (e) {
    if (e instanceof PdfBusyError)
      throw new HttpError(503, 'server_busy', 'Many documents are being printed; try again soon', {
        'retry-after': String(e.retryAfterSeconds),
      });
    throw e;
  }
  await audited(ctx, 'industry.exported', actor.id, row.id, { format: 'pdf', lang });
  return bytes;
}

const sideOfRow = async (ctx: IndustryContext, r: AssessmentRow) => ({
  framework: frameworkOf(ctx, r.framework),
  profile: profileOf(r),
  answers: await answersOf(ctx, r.id),
});

/** The changes of `row` against the version it follows (which `actor` may see). */
async function changesAgainst(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  row: AssessmentRow,
) {
  const prev = await assessmentFor(ctx, actor, row.previous_id!);
  return {
    previous: prev.id,
    ...assessmentChanges(await sideOfRow(ctx, prev), await sideOfRow(ctx, row)),
  };
}

/** What changed since the version this assessment follows (404 when it follows none). */
export async function changesOf(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
) {
  const row = await assessmentFor(ctx, actor, id);
  if (row.previous_id === null)
    throw new HttpError(404, 'not_found', 'This assessment does not follow an earlier one');
  return changesAgainst(ctx, actor, row);
}

/**
 * Sector statistics (IND-18): every accepted assessment (accepted, then monitored or closed),
 * of one framework version or all; the engine keeps each company's latest of each year and
 * shows no group of fewer than five companies.
 */
export async function statistics(ctx: IndustryContext, framework?: string) {
  if (framework !== undefined) frameworkOf(ctx, framework);
  // Sector statistics read a replica where there is one (DATABASE_READ_URL).
  let q = ctx.db.read
    .selectFrom('kite_industry_assessment')
    .selectAll()
    .where('accepted_at', 'is not', null)
    .where('state', 'in', ['accepted', 'monitoring', 'closed']);
  if (framework !== undefined) q = q.where('framework', '=', framework);
  const rows = await q.orderBy('accepted_at').orderBy('id').execute();
  const entries: StatisticsEntry[] = [];
  for (const r of rows) {
    const f = ctx.catalogue.industry?.get(r.framework);
    if (!f) continue;
    const score = scoreAssessment(f, profileOf(r), await answersOf(ctx, r.id));
    entries.push({
      company: r.owner_id,
      year: new Date(fromDbTime(r.accepted_at!)).getUTCFullYear(),
      framework: r.framework,
      sections: score.sections,
      overall: score.overall,
      maturity: score.maturity,
    });
  }
  return sectorStatistics(entries);
}
