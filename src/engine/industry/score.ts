import { applicableQuestions } from './applicable';
import { DEFAULT_TARGET } from './types';
import type {
  AnswerLevel,
  IndustryAnswer,
  IndustryFramework,
  IndustryQuestion,
  ServiceProfile,
} from './types';

/** Maturity levels (research/industry.md (a)): 1 Initial, 2 Developing, 3 Established, 4 Leading. */
export type Maturity = 1 | 2 | 3 | 4;

export interface SectionScore {
  readonly section: string;
  /** Σ(weight × level) / Σ(weight × 4) over its answered, applicable questions; null if none. */
  readonly percent: number | null;
  readonly answered: number;
  readonly notApplicable: number;
}

export interface Gap {
  readonly question: string;
  readonly section: string;
  readonly level: AnswerLevel;
  readonly target: AnswerLevel;
  /** weight × (target − level): the higher, the sooner. */
  readonly priority: number;
  readonly critical: boolean;
  readonly recommendation: IndustryQuestion['recommendation'];
}

export interface AssessmentScore {
  readonly sections: readonly SectionScore[];
  /** The sections' percentages weighted by their shares (sections with no score left out). */
  readonly overall: number | null;
  readonly maturity: Maturity | null;
  /** True when a critical question is answered 0 or 1, which caps the maturity at 2. */
  readonly criticalCap: boolean;
  /** Applicable questions without an answer: a submission needs none (they score nothing). */
  readonly unanswered: readonly string[];
  /** Answers below their target, most urgent first. */
  readonly gaps: readonly Gap[];
}

/** The maturity band of an overall percentage: <40, 40–64, 65–84, ≥85. */
export function maturityOf(percent: number): Maturity {
  if (percent >= 85) return 4;
  if (percent >= 65) return 3;
  if (percent >= 40) return 2;
  return 1;
}

/**
 * Scores a company's answers against a framework (IND-06…08): per section the weighted share of
 * the top level over the applicable questions answered on the scale (N/A left out), overall the
 * sections weighted by their shares, the maturity band with the critical cap, and every answer
 * below its target as a gap with its recommendation, ranked by weight × distance to target.
 * Answers to questions that do not apply to the service are ignored.
 */
export function scoreAssessment(
  framework: IndustryFramework,
  profile: ServiceProfile,
  answers: ReadonlyMap<string, IndustryAnswer>,
): AssessmentScore {
  const asked = applicableQuestions(framework, profile);
  const unanswered: string[] = [];
  const gaps: Gap[] = [];
  let criticalCap = false;
  const sums = new Map<string, { got: number; max: number; answered: number; na: number }>();
  for (const s of framework.sections) sums.set(s.id, { got: 0, max: 0, answered: 0, na: 0 });
  for (const q of asked) {
    const sum = sums.get(q.section);
    const a = answers.get(q.id);
    if (!sum) continue;
    if (a === undefined) {
      unanswered.push(q.id);
      continue;
    }
    if (a.level === 'na') {
      sum.na += 1;
      continue;
    }
    sum.got += q.weight * a.level;
    sum.max += q.weight * 4;
    sum.answered += 1;
    if (q.critical && a.level <= 1) criticalCap = true;
    const target = q.target ?? DEFAULT_TARGET;
    if (a.level < target)
      gaps.push({
        question: q.id,
        section: q.section,
        level: a.level,
        target,
        priority: q.weight * (target - a.level),
        critical: q.critical,
        recommendation: q.recommendation,
      });
  }
  const sections: SectionScore[] = framework.sections.map((s) => {
    const sum = sums.get(s.id)!;
    return {
      section: s.id,
      percent: sum.max === 0 ? null : (100 * sum.got) / sum.max,
      answered: sum.answered,
      notApplicable: sum.na,
    };
  });
  let weighted = 0;
  let weights = 0;
  framework.sections.forEach((s, i) => {
    const p = sections[i]!.percent;
    if (p === null) return;
    weighted += s.weight * p;
    weights += s.weight;
  });
  const overall = weights === 0 ? null : weighted / weights;
  const band = overall === null ? null : maturityOf(overall);
  const order = new Map(framework.questions.map((q, i) => [q.id, i]));
  gaps.sort(
    (x, y) =>
      y.priority - x.priority ||
      Number(y.critical) - Number(x.critical) ||
      order.get(x.question)! - order.get(y.question)!,
  );
  return {
    sections,
    overall,
    maturity: band === null ? null : criticalCap ? (Math.min(band, 2) as Maturity) : band,
    criticalCap,
    unanswered,
    gaps,
  };
}
