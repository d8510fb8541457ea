import { describe, expect, it } from 'vitest';
import { choiceItem, scaleItem, sortItem } from '../testing/measurement';
import { answerFeedback } from './feedback';
import { checkPresentation } from './presentation';

const pre = checkPresentation('pre');
const post = checkPresentation('post');
const choice = (option: string) => ({ type: 'choice' as const, option });

describe('feedback on a check answer', () => {
  it('shows nothing on a pre-check, whatever the answer (MEAS-03)', () => {
    const item = choiceItem('p1', 'pre');
    for (const o of ['a', 'b', 'c', 'ns']) expect(answerFeedback(item, choice(o), pre)).toBeNull();
    const sort = sortItem('p3', 'pre');
    expect(
      answerFeedback(
        sort,
        { type: 'sort', placement: { c1: 'real', c2: 'real', c3: 'scam', c4: 'scam' } },
        pre,
      ),
    ).toBeNull();
  });

  it('after the topic: right, a better answer for an acceptable one, the best for the rest', () => {
    const item = choiceItem('q1', 'post');
    expect(answerFeedback(item, choice('a'), post)).toEqual({ kind: 'right' });
    expect(answerFeedback(item, choice('b'), post)).toEqual({ kind: 'better', best: ['a'] });
    expect(answerFeedback(item, choice('c'), post)).toEqual({ kind: 'answer', best: ['a'] });
    // "Not sure" is no wrong answer, but the child still hears a good one.
    expect(answerFeedback(item, choice('ns'), post)).toEqual({ kind: 'answer', best: ['a'] });
  });

  it('a sort: right when every card is in its box, else where each goes', () => {
    const item = sortItem('q3', 'post');
    const key = { c1: 'scam', c2: 'scam', c3: 'real', c4: 'real' };
    expect(answerFeedback(item, { type: 'sort', placement: key }, post)).toEqual({ kind: 'right' });
    expect(answerFeedback(item, { type: 'sort', placement: { ...key, c4: 'scam' } }, post)).toEqual(
      { kind: 'placement', placement: key },
    );
  });

  it('nothing for a scale (no right answer) or an answer that does not fit', () => {
    expect(answerFeedback(scaleItem('se'), choice('p5'), post)).toBeNull();
    expect(answerFeedback(scaleItem('int', 'intention'), choice('p1'), post)).toBeNull();
    expect(answerFeedback(choiceItem('q1', 'post'), choice('zz'), post)).toBeNull();
    expect(
      answerFeedback(sortItem('q3', 'post'), { type: 'sort', placement: {} }, post),
    ).toBeNull();
  });
});
