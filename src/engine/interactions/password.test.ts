import { describe, expect, it } from 'vitest';
import { password } from './password';
import type { PasswordFlag, PasswordRule } from './password';

const args = { goal: 3 };
const meter = (score: number, ...flags: PasswordFlag[]) => ({
  type: 'password' as const,
  score,
  flags,
});

describe('password', () => {
  it('accepts a score 0–4 and known, distinct flags (never the text)', () => {
    expect(password.isValidAnswer(args, meter(3, 'dictionary'))).toBe(true);
    expect(password.isValidAnswer(args, meter(5))).toBe(false);
    expect(password.isValidAnswer(args, meter(2.5))).toBe(false);
    expect(password.isValidAnswer(args, meter(2, 'short', 'short'))).toBe(false);
    expect(password.isValidAnswer(args, { ...meter(2), flags: ['secret'] } as never)).toBe(false);
  });

  it('StrengthAtLeast and StrengthBelow compare the score', () => {
    expect(password.matches({ rule: 'StrengthAtLeast', score: 3 }, meter(3), args)).toBe(true);
    expect(password.matches({ rule: 'StrengthAtLeast', score: 3 }, meter(2), args)).toBe(false);
    expect(password.matches({ rule: 'StrengthBelow', score: 2 }, meter(1), args)).toBe(true);
    expect(password.matches({ rule: 'StrengthBelow', score: 2 }, meter(2), args)).toBe(false);
  });

  it('HasFlag looks for a weak pattern', () => {
    expect(
      password.matches({ rule: 'HasFlag', flag: 'personal' }, meter(4, 'personal'), args),
    ).toBe(true);
    expect(password.matches({ rule: 'HasFlag', flag: 'personal' }, meter(4, 'date'), args)).toBe(
      false,
    );
  });

  it('gives samples that satisfy each rule, at several scores', () => {
    const rules: PasswordRule[] = [
      { rule: 'StrengthAtLeast', score: 3 },
      { rule: 'StrengthBelow', score: 2 },
      { rule: 'HasFlag', flag: 'spatial' },
    ];
    for (const rule of rules) {
      const samples = password.samples(rule, args);
      expect(samples.length).toBeGreaterThan(1);
      for (const s of samples) {
        expect(password.isValidAnswer(args, s)).toBe(true);
        expect(password.matches(rule, s, args)).toBe(true);
      }
    }
  });

  it('reports a rule that can never match, and repeated tiles', () => {
    expect(password.checkRule({ rule: 'StrengthBelow', score: 0 }, args)[0]?.path).toBe('score');
    expect(password.checkRule({ rule: 'StrengthAtLeast', score: 4 }, args)).toEqual([]);
  });
});
