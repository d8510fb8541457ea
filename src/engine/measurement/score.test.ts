import { describe, expect, it } from 'vitest';
import { BANK, choiceItem, measureEvent, scaleItem, sortItem } from '../testing/measurement';
import { formAnswers, scoreForm } from './form-score';
import { classifyAnswer, scoreItem } from './score';
import type { MeasureAnswer } from './score';

const choice = (option: string): MeasureAnswer => ({ type: 'choice', option });
const sort = (placement: Record<string, string>): MeasureAnswer => ({ type: 'sort', placement });

describe('scoring measurement items', () => {
  it('scores a choice by its key: best 1, acceptable 0.5, other 0, "not sure" 0 and flagged', () => {
    const item = choiceItem('x', 'pre');
    expect(scoreItem(item, choice('a'))).toEqual({ kind: 'scored', score: 1, notSure: false });
    expect(scoreItem(item, choice('b'))).toEqual({ kind: 'scored', score: 0.5, notSure: false });
    expect(scoreItem(item, choice('c'))).toEqual({ kind: 'scored', score: 0, notSure: false });
    expect(scoreItem(item, choice('ns'))).toEqual({ kind: 'scored', score: 0, notSure: true });
    expect(scoreItem(item, choice('zz'))).toBeNull();
    expect(scoreItem(item, sort({}))).toBeNull();
  });

  it('reads a scale as the point picked, with no right answer', () => {
    expect(scoreItem(scaleItem('s'), choice('p4'))).toEqual({ kind: 'scale', value: 4, points: 5 });
  });

  it('scores a sort by the share of cards in their bin, and counts hits and false alarms (MEAS-08)', () => {
    const item = sortItem('s', 'pre');
    // c1 found, c2 missed, c3 wrongly called a scam, c4 right.
    const answer = sort({ c1: 'scam', c2: 'real', c3: 'scam', c4: 'real' });
    expect(scoreItem(item, answer)).toEqual({ kind: 'scored', score: 0.5, notSure: false });
    expect(classifyAnswer(item, answer)).toEqual({
      hits: 1,
      misses: 1,
      falseAlarms: 1,
      correctRejections: 1,
    });
    // Calling everything a scam finds every scam: only the false alarms show the over-suspicion.
    const all = sort({ c1: 'scam', c2: 'scam', c3: 'scam', c4: 'scam' });
    expect(classifyAnswer(item, all)).toMatchObject({ hits: 2, falseAlarms: 2 });
    expect(scoreItem(item, sort({ c1: 'scam' }))).toBeNull();
  });

  it('keeps knowledge, skill, self-efficacy and intention apart (MEAS-07)', () => {
    const pre = BANK.items.filter((i) => i.use.includes('pre'));
    const answers = new Map<string, MeasureAnswer>([
      ['p1', choice('a')],
      ['p2', choice('ns')],
      ['p3', sort({ c1: 'scam', c2: 'scam', c3: 'real', c4: 'scam' })],
      ['se', choice('p2')],
      ['int', choice('p5')],
    ]);
    expect(scoreForm(pre, answers)).toEqual({
      knowledge: { items: 2, points: 1, proportion: 0.5, notSure: 1 },
      skill: { items: 1, points: 0.75, proportion: 0.75, notSure: 0 },
      selfEfficacy: { items: 1, mean: 2, position: 0.25 },
      intention: { items: 1, mean: 5, position: 1 },
      classification: { hits: 2, misses: 0, falseAlarms: 1, correctRejections: 1 },
    });
    expect(scoreForm(pre, new Map())).toEqual({
      knowledge: null,
      skill: null,
      selfEfficacy: null,
      intention: null,
      classification: null,
    });
  });

  it("collects one check's answers from events: first answer per item, this version only", () => {
    const at = (item: string, option: string, time: number, over = {}) =>
      measureEvent('measure-answered', {
        use: 'pre',
        version: 2,
        item,
        answer: choice(option),
        at: time,
        ...over,
      });
    const events = [
      at('p1', 'c', 20),
      at('p1', 'a', 10),
      at('p2', 'a', 11, { version: 1 }),
      at('p2', 'b', 12, { use: 'post' }),
      at('p2', 'b', 13, { band: '11-13' }),
      measureEvent('measure-declined', { use: 'pre', version: 2, at: 14 }),
    ];
    const answers = formAnswers(events, { topic: 'scams', band: '8-10', use: 'pre', version: 2 });
    expect([...answers]).toEqual([['p1', choice('a')]]);
  });
});
