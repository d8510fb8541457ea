import { describe, expect, it } from 'vitest';
import type { ActivityId, AttemptId, SkillId, TopicId } from '../ids';
import { activity, catalogue, choiceScene, text, topic } from '../testing/builders';
import type { Activity } from '../types/activity';
import type { Level } from '../types/text';
import { isMastered, masteryProgress, suggestedLevel, topicMastery } from './mastery';
import { newLearner, updateLearner } from './model';
import type { LearnerModel } from './model';
import { describeReason } from './reasons';
import { recommend } from './recommend';

const scams = topic('scams', ['links', 'rush']);
const make = (id: string, level: Level, skills: string[], extra: Partial<Activity> = {}) =>
  activity(
    { s1: choiceScene('s1', 'end') },
    { id: id as ActivityId, level, skills: skills as SkillId[], ...extra },
  );
const acts = [
  make('links-identify', 'identify', ['links']),
  make('rush-identify', 'identify', ['rush']),
  make('links-comprehend', 'comprehend', ['links']),
  make('scams-evaluate', 'evaluate', ['links', 'rush']),
  make('older', 'identify', ['links'], { band: '11-13' }),
  make('sensitive', 'identify', ['links'], {
    sensitive: { minBand: '8-10', adultNote: text('an'), childNote: text('cn') },
  }),
];
const cat = catalogue([scams], acts);

function answers(
  model: LearnerModel,
  id: string,
  skills: string[],
  results: boolean[],
  level: Level = 'identify',
): LearnerModel {
  const difficulty = { identify: -1, comprehend: 0, evaluate: 1 }[level];
  return results.reduce(
    (m, correct, i) =>
      updateLearner(m, {
        activity: id as ActivityId,
        attempt: `${id}-${i}` as AttemptId,
        skills: skills as SkillId[],
        difficulty,
        correct,
        hinted: false,
        graded: true,
        ended: i === results.length - 1,
      }),
    model,
  );
}

describe('mastery and progression', () => {
  it('starts at the band level and needs evidence before moving up', () => {
    const fresh = newLearner('8-10');
    expect(suggestedLevel(cat, fresh, 'scams' as TopicId)).toBe('identify');
    expect(suggestedLevel(cat, newLearner('11-13'), 'scams' as TopicId)).toBe('comprehend');
    const once = answers(fresh, 'links-identify', ['links'], [true]);
    expect(isMastered(topicMastery(cat, once, 'scams' as TopicId, 'identify'))).toBe(false);
  });

  it('shows progress toward a star that moves with every answer and is 1 once mastered', () => {
    const fresh = newLearner('8-10');
    const progress = (model: typeof fresh) =>
      masteryProgress(topicMastery(cat, model, 'scams' as TopicId, 'identify'));
    const once = answers(fresh, 'links-identify', ['links'], [true]);
    const twice = answers(once, 'links-identify', ['links'], [true]);
    expect(progress(fresh)).toBe(0);
    expect(progress(once)).toBeGreaterThan(0);
    expect(progress(twice)).toBeGreaterThan(progress(once));
    expect(progress(twice)).toBeLessThan(1);
    const good = answers(fresh, 'links-identify', ['links', 'rush'], [true, true, true, true]);
    expect(progress(good)).toBe(1);
  });

  it('suggests the next level once mastery passes the threshold', () => {
    const good = answers(
      newLearner('8-10'),
      'links-identify',
      ['links', 'rush'],
      [true, true, true, true],
    );
    expect(topicMastery(cat, good, 'scams' as TopicId, 'identify').value).toBeGreaterThan(0.8);
    expect(suggestedLevel(cat, good, 'scams' as TopicId)).toBe('comprehend');
  });
});

describe('recommend', () => {
  it('offers every activity of the band (nothing locked), sensitive ones only by the rule', () => {
    const ids = recommend(cat, newLearner('8-10')).map((r) => r.activity);
    expect([...ids].sort()).toEqual([
      'links-comprehend',
      'links-identify',
      'rush-identify',
      'scams-evaluate',
    ]);
    expect(
      recommend(cat, newLearner('8-10'), { adultSession: true }).map((r) => r.activity),
    ).toContain('sensitive');
    const teen = make('teen-sensitive', 'identify', ['links'], {
      band: '14-16',
      sensitive: { minBand: '14-16', adultNote: text('an'), childNote: text('cn') },
    });
    const teens = catalogue([scams], [teen]);
    expect(recommend(teens, newLearner('14-16')).map((r) => r.activity)).toEqual([
      'teen-sensitive',
    ]);
  });

  it('leaves out a sensitive activity in a language its translation is not reviewed in', () => {
    const teen = (reviewedIn?: string[]) =>
      make('teen-sensitive', 'identify', ['links'], {
        band: '14-16',
        sensitive: {
          minBand: '14-16',
          adultNote: text('an'),
          childNote: text('cn'),
          ...(reviewedIn ? { reviewedIn } : {}),
        } as never,
      });
    const ids = (reviewedIn: string[] | undefined, lang: string) =>
      recommend(catalogue([scams], [teen(reviewedIn)]), newLearner('14-16'), { lang }).map(
        (r) => r.activity,
      );
    expect(ids(undefined, 'km')).toEqual([]);
    expect(ids(['th'], 'km')).toEqual([]);
    expect(ids(['km'], 'km')).toEqual(['teen-sensitive']);
    expect(ids(undefined, 'en')).toEqual(['teen-sensitive']);
  });

  it('puts the suggested level first, and explains why', () => {
    const [top] = recommend(cat, newLearner('8-10'));
    expect(top?.reasons.map((r) => r.code)).toEqual(['your-level', 'new']);
    expect(describeReason(top!.reasons[0]!, cat)).toMatch(
      /right for you in topic.scams \(identify\)/,
    );
  });

  it('suggests practising a skill that was hard last time', () => {
    const m = answers(newLearner('8-10'), 'rush-identify', ['rush'], [true, false]);
    const [top] = recommend(cat, m);
    expect(top?.activity).toBe('rush-identify');
    const hard = top?.reasons.find((r) => r.code === 'hard-last-time');
    expect(hard && describeReason(hard, cat)).toBe('suggested because rush was hard last time');
  });

  it('moves finished activities down and the next level up once mastered', () => {
    const m = answers(
      newLearner('8-10'),
      'links-identify',
      ['links', 'rush'],
      [true, true, true, true],
    );
    const ranked = recommend(cat, m);
    expect(ranked[0]?.activity).toBe('links-comprehend');
    expect(ranked[0]?.reasons[0]?.code).toBe('next-level');
    expect(ranked.at(-1)?.activity).toBe('links-identify');
    expect(ranked.at(-1)?.reasons.map((r) => r.code)).toContain('done');
  });

  it('is deterministic', () => {
    expect(recommend(cat, newLearner('8-10'))).toEqual(recommend(cat, newLearner('8-10')));
  });
});
