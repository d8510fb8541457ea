import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import { serializerCompiler } from './http/serializer';
import type { Db } from '../db/connect';
import { installErrorHandling } from './http/error-handler';
import { KiteLogController, loggerOptions } from './http/logging';
import { installOpenApi, openApiRoute } from './http/openapi';
import { installSecurityHeaders } from './http/security-headers';
import { installWebApp } from './http/web-app';
import { healthRoutes } from './routes/health';
import { clientConfigRoutes } from './routes/client-config';

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
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: loggerOptions(logLevel, logStream),
    logController: new KiteLogController(),
    bodyLimit,
    return503OnClosing: true,
    trustProxy: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  installSecurityHeaders(app);
  installErrorHandling(app);
  await installOpenApi(app, version);

  await app.register(healthRoutes(db));
  await app.register(clientConfigRoutes({ country, disabledTopics }));
  openApiRoute(app);
  await installWebApp(app, webDir);

  await app.ready();
  return app;
}
