/**
 * The industry routes of issue #16 (`/api/industry/…`, the contract in docs/industry.md) as the
 * browser calls them: JSON with the account session cookie and the CSRF header (the account
 * pages' `request`), except the evidence upload, whose body is the document itself.
 */
import type {
  ActionItem,
  AnswerLevel,
  AssessmentChanges,
  AssessmentScore,
  AssessmentState,
  Blocker,
  FrameworkStatistics,
  SectorStatistics,
  ServiceFeature,
} from '../../engine';
import { ApiError, request } from '../account/api';

export { CHILD_SHARES, CONFIDENTIALITY, SERVICE_TYPES } from '../../engine';
export type { ChildShare, Confidentiality, ServiceType } from '../../engine';
import type { ChildShare, Confidentiality, ServiceType } from '../../engine';

export { ACTION_STATUSES } from '../../engine';
export type { ActionStatus } from '../../engine';

export interface FrameworkSummary {
  readonly key: string;
  readonly id: string;
  readonly version: number;
  readonly title: string;
}

/** A framework with its texts in one language (the server falls back to English). */
export interface Framework extends FrameworkSummary {
  readonly sections: readonly {
    readonly id: string;
    readonly title: string;
    readonly weight: number;
  }[];
  readonly questions: readonly FrameworkQuestion[];
}

export interface FrameworkQuestion {
  readonly id: string;
  readonly section: string;
  readonly text: string;
  readonly guidance: string;
  readonly weight: 1 | 2 | 3;
  readonly critical: boolean;
  readonly evidence: 'none' | 'document';
  readonly appliesIf?: readonly ServiceFeature[] | null;
  readonly mappings: readonly string[];
  readonly target?: AnswerLevel | null;
  readonly recommendation: { readonly text: string; readonly resources: readonly string[] };
}

export interface Service {
  readonly id: string;
  readonly name: string;
  readonly type: ServiceType;
  readonly features: readonly ServiceFeature[];
  readonly childShare: ChildShare;
}

export type ServiceInput = Omit<Service, 'id'>;

/** One line of the company's list or of the coordinators' queue. */
export interface AssessmentSummary {
  readonly id: string;
  readonly state: AssessmentState;
  readonly framework: string;
  readonly service: { readonly id: string; readonly name: string };
  readonly previousId: string | null;
  readonly submittedAt: string | null;
  readonly acceptedAt: string | null;
  readonly reviewer: Reviewer | null;
  readonly deadline: {
    readonly kind: string;
    readonly dueAt: string;
    readonly overdue: boolean;
  } | null;
}

/** The coordinator assigned to review an assessment. */
export interface Reviewer {
  readonly id: string;
  readonly name: string;
}

export interface SavedAnswer {
  readonly level: AnswerLevel | 'na';
  readonly reason: string | null;
  readonly narrative: string | null;
  readonly confidentiality: Confidentiality;
  readonly updatedAt: string;
}

export interface Evidence {
  readonly id: string;
  readonly fileName: string;
  readonly mediaType: string;
  readonly bytes: number;
  readonly uploadedAt: string;
}

export interface Comment {
  readonly id: string;
  readonly question: string;
  readonly parentId: string | null;
  readonly author: 'company' | 'coordinator';
  readonly visibility: 'company' | 'internal';
  readonly body: string;
  readonly resolvedAt: string | null;
  readonly createdAt: string;
}

export interface Extension {
  readonly id: string;
  readonly reason: string;
  readonly oldDue: string;
  readonly newDue: string;
  readonly decision: 'pending' | 'granted' | 'refused';
  readonly createdAt?: string;
}

export interface Deadline {
  readonly id: string;
  readonly kind: 'clarification' | 'review';
  readonly question: string | null;
  readonly dueAt: string;
  readonly overdue: boolean;
  readonly metAt: string | null;
  readonly extensions: readonly Extension[];
}

export type Action = ActionItem;

