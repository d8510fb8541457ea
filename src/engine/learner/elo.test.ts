import { describe, expect, it } from 'vitest';
import { answerScore, ELO_DEFAULTS, expected, updateEstimate } from './elo';

describe('Elo', () => {
  it('predicts 50% when ability equals difficulty, more when higher', () => {
    expect(expected(0, 0)).toBe(0.5);
    expect(expected(1, 0)).toBeGreaterThan(0.7);
    expect(expected(-1, 0)).toBeLessThan(0.3);
  });

  it('moves up on a right answer and down on a wrong one, by less as evidence grows', () => {
    const up = updateEstimate({ theta: 0, n: 0 }, 1, 0);
    expect(up).toEqual({ theta: 0.5, n: 1 });
    const down = updateEstimate({ theta: 0, n: 0 }, 0, 0);
    expect(down.theta).toBe(-0.5);
    const later = updateEstimate({ theta: 0, n: 40 }, 1, 0);
    expect(later.theta).toBeCloseTo(0.5 / 3);
  });

  it('learns more from a right answer to a hard item than to an easy one', () => {
    const hard = updateEstimate({ theta: 0, n: 0 }, 1, 2).theta;
    const easy = updateEstimate({ theta: 0, n: 0 }, 1, -2).theta;
    expect(hard).toBeGreaterThan(easy);
  });

  it('gives half credit for a right answer with help, none for a wrong one', () => {
    expect(answerScore(true, false)).toBe(1);
    expect(answerScore(true, true)).toBe(ELO_DEFAULTS.hintCredit);
    expect(answerScore(false, true)).toBe(0);
  });
});
