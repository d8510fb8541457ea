// The states of an assessment between a company and the coordinator (research/industry.md (b),
// IND-11): only these transitions exist. Overdue and Extended are marks on a deadline (IND-14,
// IND-15), not states of the submission.

export const ASSESSMENT_STATES = [
  'draft',
  'submitted',
  'in-review',
  'clarification-requested',
  'responded',
  'accepted',
  'monitoring',
  'closed',
  'withdrawn',
] as const;
export type AssessmentState = (typeof ASSESSMENT_STATES)[number];

/** Who may move an assessment along each transition. */
export type DialogueActor = 'company' | 'coordinator';

const TRANSITIONS: Readonly<
  Record<AssessmentState, Partial<Record<AssessmentState, DialogueActor>>>
> = {
  draft: { submitted: 'company', withdrawn: 'company' },
  submitted: { 'in-review': 'coordinator', withdrawn: 'company' },
  'in-review': { 'clarification-requested': 'coordinator', accepted: 'coordinator' },
  'clarification-requested': { responded: 'company', withdrawn: 'company' },
  responded: { 'in-review': 'coordinator' },
  accepted: { monitoring: 'coordinator' },
  monitoring: { closed: 'coordinator' },
  closed: {},
  withdrawn: {},
};

/**
 * Whether `actor` may move an assessment from `from` to `to`: null when allowed, else a stable
 * code (`transition-not-allowed`, or `not-yours` when the other side must make this move). A
 * resubmission is a new assessment (a new version linked to the last), not a transition.
 */
export function transitionProblem(
  from: AssessmentState,
  to: AssessmentState,
  actor: DialogueActor,
): 'transition-not-allowed' | 'not-yours' | null {
  const who = TRANSITIONS[from][to];
  if (who === undefined) return 'transition-not-allowed';
  return who === actor ? null : 'not-yours';
}

/** The states `actor` may move an assessment to from `from`. */
export const nextStates = (from: AssessmentState, actor: DialogueActor): AssessmentState[] =>
  (Object.entries(TRANSITIONS[from]) as [AssessmentState, DialogueActor][])
    .filter(([, who]) => who === actor)
    .map(([to]) => to);
