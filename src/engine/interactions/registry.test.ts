import { describe, expect, it } from 'vitest';
import { interaction, outcome, text } from '../testing/builders';
import { classify, isValidAnswer, KINDS, probeAnswers } from './registry';

const choice = interaction(
  'choice',
  { options: ['a', 'b', 'c'].map((id) => ({ id, text: text(id) })) },
  [
    { rules: [{ rule: 'OneOf', options: ['a', 'b'] }], outcome: outcome('end') },
    { rules: [{ rule: 'Equals', option: 'b' }], outcome: outcome('s1', false) },
  ],
  outcome('s1', false),
);

describe('registry', () => {
  it('classifies by the first matching group, else the default (-1)', () => {
    expect(classify(choice, { type: 'choice', option: 'b' })).toBe(0);
    expect(classify(choice, { type: 'choice', option: 'c' })).toBe(-1);
  });

  it('refuses answers of another type or with extra fields', () => {
    expect(isValidAnswer(choice, { type: 'chat', reply: 'a' })).toBe(false);
    expect(isValidAnswer(choice, { type: 'choice', option: 'a', note: 'hi' } as never)).toBe(false);
    expect(isValidAnswer(choice, null as never)).toBe(false);
  });

  it('continue takes a bare answer and has no rules', () => {
    const c = interaction('continue', {}, [], outcome('end'));
    expect(isValidAnswer(c, { type: 'continue' })).toBe(true);
    expect(classify(c, { type: 'continue' })).toBe(-1);
    expect(KINDS.continue.samples(undefined as never, {})).toEqual([]);
  });
});

describe('probes', () => {
  it('are valid answers that reach the default outcome when it can happen', () => {
    const probes = probeAnswers(choice);
    expect(probes.every((p) => isValidAnswer(choice, p))).toBe(true);
    expect(probes.some((p) => classify(choice, p) === -1)).toBe(true);
  });
});
