import type { AnswerFeedback, MeasureItem, Text } from '../../engine';
import { mt } from './strings';

/**
 * What a child hears of an item (read aloud for 5–7, and by its speaker button): the question,
 * then what to pick from, the answers of a choice, or a sort's cards and then its boxes.
 */
export function itemTexts(item: MeasureItem): Text[] {
  const i = item.interaction;
  return i.type === 'choice'
    ? [item.prompt, ...i.args.options.map((o) => o.text)]
    : [item.prompt, ...i.args.items.map((c) => c.text), ...i.args.bins.map((b) => b.label)];
}

/** The words of the feedback on one answer: a first line, then the good answers or placements. */
export interface FeedbackWords {
  readonly lead: string;
  readonly lines: readonly string[];
}

/**
 * The feedback on an answer in words (`answerFeedback` of the engine): no score, no count, no
 * "wrong": a good answer is right, else the child is shown a good one, or where each card goes.
 */
export function feedbackWords(
  feedback: AnswerFeedback,
  item: MeasureItem,
  text: (t: Text) => string,
): FeedbackWords {
  const i = item.interaction;
  switch (feedback.kind) {
    case 'right':
      return { lead: mt('check.right'), lines: [] };
    case 'better':
    case 'answer': {
      const best =
        i.type === 'choice' ? i.args.options.filter((o) => feedback.best.includes(o.id)) : [];
      return {
        lead: mt(feedback.kind === 'better' ? 'check.better' : 'check.goodAnswer'),
        lines: best.map((o) => text(o.text)),
      };
    }
    case 'placement': {
      if (i.type !== 'sort') return { lead: mt('check.placement'), lines: [] };
      const box = (id: string | undefined) => i.args.bins.find((b) => b.id === id);
      return {
        lead: mt('check.placement'),
        lines: i.args.items.flatMap((c) => {
          const b = box(feedback.placement[c.id]);
          return b ? [mt('check.cardIn', { card: text(c.text), box: text(b.label) })] : [];
        }),
      };
    }
  }
}

/** Joins texts to be read as one, each ending a sentence so a voice pauses between them. */
export function spoken(parts: readonly string[]): string {
  return parts
    .filter((p) => p.trim() !== '')
    .map((p) => p.trim().replace(/[^.!?…:។]$/, (end) => `${end}.`))
    .join(' ');
}
