import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BANDS, FEEDBACK_ANSWERS, FEEDBACK_DAY, UUID_V4 } from '../../../engine';
import type { Catalogue } from '../../../engine';
import type { Db } from '../../../db/connect';
import { ErrorBodySchema } from '../../http/errors';
import { coded } from '../../http/input-errors';
import { recordFeedback } from '../../feedback/record';
import { FEEDBACK_THRESHOLDS, feedbackReport } from '../../feedback/report';
import { guarded } from '../accounts/guard';

/** Answers a minute from one client address: a class behind one school address fits. */
export const FEEDBACK_RATE_LIMIT = { max: 120, timeWindow: '1 minute' } as const;

/**
 * The one answer a device sends, and nothing else (strict: an unknown field is refused). No
 * learner, device, class or session: the route reads no cookie and no credential.
 */
export const FeedbackBodySchema = z.strictObject({
  id: z.string().regex(UUID_V4).describe('A random id made for this one answer (UUID v4)'),
  activity: z.string().min(1).max(100).describe('The activity id'),
  version: z.number().int().min(1).max(1_000_000).describe("The activity's version"),
  band: z.enum(BANDS).describe('The age band of the child who answered'),
  lang: z.string().min(1).max(16).describe('The language the activity was played in'),
  answer: coded(
    z.enum(FEEDBACK_ANSWERS).describe('What the child tapped'),
    'validation_failed',
    () => `body.answer: must be one of ${FEEDBACK_ANSWERS.join(', ')}`,
  ),
  day: z.string().regex(FEEDBACK_DAY).describe('The day of the answer, YYYY-MM-DD (no time)'),
});

const Counts = z.object(Object.fromEntries(FEEDBACK_ANSWERS.map((a) => [a, z.number().int()])));

export const FeedbackReportSchema = z
  .object({
    since: z.string().nullable(),
    thresholds: z.object({
      minAnswers: z.number().int(),
      hardShare: z.number(),
      scaryShare: z.number(),
    }),
    activities: z.array(
      z.object({
        activity: z.string(),
        version: z.number().int(),
        answers: z.number().int(),
        counts: Counts,
        tooHardShare: z.number(),
        confusingShare: z.number(),
        scaryShare: z.number(),
        flags: z.array(z.enum(['hard', 'scary'])),
      }),
    ),
  })
  .meta({ id: 'FeedbackReport' });

/**
 * POST /api/feedback: a child's anonymous answer to "how was it?" (COURSE-2). Public and rate
 * limited per client address (the counters keep a hash of it, never the address); the request
 * log line names method, path and status only.
 */
export const feedbackRoutes =
  (
    db: Db,
    content: { readonly catalogue: Catalogue; readonly languages: readonly string[] },
    now: () => number,
  ): FastifyPluginAsyncZod =>
  async (app) => {
    app.post(
      '/api/feedback',
      {
        config: { rateLimit: FEEDBACK_RATE_LIMIT },
        schema: {
          tags: ['app'],
          summary: "A child's anonymous answer about an activity (a replay counts once)",
          security: [],
          querystring: z.strictObject({}),
          body: FeedbackBodySchema,
          response: {
            200: z.object({ received: z.literal(true) }),
            400: ErrorBodySchema,
            404: ErrorBodySchema,
            429: ErrorBodySchema,
          },
        },
      },
      async (request) => {
        await recordFeedback(db, content, request.body, now());
        return { received: true as const };
      },
    );
  };

/**
 * GET /api/feedback/report: the authors' report as JSON, for the coordinator's dashboard.
 * Registered in the accounts scope: a signed-in admin or coordinator (it is about content, not
 * about any child, but it is the programme's to read).
 */
export const feedbackReportRoutes =
  (db: Db): FastifyPluginAsyncZod =>
  async (app) => {
    app.get(
      '/api/feedback/report',
      {
        ...guarded(['admin', 'coordinator']),
        schema: {
          tags: ['admin'],
          summary: `What children said of each activity, with activities flagged hard or scary (from ${FEEDBACK_THRESHOLDS.minAnswers} answers)`,
          querystring: z.strictObject({
            since: z
              .string()
              .regex(FEEDBACK_DAY)
              .optional()
              .describe('Count answers from this day on (YYYY-MM-DD)'),
          }),
          response: {
            200: FeedbackReportSchema,
            400: ErrorBodySchema,
            401: ErrorBodySchema,
            403: ErrorBodySchema,
          },
        },
      },
      async (request) => feedbackReport(db, { since: request.query.since ?? null }),
    );
  };
