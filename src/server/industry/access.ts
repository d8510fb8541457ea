// Who sees an assessment (docs/industry.md, "Who sees what"): the company that owns it, always;
// coordinators and admins once it has been submitted (a draft is the company's alone, and so is
// one withdrawn before it was ever submitted). Anyone else is told it does not exist.

import type { Selectable } from 'kysely';
import type { KiteIndustryAssessmentTable } from '../../db/schema';
import type { DialogueActor, IndustryAnswer, ServiceProfile } from '../../engine';
import type { Actor } from '../accounts/policy';
import type { AuditEntry } from '../accounts/audit';
import { HttpError } from '../http/errors';
import type { IndustryContext } from './context';

export type AssessmentRow = Selectable<KiteIndustryAssessmentTable>;

/** The side of the dialogue a signed-in person is on: a company, or the coordinator's. */
export const sideOf = (actor: Pick<Actor, 'role'>): DialogueActor =>
  actor.role === 'company' ? 'company' : 'coordinator';

export const notFound = () => new HttpError(404, 'not_found', 'No such assessment');

/** The assessment `id` if `actor` may see it; else 404, whether or not it exists. */
export async function assessmentFor(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
): Promise<AssessmentRow> {
  const row = await ctx.db.kysely
    .selectFrom('kite_industry_assessment')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  if (sideOf(actor) === 'company' ? row.owner_id !== actor.id : row.submitted_at === null)
    throw notFound();
  return row;
}

/** The company's own assessment (the company side of a route that only companies call). */
export async function ownAssessment(
  ctx: IndustryContext,
  owner: string,
  id: string,
): Promise<AssessmentRow> {
  return assessmentFor(ctx, { id: owner, role: 'company' }, id);
}

export const profileOf = (row: AssessmentRow): ServiceProfile => ({
  features: JSON.parse(row.profile) as ServiceProfile['features'],
});

/** The saved answers of an assessment, as the engine reads them. */
export async function answersOf(
  ctx: IndustryContext,
  assessmentId: string,
): Promise<Map<string, IndustryAnswer>> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_industry_answer')
    .select(['question', 'level', 'na_reason'])
    .where('assessment_id', '=', assessmentId)
    .execute();
  return new Map(
    rows.map((r) => [
      r.question,
      r.level === null
        ? { level: 'na' as const, reason: r.na_reason ?? '' }
        : { level: r.level as 0 | 1 | 2 | 3 | 4 },
    ]),
  );
}

/** How many documents each question of an assessment has. */
export async function evidenceCounts(
  ctx: IndustryContext,
  assessmentId: string,
): Promise<Map<string, number>> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_industry_evidence')
    .select(['question'])
    .where('assessment_id', '=', assessmentId)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.question, (out.get(r.question) ?? 0) + 1);
  return out;
}

/** Records an industry event in the audit log: who, when, and the object acted on (IND-21). */
export function audited(
  ctx: IndustryContext,
  event: AuditEntry['event'],
  actorId: string,
  objectId: string,
  detail?: AuditEntry['detail'],
): Promise<void> {
  return ctx.audit.record(
    { event, outcome: 'ok', actorId, subjectId: objectId, ...(detail ? { detail } : {}) },
    ctx.now(),
  );
}
