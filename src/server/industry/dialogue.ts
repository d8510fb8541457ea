// The dialogue between a company and the coordinator (docs/industry.md, "The dialogue"): the
// engine's state machine decides every move; this adds what each move brings with it (the
// reviewer, deadlines, the clarification's question, the feedback letter) and the audit log.

import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { fromDbTime, toDbTime } from '../../db/time';
import { transitionProblem } from '../../engine';
import type { AssessmentState, Blocker } from '../../engine';
import type { Actor } from '../accounts/policy';
import { randomToken } from '../accounts/tokens';
import { HttpError } from '../http/errors';
import { assessmentFor, audited, sideOf } from './access';
import type { AssessmentRow } from './access';
import { blockersOf } from './assessments';
import { questionOf } from './answers';
import type { IndustryContext } from './context';

const DAY_MS = 86_400_000;
/** A clarification is due 20 working days after it is asked, unless the reviewer says. */
export const CLARIFICATION_WORKING_DAYS = 20;
/** The coordinator's review is due 30 days after it starts. */
export const REVIEW_DAYS = 30;

/** `days` working days (Monday to Friday, UTC) after `from`. */
export function addWorkingDays(from: number, days: number): number {
  let t = from;
  let left = days;
  while (left > 0) {
    t += DAY_MS;
    const wd = new Date(t).getUTCDay();
    if (wd !== 0 && wd !== 6) left -= 1;
  }
  return t;
}

export interface TransitionInput {
  readonly to: AssessmentState;
  readonly question?: string | undefined;
  readonly message?: string | undefined;
  readonly dueAt?: string | undefined;
  readonly feedbackLetter?: string | undefined;
}

export type TransitionResult =
  | { readonly ok: true; readonly state: AssessmentState }
  | { readonly ok: false; readonly blockers: Blocker[] };

/** A due time given as a day (`YYYY-MM-DD`, the end of that day UTC) or a full ISO time. */
export function dueTime(given: string): number {
  return /^\d{4}-\d{2}-\d{2}$/.test(given)
    ? Date.parse(`${given}T23:59:59.000Z`)
    : Date.parse(given);
}

function future(ctx: IndustryContext, given: string, what: string): number {
  const t = dueTime(given);
  if (!Number.isFinite(t) || t <= ctx.now())
    throw new HttpError(400, 'validation_failed', `${what} must be a time in the future`);
  return t;
}

async function closeDeadlines(
  tx: Transaction<Database>,
  row: AssessmentRow,
  at: string,
  kind?: 'clarification' | 'review',
) {
  let q = tx
    .updateTable('kite_industry_deadline')
    .set({ met_at: at })
    .where('assessment_id', '=', row.id)
    .where('met_at', 'is', null);
  if (kind) q = q.where('kind', '=', kind);
  await q.execute();
}

