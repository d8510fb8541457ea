// Naming a company in public (IND-19, docs/industry.md "Publication"): what the public register
// may show of an accepted assessment, and when it may be shown. Pure: times are given.

import { applicableQuestions } from './applicable';
import { scoreAssessment } from './score';
import type { Maturity } from './score';
import type { Confidentiality, IndustryAnswer, IndustryFramework, ServiceProfile } from './types';

/** The company's days to read a proposal before it may be published without its consent. */
export const PUBLICATION_WINDOW_DAYS = 15;
const DAY_MS = 86_400_000;

export const PUBLICATION_STATES = ['proposed', 'published', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

/**
 * What the register shows, frozen when the coordinator proposes it: the organisation's public
 * name, the service, the framework version, the scores, and only the answers the company marked
 * `public`. Texts (section titles, questions) are ids, read in the reader's language.
 */
export interface PublicationContent {
  readonly organisation: string;
  readonly service: { readonly name: string; readonly type: string };
  readonly framework: string;
  readonly acceptedAt: string;
  readonly overall: number | null;
  readonly maturity: Maturity | null;
  readonly criticalCap: boolean;
  // Plain arrays: the content is stored as JSON and sent as it is.
  readonly sections: { readonly section: string; readonly percent: number | null }[];
  readonly answers: { readonly question: string; readonly level: number | 'na' }[];
}

/** What the proposal is made of. */
export interface PublicationSource {
  readonly organisation: string;
  readonly service: { readonly name: string; readonly type: string };
  readonly framework: IndustryFramework;
  readonly frameworkKey: string;
  readonly acceptedAt: string;
  readonly profile: ServiceProfile;
  readonly answers: ReadonlyMap<string, IndustryAnswer>;
  /** Each answered question's class; an answer without one is confidential (IND-16). */
  readonly confidentiality: ReadonlyMap<string, Confidentiality>;
}

/** The register's entry for an assessment: confidential and restricted answers never appear. */
export function publicationContent(s: PublicationSource): PublicationContent {
  const score = scoreAssessment(s.framework, s.profile, s.answers);
  const answers: { question: string; level: number | 'na' }[] = [];
  for (const q of applicableQuestions(s.framework, s.profile)) {
    const a = s.answers.get(q.id);
    if (!a || (s.confidentiality.get(q.id) ?? 'confidential') !== 'public') continue;
    answers.push({ question: q.id, level: a.level });
  }
  return {
    organisation: s.organisation,
    service: { name: s.service.name, type: s.service.type },
    framework: s.frameworkKey,
    acceptedAt: s.acceptedAt,
    overall: score.overall,
    maturity: score.maturity,
    criticalCap: score.criticalCap,
    sections: score.sections.map((x) => ({ section: x.section, percent: x.percent })),
    answers,
  };
}

/** When the company's window closes for a proposal made at `proposedAt` (epoch ms). */
export const publicationWindowEnd = (proposedAt: number): number =>
  proposedAt + PUBLICATION_WINDOW_DAYS * DAY_MS;

/** Where a proposal stands, as far as publishing it goes. */
export interface PublicationStatus {
  readonly state: PublicationState;
  readonly windowEndsAt: number;
  readonly consentedAt: number | null;
}

export type PublishProblem = 'publication_not_proposed' | 'publication_window_open';

/**
 * Why the proposal may not be published at `now`, or null when it may: it must still be
 * proposed, and the company must have consented or had its full window (IND-19).
 */
export function publishProblem(p: PublicationStatus, now: number): PublishProblem | null {
  if (p.state !== 'proposed') return 'publication_not_proposed';
  if (p.consentedAt === null && now < p.windowEndsAt) return 'publication_window_open';
  return null;
}

/** A proposal to publish an assessment and what became of it, as both sides read it (ISO times). */
export interface PublicationRecord {
  readonly id: string;
  readonly assessmentId: string;
  readonly state: PublicationState;
  readonly content: PublicationContent;
  readonly proposedAt: string;
  readonly windowEndsAt: string;
  readonly consentedAt: string | null;
  readonly objection: string | null;
  readonly objectedAt: string | null;
  readonly publishedAt: string | null;
  readonly withdrawnAt: string | null;
}

/** The texts a register entry names by id, in the reader's language. */
export interface RegisterTexts {
  readonly framework: string;
  readonly sections: Readonly<Record<string, string>>;
  readonly questions: Readonly<Record<string, string>>;
}

/** One entry of the public register. */
export interface RegisterEntry {
  readonly id: string;
  readonly publishedAt: string;
  readonly content: PublicationContent;
  readonly texts: RegisterTexts;
}
