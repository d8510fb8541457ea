import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, HttpError } from '../../http/errors';
import type { TopicId } from '../../../engine/ids';
import type { Catalogue } from '../../../engine/types/catalogue';
import { withoutTopics } from '../../../engine/library/filter';
import { createPdfRenderPool, defaultPoolSize } from '../../pdf/pool';
import type { PdfPoolOptions, PdfRenderPool } from '../../pdf/pool';
import type { PdfRenderer } from '../../pdf/renderer';
import { PrintService } from '../../worksheets/print-service';
import { sendPdf } from './pdf-reply';
import {
  PdfBinarySchema,
  answersSchema,
  audienceSchema,
  printQuerySchema,
  readAnswers,
  readAudience,
  readPrintQuery,
} from './query';

export interface LibraryRoutesOptions {
  print: PrintService;
  /** Requests per client address per window on the PDF routes (rendering costs CPU). */
  rateLimit?: { max: number; timeWindow: number | string };
}

const idParam = (what: string) => z.string().max(100).describe(`The ${what} id`);

/**
 * Printable documents of the library (LIB-2, LIB-3, ADULT-1): worksheets with their answer
 * keys, challenge cards and guides, as PDF. Public: they hold content only, nothing personal.
 */
export const libraryRoutes =
  ({
    print,
    rateLimit: limit = { max: 60, timeWindow: '1 minute' },
  }: LibraryRoutesOptions): FastifyPluginAsyncZod =>
  async (app) => {
    if (!app.hasDecorator('rateLimit')) await app.register(rateLimit, { global: false });
    const langs = print.languages;
    const base = printQuerySchema(langs);
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
    const common = {
      attachValidation: true,
      config: { rateLimit: limit },
    } as const;

    app.get(
      '/api/worksheets/:activityId.pdf',
      {
        ...common,
        schema: {
          tags: ['library'],
          summary: "An activity's printable worksheet, or its answer key",
          security: [],
          params: z.object({ activityId: idParam('activity') }),
          querystring: z.object({ ...base, answers: answersSchema }),
          response: pdfResponses,
        },
      },
      async (request, reply) => {
        const { lang, paper, q } = readPrintQuery(request.query, langs);
        const answers = readAnswers(q);
        const id = request.params.activityId;
        const job = print.worksheet(id, { lang, paper, answers });
        if (!job) throw new HttpError(404, 'unknown_activity', 'There is no activity with this id');
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
          querystring: z.object(base),
          response: pdfResponses,
        },
      },
      async (request, reply) => {
        const { lang, paper } = readPrintQuery(request.query, langs);
        const job = print.challenge(request.params.challengeId, { lang, paper });
        if (!job)
          throw new HttpError(404, 'unknown_challenge', 'There is no challenge with this id');
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
          querystring: z.object({ ...base, audience: audienceSchema }),
          response: pdfResponses,
        },
      },
      async (request, reply) => {
        const { lang, paper, q } = readPrintQuery(request.query, langs);
        const audience = readAudience(q);
        const job = print.guide(request.params.guideId, { lang, paper, audience });
        if (!job) throw new HttpError(404, 'unknown_guide', 'There is no guide with this id');
        return sendPdf(request, reply, print, job);
      },
    );
  };

export interface LibrarySetup {
  catalogue: Catalogue;
  country: string;
  disabledTopics: readonly string[];
  /** A renderer to share (tests, benches); when absent, a worker pool is made and closed here. */
  renderer?: PdfRenderer | undefined;
  /** Size and queue of that pool (default: cores − 1 workers, 100 waiting). */
  pool?: PdfPoolOptions | undefined;
  rateLimit?: LibraryRoutesOptions['rateLimit'];
}

/** The library routes over the catalogue this deployment offers (without disabled topics). */
export async function createLibraryRoutes(setup: LibrarySetup): Promise<FastifyPluginAsyncZod> {
  const offered = withoutTopics(setup.catalogue, {
    disabledTopics: setup.disabledTopics as readonly TopicId[],
  });
  let pool: PdfRenderPool | undefined;
  const renderer =
    setup.renderer ??
    (pool = await createPdfRenderPool(setup.pool ?? { size: defaultPoolSize(), maxQueue: 100 }));
  const print = new PrintService(offered, renderer, { country: setup.country });
  const routes = libraryRoutes({
    print,
    ...(setup.rateLimit ? { rateLimit: setup.rateLimit } : {}),
  });
  return async (app, options) => {
    if (pool) app.addHook('onClose', () => pool.close());
    await routes(app, options);
  };
}
