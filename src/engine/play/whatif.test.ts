import { describe, expect, it } from 'vitest';
import { twoSceneActivity } from '../testing/builders';
import { play } from './play';
import { startActivity } from './state';
import type { PlayState } from './state';
import { pathsFromHere, rewind } from './whatif';

const activity = twoSceneActivity();
const pick = (option: string) => ({ type: 'choice' as const, option });

function run(options: string[]): PlayState {
  let s = startActivity(activity);
  for (const o of options) {
    const r = play(activity, s, pick(o));
    if (!r.ok) throw new Error(r.reason);
    s = r.state;
  }
  return s;
}

describe('what if (PLAY-4)', () => {
  it('goes back to an earlier scene and keeps what was explored', () => {
    const done = run(['a', 'a']);
    expect(done.scene).toBeNull();
    const back = rewind(done, 1);
    expect(back.scene).toBe('s2');
    expect(back.steps).toHaveLength(1);
    expect(back.ending).toBeNull();
    expect(back.explored).toEqual(done.explored);
    const other = play(activity, back, pick('b'));
    if (!other.ok) throw new Error();
    expect(other.state.explored).toEqual(['s1#0', 's2#0', 's2#1']);
    expect(done.steps.every((step) => !step.whatIf)).toBe(true);
    expect(other.step.whatIf).toBe(true);
  });

  it('lists the paths out of a scene with the ones tried', () => {
    const s = rewind(run(['b', 'a']), 1);
    const paths = pathsFromHere(activity, rewind(s, 0));
    expect(paths.map((p) => [p.group, p.explored])).toEqual([
      [0, true],
      [1, true],
      [-1, false],
    ]);
  });

  it('ignores an out-of-range rewind', () => {
    const s = run(['a']);
    expect(rewind(s, 5)).toBe(s);
    expect(pathsFromHere(activity, run(['a', 'a']))).toEqual([]);
  });
});
