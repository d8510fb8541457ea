import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromDbTime, toDbTime } from '../../db/time';
import { nextStates, scoreAssessment, submissionBlockers } from '../../engine';
import type { ActionStatus, AssessmentState, Blocker } from '../../engine';
import type { Actor } from '../accounts/policy';
import { randomToken } from '../accounts/tokens';
import { HttpError } from '../http/errors';
import {
  answersOf,
  assessmentFor,
  evidenceCounts,
  ownAssessment,
  profileOf,
  sideOf,
} from './access';
import type { AssessmentRow } from './access';
import type { IndustryContext } from './context';
import { frameworkOf } from './frameworks';
import type { Confidentiality } from './answers';
import { ownService, serviceOf } from './services';

const iso = (t: string | Date | null) => (t === null ? null : toDbTime(fromDbTime(t)));

/** States from which a company may start the next version of an assessment. */
const FINAL: readonly string[] = ['accepted', 'monitoring', 'closed'];

/** A new draft of the company's service against a framework version. */
export async function createAssessment(
  ctx: IndustryContext,
  owner: string,
  input: { serviceId: string; framework: string } | { previousId: string },
): Promise<AssessmentRow> {
  let serviceId: string;
  let framework: string;
  let previous: AssessmentRow | undefined;
  if ('previousId' in input) {
    previous = await ownAssessment(ctx, owner, input.previousId);
    if (!FINAL.includes(previous.state))
      throw new HttpError(
        409,
        'previous_not_final',
        'Only an accepted (or monitored, or closed) assessment can be followed by a new version',
      );
    serviceId = previous.service_id;
    framework = previous.framework;
  } else {
    serviceId = input.serviceId;
    framework = input.framework;
    frameworkOf(ctx, framework);
  }
  const service = await ownService(ctx, owner, serviceId);
  const at = toDbTime(ctx.now());
  const row: AssessmentRow = {
    id: randomToken(),
    service_id: service.id,
    owner_id: owner,
    framework,
    profile: JSON.stringify(service.features),
    state: 'draft',
    previous_id: previous?.id ?? null,
    reviewer_id: null,
    submitted_at: null,
    accepted_at: null,
    feedback_letter: null,
    created_at: at,
    updated_at: at,
  };
  const copied: { from: string; to: string }[] = [];
  await ctx.db.kysely.transaction().execute(async (tx) => {
    await tx.insertInto('kite_industry_assessment').values(row).execute();
    if (!previous) return;
    // A resubmission starts from the last version's answers and documents, which the
    // company then changes where things have changed.
    const answers = await tx
      .selectFrom('kite_industry_answer')
      .selectAll()
      .where('assessment_id', '=', previous.id)
      .execute();
    for (const a of answers)
      await tx
        .insertInto('kite_industry_answer')
        .values({ ...a, assessment_id: row.id, author_id: owner, updated_at: at })
        .execute();
    if (!ctx.evidenceDir) return;
    const docs = await tx
      .selectFrom('kite_industry_evidence')
      .selectAll()
      .where('assessment_id', '=', previous.id)
      .execute();
    for (const d of docs) {
      const id = randomToken();
      copied.push({ from: d.id, to: id });
      await tx
        .insertInto('kite_industry_evidence')
        .values({ ...d, id, assessment_id: row.id })
        .execute();
    }
  });
  for (const c of copied)
    copyFileSync(join(ctx.evidenceDir!, c.from), join(ctx.evidenceDir!, c.to));
  return row;
}

/** One line of a list of assessments. */
export interface AssessmentListItem {
  readonly id: string;
  readonly service: { readonly id: string; readonly name: string };
  readonly framework: string;
  readonly state: AssessmentState;
  readonly previousId: string | null;
  readonly submittedAt: string | null;
  readonly acceptedAt: string | null;
  readonly reviewer: { readonly id: string; readonly name: string } | null;
  /** The earliest deadline not yet met, if any. */
  readonly deadline: {
    readonly kind: string;
    readonly dueAt: string;
    readonly overdue: boolean;
  } | null;
}

