import type { AnswerLevel, AssessmentState, Maturity, ServiceFeature } from '../../engine';
import type { ActionStatus, ChildShare, Confidentiality, ServiceType } from './api';
import { nt } from './strings';
import type { IndustryKey } from './strings';

/** Words for each value the industry pages show, from content/ui/industry (never in components). */
const SCALE: Readonly<Record<AnswerLevel, IndustryKey>> = {
  0: 'industry.scale.0',
  1: 'industry.scale.1',
  2: 'industry.scale.2',
  3: 'industry.scale.3',
  4: 'industry.scale.4',
};
const SCALE_HINT: Readonly<Record<AnswerLevel, IndustryKey>> = {
  0: 'industry.scale.0.hint',
  1: 'industry.scale.1.hint',
  2: 'industry.scale.2.hint',
  3: 'industry.scale.3.hint',
  4: 'industry.scale.4.hint',
};
/** "2 · Partly implemented"; N/A as "Not applicable". */
export const levelLabel = (level: AnswerLevel | 'na' | null | undefined): string =>
  level === null || level === undefined
    ? nt('industry.scale.none')
    : level === 'na'
      ? nt('industry.scale.na')
      : nt('industry.scale.numbered', { n: level, words: nt(SCALE[level]) });
export const levelHint = (level: AnswerLevel): string => nt(SCALE_HINT[level]);

const STATES: Readonly<Record<AssessmentState, IndustryKey>> = {
  draft: 'industry.state.draft',
  submitted: 'industry.state.submitted',
  'in-review': 'industry.state.in-review',
  'clarification-requested': 'industry.state.clarification-requested',
  responded: 'industry.state.responded',
  accepted: 'industry.state.accepted',
  monitoring: 'industry.state.monitoring',
  closed: 'industry.state.closed',
  withdrawn: 'industry.state.withdrawn',
};
export const stateLabel = (s: AssessmentState): string => nt(STATES[s]);

const FEATURES: Readonly<Record<ServiceFeature, [IndustryKey, IndustryKey]>> = {
  hosting: ['industry.feature.hosting', 'industry.feature.hosting.hint'],
  'curated-content': ['industry.feature.curated-content', 'industry.feature.curated-content.hint'],
  'user-content': ['industry.feature.user-content', 'industry.feature.user-content.hint'],
  'user-contact': ['industry.feature.user-contact', 'industry.feature.user-contact.hint'],
  ai: ['industry.feature.ai', 'industry.feature.ai.hint'],
  livestream: ['industry.feature.livestream', 'industry.feature.livestream.hint'],
  payments: ['industry.feature.payments', 'industry.feature.payments.hint'],
};
export const featureLabel = (f: ServiceFeature): string => nt(FEATURES[f][0]);
export const featureHint = (f: ServiceFeature): string => nt(FEATURES[f][1]);

const TYPES: Readonly<Record<ServiceType, IndustryKey>> = {
  social: 'industry.type.social',
  messaging: 'industry.type.messaging',
  gaming: 'industry.type.gaming',
  video: 'industry.type.video',
  search: 'industry.type.search',
  marketplace: 'industry.type.marketplace',
  education: 'industry.type.education',
  telecom: 'industry.type.telecom',
  other: 'industry.type.other',
};
export const typeLabel = (t: ServiceType): string => nt(TYPES[t]);

const SHARES: Readonly<Record<ChildShare, [IndustryKey, IndustryKey]>> = {
  none: ['industry.share.none', 'industry.share.none.hint'],
  some: ['industry.share.some', 'industry.share.some.hint'],
  many: ['industry.share.many', 'industry.share.many.hint'],
  most: ['industry.share.most', 'industry.share.most.hint'],
};
export const shareLabel = (s: ChildShare): string => nt(SHARES[s][0]);
export const shareHint = (s: ChildShare): string => nt(SHARES[s][1]);

const CONFIDENTIALITY: Readonly<Record<Confidentiality, [IndustryKey, IndustryKey]>> = {
  public: ['industry.conf.public', 'industry.conf.public.hint'],
  confidential: ['industry.conf.confidential', 'industry.conf.confidential.hint'],
  restricted: ['industry.conf.restricted', 'industry.conf.restricted.hint'],
};
export const confidentialityLabel = (c: Confidentiality): string => nt(CONFIDENTIALITY[c][0]);
export const confidentialityHint = (c: Confidentiality): string => nt(CONFIDENTIALITY[c][1]);

const MATURITY: Readonly<Record<Maturity, [IndustryKey, IndustryKey]>> = {
  1: ['industry.maturity.1', 'industry.maturity.1.hint'],
  2: ['industry.maturity.2', 'industry.maturity.2.hint'],
  3: ['industry.maturity.3', 'industry.maturity.3.hint'],
  4: ['industry.maturity.4', 'industry.maturity.4.hint'],
};
export const maturityLabel = (m: Maturity): string =>
  nt('industry.maturity.numbered', { n: m, words: nt(MATURITY[m][0]) });
export const maturityHint = (m: Maturity): string => nt(MATURITY[m][1]);

const STATUSES: Readonly<Record<ActionStatus, IndustryKey>> = {
  open: 'industry.action.open',
  'in-progress': 'industry.action.in-progress',
  done: 'industry.action.done',
};
export const statusLabel = (s: ActionStatus): string => nt(STATUSES[s]);
