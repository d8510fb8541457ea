import { isScored } from '../types/measurement';
import type { MeasureItem } from '../types/measurement';
import type { CheckPresentation } from './presentation';
import type { MeasureAnswer } from './score';
import { scoreItem } from './score';

/**
 * What a check shows after one answer, where its presentation shows right and wrong (never on
 * a pre-check, MEAS-03): `right`; `better`, an acceptable answer and the best ones (option ids);
 * `answer`, any other answer (also "not sure") and the best ones; `placement`, a sort not all
 * right and where each card goes. Never a score or a count of right answers (MEAS-07).
 */
export type AnswerFeedback =
  | { readonly kind: 'right' }
  | { readonly kind: 'better' | 'answer'; readonly best: readonly string[] }
  | { readonly kind: 'placement'; readonly placement: Readonly<Record<string, string>> };

/**
 * The feedback on one answer to one item of a check, or null when none is shown: the check
 * hides right and wrong (`presentation.correctness` false), the item is a scale (self-efficacy
 * or intention: no right answer), or the answer does not fit the item.
 */
export function answerFeedback(
  item: MeasureItem,
  answer: MeasureAnswer,
  presentation: CheckPresentation,
): AnswerFeedback | null {
  if (!presentation.correctness || !isScored(item.construct)) return null;
  const result = scoreItem(item, answer);
  if (result?.kind !== 'scored') return null;
  if (result.score === 1) return { kind: 'right' };
  const key = item.key;
  if (key?.type === 'choice')
    return { kind: result.score > 0 ? 'better' : 'answer', best: key.best };
  if (key?.type === 'sort') return { kind: 'placement', placement: key.placement };
  return null;
}