export interface Assessment {
  readonly id: string;
  readonly state: AssessmentState;
  readonly framework: string;
  readonly service: Service;
  /** The service's features when the assessment began: the questions it asks. */
  readonly profile: readonly ServiceFeature[];
  readonly previousId: string | null;
  readonly reviewer: Reviewer | null;
  readonly answers: Readonly<Record<string, SavedAnswer>>;
  readonly evidence: Readonly<Record<string, readonly Evidence[]>>;
  readonly comments: readonly Comment[];
  readonly deadlines: readonly Deadline[];
  readonly actions: Readonly<Record<string, Action>>;
  readonly score: AssessmentScore;
  readonly blockers: readonly Blocker[];
  readonly next: readonly AssessmentState[];
  readonly feedbackLetter: string | null;
  readonly submittedAt: string | null;
  readonly acceptedAt: string | null;
}

export interface AnswerInput {
  readonly level: AnswerLevel | 'na';
  readonly reason?: string;
  readonly narrative?: string;
  readonly confidentiality?: Confidentiality;
}

export interface TransitionInput {
  readonly to: AssessmentState;
  readonly question?: string;
  readonly message?: string;
  readonly dueAt?: string;
  readonly feedbackLetter?: string;
}

export type Changes = AssessmentChanges;

export type { PublicationContent, PublicationState, RegisterEntry } from '../../engine';
import type { PublicationRecord, RegisterEntry } from '../../engine';

/** A proposal to publish an assessment on the public register (IND-19), and what became of it. */
export type Publication = PublicationRecord;

/** Someone a review can be given to. */
export interface ReviewerChoice {
  readonly id: string;
  readonly name: string;
}

/** One framework's statistics (IND-18: a cell of fewer than five companies has no numbers). */
export type Statistics = FrameworkStatistics;

/** The statistics route answers one framework's, or every framework's (the engine's shape). */
const statisticsOf =
  (framework: string) =>
  (body: unknown): Statistics => {
    const b = (body as { statistics?: unknown } | null)?.statistics ?? body;
    const all = (b as Partial<SectorStatistics>).frameworks;
    if (Array.isArray(all))
      return all.find((f) => f.framework === framework) ?? { framework, years: [] };
    return b as Statistics;
  };

const seg = encodeURIComponent;
const assessment = (id: string) => `/api/industry/assessments/${seg(id)}`;

/** Unwraps `{ <name>: value }` or takes the value as it is: the list routes answer either. */
const listOf =
  <T>(name: string) =>
  (body: unknown): T[] =>
    Array.isArray(body) ? (body as T[]) : (((body as Record<string, unknown>)[name] as T[]) ?? []);
const itemOf =
  <T>(name: string) =>
  (body: unknown): T => {
    const inner = (body as Record<string, unknown> | null)?.[name];
    return (inner && typeof inner === 'object' ? inner : body) as T;
  };

/**
 * Uploads one document as the raw body (the server checks its signature, not this header). A
 * request that cannot reach the server fails with `offline`, as the JSON routes do.
 */
async function upload(id: string, question: string, file: File): Promise<Evidence> {
  const csrf = await request<{ token: string }>('GET', '/api/auth/csrf');
  let res: Response;
  try {
    res = await fetch(`${assessment(id)}/evidence/${seg(question)}`, {
      method: 'POST',
      credentials: 'same-origin',
      cache: 'no-store',
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
        'x-csrf-token': csrf.token,
      },
      body: file,
    });
  } catch {
    throw new ApiError(0, 'offline', 'The server could not be reached');
  }
  const body = (await res.json().catch(() => null)) as {
    error?: { code?: string; message?: string };
  } | null;
  if (!res.ok)
    throw new ApiError(
      res.status,
      body?.error?.code ?? 'unknown',
      body?.error?.message ?? res.statusText,
    );
  return itemOf<Evidence>('evidence')(body);
}

