import { describe, expect, it } from 'vitest';
import type { ActivityId, SceneId } from '../ids';
import { choiceScene, activity as makeActivity, twoSceneActivity } from '../testing/builders';
import { checkpointHere, makeCheckpoint, resumeCheckpoint } from './checkpoint';
import type { Checkpoint } from './checkpoint';
import { play } from './play';
import { startActivity } from './state';

const pick = (option: string) => ({ type: 'choice' as const, option });
const v1 = makeActivity({
  s1: choiceScene('s1', 's2'),
  s2: choiceScene('s2', 's3', { checkpoint: true }),
  s3: choiceScene('s3', 'end'),
});

function at(options: string[]) {
  let s = startActivity(v1);
  for (const o of options) {
    const r = play(v1, s, pick(o));
    if (!r.ok) throw new Error(r.reason);
    s = r.state;
  }
  return s;
}

describe('checkpoints', () => {
  it('saves the answers up to the latest checkpoint scene on the path', () => {
    expect(makeCheckpoint(v1, at([]))).toBeNull();
    const cp = makeCheckpoint(v1, at(['b', 'a', 'a']));
    expect(cp).toMatchObject({ scene: 's2', version: 1 });
    expect(cp?.answers.map((a) => a.scene)).toEqual(['s1', 's1']);
  });

  it('saves the current scene, checkpoint or not, and resumes there', () => {
    const here = checkpointHere(at(['b', 'a', 'a'])) as Checkpoint;
    expect(here).toMatchObject({ scene: 's3' });
    expect(here.answers.map((a) => a.scene)).toEqual(['s1', 's1', 's2']);
    expect(resumeCheckpoint(v1, here)).toMatchObject({ mode: 'resumed', state: { scene: 's3' } });
    expect(checkpointHere(at(['a', 'a', 'a']))).toBeNull();
  });

  it('resumes on the same version', () => {
    const cp = makeCheckpoint(v1, at(['a', 'b'])) as Checkpoint;
    const { state, mode } = resumeCheckpoint(v1, cp);
    expect(mode).toBe('resumed');
    expect(state.scene).toBe('s2');
  });

  it('replays on a new version that still accepts the answers', () => {
    const v2 = { ...v1, version: 2 };
    const { state, mode } = resumeCheckpoint(v2, makeCheckpoint(v1, at(['a'])) as Checkpoint);
    expect(mode).toBe('replayed');
    expect(state).toMatchObject({ scene: 's2', version: 2 });
  });

  it('restarts, never crashes, when the new version no longer fits', () => {
    const cp = makeCheckpoint(v1, at(['a'])) as Checkpoint;
    const moved = makeActivity(
      {
        s1: choiceScene('s1', 's3'),
        s2: choiceScene('s2', 's3', { checkpoint: true }),
        s3: choiceScene('s3', 'end'),
      },
      { version: 2 },
    );
    const gone = makeActivity({ intro: choiceScene('intro', 'end') }, { version: 3 });
    for (const next of [moved, gone]) {
      const { state, mode } = resumeCheckpoint(next, cp);
      expect(mode).toBe('restarted');
      expect(state.scene).toBe(next.start);
    }
  });

  it('restarts on corrupt or foreign records', () => {
    const corrupt = [
      null,
      { activity: 'other' as ActivityId, version: 1, scene: 's2' as SceneId, answers: [] },
      { activity: v1.id, version: 1, scene: 's2' as SceneId, answers: 'nope' },
      { activity: v1.id, version: 1, scene: 's2' as SceneId, answers: [null, 42] },
      {
        activity: v1.id,
        version: 1,
        scene: 's2' as SceneId,
        answers: [{ scene: 's1', answer: { type: 'choice' } }],
      },
    ];
    for (const c of corrupt)
      expect(resumeCheckpoint(v1, c as unknown as Checkpoint).mode).toBe('restarted');
  });

  it('saves a checkpoint at the start scene when it is one', () => {
    const a = twoSceneActivity();
    expect(makeCheckpoint(a, startActivity(a))).toMatchObject({ scene: 's1', answers: [] });
  });
});
