// Industry self-assessment (INDUSTRY-1…3, research/industry.md (a)): the shapes the scoring and
// the dialogue work on. A framework is content, versioned; a company's answers refer to one
// version of it. Its texts are `{ id, text }` like all content, so they can be translated.

import type { Text } from '../types/text';

/** The features of a service that switch question modules on (ITU's feature checklists). */
export const SERVICE_FEATURES = [
  'hosting',
  'curated-content',
  'user-content',
  'user-contact',
  'ai',
  'livestream',
  'payments',
] as const;
export type ServiceFeature = (typeof SERVICE_FEATURES)[number];

/** What kind of service a company runs (the service profile's type). */
export const SERVICE_TYPES = [
  'social',
  'messaging',
  'gaming',
  'video',
  'search',
  'marketplace',
  'education',
  'telecom',
  'other',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/** About how many of a service's users are children (the service profile). */
export const CHILD_SHARES = ['none', 'some', 'many', 'most'] as const;
export type ChildShare = (typeof CHILD_SHARES)[number];

/** Who may read an answer beyond the company and the reviewer (IND-16: confidential by default). */
export const CONFIDENTIALITY = ['public', 'confidential', 'restricted'] as const;
export type Confidentiality = (typeof CONFIDENTIALITY)[number];

/** The answer scale (0 not in place … 4 measured and improved). */
export const ANSWER_LEVELS = [0, 1, 2, 3, 4] as const;
export type AnswerLevel = (typeof ANSWER_LEVELS)[number];

/** A section of a framework and its share of the overall score, in percent. */
export interface IndustrySection {
  readonly id: string;
  readonly title: Text;
  readonly weight: number;
}

/** What a question asks for as evidence before the assessment can be submitted. */
export type EvidenceRule = 'none' | 'document';

export interface IndustryQuestion {
  readonly id: string;
  readonly section: string;
  readonly text: Text;
  readonly guidance: Text;
  /** 1–3: how much the question counts within its section. */
  readonly weight: 1 | 2 | 3;
  /** An answer of 0 or 1 here caps the maturity at level 2, whatever the score. */
  readonly critical: boolean;
  readonly evidence: EvidenceRule;
  /** Asked only of a service with at least one of these features; absent: of every service. */
  readonly appliesIf?: readonly ServiceFeature[];
  /** Where the question comes from, e.g. `itu:2`, `vp:1`, `osa:children-risk`. */
  readonly mappings: readonly string[];
  /** The level below which the answer is a gap (default {@link DEFAULT_TARGET}). */
  readonly target?: AnswerLevel;
  /** What to do about a gap, and where to read more. */
  readonly recommendation: { readonly text: Text; readonly resources: readonly string[] };
}

export interface IndustryFramework {
  readonly id: string;
  /** A published version is never changed; a new version gets a new number. */
  readonly version: number;
  /** The framework's name as companies see it. */
  readonly title?: Text;
  /** Who publishes the framework (e.g. the national coordinator). */
  readonly publisher?: string;
  readonly sections: readonly IndustrySection[];
  readonly questions: readonly IndustryQuestion[];
}

/** A company's service as the assessment sees it. */
export interface ServiceProfile {
  readonly features: readonly ServiceFeature[];
}

/** One answer: a level, or not applicable with the company's reason. */
export type IndustryAnswer =
  { readonly level: AnswerLevel } | { readonly level: 'na'; readonly reason: string };

/** The level below which an answer is a gap: 3, "implemented and documented". */
export const DEFAULT_TARGET: AnswerLevel = 3;
