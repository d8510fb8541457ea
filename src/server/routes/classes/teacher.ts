import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ClassesContext } from '../../classes/context';
import { assign, classAssignments, unassign } from '../../classes/assignments';
import { approveLink, classLinks } from '../../classes/family';
import { classReport, reportCsv } from '../../classes/report';
import {
  addChildren,
  classChildren,
  createClass,
  createSchool,
  listClasses,
  listSchools,
  MAX_NEW_CHILDREN,
  ownChild,
  ownClassSummary,
  recordAgreement,
  renewPictures,
  revokeDevices,
} from '../../classes/roster';
import { eraseLearner } from '../../classes/sync';
import { loginCardsPdf, parentLetterPdf } from '../../classes/documents';
import { PAPERS, PdfBinarySchema } from '../library/query';
import { coded } from '../../http/input-errors';
import { ErrorBodySchema } from '../../http/errors';
import { DOCUMENT_ONLY_HEADERS } from '../../http/security-headers';
import { actorOf, guarded } from '../accounts/guard';
import {
  AgreedBy,
  AssignmentSchema,
  BandSchema,
  ClassChildSchema,
  ClassLinkSchema,
  ClassName,
  ClassReportSchema,
  ClassSummarySchema,
  Day,
  Id,
  Lang,
  NicknameInput,
  NoticeVersion,
  SchoolName,
  SchoolSchema,
} from './schemas';

const errors = {
  400: ErrorBodySchema,
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
};
const teachers = guarded(['teacher']);

/** A class document: never kept by any cache. */
function sendClassPdf(reply: FastifyReply, bytes: Buffer, filename: string) {
  return reply
    .headers(DOCUMENT_ONLY_HEADERS)
    .header('cache-control', 'no-store')
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${filename}"`)
    .send(bytes);
}
const ClassParams = z.strictObject({ classId: Id });
const ChildParams = z.strictObject({ classId: Id, learnerId: Id });

