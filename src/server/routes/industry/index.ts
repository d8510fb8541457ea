import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../http/errors';
import type { IndustryContext } from '../../industry/context';
import { listFrameworks, resolvedFramework } from '../../industry/frameworks';
import { createService, listServices, ownService, updateService } from '../../industry/services';
import { assessmentView, createAssessment, listAssessments } from '../../industry/assessments';
import { saveAction, saveAnswer } from '../../industry/answers';
import {
  assignReviewer,
  decideExtension,
  postComment,
  requestExtension,
  resolveComment,
  transition,
} from '../../industry/dialogue';
import { actorOf } from '../accounts/guard';
import { bothSides, companies, coordinators, errors, tags } from './common';
import { evidenceRoutes } from './evidence';
import { publicationRoutes } from './publication';
import { reportRoutes } from './report';
import {
  ActionBody,
  AnswerBody,
  AssessmentListItemSchema,
  AssessmentSchema,
  BlockerSchema,
  CommentBody,
  CommentSchema,
  CreateAssessmentBody,
  ExtensionBody,
  ExtensionSchema,
  FrameworkKey,
  FrameworkSchema,
  FrameworkSummarySchema,
  Id,
  Lang,
  QuestionId,
  ServiceBody,
  ServiceSchema,
  TransitionBody,
} from './schemas';

const AssessmentParams = z.strictObject({ id: Id });
const QuestionParams = z.strictObject({ id: Id, question: QuestionId });

/**
 * The industry self-assessment (docs/industry.md): frameworks, a company's services and
 * assessments, and the dialogue with the coordinator. In the accounts scope (session, CSRF);
 * a company reaches only its own things and is told others' do not exist.
 */