/** Moves an assessment along the workflow, if `actor` may make that move from where it is. */
export async function transition(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
  input: TransitionInput,
): Promise<TransitionResult> {
  const row = await assessmentFor(ctx, actor, id);
  const from = row.state as AssessmentState;
  const to = input.to;
  const problem = transitionProblem(from, to, sideOf(actor));
  if (problem === 'transition-not-allowed')
    throw new HttpError(409, 'transition_not_allowed', `An assessment ${from} cannot become ${to}`);
  if (problem === 'not-yours')
    throw new HttpError(403, 'not_yours', `The other side of the dialogue makes this move`);
  if (to === 'submitted') {
    const blockers = await blockersOf(ctx, row);
    if (blockers.length > 0) return { ok: false, blockers };
  }
  let clarification: { question: string; message: string; due: number } | undefined;
  if (to === 'clarification-requested') {
    const question = input.question?.trim();
    const message = input.message?.trim();
    if (!question || !message)
      throw new HttpError(
        400,
        'clarification_needs_question',
        'A clarification names the question and says what is asked',
      );
    questionOf(ctx, row, question);
    const due = input.dueAt
      ? future(ctx, input.dueAt, 'dueAt')
      : addWorkingDays(ctx.now(), CLARIFICATION_WORKING_DAYS);
    clarification = { question, message, due };
  }
  const letter = input.feedbackLetter?.trim();
  if (to === 'accepted' && !letter)
    throw new HttpError(
      400,
      'feedback_letter_required',
      'Accepting an assessment needs a feedback letter to the company',
    );
  const now = ctx.now();
  const at = toDbTime(now);
  let assigned = false;
  await ctx.db.kysely.transaction().execute(async (tx) => {
    const changes: Partial<AssessmentRow> = { state: to, updated_at: at };
    if (to === 'submitted') changes.submitted_at = at;
    if (to === 'in-review' && row.reviewer_id === null) {
      changes.reviewer_id = actor.id;
      assigned = true;
    }
    if (to === 'accepted') {
      changes.accepted_at = at;
      changes.feedback_letter = letter!;
    }
    const moved = await tx
      .updateTable('kite_industry_assessment')
      .set(changes)
      .where('id', '=', row.id)
      .where('state', '=', from)
      .executeTakeFirst();
    // Someone else moved it first: this move was made from a state it is no longer in.
    if (Number(moved.numUpdatedRows) !== 1)
      throw new HttpError(409, 'transition_not_allowed', 'The assessment has just changed');
    if (to === 'in-review') {
      const open = await tx
        .selectFrom('kite_industry_deadline')
        .select('id')
        .where('assessment_id', '=', row.id)
        .where('kind', '=', 'review')
        .where('met_at', 'is', null)
        .executeTakeFirst();
      if (!open)
        await tx
          .insertInto('kite_industry_deadline')
          .values({
            id: randomToken(),
            assessment_id: row.id,
            kind: 'review',
            question: null,
            due_at: toDbTime(now + REVIEW_DAYS * DAY_MS),
            reminded_14_at: null,
            reminded_3_at: null,
            overdue_at: null,
            met_at: null,
            created_at: at,
          })
          .execute();
    }
    if (clarification) {
      await tx
        .insertInto('kite_industry_comment')
        .values({
          id: randomToken(),
          assessment_id: row.id,
          question: clarification.question,
          parent_id: null,
          author_id: actor.id,
          visibility: 'company',
          body: clarification.message,
          resolved_at: null,
          created_at: at,
        })
        .execute();
      await tx
        .insertInto('kite_industry_deadline')
        .values({
          id: randomToken(),
          assessment_id: row.id,
          kind: 'clarification',
          question: clarification.question,
          due_at: toDbTime(clarification.due),
          reminded_14_at: null,
          reminded_3_at: null,
          overdue_at: null,
          met_at: null,
          created_at: at,
        })
        .execute();
    }
    if (to === 'responded') await closeDeadlines(tx, row, at, 'clarification');
    if (to === 'accepted') await closeDeadlines(tx, row, at, 'review');
    if (to === 'withdrawn') await closeDeadlines(tx, row, at);
  });
  await audited(ctx, 'industry.state_changed', actor.id, row.id, { from, to });
  if (assigned) await audited(ctx, 'industry.reviewer_assigned', actor.id, row.id);
  return { ok: true, state: to };
}

/** Gives the review to another coordinator (or admin) of this deployment. */
export async function assignReviewer(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
  reviewerId: string,
): Promise<void> {
  const row = await assessmentFor(ctx, actor, id);
  const reviewer = await ctx.db.kysely
    .selectFrom('kite_user')
    .select(['id', 'role', 'status'])
    .where('id', '=', reviewerId)
    .executeTakeFirst();
  if (
    !reviewer ||
    reviewer.status !== 'active' ||
    !['coordinator', 'admin'].includes(reviewer.role)
  )
    throw new HttpError(400, 'validation_failed', 'The reviewer must be an active coordinator');
  await ctx.db.kysely
    .updateTable('kite_industry_assessment')
    .set({ reviewer_id: reviewer.id, updated_at: toDbTime(ctx.now()) })
    .where('id', '=', row.id)
    .execute();
  await audited(ctx, 'industry.reviewer_assigned', actor.id, row.id, { reviewer: reviewer.id });
}

export interface CommentInput {
  readonly question: string;
  readonly body: string;
  readonly visibility: 'company' | 'internal';
  readonly parentId?: string | undefined;
}

/** A comment on one question; a company writes only what it and the coordinator both see. */
export async function postComment(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
  input: CommentInput,
) {
  const row = await assessmentFor(ctx, actor, id);
  const side = sideOf(actor);
  if (side === 'company' && input.visibility !== 'company')
    throw new HttpError(403, 'forbidden', 'Internal notes are the coordinator’s');
  questionOf(ctx, row, input.question);
  if (input.parentId) {
    const parent = await ctx.db.kysely
      .selectFrom('kite_industry_comment')
      .select(['id', 'visibility'])
      .where('id', '=', input.parentId)
      .where('assessment_id', '=', row.id)
      .executeTakeFirst();
    if (!parent || (side === 'company' && parent.visibility !== 'company'))
      throw new HttpError(404, 'not_found', 'No such comment');
  }
  const at = toDbTime(ctx.now());
  const comment = {
    id: randomToken(),
    assessment_id: row.id,
    question: input.question,
    parent_id: input.parentId ?? null,
    author_id: actor.id,
    visibility: input.visibility,
    body: input.body,
    resolved_at: null,
    created_at: at,
  };
  await ctx.db.kysely.insertInto('kite_industry_comment').values(comment).execute();
  return {
    id: comment.id,
    question: comment.question,
    parentId: comment.parent_id,
    author: side,
    visibility: comment.visibility,
    body: comment.body,
    resolvedAt: null,
    createdAt: at,
  };
}

