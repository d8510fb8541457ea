import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../http/errors';
import { DOCUMENT_ONLY_HEADERS } from '../../http/security-headers';
import type { IndustryContext } from '../../industry/context';
import { changesOf, reportCsv, reportPdf, statistics } from '../../industry/report';
import { actorOf } from '../accounts/guard';
import { PdfBinarySchema } from '../library/query';
import { bothSides, coordinators, errors, tags } from './common';
import { FrameworkKey, Id, Lang } from './schemas';

const Params = z.strictObject({ id: Id });
const LangQuery = z.strictObject({ lang: Lang.optional() });
const Value = z.union([z.number(), z.literal('na'), z.null()]);
const FromTo = <T extends z.ZodType>(t: T) => z.object({ from: t, to: t });

const ChangesSchema = z
  .object({
    previous: z.string(),
    answers: z.array(
      z.object({
        question: z.string(),
        section: z.string(),
        kind: z.enum(['changed', 'added', 'removed']),
        from: Value,
        to: Value,
      }),
    ),
    sections: z.array(
      z.object({ section: z.string(), from: z.number().nullable(), to: z.number().nullable() }),
    ),
    overall: FromTo(z.number().nullable()),
    maturity: FromTo(z.number().int().nullable()),
    criticalCap: FromTo(z.boolean()),
  })
  .meta({ id: 'IndustryChanges' });

const Cell = z.union([
  z.object({ suppressed: z.literal(true) }),
  z.object({
    suppressed: z.literal(false),
    companies: z.number().int(),
    levels: z.array(z.number().int()),
    median: z.number(),
  }),
]);

const StatisticsSchema = z
  .object({
    minGroup: z.number().int(),
    frameworks: z.array(
      z.object({
        framework: z.string(),
        years: z.array(
          z.object({
            year: z.number().int(),
            overall: Cell,
            sections: z.array(z.object({ section: z.string(), cell: Cell })),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'IndustryStatistics' });

/** A report's file name: the assessment's id, which names nobody. */
const fileName = (id: string, ext: string) =>
  `kite-assessment-${id.replace(/[^A-Za-z0-9_-]/g, '_')}.${ext}`;

/** The report (PDF, CSV), the changes since the last version and sector statistics. */
export const reportRoutes =
  (ctx: IndustryContext): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/industry/assessments/:id/report.pdf',
      {
        ...bothSides,
        schema: {
          tags,
          summary: 'The report as PDF: scores, maturity, ranked gaps, action plan, feedback letter',
          params: Params,
          querystring: LangQuery,
          produces: ['application/pdf'],
          response: {
            200: {
              description: 'The PDF',
              content: { 'application/pdf': { schema: PdfBinarySchema } },
            },
            ...errors,
            503: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const bytes = await reportPdf(ctx, actorOf(request), id, request.query.lang ?? 'en');
        return reply
          .headers(DOCUMENT_ONLY_HEADERS)
          .header('cache-control', 'no-store')
          .header('content-type', 'application/pdf')
          .header('content-disposition', `attachment; filename="${fileName(id, 'pdf')}"`)
          .send(bytes as never);
      },
    );

    app.get(
      '/api/industry/assessments/:id/report.csv',
      {
        ...bothSides,
        schema: {
          tags,
          summary:
            'The report as CSV: one row per question asked, then the sections and the result',
          params: Params,
          querystring: LangQuery,
          produces: ['text/csv'],
          response: { 200: z.string(), ...errors },
        },
      },
      async (request, reply) => {
        const { id } = request.params;
        const csv = await reportCsv(ctx, actorOf(request), id, request.query.lang ?? 'en');
        return reply
          .header('cache-control', 'no-store')
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName(id, 'csv')}"`)
          .send(csv);
      },
    );

    app.get(
      '/api/industry/assessments/:id/changes',
      {
        ...bothSides,
        schema: {
          tags,
          summary: 'What changed since the version this assessment follows',
          params: Params,
          response: { 200: ChangesSchema, ...errors },
        },
      },
      // The engine's shapes are read-only; the answer is the same data.
      async (request) =>
        (await changesOf(ctx, actorOf(request), request.params.id)) as z.infer<
          typeof ChangesSchema
        >,
    );

    app.get(
      '/api/industry/statistics',
      {
        ...coordinators,
        schema: {
          tags,
          summary:
            "Sector statistics: maturity per section and year over each company's latest accepted assessment (no group under 5 companies)",
          querystring: z.strictObject({ framework: FrameworkKey.optional() }),
          response: { 200: StatisticsSchema, ...errors },
        },
      },
      async (request) =>
        (await statistics(ctx, request.query.framework)) as z.infer<typeof StatisticsSchema>,
    );
  };
