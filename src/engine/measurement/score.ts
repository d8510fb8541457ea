import type { ChoiceAnswer } from '../interactions/choice';
import type { SortAnswer } from '../interactions/sort';
import { isScored } from '../types/measurement';
import type { MeasureItem } from '../types/measurement';

/** An answer to a measurement item: the option picked, or where each card went. */
export type MeasureAnswer = ChoiceAnswer | SortAnswer;

/**
 * One item's result. `scored`: 1 for a best answer, 0.5 for an acceptable one, 0 otherwise (a
 * sort: the share of cards in their right bin); "not sure" scores 0 and is flagged.
 * `scale`: the point picked, 1 = lowest, of `points`.
 */
export type ItemResult =
  | { readonly kind: 'scored'; readonly score: number; readonly notSure: boolean }
  | { readonly kind: 'scale'; readonly value: number; readonly points: number };

/** The result of one answer to one item, or null when the answer does not fit the item. */
export function scoreItem(item: MeasureItem, answer: MeasureAnswer): ItemResult | null {
  const ia = item.interaction;
  if (ia.type === 'choice' && answer.type === 'choice') {
    const at = ia.args.options.findIndex((o) => o.id === answer.option);
    if (at < 0) return null;
    if (!isScored(item.construct))
      return { kind: 'scale', value: at + 1, points: ia.args.options.length };
    const key = item.key?.type === 'choice' ? item.key : undefined;
    const score = key?.best.includes(answer.option)
      ? 1
      : key?.acceptable?.includes(answer.option)
        ? 0.5
        : 0;
    return { kind: 'scored', score, notSure: answer.option === item.notSure };
  }
  if (ia.type === 'sort' && answer.type === 'sort' && item.key?.type === 'sort') {
    const bins = new Set(ia.args.bins.map((b) => b.id));
    const cards = ia.args.items.map((c) => c.id);
    if (!cards.every((c) => bins.has(answer.placement[c] ?? ''))) return null;
    const key = item.key;
    const right = cards.filter((c) => answer.placement[c] === key.placement[c]).length;
    return { kind: 'scored', score: right / cards.length, notSure: false };
  }
  return null;
}

/** Counts of a classification task's cards (MEAS-08), e.g. "scam" as the signal. */
export interface Classification {
  /** Signal cards put in the signal bin. */
  readonly hits: number;
  readonly misses: number;
  /** Other cards put in the signal bin: over-suspicion, reported, never hidden in a total. */
  readonly falseAlarms: number;
  readonly correctRejections: number;
}

/** Adds one sort answer's hits and false alarms, for an item whose key names a `signal` bin. */
export function classifyAnswer(item: MeasureItem, answer: MeasureAnswer): Classification | null {
  const key = item.key;
  if (key?.type !== 'sort' || key.signal === undefined || answer.type !== 'sort') return null;
  const c = { hits: 0, misses: 0, falseAlarms: 0, correctRejections: 0 };
  for (const [card, bin] of Object.entries(key.placement)) {
    const signal = bin === key.signal;
    const said = answer.placement[card] === key.signal;
    if (signal && said) c.hits++;
    else if (signal) c.misses++;
    else if (said) c.falseAlarms++;
    else c.correctRejections++;
  }
  return c;
}
