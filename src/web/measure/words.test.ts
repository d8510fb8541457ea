import { describe, expect, it } from 'vitest';
import { answerFeedback, checkPresentation } from '../../engine';
import type { Text } from '../../engine';
import { choiceItem, scaleItem, sortItem } from '../../engine/testing/measurement';
import { feedbackWords, itemTexts, spoken } from './words';

const text = (t: Text) => t.text;
const post = checkPresentation('post');

describe('the words of a quick check', () => {
  it('reads a question, then its answers, or its cards and then its boxes', () => {
    expect(itemTexts(choiceItem('q1', 'post')).map(text)).toEqual([
      'm.q1.prompt',
      'm.q1.a',
      'm.q1.b',
      'm.q1.c',
      'm.q1.ns',
    ]);
    expect(itemTexts(sortItem('s', 'post')).map(text)).toEqual([
      'm.s.prompt',
      'm.s.c1',
      'm.s.c2',
      'm.s.c3',
      'm.s.c4',
      'm.s.scam',
      'm.s.real',
    ]);
    expect(itemTexts(scaleItem('se'))).toHaveLength(6);
  });

  it('says a good answer in words, never a score', () => {
    const item = choiceItem('q1', 'post');
    const words = (option: string) =>
      feedbackWords(answerFeedback(item, { type: 'choice', option }, post)!, item, text);
    expect(words('a')).toEqual({ lead: 'Yes! That is a good answer.', lines: [] });
    expect(words('b')).toEqual({
      lead: 'That can help. An even better answer is:',
      lines: ['m.q1.a'],
    });
    expect(words('ns')).toEqual({ lead: 'A good answer is:', lines: ['m.q1.a'] });
    const sort = sortItem('q3', 'post');
    const placement = { c1: 'real', c2: 'scam', c3: 'real', c4: 'real' };
    expect(
      feedbackWords(answerFeedback(sort, { type: 'sort', placement }, post)!, sort, text),
    ).toEqual({
      lead: 'Here is where each one goes:',
      lines: [
        'm.q3.c1: m.q3.scam',
        'm.q3.c2: m.q3.scam',
        'm.q3.c3: m.q3.real',
        'm.q3.c4: m.q3.real',
      ],
    });
    for (const w of [words('a'), words('b'), words('c')])
      expect(JSON.stringify(w)).not.toMatch(/score|wrong|points|\d+ of \d+/i);
  });

  it('joins texts into sentences for a voice', () => {
    expect(spoken(['Is it real?', 'Yes', ' ', 'No, it is made up'])).toBe(
      'Is it real? Yes. No, it is made up.',
    );
  });
});