/** A company's own assessments; for coordinators and admins, every one ever submitted. */
export async function listAssessments(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
): Promise<AssessmentListItem[]> {
  let q = ctx.db.kysely
    .selectFrom('kite_industry_assessment as a')
    .innerJoin('kite_industry_service as s', 's.id', 'a.service_id')
    .leftJoin('kite_user as r', 'r.id', 'a.reviewer_id')
    .select([
      'a.id',
      'a.framework',
      'a.state',
      'a.previous_id',
      'a.submitted_at',
      'a.accepted_at',
      'a.reviewer_id',
      's.id as service_id',
      's.name as service_name',
      'r.display_name as reviewer_name',
    ]);
  q =
    sideOf(actor) === 'company'
      ? q.where('a.owner_id', '=', actor.id).orderBy('a.created_at', 'desc')
      : q.where('a.submitted_at', 'is not', null).orderBy('a.submitted_at', 'desc');
  const rows = await q.orderBy('a.id').execute();
  const deadlines = rows.length
    ? await ctx.db.kysely
        .selectFrom('kite_industry_deadline')
        .select(['assessment_id', 'kind', 'due_at'])
        .where('met_at', 'is', null)
        .where(
          'assessment_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('due_at')
        .execute()
    : [];
  const now = ctx.now();
  return rows.map((r) => {
    const d = deadlines.find((x) => x.assessment_id === r.id);
    return {
      id: r.id,
      service: { id: r.service_id, name: r.service_name },
      framework: r.framework,
      state: r.state as AssessmentState,
      previousId: r.previous_id,
      submittedAt: iso(r.submitted_at),
      acceptedAt: iso(r.accepted_at),
      reviewer: r.reviewer_id === null ? null : { id: r.reviewer_id, name: r.reviewer_name ?? '' },
      deadline: d
        ? { kind: d.kind, dueAt: iso(d.due_at)!, overdue: fromDbTime(d.due_at) < now }
        : null,
    };
  });
}

/** The blockers of submitting the assessment now (IND-05). */
export async function blockersOf(ctx: IndustryContext, row: AssessmentRow): Promise<Blocker[]> {
  return submissionBlockers(
    frameworkOf(ctx, row.framework),
    profileOf(row),
    await answersOf(ctx, row.id),
    await evidenceCounts(ctx, row.id),
  );
}

/**
 * The whole assessment as `actor` may see it: answers, documents, comments (a company never
 * gets `internal` ones), deadlines with their extensions, the action plan, the score and gaps,
 * the blockers of submitting, and the states `actor` may move it to.
 */
export async function assessmentView(
  ctx: IndustryContext,
  actor: Pick<Actor, 'id' | 'role'>,
  id: string,
) {
  const row = await assessmentFor(ctx, actor, id);
  const side = sideOf(actor);
  const k = ctx.db.kysely;
  const framework = frameworkOf(ctx, row.framework);
  const profile = profileOf(row);
  const service = await k
    .selectFrom('kite_industry_service')
    .select(['id', 'name', 'type', 'features', 'child_share'])
    .where('id', '=', row.service_id)
    .executeTakeFirstOrThrow();
  const reviewer = row.reviewer_id
    ? await k
        .selectFrom('kite_user')
        .select(['id', 'display_name'])
        .where('id', '=', row.reviewer_id)
        .executeTakeFirst()
    : undefined;
  const answerRows = await k
    .selectFrom('kite_industry_answer')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .orderBy('question')
    .execute();
  const evidenceRows = await k
    .selectFrom('kite_industry_evidence')
    .select(['id', 'question', 'file_name', 'media_type', 'bytes', 'uploaded_at'])
    .where('assessment_id', '=', row.id)
    .orderBy('uploaded_at')
    .orderBy('id')
    .execute();
  let comments = k
    .selectFrom('kite_industry_comment')
    .selectAll()
    .where('assessment_id', '=', row.id);
  if (side === 'company') comments = comments.where('visibility', '=', 'company');
  const commentRows = await comments.orderBy('created_at').orderBy('id').execute();
  const deadlineRows = await k
    .selectFrom('kite_industry_deadline')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const extensionRows = deadlineRows.length
    ? await k
        .selectFrom('kite_industry_extension')
        .selectAll()
        .where(
          'deadline_id',
          'in',
          deadlineRows.map((d) => d.id),
        )
        .orderBy('created_at')
        .execute()
    : [];
  const actionRows = await k
    .selectFrom('kite_industry_action')
    .selectAll()
    .where('assessment_id', '=', row.id)
    .orderBy('question')
    .execute();
  const answers = await answersOf(ctx, row.id);
  const counts = new Map<string, number>();
  for (const e of evidenceRows) counts.set(e.question, (counts.get(e.question) ?? 0) + 1);
  const score = scoreAssessment(framework, profile, answers);
  const now = ctx.now();
  const group = <T extends { question: string }, U>(rows: readonly T[], f: (r: T) => U) => {
    const out: Record<string, U[]> = {};
    for (const r of rows) (out[r.question] ??= []).push(f(r));
    return out;
  };
  return {
    id: row.id,
    state: row.state as AssessmentState,
    framework: row.framework,
    service: serviceOf(service),
    profile: [...profile.features],
    previousId: row.previous_id,
    reviewer: reviewer ? { id: reviewer.id, name: reviewer.display_name } : null,
    submittedAt: iso(row.submitted_at),
    acceptedAt: iso(row.accepted_at),
    answers: Object.fromEntries(
      answerRows.map((a) => [
        a.question,
        {
          level: a.level === null ? ('na' as const) : a.level,
          reason: a.na_reason,
          narrative: a.narrative,
          confidentiality: a.confidentiality as Confidentiality,
          updatedAt: iso(a.updated_at)!,
        },
      ]),
    ),
    evidence: group(evidenceRows, (e) => ({
      id: e.id,
      fileName: e.file_name,
      mediaType: e.media_type,
      bytes: Number(e.bytes),
      uploadedAt: iso(e.uploaded_at)!,
    })),
    comments: commentRows.map((c) => ({
      id: c.id,
      question: c.question,
      parentId: c.parent_id,
      author: c.author_id === row.owner_id ? ('company' as const) : ('coordinator' as const),
      visibility: c.visibility as 'company' | 'internal',
      body: c.body,
      resolvedAt: iso(c.resolved_at),
      createdAt: iso(c.created_at)!,
    })),
    deadlines: deadlineRows.map((d) => ({
      id: d.id,
      kind: d.kind as 'clarification' | 'review',
      question: d.question,
      dueAt: iso(d.due_at)!,
      overdue: d.met_at === null && fromDbTime(d.due_at) < now,
      metAt: iso(d.met_at),
      extensions: extensionRows
        .filter((x) => x.deadline_id === d.id)
        .map((x) => ({
          id: x.id,
          reason: x.reason,
          oldDue: iso(x.old_due)!,
          newDue: iso(x.new_due)!,
          decision: x.decision as 'pending' | 'granted' | 'refused',
          decidedAt: iso(x.decided_at),
          createdAt: iso(x.created_at)!,
        })),
    })),
    actions: Object.fromEntries(
      actionRows.map((a) => [
        a.question,
        { owner: a.owner, due: a.due, status: a.status as ActionStatus },
      ]),
    ),
    score: {
      sections: [...score.sections],
      overall: score.overall,
      maturity: score.maturity,
      criticalCap: score.criticalCap,
      unanswered: [...score.unanswered],
      gaps: score.gaps.map((g) => ({
        question: g.question,
        section: g.section,
        level: g.level,
        target: g.target,
        priority: g.priority,
        critical: g.critical,
      })),
    },
    blockers: submissionBlockers(framework, profile, answers, counts),
    next: nextStates(row.state as AssessmentState, side),
    feedbackLetter: row.feedback_letter,
  };
}