export const industryApi = {
  frameworks: () =>
    request<unknown>('GET', '/api/industry/frameworks').then(
      listOf<FrameworkSummary>('frameworks'),
    ),
  framework: (key: string, lang: string) =>
    request<unknown>('GET', `/api/industry/frameworks/${seg(key)}?lang=${seg(lang)}`).then(
      itemOf<Framework>('framework'),
    ),
  services: () =>
    request<unknown>('GET', '/api/industry/services').then(listOf<Service>('services')),
  addService: (body: ServiceInput) =>
    request<unknown>('POST', '/api/industry/services', body).then(itemOf<Service>('service')),
  updateService: (id: string, body: Partial<ServiceInput>) =>
    request<unknown>('PATCH', `/api/industry/services/${seg(id)}`, body).then(
      itemOf<Service>('service'),
    ),
  assessments: () =>
    request<unknown>('GET', '/api/industry/assessments').then(
      listOf<AssessmentSummary>('assessments'),
    ),
  start: (body: { serviceId: string; framework: string } | { previousId: string }) =>
    request<unknown>('POST', '/api/industry/assessments', body).then(
      itemOf<{ id: string }>('assessment'),
    ),
  get: (id: string) =>
    request<unknown>('GET', assessment(id)).then(itemOf<Assessment>('assessment')),
  answer: (id: string, question: string, body: AnswerInput) =>
    request<unknown>('PUT', `${assessment(id)}/answers/${seg(question)}`, body),
  upload,
  removeEvidence: (id: string) => request<void>('DELETE', `/api/industry/evidence/${seg(id)}`),
  transition: (id: string, body: TransitionInput) =>
    request<unknown>('POST', `${assessment(id)}/transitions`, body),
  comment: (
    id: string,
    body: { question: string; body: string; visibility: 'company' | 'internal'; parentId?: string },
  ) => request<unknown>('POST', `${assessment(id)}/comments`, body),
  resolve: (commentId: string) =>
    request<unknown>('POST', `/api/industry/comments/${seg(commentId)}/resolve`, {}),
  askExtension: (deadlineId: string, body: { reason: string; newDue: string }) =>
    request<unknown>('POST', `/api/industry/deadlines/${seg(deadlineId)}/extensions`, body),
  decideExtension: (extensionId: string, decision: 'granted' | 'refused') =>
    request<unknown>('POST', `/api/industry/extensions/${seg(extensionId)}/decision`, {
      decision,
    }),
  action: (id: string, question: string, body: Action) =>
    request<unknown>('PUT', `${assessment(id)}/actions/${seg(question)}`, body),
  changes: (id: string) =>
    request<unknown>('GET', `${assessment(id)}/changes`).then(itemOf<Changes>('changes')),
  reviewers: () =>
    request<unknown>('GET', '/api/industry/reviewers').then(listOf<ReviewerChoice>('reviewers')),
  giveReview: (id: string, reviewerId: string) =>
    request<unknown>('POST', `${assessment(id)}/reviewer`, { reviewerId }),
  publication: (id: string) =>
    request<{ publication: Publication | null }>('GET', `${assessment(id)}/publication`).then(
      (b) => b.publication,
    ),
  propose: (id: string, organisation: string) =>
    request<unknown>('POST', `${assessment(id)}/publication`, { organisation }),
  answerPublication: (id: string, body: { consent: true } | { objection: string }) =>
    request<unknown>('POST', `${assessment(id)}/publication/answer`, body),
  publish: (id: string) => request<unknown>('POST', `${assessment(id)}/publication/publish`, {}),
  withdrawPublication: (id: string) =>
    request<unknown>('POST', `${assessment(id)}/publication/withdraw`, {}),
  register: (lang: string) =>
    request<unknown>('GET', `/api/industry/register?lang=${seg(lang)}`).then(
      listOf<RegisterEntry>('entries'),
    ),
  statistics: (framework: string) =>
    request<unknown>('GET', `/api/industry/statistics?framework=${seg(framework)}`).then(
      statisticsOf(framework),
    ),
};

/** Where the files are: plain links, the browser saves them. */
export const industryFiles = {
  pdf: (id: string, lang: string) => `${assessment(id)}/report.pdf?lang=${seg(lang)}`,
  csv: (id: string) => `${assessment(id)}/report.csv`,
  evidence: (id: string) => `/api/industry/evidence/${seg(id)}`,
};
