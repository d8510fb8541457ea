import { toDbTime } from '../../db/time';
import { answerProblem, appliesTo } from '../../engine';
import type { ActionItem, IndustryQuestion } from '../../engine';
import { HttpError, excerpt } from '../http/errors';
import { audited, ownAssessment, profileOf } from './access';
import type { AssessmentRow } from './access';
import type { IndustryContext } from './context';
import { frameworkOf } from './frameworks';

export { CONFIDENTIALITY } from '../../engine';
export type { Confidentiality } from '../../engine';
import type { Confidentiality } from '../../engine';

/** A question of the assessment's framework that its profile asks; else 400 `unknown_question`. */
export function questionOf(
  ctx: IndustryContext,
  row: AssessmentRow,
  question: string,
): IndustryQuestion {
  const q = frameworkOf(ctx, row.framework).questions.find((x) => x.id === question);
  if (!q || !appliesTo(q, profileOf(row)))
    throw new HttpError(
      400,
      'unknown_question',
      `"${excerpt(question)}" is not a question of this assessment`,
    );
  return q;
}

/**
 * Whether the company may change what it said on `question` now: anything in a draft; while a
 * clarification is requested, only the questions it was asked about (an open deadline).
 */
export async function assertEditable(
  ctx: IndustryContext,
  row: AssessmentRow,
  question: string,
): Promise<void> {
  if (row.state === 'draft') return;
  if (row.state === 'clarification-requested') {
    const open = await ctx.db.kysely
      .selectFrom('kite_industry_deadline')
      .select('id')
      .where('assessment_id', '=', row.id)
      .where('kind', '=', 'clarification')
      .where('question', '=', question)
      .where('met_at', 'is', null)
      .executeTakeFirst();
    if (open) return;
  }
  throw new HttpError(
    409,
    'not_editable',
    row.state === 'clarification-requested'
      ? 'Only the questions under clarification can be changed now'
      : 'A submitted assessment cannot be changed',
  );
}

export interface AnswerInput {
  readonly level: 0 | 1 | 2 | 3 | 4 | 'na';
  readonly reason?: string | undefined;
  readonly narrative?: string | undefined;
  readonly confidentiality?: Confidentiality | undefined;
}

/** Saves the company's answer to one question (IND-04); a new answer is confidential (IND-16). */
export async function saveAnswer(
  ctx: IndustryContext,
  owner: string,
  assessmentId: string,
  question: string,
  input: AnswerInput,
): Promise<void> {
  const row = await ownAssessment(ctx, owner, assessmentId);
  questionOf(ctx, row, question);
  const problem = answerProblem(input);
  if (problem === 'na-without-reason')
    throw new HttpError(400, 'na_without_reason', 'Say why the question does not apply');
  if (problem === 'not-on-scale')
    throw new HttpError(400, 'not_on_scale', 'An answer is a level from 0 to 4, or N/A');
  await assertEditable(ctx, row, question);
  const before = await ctx.db.kysely
    .selectFrom('kite_industry_answer')
    .select('confidentiality')
    .where('assessment_id', '=', row.id)
    .where('question', '=', question)
    .executeTakeFirst();
  const at = toDbTime(ctx.now());
  const values = {
    level: input.level === 'na' ? null : input.level,
    na_reason: input.level === 'na' ? input.reason!.trim() : null,
    narrative: input.narrative ?? null,
    confidentiality: input.confidentiality ?? before?.confidentiality ?? 'confidential',
    author_id: owner,
    updated_at: at,
  };
  await ctx.db.kysely.transaction().execute(async (tx) => {
    if (before)
      await tx
        .updateTable('kite_industry_answer')
        .set(values)
        .where('assessment_id', '=', row.id)
        .where('question', '=', question)
        .execute();
    else
      await tx
        .insertInto('kite_industry_answer')
        .values({ assessment_id: row.id, question, ...values })
        .execute();
    await tx
      .updateTable('kite_industry_assessment')
      .set({ updated_at: at })
      .where('id', '=', row.id)
      .execute();
  });
  if (before && before.confidentiality !== values.confidentiality)
    await audited(ctx, 'industry.confidentiality_changed', owner, row.id, {
      question,
      from: before.confidentiality,
      to: values.confidentiality,
    });
}

/** Sets one line of the action plan (who, by when, how far), in any state of the assessment. */
export async function saveAction(
  ctx: IndustryContext,
  owner: string,
  assessmentId: string,
  question: string,
  input: ActionItem,
): Promise<void> {
  const row = await ownAssessment(ctx, owner, assessmentId);
  questionOf(ctx, row, question);
  const at = toDbTime(ctx.now());
  const values = { owner: input.owner, due: input.due, status: input.status, updated_at: at };
  const r = await ctx.db.kysely
    .updateTable('kite_industry_action')
    .set(values)
    .where('assessment_id', '=', row.id)
    .where('question', '=', question)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0)
    await ctx.db.kysely
      .insertInto('kite_industry_action')
      .values({ assessment_id: row.id, question, ...values })
      .execute();
}
