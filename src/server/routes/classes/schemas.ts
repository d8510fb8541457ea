import { z } from 'zod';
import { BANDS, FEEDBACK_ANSWERS } from '../../../engine';
import type { FeedbackAnswer } from '../../../engine';
import { learnerEventSchema } from '../../../engine/content';
import { compiledInput } from '../../http/compiled-input';
import { coded } from '../../http/input-errors';

const NO_CONTROLS = /^[^\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u;

const plain = (max: number) =>
  z.string().trim().min(1).max(max).regex(NO_CONTROLS, 'must be plain text');

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not an id');
export const BandSchema = z.enum(BANDS);
export const Lang = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'is not a language code');
export const PictureId = z
  .string()
  .min(1)
  .max(40)
  .regex(/^[a-z0-9-]+$/, 'is not a picture');
/** A nickname as typed: the personal-data filter (checkNickname) judges it after this. */
export const NicknameInput = z.string().max(200);
export const ClassCode = z.string().min(1).max(20);
export const NoticeVersion = plain(40);
export const SchoolName = plain(120);
export const ClassName = plain(80);
export const AgreedBy = plain(120);
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day (YYYY-MM-DD)');

export const SchoolSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    agreement: z
      .object({ agreedBy: z.string(), agreedAt: z.string(), noticeVersion: z.string() })
      .nullable(),
  })
  .meta({ id: 'School' });

export const ClassSummarySchema = z
  .object({
    id: z.string(),
    schoolId: z.string(),
    name: z.string(),
    band: BandSchema,
    lang: z.string(),
    code: z.string(),
    children: z.number().int(),
  })
  .meta({ id: 'ClassSummary' });

export const ClassChildSchema = z
  .object({
    id: z.string(),
    nickname: z.string(),
    avatar: z.string(),
    pictures: z.array(z.string()),
    devices: z.number().int(),
  })
  .meta({ id: 'ClassChild' });

export const AssignmentSchema = z
  .object({ id: z.string(), activity: z.string(), due: z.string().nullable() })
  .meta({ id: 'Assignment' });

export const ClassLinkSchema = z
  .object({
    id: z.string(),
    learnerId: z.string(),
    parent: z.string(),
    childConfirmed: z.boolean(),
    approved: z.boolean(),
  })
  .meta({ id: 'FamilyLinkForTeacher' });

export const TopicReportSchema = z.object({
  topic: z.string(),
  stars: z.array(z.number()),
  mastered: z.number().int(),
  finished: z.number().int(),
  activities: z.number().int(),
});

export const LearnerReportSchema = z
  .object({
    answers: z.number().int(),
    correct: z.number().int(),
    finished: z.number().int(),
    lastAt: z.number().nullable(),
    topics: z.array(TopicReportSchema),
  })
  .meta({ id: 'LearnerReport' });

export const ClassReportSchema = z
  .object({
    class: ClassSummarySchema,
    topics: z.array(z.object({ id: z.string(), title: z.string() })),
    children: z.array(
      z.object({
        id: z.string(),
        nickname: z.string(),
        avatar: z.string(),
        answers: z.number().int(),
        correct: z.number().int(),
        finished: z.number().int(),
        lastAt: z.string().nullable(),
        topics: z.array(TopicReportSchema),
      }),
    ),
    missed: z.array(
      z.object({
        activity: z.string(),
        title: z.string(),
        scene: z.string(),
        missed: z.number().int(),
        tried: z.number().int(),
      }),
    ),
    feedback: z.array(
      z.object({
        activity: z.string(),
        title: z.string(),
        answers: z.number().int(),
        counts: z.object(
          Object.fromEntries(FEEDBACK_ANSWERS.map((a) => [a, z.number().int()])) as Record<
            FeedbackAnswer,
            z.ZodNumber
          >,
        ),
        flags: z.array(z.enum(['hard', 'scary'])),
      }),
    ),
  })
  .meta({ id: 'ClassReport' });

export const ChildLearnerSchema = z
  .object({
    id: z.string(),
    nickname: z.string(),
    avatar: z.string(),
    band: BandSchema,
    lang: z.string(),
    epoch: z.number().int(),
  })
  .meta({ id: 'ChildLearner' });

export const FamilyChildSchema = z
  .object({
    id: z.string(),
    nickname: z.string(),
    avatar: z.string(),
    band: BandSchema,
    kind: z.enum(['own', 'linked']),
    report: LearnerReportSchema.nullable(),
  })
  .meta({ id: 'FamilyChild' });

/** Compiled: a batch of 100 events is the largest body a child's device sends, and the most. */
export const SyncRequestSchema = compiledInput(
  z.strictObject({
    device: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/),
    // Stored as a 32-bit integer (PostgreSQL `integer`).
    epoch: z.number().int().min(1).max(2_147_483_647),
    // The cursor the server gave: a position in its log, read as a number (at most 2^53 − 1).
    since: z
      .string()
      .regex(/^\d{1,15}$/)
      .nullable(),
    events: coded(
      z.array(learnerEventSchema).max(100),
      'batch_too_large',
      () => 'Send at most 100 events at once',
    ),
  }),
);

/** Events going down are what devices sent up, as stored; described loosely, sent as they are. */
export const StoredEventSchema = z.record(z.string(), z.unknown());