/** Marks a comment resolved (one the caller may see). */
export async function resolveComment(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  commentId: string,
): Promise<string> {
  const c = await ctx.db.kysely
    .selectFrom('kite_industry_comment')
    .select(['id', 'assessment_id', 'visibility', 'resolved_at'])
    .where('id', '=', commentId)
    .executeTakeFirst();
  const gone = () => new HttpError(404, 'not_found', 'No such comment');
  if (!c) throw gone();
  await assessmentFor(ctx, actor, c.assessment_id).catch(() => {
    throw gone();
  });
  if (sideOf(actor) === 'company' && c.visibility !== 'company') throw gone();
  const at = c.resolved_at === null ? toDbTime(ctx.now()) : toDbTime(fromDbTime(c.resolved_at));
  if (c.resolved_at === null)
    await ctx.db.kysely
      .updateTable('kite_industry_comment')
      .set({ resolved_at: at })
      .where('id', '=', c.id)
      .execute();
  return at;
}

async function deadlineFor(ctx: IndustryContext, actor: Pick<Actor, 'id' | 'role'>, id: string) {
  const d = await ctx.db.kysely
    .selectFrom('kite_industry_deadline')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  const gone = () => new HttpError(404, 'not_found', 'No such deadline');
  if (!d) throw gone();
  const row = await assessmentFor(ctx, actor, d.assessment_id).catch(() => {
    throw gone();
  });
  return { d, row };
}

const short = (s: string) => (s.length > 200 ? `${s.slice(0, 199)}…` : s);

/** A company asks for more time on a deadline, with its reason (IND-15). */
export async function requestExtension(
  ctx: IndustryContext,
  owner: string,
  deadlineId: string,
  input: { reason: string; newDue: string },
) {
  const { d, row } = await deadlineFor(ctx, { id: owner, role: 'company' }, deadlineId);
  if (d.met_at !== null) throw new HttpError(409, 'deadline_met', 'This deadline is behind you');
  const newDue = future(ctx, input.newDue, 'newDue');
  if (newDue <= fromDbTime(d.due_at))
    throw new HttpError(400, 'validation_failed', 'newDue must be later than the deadline');
  const at = toDbTime(ctx.now());
  const x = {
    id: randomToken(),
    deadline_id: d.id,
    requested_by: owner,
    reason: input.reason,
    old_due: toDbTime(fromDbTime(d.due_at)),
    new_due: toDbTime(newDue),
    decision: 'pending' as const,
    decided_by: null,
    decided_at: null,
    created_at: at,
  };
  await ctx.db.kysely.insertInto('kite_industry_extension').values(x).execute();
  await audited(ctx, 'industry.extension_requested', owner, row.id, {
    deadline: d.id,
    extension: x.id,
    reason: short(input.reason),
    newDue: x.new_due,
  });
  return {
    id: x.id,
    reason: x.reason,
    oldDue: x.old_due,
    newDue: x.new_due,
    decision: x.decision,
    decidedAt: null,
    createdAt: at,
  };
}

/** The coordinator grants (the deadline moves, its reminders start again) or refuses. */
export async function decideExtension(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  extensionId: string,
  decision: 'granted' | 'refused',
) {
  const x = await ctx.db.kysely
    .selectFrom('kite_industry_extension')
    .selectAll()
    .where('id', '=', extensionId)
    .executeTakeFirst();
  if (!x) throw new HttpError(404, 'not_found', 'No such extension');
  const { d, row } = await deadlineFor(ctx, actor, x.deadline_id).catch(() => {
    throw new HttpError(404, 'not_found', 'No such extension');
  });
  if (x.decision !== 'pending')
    throw new HttpError(409, 'already_decided', 'This request has been decided');
  const at = toDbTime(ctx.now());
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await tx
      .updateTable('kite_industry_extension')
      .set({ decision, decided_by: actor.id, decided_at: at })
      .where('id', '=', x.id)
      .execute();
    if (decision === 'granted')
      await tx
        .updateTable('kite_industry_deadline')
        .set({ due_at: x.new_due, reminded_14_at: null, reminded_3_at: null, overdue_at: null })
        .where('id', '=', d.id)
        .execute();
  });
  await audited(ctx, 'industry.extension_decided', actor.id, row.id, {
    deadline: d.id,
    extension: x.id,
    decision,
    reason: short(x.reason),
  });
  return { id: x.id, decision, decidedAt: at };
}
