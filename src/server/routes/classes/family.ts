import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClassesContext } from '../../classes/context';
import { createFamilyChild, familyChildren, leaveChild, requestLink } from '../../classes/family';
import { eraseLearner } from '../../classes/sync';
import { ErrorBodySchema } from '../../http/errors';
import { actorOf, guarded } from '../accounts/guard';
import {
  BandSchema,
  ChildLearnerSchema,
  ClassCode,
  FamilyChildSchema,
  Id,
  Lang,
  NicknameInput,
  NoticeVersion,
  PictureId,
} from './schemas';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  429: ErrorBodySchema,
};
const parents = guarded(['parent']);

/** A parent's children: made with consent, or linked to a class child; summaries only. */
export const familyRoutes =
  (ctx: ClassesContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['family'];
    app.get(
      '/api/family/children',
      {
        ...parents,
        schema: {
          tags,
          summary: "A parent's children with their progress summaries (never their answers)",
          response: { 200: z.object({ children: z.array(FamilyChildSchema) }), ...errors },
        },
      },
      async (request) => ({ children: await familyChildren(ctx, actorOf(request).id) }),
    );

    app.post(
      '/api/family/children',
      {
        ...parents,
        schema: {
          tags,
          summary:
            'Make a child profile with the parent’s consent recorded; this device becomes the child’s',
          body: z.strictObject({
            nickname: NicknameInput,
            avatar: PictureId,
            band: BandSchema,
            lang: Lang,
            noticeVersion: NoticeVersion,
          }),
          response: {
            201: z.object({ child: ChildLearnerSchema, token: z.string() }),
            ...errors,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send(await createFamilyChild(ctx, actorOf(request).id, request.body)),
    );

    app.delete(
      '/api/family/children/:learnerId',
      {
        ...parents,
        schema: {
          tags,
          summary:
            'Stop following a linked child, or erase a child the parent made (withdraws consent)',
          params: z.strictObject({ learnerId: Id }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const parent = actorOf(request).id;
        const kind = await leaveChild(ctx, parent, request.params.learnerId);
        if (kind === 'own') {
          await eraseLearner(ctx, request.params.learnerId);
          await ctx.audit.record(
            {
              event: 'child.erased',
              outcome: 'ok',
              actorId: parent,
              subjectId: request.params.learnerId,
              detail: { why: 'consent_withdrawn' },
            },
            ctx.now(),
          );
        }
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/family/links',
      {
        ...parents,
        schema: {
          tags,
          summary:
            'Ask to see a class child’s progress: the child confirms, then the teacher approves',
          body: z.strictObject({
            code: ClassCode,
            nickname: NicknameInput,
            noticeVersion: NoticeVersion,
          }),
          response: { 201: z.object({ link: z.object({ id: z.string() }) }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          link: await requestLink(ctx, actorOf(request).id, request.body, request.ip),
        }),
    );
  };
