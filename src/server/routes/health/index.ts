import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../../db/connect';
import { HttpError, ErrorBodySchema } from '../../http/errors';
import type { Lifecycle } from '../../http/lifecycle';
import { EventLogProbe } from './event-status';
import { ReadinessProbe } from './readiness';

const HealthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
const ReadySchema = z
  .object({
    status: z.literal('ready'),
    database: z.enum(['sqlite', 'postgres']),
    // PostgreSQL: the months of the event log (SCALE-13, docs/classes.md).
    events: z
      .object({
        monthsAhead: z.number().int(),
        defaultPartition: z.number().int(),
        alert: z.boolean(),
      })
      .optional(),
  })
  .meta({ id: 'Ready' });

/** Liveness and readiness, for monitors and reverse proxies. Public; never logged per request. */
export const healthRoutes =
  (
    db: Db,
    { now = Date.now, lifecycle }: { now?: () => number; lifecycle?: Lifecycle } = {},
  ): FastifyPluginAsyncZod =>
  async (app) => {
    const probe = new ReadinessProbe(() => db.ping(), now);
    const eventLog = new EventLogProbe(db, now);
    const noQuery = z.strictObject({});
    app.get(
      '/api/health',
      {
        schema: {
          tags: ['ops'],
          summary: 'Liveness: the process is up',
          security: [],
          querystring: noQuery,
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
          summary:
            "Readiness: the database answered within the last second, and the process is not draining; on PostgreSQL, the state of the event log's months",
          security: [],
          querystring: noQuery,
          response: { 200: ReadySchema, 503: ErrorBodySchema },
        },
      },
      async () => {
        if (lifecycle?.draining)
          throw new HttpError(503, 'draining', 'This process is stopping; send requests elsewhere');
        if (!(await probe.ready())) {
          throw new HttpError(503, 'database_unavailable', 'The database does not answer');
        }
        const events = await eventLog.status();
        return { status: 'ready' as const, database: db.dialect, ...(events ? { events } : {}) };
      },
    );
  };
