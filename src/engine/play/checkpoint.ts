import type { ActivityId, SceneId } from '../ids';
import type { Activity } from '../types/activity';
import type { Answer } from '../types/interaction';
import { play } from './play';
import { sceneOf, startActivity } from './state';
import type { PlayState } from './state';

/** A saved place in an activity: the answers that led to a checkpoint scene. */
export interface Checkpoint {
  readonly activity: ActivityId;
  readonly version: number;
  /** The checkpoint scene reached. */
  readonly scene: SceneId;
  readonly answers: readonly { readonly scene: SceneId; readonly answer: Answer }[];
}

/** How a checkpoint was restored. */
export type ResumeMode = 'resumed' | 'replayed' | 'restarted';

/**
 * The checkpoint for the latest checkpoint scene on the current path (the current scene
 * counts), or null when the path has passed no checkpoint scene.
 */
export function makeCheckpoint(activity: Activity, state: PlayState): Checkpoint | null {
  const path = [...state.steps.map((s) => s.scene), ...(state.scene === null ? [] : [state.scene])];
  for (let i = path.length - 1; i >= 0; i--) {
    const id = path[i] as SceneId;
    if (sceneOf(activity, id)?.checkpoint !== true) continue;
    const answers = state.steps
      .slice(0, i)
      .map((s) => Object.freeze({ scene: s.scene, answer: s.answer }));
    return Object.freeze({
      activity: state.activity,
      version: state.version,
      scene: id,
      answers: Object.freeze(answers),
    });
  }
  return null;
}

/**
 * The checkpoint of the scene the child is on now, whatever the scene (the web app saves after
 * every answer, so a reload returns to the same scene); null once the activity has ended.
 */
export function checkpointHere(state: PlayState): Checkpoint | null {
  if (state.scene === null) return null;
  return Object.freeze({
    activity: state.activity,
    version: state.version,
    scene: state.scene,
    answers: Object.freeze(
      state.steps.map((s) => Object.freeze({ scene: s.scene, answer: s.answer })),
    ),
  });
}

function replay(activity: Activity, checkpoint: Checkpoint): PlayState | null {
  if (!Array.isArray(checkpoint.answers)) return null;
  let state = startActivity(activity);
  for (const saved of checkpoint.answers) {
    if (typeof saved !== 'object' || saved === null || state.scene !== saved.scene) return null;
    const result = play(activity, state, saved.answer);
    if (!result.ok) return null;
    state = result.state;
  }
  return state.scene === checkpoint.scene ? state : null;
}

/**
 * Restores a checkpoint, possibly saved against another version of the activity. Its answers
 * are replayed through `play()`: the same version gives `resumed`; a new version that still
 * accepts every answer along the same scenes gives `replayed`; anything else (a changed graph,
 * a removed option, a corrupt record) gives `restarted` at the start. Never throws.
 */
export function resumeCheckpoint(
  activity: Activity,
  checkpoint: Checkpoint,
): { state: PlayState; mode: ResumeMode } {
  const fresh = { state: startActivity(activity), mode: 'restarted' as const };
  if (typeof checkpoint !== 'object' || checkpoint === null || checkpoint.activity !== activity.id)
    return fresh;
  const state = replay(activity, checkpoint);
  if (state === null) return fresh;
  return { state, mode: checkpoint.version === activity.version ? 'resumed' : 'replayed' };
}
