import { z } from 'zod';
import { ACTION_STATUSES, ASSESSMENT_STATES, SERVICE_FEATURES } from '../../../engine';
import { coded } from '../../http/input-errors';
import { CONFIDENTIALITY } from '../../industry/answers';
import { CHILD_SHARES, SERVICE_TYPES } from '../../industry/services';

/** One line of plain text (no control characters). */
const NO_CONTROLS = /^[^\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]*$/u;
/** Text of several lines: line breaks and tabs allowed, other control characters not. */
const NO_CONTROLS_BUT_LINES = /^(?:[^\p{Cc}\u2028\u2029]|[\t\n\r])*$/u;

export const plain = (max: number) =>
  z.string().trim().min(1).max(max).regex(NO_CONTROLS, 'must be plain text');
export const prose = (max: number) =>
  z.string().max(max).regex(NO_CONTROLS_BUT_LINES, 'must be text');

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'is not an id');
export const FrameworkKey = z
  .string()
  .max(80)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*@v[1-9][0-9]*$/, 'is not a framework version (<id>@v<n>)')
  .describe('A framework version, `<id>@v<version>`');
export const QuestionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'is not a question id');
export const Lang = z
  .string()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'is not a language code')
  .describe('A language code, such as km; texts not translated are in English');
export const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a day (YYYY-MM-DD)');
/** A due time: a day (the end of it, UTC) or an ISO 8601 time. */
export const DueTime = z
  .string()
  .max(40)
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/,
    'must be a day (YYYY-MM-DD) or an ISO 8601 time',
  );

export const ServiceBody = z.strictObject({
  name: plain(120),
  type: z.enum(SERVICE_TYPES),
  features: z.array(z.enum(SERVICE_FEATURES)).max(SERVICE_FEATURES.length),
  childShare: z.enum(CHILD_SHARES),
});

export const ServiceSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    type: z.enum(SERVICE_TYPES),
    features: z.array(z.enum(SERVICE_FEATURES)),
    childShare: z.enum(CHILD_SHARES),
  })
  .meta({ id: 'IndustryService' });

export const FrameworkSummarySchema = z
  .object({ key: z.string(), id: z.string(), version: z.number().int(), title: z.string() })
  .meta({ id: 'IndustryFrameworkSummary' });

export const FrameworkSchema = z
  .object({
    key: z.string(),
    id: z.string(),
    version: z.number().int(),
    title: z.string(),
    sections: z.array(z.object({ id: z.string(), title: z.string(), weight: z.number() })),
    questions: z.array(
      z.object({
        id: z.string(),
        section: z.string(),
        text: z.string(),
        guidance: z.string(),
        weight: z.number().int(),
        critical: z.boolean(),
        evidence: z.enum(['none', 'document']),
        appliesIf: z.array(z.string()).nullable(),
        mappings: z.array(z.string()),
        target: z.number().int(),
        recommendation: z.object({ text: z.string(), resources: z.array(z.string()) }),
      }),
    ),
  })
  .meta({ id: 'IndustryFramework' });

const State = z.enum(ASSESSMENT_STATES);
const Reviewer = z.object({ id: z.string(), name: z.string() }).nullable();

export const AssessmentListItemSchema = z
  .object({
    id: z.string(),
    service: z.object({ id: z.string(), name: z.string() }),
    framework: z.string(),
    state: State,
    previousId: z.string().nullable(),
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    reviewer: Reviewer,
    deadline: z.object({ kind: z.string(), dueAt: z.string(), overdue: z.boolean() }).nullable(),
  })
  .meta({ id: 'IndustryAssessmentListItem' });

export const CreateAssessmentBody = z.union([
  z.strictObject({ serviceId: Id, framework: FrameworkKey }),
  z.strictObject({ previousId: Id }),
]);

export const BlockerSchema = z.object({
  question: z.string(),
  code: z.enum(['unanswered', 'evidence-missing']),
});

