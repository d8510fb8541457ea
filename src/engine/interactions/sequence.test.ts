import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { sequence } from './sequence';
import type { SequenceArgs, SequenceRule } from './sequence';

const args: SequenceArgs = {
  steps: ['stop', 'save', 'block', 'tell'].map((id) => ({ id, text: text(id) })),
};
const order = (...ids: string[]) => ({ type: 'sequence' as const, order: ids });

describe('sequence', () => {
  it('needs a permutation of all steps', () => {
    expect(sequence.isValidAnswer(args, order('tell', 'stop', 'save', 'block'))).toBe(true);
    expect(sequence.isValidAnswer(args, order('stop', 'save', 'block'))).toBe(false);
    expect(sequence.isValidAnswer(args, order('stop', 'stop', 'block', 'tell'))).toBe(false);
  });

  it('Ordering matches the exact order', () => {
    const rule: SequenceRule = { rule: 'Ordering', order: ['stop', 'save', 'block', 'tell'] };
    expect(sequence.matches(rule, order('stop', 'save', 'block', 'tell'), args)).toBe(true);
    expect(sequence.matches(rule, order('save', 'stop', 'block', 'tell'), args)).toBe(false);
  });

  it('XBeforeY matches when x comes earlier', () => {
    const rule: SequenceRule = { rule: 'XBeforeY', x: 'save', y: 'block' };
    expect(sequence.matches(rule, order('tell', 'save', 'stop', 'block'), args)).toBe(true);
    expect(sequence.matches(rule, order('block', 'save', 'stop', 'tell'), args)).toBe(false);
  });

  it('FirstIs matches the first step', () => {
    const rule: SequenceRule = { rule: 'FirstIs', step: 'tell' };
    expect(sequence.matches(rule, order('tell', 'save', 'stop', 'block'), args)).toBe(true);
    expect(sequence.matches(rule, order('save', 'tell', 'stop', 'block'), args)).toBe(false);
  });

  it('gives samples that are valid and satisfy their rule', () => {
    const rules: SequenceRule[] = [
      { rule: 'Ordering', order: ['tell', 'block', 'save', 'stop'] },
      { rule: 'XBeforeY', x: 'tell', y: 'stop' },
      { rule: 'FirstIs', step: 'block' },
    ];
    for (const rule of rules) {
      for (const s of sequence.samples(rule, args)) {
        expect(sequence.isValidAnswer(args, s)).toBe(true);
        expect(sequence.matches(rule, s, args)).toBe(true);
      }
    }
  });

  it('reports unknown steps, x = y, and orderings that are not permutations', () => {
    expect(
      sequence.checkRule({ rule: 'XBeforeY', x: 'save', y: 'save' }, args)[0]?.message,
    ).toMatch(/different/);
    expect(sequence.checkRule({ rule: 'FirstIs', step: 'jump' }, args)[0]?.path).toBe('step');
    expect(sequence.checkRule({ rule: 'Ordering', order: ['stop', 'save'] }, args)[0]?.path).toBe(
      'order',
    );
    expect(sequence.checkArgs({ steps: [args.steps[0]!] })[0]?.message).toMatch(/at least 2/);
  });
});
