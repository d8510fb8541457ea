import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, HttpError } from '../../http/errors';
import type { ErrorCode } from '../../http/errors';
import { withoutTopics } from '../../../engine';
import type { Catalogue, TopicId } from '../../../engine';
import type { PdfRenderer } from '../../pdf/renderer';
import { PrintService } from '../../worksheets/print-service';
import { sendPdf } from './pdf-reply';
import { PdfBinarySchema, answersSchema, audienceSchema, idParam, printQuery } from './query';
import { withheldIds } from './withheld';
import type { WithheldIds } from './withheld';

export interface LibraryRoutesOptions {
  print: PrintService;
  /** Requests per client address per window on the PDF routes (rendering costs CPU). */
  rateLimit?: { max: number; timeWindow: number | string };
  /** Ids of the content whose topic this deployment switched off: `404 not_offered`. */
  withheld?: WithheldIds;
}

const NOT_OFFERED = 'This is not offered here: the deployment switched its topic off';

/**
 * Printable documents of the library (LIB-2, LIB-3, ADULT-1): worksheets with their answer
 * keys, challenge cards and guides, as PDF. Public: they hold content only, nothing personal.
 */
export const libraryRoutes =
  ({
    print,
    rateLimit: limit = { max: 60, timeWindow: '1 minute' },
    withheld = withheldIds(),
  }: LibraryRoutesOptions): FastifyPluginAsyncZod =>
  async (app) => {
    if (!app.hasDecorator('rateLimit')) await app.register(rateLimit, { global: false });
    const langs = print.languages;
    const base = printQuery(langs);
    /** 404 for content that is not there: `not_offered` when its topic is switched off. */
    const missing = (kind: keyof WithheldIds, id: string, code: ErrorCode, message: string) =>
      withheld[kind].has(id)
        ? new HttpError(404, 'not_offered', NOT_OFFERED)
        : new HttpError(404, code, message);
    const pdfResponses = {
      200: {
        description: 'The PDF',
        content: { 'application/pdf': { schema: PdfBinarySchema } },
      },
      304: z.null().describe('Not modified: the copy you have (If-None-Match) is current'),
      400: ErrorBodySchema,
      404: ErrorBodySchema,
      429: ErrorBodySchema,
      503: ErrorBodySchema,
    };
    const common = { config: { rateLimit: limit } } as const;

    app.get(
      '/api/worksheets/:activityId.pdf',
      {
        ...common,
        schema: {
          tags: ['library'],
          summary: "An activity's printable worksheet, or its answer key",
          security: [],
          params: z.object({ activityId: idParam('activity') }),
          querystring: z.strictObject({ ...base, answers: answersSchema }),
          response: pdfResponses,
        },
      },
      async (request, reply) => {
        const id = request.params.activityId;
        const job = print.worksheet(id, request.query);
        if (!job)
          throw missing('activities', id, 'unknown_activity', 'There is no activity with this id');
        return sendPdf(request, reply, print, job);
      },
    );

    app.get(
      '/api/challenges/:challengeId.pdf',
      {
        ...common,
        schema: {
          tags: ['library'],
          summary: "A challenge's printable card",
          security: [],
          params: z.object({ challengeId: idParam('challenge') }),
          querystring: z.strictObject(base),
          response: pdfResponses,
        },
      },
      async (request, reply) => {
        const id = request.params.challengeId;
        const job = print.challenge(id, request.query);
        if (!job)
          throw missing(
            'challenges',
            id,
            'unknown_challenge',
            'There is no challenge with this id',
          );
        return sendPdf(request, reply, print, job);
      },
    );

    app.get(
      '/api/guides/:guideId.pdf',
      {
        ...common,
        schema: {
          tags: ['library'],
          summary: 'A printable guide for parents and carers, or for teachers',
          security: [],
          params: z.object({ guideId: idParam('guide') }),
          querystring: z.strictObject({ ...base, audience: audienceSchema }),
          response: pdfResponses,
        },
      },
      async (request, reply) => {
        const id = request.params.guideId;
        const job = print.guide(id, request.query);
        if (!job) throw missing('guides', id, 'unknown_guide', 'There is no guide with this id');
        return sendPdf(request, reply, print, job);
      },
    );
  };

export interface LibrarySetup {
  catalogue: Catalogue;
  country: string;
  disabledTopics: readonly string[];
  /** The app's one PDF renderer (a worker pool, made and closed by createApp). */
  renderer: PdfRenderer;
  rateLimit?: LibraryRoutesOptions['rateLimit'];
}

/** The library routes over the catalogue this deployment offers (without disabled topics). */
export function createLibraryRoutes(setup: LibrarySetup): FastifyPluginAsyncZod {
  const offered = withoutTopics(setup.catalogue, {
    disabledTopics: setup.disabledTopics as readonly TopicId[],
  });
  const print = new PrintService(offered, setup.renderer, { country: setup.country });
  const withheld = withheldIds(setup.catalogue, offered);
  return libraryRoutes({
    print,
    withheld,
    ...(setup.rateLimit ? { rateLimit: setup.rateLimit } : {}),
  });
}
