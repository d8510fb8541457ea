import { describe, expect, it } from 'vitest';
import { text } from '../testing/builders';
import { choice } from './choice';
import type { ChoiceArgs, ChoiceRule } from './choice';

const args: ChoiceArgs = { options: ['a', 'b', 'c'].map((id) => ({ id, text: text(id) })) };
const pick = (option: string) => ({ type: 'choice' as const, option });

describe('choice', () => {
  it('accepts only existing options', () => {
    expect(choice.isValidAnswer(args, pick('b'))).toBe(true);
    expect(choice.isValidAnswer(args, pick('z'))).toBe(false);
    expect(choice.isValidAnswer(args, { type: 'choice' } as never)).toBe(false);
  });

  it('Equals matches one option', () => {
    const rule: ChoiceRule = { rule: 'Equals', option: 'b' };
    expect(choice.matches(rule, pick('b'), args)).toBe(true);
    expect(choice.matches(rule, pick('a'), args)).toBe(false);
  });

  it('OneOf matches any listed option', () => {
    const rule: ChoiceRule = { rule: 'OneOf', options: ['a', 'c'] };
    expect(choice.matches(rule, pick('c'), args)).toBe(true);
    expect(choice.matches(rule, pick('b'), args)).toBe(false);
  });

  it('gives samples that are valid and satisfy their rule', () => {
    const rules: ChoiceRule[] = [
      { rule: 'Equals', option: 'a' },
      { rule: 'OneOf', options: ['b', 'c'] },
    ];
    for (const rule of rules) {
      const samples = choice.samples(rule, args);
      expect(samples.length).toBeGreaterThan(0);
      for (const s of samples) {
        expect(choice.isValidAnswer(args, s)).toBe(true);
        expect(choice.matches(rule, s, args)).toBe(true);
      }
    }
  });

  it('reports unknown options in rules and bad arguments', () => {
    expect(choice.checkRule({ rule: 'Equals', option: 'z' }, args)).toEqual([
      { path: 'option', message: 'option "z" does not exist' },
    ]);
    expect(choice.checkRule({ rule: 'OneOf', options: ['a', 'y'] }, args)[0]?.path).toBe(
      'options[1]',
    );
    const dup: ChoiceArgs = { options: [args.options[0]!, args.options[0]!] };
    expect(choice.checkArgs(dup).map((i) => i.path)).toEqual(['options[1].id']);
  });
});
