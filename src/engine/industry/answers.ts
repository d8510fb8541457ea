import { applicableQuestions } from './applicable';
import { ANSWER_LEVELS } from './types';
import type { IndustryAnswer, IndustryFramework, ServiceProfile } from './types';

/** Why an answer cannot be saved (IND-04), as a stable code; null when it can. */
export function answerProblem(value: unknown): 'not-on-scale' | 'na-without-reason' | null {
  const a = value as { level?: unknown; reason?: unknown } | null;
  if (a === null || typeof a !== 'object') return 'not-on-scale';
  if (a.level === 'na')
    return typeof a.reason === 'string' && a.reason.trim() !== '' ? null : 'na-without-reason';
  return (ANSWER_LEVELS as readonly unknown[]).includes(a.level) ? null : 'not-on-scale';
}

/** What stands in the way of submitting (IND-05): each with the question and a stable code. */
export interface Blocker {
  readonly question: string;
  readonly code: 'unanswered' | 'evidence-missing';
}

/**
 * The blockers of a submission: every applicable question needs an answer, and one whose rule
 * asks for a document needs at least one (`evidence`: question id → documents attached),
 * unless it is answered N/A.
 */
export function submissionBlockers(
  framework: IndustryFramework,
  profile: ServiceProfile,
  answers: ReadonlyMap<string, IndustryAnswer>,
  evidence: ReadonlyMap<string, number>,
): Blocker[] {
  const out: Blocker[] = [];
  for (const q of applicableQuestions(framework, profile)) {
    const a = answers.get(q.id);
    if (a === undefined) out.push({ question: q.id, code: 'unanswered' });
    else if (a.level !== 'na' && q.evidence === 'document' && (evidence.get(q.id) ?? 0) === 0)
      out.push({ question: q.id, code: 'evidence-missing' });
  }
  return out;
}
