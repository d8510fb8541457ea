import { describe, expect, it } from 'vitest';
import { twoSceneActivity } from '../testing/builders';
import { requestHelp, visibleHelp } from './help';
import { play } from './play';
import { startActivity } from './state';
import type { PlayState } from './state';

const activity = twoSceneActivity();
const pick = (option: string) => ({ type: 'choice' as const, option });

function answer(state: PlayState, option: string): PlayState {
  const r = play(activity, state, pick(option));
  if (!r.ok) throw new Error(r.reason);
  return r.state;
}

describe('hints and solution', () => {
  it('releases hints in order on wrong answers, then the solution, never more', () => {
    let s = startActivity(activity);
    expect(visibleHelp(activity, s)).toMatchObject({ hints: [], solution: null, more: true });
    s = answer(s, 'b');
    expect(visibleHelp(activity, s).hints.map((h) => h.id)).toEqual(['t.s1.h1']);
    s = answer(s, 'c');
    expect(visibleHelp(activity, s).hints.map((h) => h.id)).toEqual(['t.s1.h1', 't.s1.h2']);
    expect(visibleHelp(activity, s).solution).toBeNull();
    s = answer(s, 'b');
    expect(visibleHelp(activity, s).solution?.explanation.id).toBe('t.s1.sol');
    expect(visibleHelp(activity, s).more).toBe(false);
    expect(answer(s, 'b').help).toEqual(s.help);
  });

  it('releases help on request, in the same order', () => {
    const s0 = startActivity(activity);
    const s1 = requestHelp(activity, s0);
    const s2 = requestHelp(activity, s1);
    const s3 = requestHelp(activity, s2);
    expect([s1.help, s2.help, s3.help]).toEqual([
      { hints: 1, solution: false },
      { hints: 2, solution: false },
      { hints: 2, solution: true },
    ]);
    expect(requestHelp(activity, s3)).toBe(s3);
  });

  it('marks answers given with help as hinted, and resets help on a new scene', () => {
    const helped = requestHelp(activity, startActivity(activity));
    const r = play(activity, helped, pick('a'));
    if (!r.ok) throw new Error();
    expect(r.step.hinted).toBe(true);
    expect(r.state.help).toEqual({ hints: 0, solution: false });
  });

  it('gives no solution when a scene has none', () => {
    const base = twoSceneActivity();
    const s1 = base.scenes.s1!;
    const noSolution = {
      ...base,
      scenes: {
        ...base.scenes,
        s1: { ...s1, interaction: { ...s1.interaction, solution: undefined, hints: [] } },
      },
    };
    const s = requestHelp(noSolution, startActivity(noSolution));
    expect(s.help).toEqual({ hints: 0, solution: false });
  });
});
