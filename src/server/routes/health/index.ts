import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/connect';
import { HttpError, ErrorBodySchema } from '../../http/errors';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const ReadySchema = z
  .object({ status: z.literal('ready'), database: z.enum(['sqlite', 'postgres']) })
  .meta({ id: 'Ready' });

/** Liveness and readiness, for monitors and reverse proxies. Public; never logged per request. */
export const healthRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['ops'],
          summary: 'Liveness: the process is up',
          security: [],
          response: { 200: HealthSchema },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/api/ready',
      {
        schema: {
          tags: ['ops'],
          summary: 'Readiness: the database answers',
          security: [],
          response: { 200: ReadySchema, 503: ErrorBodySchema },
        },
      },
      async () => {
        try {
          await db.ping();
        } catch {
          throw new HttpError(503, 'database_unavailable', 'The database does not answer');
        }
        return { status: 'ready' as const, database: db.dialect };
      },
    );
  };
