import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema } from '../../http/errors';
import type { IndustryContext } from '../../industry/context';
import { deleteEvidence, readEvidence, uploadEvidence } from '../../industry/evidence';
import { UPLOAD_CONTENT_TYPES } from '../../industry/file-signature';
import { actorOf } from '../accounts/guard';
import { bothSides, companies, errors, tags } from './common';
import { Id, QuestionId } from './schemas';

/** The raw bytes of an upload (the body parser below hands them over as a Buffer). */
const RawDocument = z
  .custom<Buffer>((v) => Buffer.isBuffer(v), 'must be the document itself')
  .meta({ type: 'string', format: 'binary' })
  .describe('The document itself: PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, DOC or XLS');

/** The uploader's file name, percent-encoded when not ASCII (a header is Latin-1). */
function fileNameOf(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  try {
    return decodeURIComponent(header);
  } catch {
    return header;
  }
}

/**
 * Evidence documents (docs/industry.md, "Evidence"): uploaded as the raw body, checked by their
 * bytes, kept outside the web root, read back only by the company and the assigned reviewer.
 */
export const evidenceRoutes =
  (ctx: IndustryContext): FastifyPluginAsyncZod =>
  async (app) => {
    // Any of these types reaches the signature check, which alone decides; images are accepted
    // here only to be refused with their own code and the reason.
    for (const type of [...UPLOAD_CONTENT_TYPES, /^image\//])
      app.addContentTypeParser(
        type,
        { parseAs: 'buffer', bodyLimit: ctx.evidenceMaxBytes },
        (_request, body, done) => done(null, body),
      );

    app.post(
      '/api/industry/assessments/:id/evidence/:question',
      {
        ...companies,
        bodyLimit: ctx.evidenceMaxBytes,
        schema: {
          tags,
          summary:
            'Attach a document to a question (documents only, never images; checked by its bytes)',
          params: z.strictObject({ id: Id, question: QuestionId }),
          consumes: [...UPLOAD_CONTENT_TYPES],
          headers: z.object({
            'x-file-name': z
              .string()
              .max(400)
              .optional()
              .describe('The file name, percent-encoded'),
          }),
          body: RawDocument,
          response: {
            201: z.object({
              evidence: z.object({
                id: z.string(),
                question: z.string(),
                fileName: z.string(),
                mediaType: z.string(),
                bytes: z.number().int(),
                uploadedAt: z.string(),
              }),
            }),
            ...errors,
            413: ErrorBodySchema,
            415: ErrorBodySchema,
            503: ErrorBodySchema,
          },
        },
      },
      async (request, reply) =>
        reply.code(201).send({
          evidence: await uploadEvidence(
            ctx,
            actorOf(request).id,
            request.params.id,
            request.params.question,
            request.body,
            fileNameOf(request.headers['x-file-name']),
          ),
        }),
    );

    app.delete(
      '/api/industry/evidence/:id',
      {
        ...companies,
        schema: {
          tags,
          summary: 'Remove a document from a draft',
          params: z.strictObject({ id: Id }),
          response: { 204: z.null(), ...errors, 503: ErrorBodySchema },
        },
      },
      async (request, reply) => {
        await deleteEvidence(ctx, actorOf(request).id, request.params.id);
        return reply.code(204).send(null);
      },
    );

    app.get(
      '/api/industry/evidence/:id',
      {
        ...bothSides,
        schema: {
          tags,
          summary:
            "Download a document: its company and the assessment's assigned reviewer only (each read audit-logged)",
          params: z.strictObject({ id: Id }),
          response: {
            200: {
              description: 'The document, as an attachment',
              content: {
                'application/octet-stream': { schema: z.string().meta({ format: 'binary' }) },
              },
            },
            ...errors,
            503: ErrorBodySchema,
          },
        },
      },
      async (request, reply) => {
        const { evidence, bytes } = await readEvidence(ctx, actorOf(request), request.params.id);
        const ascii = evidence.file_name.replace(/[^A-Za-z0-9._-]/g, '_');
        return reply
          .header('cache-control', 'no-store')
          .header('content-type', evidence.media_type)
          .header('x-content-type-options', 'nosniff')
          .header(
            'content-disposition',
            `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(evidence.file_name)}`,
          )
          .send(bytes as never);
      },
    );
  };
