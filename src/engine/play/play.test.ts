import { describe, expect, it } from 'vitest';
import type { SceneId } from '../ids';
import { twoSceneActivity } from '../testing/builders';
import { play } from './play';
import { startActivity } from './state';

const activity = twoSceneActivity();
const pick = (option: string) => ({ type: 'choice' as const, option });

describe('play', () => {
  it('moves along the matched outcome and records the step', () => {
    const r = play(activity, startActivity(activity), pick('a'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.state.scene).toBe('s2');
    expect(r.step).toMatchObject({
      scene: 's1',
      group: 0,
      next: 's2',
      correct: true,
      safety: 'safe',
      hinted: false,
    });
    expect(r.outcome.correct).toBe(true);
  });

  it('stays on a wrong answer and uses the default outcome when nothing matches', () => {
    const r = play(activity, startActivity(activity), pick('c'));
    if (!r.ok) throw new Error(r.reason);
    expect(r.state.scene).toBe('s1');
    expect(r.step.group).toBe(-1);
    expect(r.outcome.correct).toBe(false);
  });

  it('ends on an outcome whose next is "end"', () => {
    const one = play(activity, startActivity(activity), pick('a'));
    if (!one.ok) throw new Error();
    const two = play(activity, one.state, pick('a'));
    if (!two.ok) throw new Error();
    expect(two.state.scene).toBeNull();
    expect(two.state.ending).toEqual({ correct: true, safety: 'safe' });
    expect(play(activity, two.state, pick('a'))).toMatchObject({ ok: false, reason: 'ended' });
  });

  it('returns frozen values and leaves the old state untouched', () => {
    const s0 = startActivity(activity);
    const r = play(activity, s0, pick('a'));
    if (!r.ok) throw new Error();
    expect(Object.isFrozen(r)).toBe(true);
    expect(Object.isFrozen(r.state)).toBe(true);
    expect(Object.isFrozen(r.state.steps)).toBe(true);
    expect(Object.isFrozen(r.step.answer)).toBe(true);
    expect(s0.steps).toHaveLength(0);
    expect(s0.scene).toBe('s1');
  });

  it('rejects invalid answers, unknown scenes and other activities without throwing', () => {
    const s0 = startActivity(activity);
    expect(play(activity, s0, pick('z'))).toMatchObject({ ok: false, reason: 'invalid-answer' });
    expect(play(activity, s0, { type: 'chat', reply: 'a' })).toMatchObject({
      ok: false,
      reason: 'invalid-answer',
    });
    expect(play(activity, { ...s0, scene: 'constructor' as SceneId }, pick('a'))).toMatchObject({
      ok: false,
      reason: 'unknown-scene',
    });
    expect(play(twoSceneActivity({ version: 2 }), s0, pick('a'))).toMatchObject({
      ok: false,
      reason: 'wrong-activity',
    });
  });

  it('records every explored path, sorted and without repeats', () => {
    let s = startActivity(activity);
    for (const o of ['b', 'c', 'b', 'a']) {
      const r = play(activity, s, pick(o));
      if (!r.ok) throw new Error();
      s = r.state;
    }
    expect(s.explored).toEqual(['s1#-1', 's1#0', 's1#1']);
  });
});