export const CommentSchema = z
  .object({
    id: z.string(),
    question: z.string(),
    parentId: z.string().nullable(),
    author: z.enum(['company', 'coordinator']),
    visibility: z.enum(['company', 'internal']),
    body: z.string(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'IndustryComment' });

export const ExtensionSchema = z
  .object({
    id: z.string(),
    reason: z.string(),
    oldDue: z.string(),
    newDue: z.string(),
    decision: z.enum(['pending', 'granted', 'refused']),
    decidedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'IndustryExtension' });

export const EvidenceSchema = z
  .object({
    id: z.string(),
    fileName: z.string(),
    mediaType: z.string(),
    bytes: z.number().int(),
    uploadedAt: z.string(),
  })
  .meta({ id: 'IndustryEvidence' });

export const AssessmentSchema = z
  .object({
    id: z.string(),
    state: State,
    framework: z.string(),
    service: ServiceSchema,
    profile: z.array(z.string()),
    previousId: z.string().nullable(),
    reviewer: Reviewer,
    submittedAt: z.string().nullable(),
    acceptedAt: z.string().nullable(),
    answers: z.record(
      z.string(),
      z.object({
        level: z.union([z.number().int(), z.literal('na')]),
        reason: z.string().nullable(),
        narrative: z.string().nullable(),
        confidentiality: z.enum(CONFIDENTIALITY),
        updatedAt: z.string(),
      }),
    ),
    evidence: z.record(z.string(), z.array(EvidenceSchema)),
    comments: z.array(CommentSchema),
    deadlines: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['clarification', 'review']),
        question: z.string().nullable(),
        dueAt: z.string(),
        overdue: z.boolean(),
        metAt: z.string().nullable(),
        extensions: z.array(ExtensionSchema),
      }),
    ),
    actions: z.record(
      z.string(),
      z.object({ owner: z.string(), due: z.string(), status: z.enum(ACTION_STATUSES) }),
    ),
    score: z.object({
      sections: z.array(
        z.object({
          section: z.string(),
          percent: z.number().nullable(),
          answered: z.number().int(),
          notApplicable: z.number().int(),
        }),
      ),
      overall: z.number().nullable(),
      maturity: z.number().int().nullable(),
      criticalCap: z.boolean(),
      unanswered: z.array(z.string()),
      gaps: z.array(
        z.object({
          question: z.string(),
          section: z.string(),
          level: z.number().int(),
          target: z.number().int(),
          priority: z.number(),
          critical: z.boolean(),
        }),
      ),
    }),
    blockers: z.array(BlockerSchema),
    next: z.array(State),
    feedbackLetter: z.string().nullable(),
  })
  .meta({ id: 'IndustryAssessment' });

export const AnswerBody = z.strictObject({
  level: coded(
    z.union([
      z.literal(0),
      z.literal(1),
      z.literal(2),
      z.literal(3),
      z.literal(4),
      z.literal('na'),
    ]),
    'not_on_scale',
    () => 'level must be 0, 1, 2, 3, 4 or "na"',
  ),
  reason: prose(2000).optional(),
  narrative: prose(10_000).optional(),
  confidentiality: z.enum(CONFIDENTIALITY).optional(),
});

export const TransitionBody = z.strictObject({
  to: State,
  question: QuestionId.optional(),
  message: prose(5000).optional(),
  dueAt: DueTime.optional(),
  feedbackLetter: prose(20_000).optional(),
});

export const CommentBody = z.strictObject({
  question: QuestionId,
  body: prose(5000).refine((s) => s.trim() !== '', 'must not be empty'),
  visibility: z.enum(['company', 'internal']),
  parentId: Id.optional(),
});

export const ExtensionBody = z.strictObject({
  reason: prose(2000).refine((s) => s.trim() !== '', 'must not be empty'),
  newDue: DueTime,
});

export const ActionBody = z.strictObject({
  owner: plain(80)
    .refine((s) => !s.includes('@'), 'must be a role or team, not an email address')
    .describe('A role or team (not a person’s email)'),
  due: Day,
  status: z.enum(ACTION_STATUSES),
});
