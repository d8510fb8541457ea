import Fastify from 'fastify';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { serializerCompiler } from './http/serializer';
import type { Db } from '../db/connect';
import { installErrorHandling } from './http/error-handler';
import { KiteLogController, loggerOptions } from './http/logging';
import { installOpenApi, openApiRoute } from './http/openapi';
import { installSecurityHeaders } from './http/security-headers';
import { dbRateLimitStore } from './http/rate-limit-store';
import { rateLimitCounters } from '../db/rate-limit';
import { installWebApp } from './http/web-app';
import { healthRoutes } from './routes/health';
import { clientConfigRoutes } from './routes/client-config';
import { createLibraryRoutes } from './routes/library';
import type { LibrarySetup } from './routes/library';
import type { Catalogue } from '../engine/types/catalogue';

export interface AppDeps {
  db: Db;
  /** Folder of the built web app; when absent (or missing on disk) `/` is not served. */
  webDir?: string | undefined;
  /** pino level; `silent` in tests. */
  logLevel?: string;
  /** Largest request body accepted, in bytes (default 256 KiB). */
  bodyLimit?: number;
  version?: string;
  /** Country pack and topics switched off, for the app (default `intl`, none). */
  country?: string;
  disabledTopics?: readonly string[];
  /** Where log lines go (default stdout); tests capture them. */
  logStream?: NodeJS.WritableStream | undefined;
  /** The checked content, loaded once at start; the library's PDF routes need it. */
  catalogue?: Catalogue | undefined;
  /** A PDF renderer to share (tests, benches); when absent, a worker pool (`pdfPool`) is made. */
  pdfRenderer?: LibrarySetup['renderer'];
  /** The PDF worker pool when no renderer is given (default: cores − 1 workers, 100 waiting). */
  pdfPool?: LibrarySetup['pool'];
  /** Rate limit of the PDF routes per client address (default 60 a minute). */
  pdfRateLimit?: LibrarySetup['rateLimit'];
}

/**
 * Builds the Kite HTTP app without listening, so tests can call it in memory with `inject`.
 * `main.ts` adds configuration, migrations and the network.
 */
export async function createApp({
  db,
  webDir,
  logLevel = 'silent',
  bodyLimit = 256 * 1024,
  version = '0.1.0',
  logStream,
  country = 'intl',
  disabledTopics = [],
  catalogue,
  pdfRenderer,
  pdfPool,
  pdfRateLimit,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(logLevel, logStream),
    logController: new KiteLogController(),
    // No child logger per request: our one line per request carries what it needs, and a
    // pino child per request was a measurable share of a small request's cost (bench:http).
    childLoggerFactory: (logger) => logger,
    bodyLimit,
    return503OnClosing: true,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installSecurityHeaders(app);
  installErrorHandling(app);
  await installOpenApi(app, version);

  // Limits are set per route (`config.rateLimit`); their counters live in the database, so
  // they hold across processes and restarts.
  await app.register(rateLimit, { global: false, store: dbRateLimitStore(rateLimitCounters(db)) });

  await app.register(healthRoutes(db));
  await app.register(clientConfigRoutes({ country, disabledTopics }));
  if (catalogue) {
    const setup = { catalogue, country, disabledTopics, renderer: pdfRenderer, pool: pdfPool };
    await app.register(
      await createLibraryRoutes(pdfRateLimit ? { ...setup, rateLimit: pdfRateLimit } : setup),
    );
  }
  openApiRoute(app);
  await installWebApp(app, webDir);

  await app.ready();
  return app;
}
