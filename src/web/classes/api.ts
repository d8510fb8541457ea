/**
 * The teachers' and parents' routes of docs/classes.md, as the browser calls them: JSON with
 * the account session cookie and the CSRF header (the account pages' `request`).
 */
import type { Band, FeedbackAnswer, LearnerReport } from '../../engine';
import { request } from '../account/api';

export interface School {
  readonly id: string;
  readonly name: string;
  readonly agreement: {
    readonly agreedBy: string;
    readonly agreedAt: string;
    readonly noticeVersion: string;
  } | null;
}

export interface ClassSummary {
  readonly id: string;
  readonly schoolId: string;
  readonly name: string;
  readonly band: Band;
  readonly lang: string;
  readonly code: string;
  readonly children: number;
}

export interface ClassChild {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly pictures: readonly string[];
  readonly devices: number;
}

export interface Assignment {
  readonly id: string;
  readonly activity: string;
  readonly due: string | null;
}

/** A parent's request to see a child's progress, as the class's teacher sees it. */
export interface ClassLink {
  readonly id: string;
  readonly learnerId: string;
  readonly parent: string;
  readonly childConfirmed: boolean;
  readonly approved: boolean;
}

export interface ClassDetail {
  readonly class: ClassSummary;
  readonly children: readonly ClassChild[];
  readonly assignments: readonly Assignment[];
  readonly links: readonly ClassLink[];
}

export interface TopicRow {
  readonly topic: string;
  readonly stars: readonly number[];
  readonly mastered: number;
  readonly finished: number;
  readonly activities: number;
}

export interface ReportChild {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly answers: number;
  readonly correct: number;
  readonly finished: number;
  /** The latest answer's device time (ISO), or null before the first. */
  readonly lastAt: string | null;
  readonly topics: readonly TopicRow[];
}

export interface ClassReport {
  readonly class: ClassSummary;
  readonly topics: readonly { readonly id: string; readonly title: string }[];
  readonly children: readonly ReportChild[];
  readonly missed: readonly {
    readonly activity: string;
    readonly title: string;
    readonly scene: string;
    readonly missed: number;
    readonly tried: number;
  }[];
  /** What children said of the activities this class played (anonymous, 10 answers or more). */
  readonly feedback: readonly {
    readonly activity: string;
    readonly title: string;
    readonly answers: number;
    readonly counts: Readonly<Record<FeedbackAnswer, number>>;
    readonly flags: readonly ('hard' | 'scary')[];
  }[];
}

export interface FamilyChild {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly band: Band;
  readonly kind: 'own' | 'linked';
  readonly report: LearnerReport | null;
}

export interface ChildLearner {
  readonly id: string;
  readonly nickname: string;
  readonly avatar: string;
  readonly band: Band;
  readonly lang: string;
  readonly epoch: number;
}

const cls = (id: string) => `/api/classes/${encodeURIComponent(id)}`;
const child = (classId: string, learnerId: string) =>
  `${cls(classId)}/children/${encodeURIComponent(learnerId)}`;

export const classesApi = {
  schools: () => request<{ schools: School[] }>('GET', '/api/schools'),
  addSchool: (name: string) => request<{ school: School }>('POST', '/api/schools', { name }),
  agree: (schoolId: string, agreedBy: string, noticeVersion: string) =>
    request<{ school: School }>('PUT', `/api/schools/${encodeURIComponent(schoolId)}/agreement`, {
      agreedBy,
      noticeVersion,
    }),
  classes: () => request<{ classes: ClassSummary[] }>('GET', '/api/classes'),
  addClass: (body: { schoolId: string; name: string; band: Band; lang: string }) =>
    request<{ class: ClassSummary }>('POST', '/api/classes', body),
  get: (id: string) => request<ClassDetail>('GET', cls(id)),
  addChildren: (id: string, nicknames: readonly string[]) =>
    request<{ children: ClassChild[] }>('POST', `${cls(id)}/children`, { nicknames }),
  eraseChild: (id: string, learner: string) => request<void>('DELETE', child(id, learner)),
  newPictures: (id: string, learner: string) =>
    request<{ child: ClassChild }>('POST', `${child(id, learner)}/pictures`, {}),
  signOutDevices: (id: string, learner: string) =>
    request<{ revoked: number }>('DELETE', `${child(id, learner)}/devices`),
  assign: (id: string, activity: string, due: string | null) =>
    request<{ assignment: Assignment }>('POST', `${cls(id)}/assignments`, { activity, due }),
  unassign: (id: string, assignment: string) =>
    request<void>('DELETE', `${cls(id)}/assignments/${encodeURIComponent(assignment)}`),
  approveLink: (id: string, link: string) =>
    request<{ approved: true }>('POST', `${cls(id)}/links/${encodeURIComponent(link)}/approve`, {}),
  report: (id: string) => request<ClassReport>('GET', `${cls(id)}/report`),
  family: () => request<{ children: FamilyChild[] }>('GET', '/api/family/children'),
  addFamilyChild: (body: {
    nickname: string;
    avatar: string;
    band: Band;
    lang: string;
    noticeVersion: string;
  }) => request<{ child: ChildLearner; token: string }>('POST', '/api/family/children', body),
  leaveChild: (learner: string) =>
    request<void>('DELETE', `/api/family/children/${encodeURIComponent(learner)}`),
  requestLink: (body: { code: string; nickname: string; noticeVersion: string }) =>
    request<{ link: { id: string } }>('POST', '/api/family/links', body),
};

/** Where the class's PDFs and CSV are: plain links, the browser opens or saves them. */
export const classFiles = {
  cards: (id: string) => `${cls(id)}/cards.pdf`,
  letter: (id: string) => `${cls(id)}/letter.pdf`,
  csv: (id: string) => `${cls(id)}/report.csv`,
};