export const industryRoutes =
  (ctx: IndustryContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/industry/frameworks',
      {
        ...bothSides,
        schema: {
          tags,
          summary: 'The self-assessment frameworks, each version',
          response: { 200: z.object({ frameworks: z.array(FrameworkSummarySchema) }), ...errors },
        },
      },
      async () => ({ frameworks: listFrameworks(ctx) }),
    );

    app.get(
      '/api/industry/frameworks/:key',
      {
        ...bothSides,
        schema: {
          tags,
          summary: 'A framework version with its texts in a language (English where untranslated)',
          params: z.strictObject({ key: FrameworkKey }),
          querystring: z.strictObject({ lang: Lang.optional() }),
          response: { 200: z.object({ framework: FrameworkSchema }), ...errors },
        },
      },
      async (request) => ({
        framework: resolvedFramework(ctx, request.params.key, request.query.lang ?? 'en'),
      }),
    );

    app.get(
      '/api/industry/services',
      {
        ...companies,
        schema: {
          tags,
          summary: "The company's services",
          response: { 200: z.object({ services: z.array(ServiceSchema) }), ...errors },
        },
      },
      async (request) => ({ services: await listServices(ctx, actorOf(request).id) }),
    );

    app.post(
      '/api/industry/services',
      {
        ...companies,
        schema: {
          tags,
          summary: 'Add a service with its profile (type, features, share of child users)',
          body: ServiceBody,
          response: { 201: z.object({ service: ServiceSchema }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ service: await createService(ctx, actorOf(request).id, request.body) }),
    );

    app.patch(
      '/api/industry/services/:id',
      {
        ...companies,
        schema: {
          tags,
          summary: "Change a service's profile (assessments already made keep theirs)",
          params: AssessmentParams,
          body: ServiceBody.partial(),
          response: { 200: z.object({ service: ServiceSchema }), ...errors },
        },
      },
      async (request) => {
        const owner = actorOf(request).id;
        await ownService(ctx, owner, request.params.id);
        return { service: await updateService(ctx, owner, request.params.id, request.body) };
      },
    );

    app.get(
      '/api/industry/assessments',
      {
        ...bothSides,
        schema: {
          tags,
          summary: "A company's own assessments; for coordinators, every submitted one (the queue)",
          response: {
            200: z.object({ assessments: z.array(AssessmentListItemSchema) }),
            ...errors,
          },
        },
      },
      async (request) => ({ assessments: await listAssessments(ctx, actorOf(request)) }),
    );

    app.post(
      '/api/industry/assessments',
      {
        ...companies,
        schema: {
          tags,
          summary:
            'Start an assessment of a service, or the next version of an accepted one (its answers copied)',
          body: CreateAssessmentBody,
          response: { 201: z.object({ assessment: AssessmentSchema }), ...errors },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const row = await createAssessment(ctx, actor.id, request.body);
        return reply.code(201).send({ assessment: await assessmentView(ctx, actor, row.id) });
      },
    );

    app.get(
      '/api/industry/assessments/:id',
      {
        ...bothSides,
        schema: {
          tags,
          summary:
            'An assessment: answers, documents, comments, deadlines, action plan, score, what blocks submitting',
          params: AssessmentParams,
          response: { 200: z.object({ assessment: AssessmentSchema }), ...errors },
        },
      },
      async (request) => ({
        assessment: await assessmentView(ctx, actorOf(request), request.params.id),
      }),
    );

    app.put(
      '/api/industry/assessments/:id/answers/:question',
      {
        ...companies,
        schema: {
          tags,
          summary:
            'Answer a question: a level 0–4, or N/A with a reason (new answers are confidential)',
          params: QuestionParams,
          body: AnswerBody,
          response: { 200: z.object({ assessment: AssessmentSchema }), ...errors },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        await saveAnswer(ctx, actor.id, request.params.id, request.params.question, request.body);
        return { assessment: await assessmentView(ctx, actor, request.params.id) };
      },
    );

    app.put(
      '/api/industry/assessments/:id/actions/:question',
      {
        ...companies,
        schema: {
          tags,
          summary: 'Set the action plan for a gap: owner (a role or team), due day, status',
          params: QuestionParams,
          body: ActionBody,
          response: {
            200: z.object({
              action: z.object({ owner: z.string(), due: z.string(), status: z.string() }),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        await saveAction(
          ctx,
          actorOf(request).id,
          request.params.id,
          request.params.question,
          request.body,
        );
        return { action: request.body };
      },
    );

    app.post(
      '/api/industry/assessments/:id/transitions',
      {
        ...bothSides,
        schema: {
          tags,
          summary:
            'Move the assessment along the workflow (submit, start review, ask a clarification, respond, accept, …)',
          params: AssessmentParams,
          body: TransitionBody,
          response: {
            200: z.object({ assessment: AssessmentSchema }),
            ...errors,
            409: ErrorBodySchema.extend({ blockers: z.array(BlockerSchema).optional() }),
          },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const done = await transition(ctx, actor, request.params.id, request.body);
        if (!done.ok)
          return reply.code(409).send({
            error: {
              code: 'submission_blocked',
              message: `Not ready to submit: ${done.blockers
                .map((b) => `${b.question} (${b.code})`)
                .join(', ')}`,
            },
            blockers: done.blockers,
          });
        return { assessment: await assessmentView(ctx, actor, request.params.id) };
      },
    );

    app.post(
      '/api/industry/assessments/:id/reviewer',
      {
        ...coordinators,
        schema: {
          tags,
          summary: 'Give the review of a submitted assessment to another coordinator',
          params: AssessmentParams,
          body: z.strictObject({ reviewerId: Id }),
          response: { 200: z.object({ reviewerId: z.string() }), ...errors },
        },
      },
      async (request) => {
        await assignReviewer(ctx, actorOf(request), request.params.id, request.body.reviewerId);
        return { reviewerId: request.body.reviewerId };
      },
    );

    app.post(
      '/api/industry/assessments/:id/comments',
      {
        ...bothSides,
        schema: {
          tags,
          summary: 'Comment on a question (coordinators may keep a note internal)',
          params: AssessmentParams,
          body: CommentBody,
          response: { 201: z.object({ comment: CommentSchema }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          comment: await postComment(ctx, actorOf(request), request.params.id, request.body),
        }),
    );

    app.post(
      '/api/industry/comments/:id/resolve',
      {
        ...bothSides,
        schema: {
          tags,
          summary: 'Mark a comment resolved',
          params: AssessmentParams,
          response: { 200: z.object({ resolvedAt: z.string() }), ...errors },
        },
      },
      async (request) => ({
        resolvedAt: await resolveComment(ctx, actorOf(request), request.params.id),
      }),
    );

    app.post(
      '/api/industry/deadlines/:id/extensions',
      {
        ...companies,
        schema: {
          tags,
          summary: 'Ask for more time on a deadline, saying why',
          params: AssessmentParams,
          body: ExtensionBody,
          response: { 201: z.object({ extension: ExtensionSchema }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          extension: await requestExtension(
            ctx,
            actorOf(request).id,
            request.params.id,
            request.body,
          ),
        }),
    );

    app.post(
      '/api/industry/extensions/:id/decision',
      {
        ...coordinators,
        schema: {
          tags,
          summary: 'Grant or refuse a request for more time',
          params: AssessmentParams,
          body: z.strictObject({ decision: z.enum(['granted', 'refused']) }),
          response: {
            200: z.object({
              extension: z.object({
                id: z.string(),
                decision: z.enum(['granted', 'refused']),
                decidedAt: z.string(),
              }),
            }),
            ...errors,
          },
        },
      },
      async (request) => ({
        extension: await decideExtension(
          ctx,
          actorOf(request),
          request.params.id,
          request.body.decision,
        ),
      }),
    );

    await app.register(evidenceRoutes(ctx));
    await app.register(reportRoutes(ctx));
    await app.register(publicationRoutes(ctx));
  };
