import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLICATION_STATES } from '../../../engine';
import { ErrorBodySchema } from '../../http/errors';
import type { IndustryContext } from '../../industry/context';
import {
  answerPublication,
  proposePublication,
  publicRegister,
  publicationOf,
  publishPublication,
  withdrawPublication,
} from '../../industry/publication';
import { listReviewers } from '../../industry/reviewers';
import { actorOf, guarded } from '../accounts/guard';
import { bothSides, companies, coordinators, errors, tags } from './common';
import { Id, Lang, plain, prose } from './schemas';

const Params = z.strictObject({ id: Id });
const Level = z.union([z.number().int(), z.literal('na')]);

const PublicationContentSchema = z
  .object({
    organisation: z.string(),
    service: z.object({ name: z.string(), type: z.string() }),
    framework: z.string(),
    acceptedAt: z.string(),
    overall: z.number().nullable(),
    maturity: z.number().int().nullable(),
    criticalCap: z.boolean(),
    sections: z.array(z.object({ section: z.string(), percent: z.number().nullable() })),
    answers: z.array(z.object({ question: z.string(), level: Level })),
  })
  .meta({ id: 'IndustryPublicationContent' });

const PublicationSchema = z
  .object({
    id: z.string(),
    assessmentId: z.string(),
    state: z.enum(PUBLICATION_STATES),
    content: PublicationContentSchema,
    proposedAt: z.string(),
    windowEndsAt: z.string(),
    consentedAt: z.string().nullable(),
    objection: z.string().nullable(),
    objectedAt: z.string().nullable(),
    publishedAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
  })
  .meta({ id: 'IndustryPublication' });

const One = z.object({ publication: PublicationSchema });
const NoBody = z.strictObject({});

/**
 * Reviewers to give a review to, and publication on the public register (IND-19,
 * docs/industry.md "Publication"): the coordinator proposes, the company reads and answers
 * within 15 days, the coordinator publishes or withdraws; anyone reads the register.
 */
export const publicationRoutes =
  (ctx: IndustryContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/industry/reviewers',
      {
        ...coordinators,
        schema: {
          tags,
          summary: 'The coordinators and admins a review can be given to',
          response: {
            200: z.object({ reviewers: z.array(z.object({ id: z.string(), name: z.string() })) }),
            ...errors,
          },
        },
      },
      async () => ({ reviewers: await listReviewers(ctx) }),
    );

    app.get(
      '/api/industry/assessments/:id/publication',
      {
        ...bothSides,
        schema: {
          tags,
          summary: 'The latest proposal to publish this assessment, and what became of it',
          params: Params,
          response: { 200: z.object({ publication: PublicationSchema.nullable() }), ...errors },
        },
      },
      async (request) => ({
        publication: await publicationOf(ctx, actorOf(request), request.params.id),
      }),
    );

    app.post(
      '/api/industry/assessments/:id/publication',
      {
        ...coordinators,
        schema: {
          tags,
          summary: 'Propose to publish an accepted assessment under the organisation’s name',
          params: Params,
          body: z.strictObject({
            organisation: plain(120).describe('The name the public register shows'),
          }),
          response: { 201: One, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          publication: await proposePublication(
            ctx,
            actorOf(request),
            request.params.id,
            request.body.organisation,
          ),
        }),
    );

    app.post(
      '/api/industry/assessments/:id/publication/answer',
      {
        ...companies,
        schema: {
          tags,
          summary: 'The company agrees to the proposal now, or objects and says why',
          params: Params,
          body: z.union([
            z.strictObject({ consent: z.literal(true) }),
            z.strictObject({
              objection: prose(2000).refine((s) => s.trim() !== '', 'must not be empty'),
            }),
          ]),
          response: { 200: One, ...errors },
        },
      },
      async (request) => ({
        publication: await answerPublication(
          ctx,
          actorOf(request),
          request.params.id,
          'consent' in request.body
            ? { consent: true }
            : { objection: request.body.objection.trim() },
        ),
      }),
    );

    app.post(
      '/api/industry/assessments/:id/publication/publish',
      {
        ...coordinators,
        schema: {
          tags,
          summary: 'Publish the proposal once the company’s 15 days are over or it agreed',
          params: Params,
          body: NoBody,
          response: { 200: One, ...errors },
        },
      },
      async (request) => ({
        publication: await publishPublication(ctx, actorOf(request), request.params.id),
      }),
    );

    app.post(
      '/api/industry/assessments/:id/publication/withdraw',
      {
        ...coordinators,
        schema: {
          tags,
          summary: 'Take the proposal back, or the publication off the register',
          params: Params,
          body: NoBody,
          response: { 200: One, ...errors },
        },
      },
      async (request) => ({
        publication: await withdrawPublication(ctx, actorOf(request), request.params.id),
      }),
    );

    app.get(
      '/api/industry/register',
      {
        ...guarded('public'),
        schema: {
          tags,
          summary: 'The public register: the assessments published under their companies’ names',
          security: [],
          querystring: z.strictObject({ lang: Lang.optional() }),
          response: {
            200: z.object({
              entries: z.array(
                z.object({
                  id: z.string(),
                  publishedAt: z.string(),
                  content: PublicationContentSchema,
                  texts: z.object({
                    framework: z.string(),
                    sections: z.record(z.string(), z.string()),
                    questions: z.record(z.string(), z.string()),
                  }),
                }),
              ),
            }),
            400: ErrorBodySchema,
          },
        },
      },
      async (request) => ({ entries: await publicRegister(ctx, request.query.lang ?? 'en') }),
    );
  };
