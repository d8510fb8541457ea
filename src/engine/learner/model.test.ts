import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityId, AttemptId, SkillId } from '../ids';
import { learnerFrom, newLearner, updateLearner } from './model';
import type { ModelAnswer } from './model';

const answer = (over: Partial<ModelAnswer> = {}): ModelAnswer => ({
  activity: 'a1' as ActivityId,
  attempt: 'x' as AttemptId,
  skills: ['links' as SkillId, 'rush' as SkillId],
  difficulty: 0,
  correct: true,
  hinted: false,
  graded: true,
  ended: false,
  ...over,
});

describe('learner model', () => {
  it('updates every skill of the item and the activity progress', () => {
    const m = updateLearner(newLearner('8-10'), answer());
    expect(m.skills['links' as SkillId]).toMatchObject({
      theta: 0.5,
      n: 1,
      lastCorrect: true,
      lastActivity: 'a1',
    });
    expect(m.skills['rush' as SkillId]?.theta).toBe(0.5);
    expect(m.activities['a1' as ActivityId]).toMatchObject({
      attempts: 1,
      answers: 1,
      correct: 1,
      finished: false,
    });
  });

  it('leaves skills alone for ungraded answers but counts progress', () => {
    const m = updateLearner(newLearner('8-10'), answer({ graded: false, ended: true }));
    expect(m.skills).toEqual({});
    expect(m.activities['a1' as ActivityId]).toMatchObject({
      finished: true,
      finishedCorrect: true,
    });
  });

  it('counts a new attempt when the attempt id changes', () => {
    let m = updateLearner(newLearner('8-10'), answer());
    m = updateLearner(m, answer());
    m = updateLearner(m, answer({ attempt: 'y' as AttemptId, correct: false, ended: true }));
    expect(m.activities['a1' as ActivityId]).toMatchObject({
      attempts: 2,
      answers: 3,
      correct: 2,
      finishedCorrect: false,
    });
  });

  it('is pure and frozen', () => {
    const m0 = newLearner('8-10');
    const m1 = updateLearner(m0, answer());
    expect(m0.skills).toEqual({});
    expect(Object.isFrozen(m1)).toBe(true);
    expect(Object.isFrozen(m1.skills)).toBe(true);
  });
});

describe('learnerFrom', () => {
  it('equals folding updateLearner over the same answers (property)', () => {
    const answerArb = fc.record({
      activity: fc.constantFrom('a1', 'a2', 'a3'),
      attempt: fc.constantFrom('x', 'y'),
      skills: fc.subarray(['links', 'rush', 'secrets']),
      difficulty: fc.integer({ min: -2, max: 2 }),
      correct: fc.boolean(),
      hinted: fc.boolean(),
      graded: fc.boolean(),
      ended: fc.boolean(),
    }) as unknown as fc.Arbitrary<ModelAnswer>;
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 40 }), (answers) => {
        const folded = answers.reduce((m, a) => updateLearner(m, a), newLearner('11-13'));
        expect(learnerFrom('11-13', answers)).toEqual(folded);
      }),
    );
  });
});
