// What changed between an assessment and the one it resubmits (IND-10, research/industry.md (a)
// "change since the last cycle"): the answers, each section's score, the overall score and the
// maturity. Pure: both sides are scored here unless their scores are given.

import { appliesTo } from './applicable';
import { scoreAssessment } from './score';
import type { AssessmentScore, Maturity } from './score';
import type {
  AnswerLevel,
  IndustryAnswer,
  IndustryFramework,
  IndustryQuestion,
  ServiceProfile,
} from './types';

/** One side of the comparison: what was assessed, and its score if the caller has it. */
export interface AssessmentSide {
  readonly framework: IndustryFramework;
  readonly profile: ServiceProfile;
  readonly answers: ReadonlyMap<string, IndustryAnswer>;
  readonly score?: AssessmentScore;
}

/** An answer as the diff shows it: a level, N/A, or null when there was no answer. */
export type AnswerValue = AnswerLevel | 'na' | null;

export interface AnswerChange {
  readonly question: string;
  readonly section: string;
  /**
   * `changed`: asked both times with a different answer; `added`: asked only now (the service
   * profile or the framework changed); `removed`: asked only before.
   */
  readonly kind: 'changed' | 'added' | 'removed';
  readonly from: AnswerValue;
  readonly to: AnswerValue;
}

export interface FromTo<T> {
  readonly from: T;
  readonly to: T;
}

export interface AssessmentChanges {
  /** Changed answers, in the new framework's order, then the removed ones in the old order. */
  readonly answers: readonly AnswerChange[];
  /** Every section of either side (the new order first), its percent before and now. */
  readonly sections: readonly ({ readonly section: string } & FromTo<number | null>)[];
  readonly overall: FromTo<number | null>;
  readonly maturity: FromTo<Maturity | null>;
  readonly criticalCap: FromTo<boolean>;
}

const valueOf = (a: IndustryAnswer | undefined): AnswerValue => (a === undefined ? null : a.level);

/** The questions of a side that were asked of its service, by id. */
const asked = (side: AssessmentSide): Map<string, IndustryQuestion> =>
  new Map(side.framework.questions.filter((q) => appliesTo(q, side.profile)).map((q) => [q.id, q]));

/**
 * The changes from `prev` to `next`. Questions are matched by id, so a resubmission under a new
 * framework version compares the questions the two versions share. A question asked both times
 * is listed only when its answer changed (a new N/A reason alone is not a change of answer); a
 * question asked on one side only is always listed, as `added` or `removed`, with null on the
 * side where it was not asked.
 */
export function assessmentChanges(prev: AssessmentSide, next: AssessmentSide): AssessmentChanges {
  const before = asked(prev);
  const now = asked(next);
  const answers: AnswerChange[] = [];
  for (const [id, q] of now) {
    const to = valueOf(next.answers.get(id));
    if (!before.has(id))
      answers.push({ question: id, section: q.section, kind: 'added', from: null, to });
    else {
      const from = valueOf(prev.answers.get(id));
      if (from !== to)
        answers.push({ question: id, section: q.section, kind: 'changed', from, to });
    }
  }
  for (const [id, q] of before)
    if (!now.has(id))
      answers.push({
        question: id,
        section: q.section,
        kind: 'removed',
        from: valueOf(prev.answers.get(id)),
        to: null,
      });

  const a = prev.score ?? scoreAssessment(prev.framework, prev.profile, prev.answers);
  const b = next.score ?? scoreAssessment(next.framework, next.profile, next.answers);
  const percentOf = (score: AssessmentScore, section: string) =>
    score.sections.find((s) => s.section === section)?.percent ?? null;
  const ids = [
    ...next.framework.sections.map((s) => s.id),
    ...prev.framework.sections.map((s) => s.id),
  ];
  const sections = [...new Set(ids)].map((section) => ({
    section,
    from: percentOf(a, section),
    to: percentOf(b, section),
  }));
  return {
    answers,
    sections,
    overall: { from: a.overall, to: b.overall },
    maturity: { from: a.maturity, to: b.maturity },
    criticalCap: { from: a.criticalCap, to: b.criticalCap },
  };
}
