import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpError } from '../../http/errors';
import { DOCUMENT_ONLY_HEADERS } from '../../http/security-headers';
import { PdfBusyError } from '../../pdf/pool';
import type { PrintJob, PrintService } from '../../worksheets/print-service';

/** Browsers and the service worker may keep a PDF for an hour, then revalidate by ETag. */
const CACHE_CONTROL = 'public, max-age=3600';

function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/**
 * Sends a printable document: 304 when the client already has this version (no rendering),
 * else the PDF from the cache or freshly rendered, inline with a safe file name. When every PDF
 * worker is busy and the queue is full: 503 with `Retry-After`.
 */
export async function sendPdf(
  request: FastifyRequest,
  reply: FastifyReply,
  print: PrintService,
  job: PrintJob,
): Promise<FastifyReply> {
  reply.header('etag', job.etag).header('cache-control', CACHE_CONTROL);
  if (matches(request.headers['if-none-match'], job.etag)) return reply.code(304).send();
  let rendered: Awaited<ReturnType<PrintService['render']>>;
  try {
    rendered = await print.render(job);
  } catch (e) {
    if (!(e instanceof PdfBusyError)) throw e;
    // Busy is not this document's answer: nothing here may be cached or revalidated.
    reply.removeHeader('etag').removeHeader('cache-control');
    reply.header('retry-after', String(e.retryAfterSeconds));
    throw new HttpError(503, 'server_busy', 'Many documents are being printed; try again soon');
  }
  const { bytes, cached } = rendered;
  const filename = job.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  // A PDF is a document the browser shows: it carries a document's headers (security-headers.ts).
  return reply
    .headers(DOCUMENT_ONLY_HEADERS)
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('x-kite-cache', cached ? 'hit' : 'miss')
    .send(bytes);
}
