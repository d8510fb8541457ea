// Naming a company on the public register (IND-19, docs/industry.md "Publication"): the
// coordinator proposes, the company has 15 days to read exactly what would be shown and to
// object or consent, and only then may the coordinator publish. Every move is audited.

import { fromDbTime, toDbTime } from '../../db/time';
import { publicationContent, publicationWindowEnd, publishProblem } from '../../engine';
import type {
  Confidentiality,
  PublicationContent,
  PublicationRecord,
  PublicationState,
  PublishProblem,
  RegisterEntry,
  RegisterTexts,
} from '../../engine';
import type { Actor } from '../accounts/policy';
import { randomToken } from '../accounts/tokens';
import { HttpError } from '../http/errors';
import { answersOf, assessmentFor, audited, profileOf } from './access';
import type { IndustryContext } from './context';
import { frameworkOf, resolvedFramework } from './frameworks';

type Who = Pick<Actor, 'id' | 'role'>;
const iso = (t: string | Date | null) => (t === null ? null : toDbTime(fromDbTime(t)));

/** A proposal or publication as both sides see it. */
export type PublicationView = PublicationRecord;

const PROBLEMS: Record<PublishProblem, string> = {
  publication_not_proposed: 'Only a proposal that is still open can be published',
  publication_window_open:
    'The company has 15 days to read the proposal; it can be published when they end or when the company agrees',
};

type Row = Awaited<ReturnType<typeof latestRow>>;

