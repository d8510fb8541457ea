import type { Activity } from '../types/activity';
import type { Outcome } from '../types/outcome';
import { NO_HELP, pathKey, sceneOf } from './state';
import type { PlayState } from './state';

/**
 * Goes back to the scene of step `index` ("what if I had answered differently?", PLAY-4).
 * Later steps are dropped; the explored paths are kept, and answers from here on are marked
 * `whatIf` (not graded). An out-of-range index returns `state`.
 */
export function rewind(state: PlayState, index: number): PlayState {
  const step = state.steps[index];
  if (step === undefined) return state;
  return Object.freeze({
    ...state,
    scene: step.scene,
    steps: Object.freeze(state.steps.slice(0, index)),
    help: NO_HELP,
    ending: null,
    whatIf: true,
  });
}

/** One path out of a scene and whether the child has tried it. */
export interface PathOption {
  /** Answer group index; -1 for the default outcome. */
  readonly group: number;
  readonly outcome: Outcome;
  readonly explored: boolean;
}

/** The paths out of the current scene, marking those already tried, for "what if" replay. */
export function pathsFromHere(activity: Activity, state: PlayState): readonly PathOption[] {
  const scene = sceneOf(activity, state.scene);
  if (scene === undefined || state.scene === null) return [];
  const at = state.scene;
  const { answerGroups, defaultOutcome } = scene.interaction;
  const groups = answerGroups.map((g, i) => ({ group: i, outcome: g.outcome }));
  return Object.freeze(
    [...groups, { group: -1, outcome: defaultOutcome }].map((p) =>
      Object.freeze({ ...p, explored: state.explored.includes(pathKey(at, p.group)) }),
    ),
  );
}