/** A teacher's schools, classes, children, assignments and reports (docs/classes.md). */
export const teacherRoutes =
  (ctx: ClassesContext): FastifyPluginAsyncZod =>
  async (app) => {
    const tags = ['classes'];
    app.get(
      '/api/schools',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'The schools a teacher may choose from',
          response: { 200: z.object({ schools: z.array(SchoolSchema) }), ...errors },
        },
      },
      async () => ({ schools: await listSchools(ctx) }),
    );

    app.post(
      '/api/schools',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'Add a school',
          body: z.strictObject({ name: SchoolName }),
          response: { 201: z.object({ school: SchoolSchema }), ...errors },
        },
      },
      async (request, reply) =>
        reply
          .code(201)
          .send({ school: await createSchool(ctx, actorOf(request).id, request.body.name) }),
    );

    app.put(
      '/api/schools/:schoolId/agreement',
      {
        ...teachers,
        schema: {
          tags,
          summary: "Record the school's agreement to use Kite for education only (PRIV-16)",
          params: z.strictObject({ schoolId: Id }),
          body: z.strictObject({ agreedBy: AgreedBy, noticeVersion: NoticeVersion }),
          response: { 200: z.object({ school: SchoolSchema }), ...errors },
        },
      },
      async (request) => ({
        school: await recordAgreement(
          ctx,
          actorOf(request).id,
          request.params.schoolId,
          request.body.agreedBy,
          request.body.noticeVersion,
        ),
      }),
    );

    app.get(
      '/api/classes',
      {
        ...teachers,
        schema: {
          tags,
          summary: "The teacher's classes",
          response: { 200: z.object({ classes: z.array(ClassSummarySchema) }), ...errors },
        },
      },
      async (request) => ({ classes: await listClasses(ctx, actorOf(request).id) }),
    );

    app.post(
      '/api/classes',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'Create a class in a school that has agreed',
          body: z.strictObject({ schoolId: Id, name: ClassName, band: BandSchema, lang: Lang }),
          response: { 201: z.object({ class: ClassSummarySchema }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({ class: await createClass(ctx, actorOf(request).id, request.body) }),
    );

    app.get(
      '/api/classes/:classId',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'A class with its children, assignments and family links',
          params: ClassParams,
          response: {
            200: z.object({
              class: ClassSummarySchema,
              children: z.array(ClassChildSchema),
              assignments: z.array(AssignmentSchema),
              links: z.array(ClassLinkSchema),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const teacher = actorOf(request).id;
        const { classId } = request.params;
        return {
          class: await ownClassSummary(ctx, teacher, classId),
          children: await classChildren(ctx, classId),
          assignments: await classAssignments(ctx, classId),
          links: await classLinks(ctx, classId),
        };
      },
    );

    app.post(
      '/api/classes/:classId/children',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'Add children by nickname only (each passes the personal-data filter)',
          params: ClassParams,
          body: z.strictObject({
            nicknames: z.array(NicknameInput).min(1).max(MAX_NEW_CHILDREN),
          }),
          response: { 201: z.object({ children: z.array(ClassChildSchema) }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          children: await addChildren(
            ctx,
            actorOf(request).id,
            request.params.classId,
            request.body.nicknames,
          ),
        }),
    );

    app.delete(
      '/api/classes/:classId/children/:learnerId',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'Erase a child for good: every record, on every device that syncs',
          params: ChildParams,
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        const { classId, learnerId } = request.params;
        const teacher = actorOf(request).id;
        await ownChild(ctx, teacher, classId, learnerId);
        await eraseLearner(ctx, learnerId);
        await ctx.audit.record(
          { event: 'child.erased', outcome: 'ok', actorId: teacher, subjectId: learnerId },
          ctx.now(),
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/classes/:classId/children/:learnerId/pictures',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'Give a child new pictures (their devices stay signed in)',
          params: ChildParams,
          response: { 200: z.object({ child: ClassChildSchema }), ...errors },
        },
      },
      async (request) => ({
        child: await renewPictures(
          ctx,
          actorOf(request).id,
          request.params.classId,
          request.params.learnerId,
        ),
      }),
    );

    app.delete(
      '/api/classes/:classId/children/:learnerId/devices',
      {
        ...teachers,
        schema: {
          tags,
          summary: "Sign every one of a child's devices out",
          params: ChildParams,
          response: { 200: z.object({ revoked: z.number().int() }), ...errors },
        },
      },
      async (request) => {
        const teacher = actorOf(request).id;
        const revoked = await revokeDevices(
          ctx,
          teacher,
          request.params.classId,
          request.params.learnerId,
        );
        await ctx.audit.record(
          {
            event: 'child.devices_revoked',
            outcome: 'ok',
            actorId: teacher,
            subjectId: request.params.learnerId,
            detail: { revoked },
          },
          ctx.now(),
        );
        return { revoked };
      },
    );

    app.post(
      '/api/classes/:classId/assignments',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'Assign an activity to the class (the date is for the teacher only)',
          params: ClassParams,
          body: z.strictObject({ activity: Id, due: Day.nullable().optional() }),
          response: { 201: z.object({ assignment: AssignmentSchema }), ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          assignment: await assign(
            ctx,
            actorOf(request).id,
            request.params.classId,
            request.body.activity,
            request.body.due ?? null,
          ),
        }),
    );

    app.delete(
      '/api/classes/:classId/assignments/:assignmentId',
      {
        ...teachers,
        schema: {
          tags,
          summary: 'Remove an assignment',
          params: z.strictObject({ classId: Id, assignmentId: Id }),
          response: { 204: z.null(), ...errors },
        },
      },
      async (request, reply) => {
        await unassign(
          ctx,
          actorOf(request).id,
          request.params.classId,
          request.params.assignmentId,
        );
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/api/classes/:classId/links/:linkId/approve',
      {
        ...teachers,
        schema: {
          tags,
          summary: "Approve a parent's link to a child of the class",
          params: z.strictObject({ classId: Id, linkId: Id }),
          response: { 200: z.object({ approved: z.literal(true) }), ...errors },
        },
      },
      async (request) => {
        await approveLink(ctx, actorOf(request).id, request.params.classId, request.params.linkId);
        return { approved: true as const };
      },
    );

    app.get(
      '/api/classes/:classId/report',
      {
        ...teachers,
        schema: {
          tags,
          summary: "The class's report: each child's progress and the most missed questions",
          params: ClassParams,
          response: { 200: ClassReportSchema, ...errors },
        },
      },
      async (request) => classReport(ctx, actorOf(request).id, request.params.classId),
    );

    app.get(
      '/api/classes/:classId/report.csv',
      {
        ...teachers,
        schema: {
          tags,
          summary: "The report's table as CSV (the same rows and values as the page)",
          params: ClassParams,
          produces: ['text/csv'],
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const report = await classReport(ctx, actorOf(request).id, request.params.classId);
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', 'attachment; filename="kite-report.csv"')
          .send(reportCsv(report));
      },
    );
    const PaperQuery = z.strictObject({
      paper: coded(
        z.enum(PAPERS).default('a4').describe('Paper size: A4 or US Letter'),
        'unsupported_paper',
        () => `paper must be ${PAPERS.join(' or ')}`,
      ),
    });
    const pdf = {
      200: { description: 'The PDF', content: { 'application/pdf': { schema: PdfBinarySchema } } },
      ...errors,
      503: ErrorBodySchema,
    };

    // The class's printed documents: about one class's children (the cards hold their picture
    // passwords), so kept by no cache.
    const documents = [
      {
        file: 'cards.pdf',
        summary: "Login cards, one per child: nickname, class code and the child's three pictures",
        render: loginCardsPdf,
        filename: 'kite-login-cards.pdf',
      },
      {
        file: 'letter.pdf',
        summary:
          'The letter for families: what Kite keeps about their child, why, and their rights',
        render: parentLetterPdf,
        filename: 'kite-letter-for-families.pdf',
      },
    ] as const;
    for (const doc of documents) {
      app.get(
        `/api/classes/:classId/${doc.file}`,
        {
          ...teachers,
          schema: {
            tags,
            summary: doc.summary,
            params: ClassParams,
            querystring: PaperQuery,
            produces: ['application/pdf'],
            response: pdf,
          },
        },
        async (request, reply) => {
          const bytes = await doc.render(
            ctx,
            actorOf(request).id,
            request.params.classId,
            request.query.paper,
          );
          return sendClassPdf(reply, bytes, doc.filename);
        },
      );
    }
  };