function latestRow(ctx: IndustryContext, assessmentId: string) {
  return ctx.db.kysely
    .selectFrom('kite_industry_publication')
    .selectAll()
    .where('assessment_id', '=', assessmentId)
    .orderBy('proposed_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

function viewOf(r: NonNullable<Row>): PublicationView {
  return {
    id: r.id,
    assessmentId: r.assessment_id,
    state: r.state as PublicationState,
    content: JSON.parse(r.content) as PublicationContent,
    proposedAt: iso(r.proposed_at)!,
    windowEndsAt: iso(r.window_ends_at)!,
    consentedAt: iso(r.consented_at),
    objection: r.objection,
    objectedAt: iso(r.objected_at),
    publishedAt: iso(r.published_at),
    withdrawnAt: iso(r.withdrawn_at),
  };
}

/** The assessment's latest proposal, whatever became of it; null if none was ever made. */
export async function publicationOf(
  ctx: IndustryContext,
  actor: Who,
  assessmentId: string,
): Promise<PublicationView | null> {
  const a = await assessmentFor(ctx, actor, assessmentId);
  const r = await latestRow(ctx, a.id);
  return r ? viewOf(r) : null;
}

/** The open proposal or publication of an assessment `actor` may see; else 409. */
async function liveRow(ctx: IndustryContext, actor: Who, assessmentId: string) {
  const a = await assessmentFor(ctx, actor, assessmentId);
  const r = await latestRow(ctx, a.id);
  if (!r || r.state === 'withdrawn')
    throw new HttpError(409, 'publication_not_proposed', 'Nothing is proposed for publication');
  return r;
}

/**
 * The coordinator proposes to publish an accepted assessment under `organisation`, the name the
 * public will read. What the register would show is fixed now, so the company reads exactly
 * that; only answers the company marked public are in it.
 */
export async function proposePublication(
  ctx: IndustryContext,
  actor: Who,
  assessmentId: string,
  organisation: string,
): Promise<PublicationView> {
  const a = await assessmentFor(ctx, actor, assessmentId);
  if (a.state !== 'accepted' && a.state !== 'monitoring')
    throw new HttpError(
      409,
      'publication_not_allowed',
      'Only an accepted assessment can be proposed for publication',
    );
  const open = await latestRow(ctx, a.id);
  if (open && open.state !== 'withdrawn')
    throw new HttpError(
      409,
      'publication_exists',
      'This assessment is already proposed or published',
    );
  const service = await ctx.db.kysely
    .selectFrom('kite_industry_service')
    .select(['name', 'type'])
    .where('id', '=', a.service_id)
    .executeTakeFirstOrThrow();
  const classes = await ctx.db.kysely
    .selectFrom('kite_industry_answer')
    .select(['question', 'confidentiality'])
    .where('assessment_id', '=', a.id)
    .execute();
  const content = publicationContent({
    organisation,
    service,
    framework: frameworkOf(ctx, a.framework),
    frameworkKey: a.framework,
    acceptedAt: iso(a.accepted_at ?? a.updated_at)!,
    profile: profileOf(a),
    answers: await answersOf(ctx, a.id),
    confidentiality: new Map(
      classes.map((c) => [c.question, c.confidentiality as Confidentiality]),
    ),
  });
  const now = ctx.now();
  const id = randomToken();
  await ctx.db.kysely
    .insertInto('kite_industry_publication')
    .values({
      id,
      assessment_id: a.id,
      state: 'proposed',
      content: JSON.stringify(content),
      proposed_by: actor.id,
      proposed_at: toDbTime(now),
      window_ends_at: toDbTime(publicationWindowEnd(now)),
      notified_at: null,
      consented_at: null,
      objection: null,
      objected_at: null,
      published_by: null,
      published_at: null,
      withdrawn_by: null,
      withdrawn_at: null,
    })
    .execute();
  await audited(ctx, 'industry.publication_proposed', actor.id, a.id, { publication: id });
  return viewOf((await latestRow(ctx, a.id))!);
}

/** The company answers a proposal: agrees now, or objects with its reasons (kept, audited). */
export async function answerPublication(
  ctx: IndustryContext,
  company: Who,
  assessmentId: string,
  answer: { readonly consent: true } | { readonly objection: string },
): Promise<PublicationView> {
  const r = await liveRow(ctx, company, assessmentId);
  if (r.state !== 'proposed')
    throw new HttpError(409, 'publication_not_proposed', 'It has already been published');
  const at = toDbTime(ctx.now());
  const consent = 'consent' in answer;
  await ctx.db.kysely
    .updateTable('kite_industry_publication')
    .set(consent ? { consented_at: at } : { objection: answer.objection, objected_at: at })
    .where('id', '=', r.id)
    .execute();
  await audited(
    ctx,
    consent ? 'industry.publication_consented' : 'industry.publication_objected',
    company.id,
    assessmentId,
    { publication: r.id },
  );
  return viewOf((await latestRow(ctx, assessmentId))!);
}

/** The coordinator publishes a proposal once the company's window has closed or it agreed. */
export async function publishPublication(
  ctx: IndustryContext,
  actor: Who,
  assessmentId: string,
): Promise<PublicationView> {
  const r = await liveRow(ctx, actor, assessmentId);
  const now = ctx.now();
  const problem = publishProblem(
    {
      state: r.state as PublicationState,
      windowEndsAt: fromDbTime(r.window_ends_at),
      consentedAt: r.consented_at === null ? null : fromDbTime(r.consented_at),
    },
    now,
  );
  if (problem) throw new HttpError(409, problem, PROBLEMS[problem]);
  await ctx.db.kysely
    .updateTable('kite_industry_publication')
    .set({ state: 'published', published_at: toDbTime(now), published_by: actor.id })
    .where('id', '=', r.id)
    .where('state', '=', 'proposed')
    .execute();
  await audited(ctx, 'industry.publication_published', actor.id, assessmentId, {
    publication: r.id,
  });
  return viewOf((await latestRow(ctx, assessmentId))!);
}

/** The coordinator takes a proposal back, or a publication off the register. */
export async function withdrawPublication(
  ctx: IndustryContext,
  actor: Who,
  assessmentId: string,
): Promise<PublicationView> {
  const r = await liveRow(ctx, actor, assessmentId);
  await ctx.db.kysely
    .updateTable('kite_industry_publication')
    .set({ state: 'withdrawn', withdrawn_at: toDbTime(ctx.now()), withdrawn_by: actor.id })
    .where('id', '=', r.id)
    .execute();
  await audited(ctx, 'industry.publication_withdrawn', actor.id, assessmentId, {
    publication: r.id,
  });
  return viewOf((await latestRow(ctx, assessmentId))!);
}

function textsOf(ctx: IndustryContext, content: PublicationContent, lang: string): RegisterTexts {
  const f = ctx.catalogue.industry?.get(content.framework);
  if (!f) return { framework: content.framework, sections: {}, questions: {} };
  const r = resolvedFramework(ctx, content.framework, lang);
  return {
    framework: r.title,
    sections: Object.fromEntries(r.sections.map((x) => [x.id, x.title])),
    questions: Object.fromEntries(
      r.questions
        .filter((q) => content.answers.some((a) => a.question === q.id))
        .map((q) => [q.id, q.text]),
    ),
  };
}

/**
 * The public register: every publication in force, newest first, with its texts in `lang`.
 * Anyone may read it.
 */
export async function publicRegister(ctx: IndustryContext, lang = 'en'): Promise<RegisterEntry[]> {
  const rows = await ctx.db.kysely
    .selectFrom('kite_industry_publication')
    .select(['id', 'content', 'published_at'])
    .where('state', '=', 'published')
    .orderBy('published_at', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => {
    const content = JSON.parse(r.content) as PublicationContent;
    return {
      id: r.id,
      publishedAt: iso(r.published_at)!,
      content,
      texts: textsOf(ctx, content, lang),
    };
  });
}
