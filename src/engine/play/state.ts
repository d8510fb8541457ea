import type { ActivityId, SceneId } from '../ids';
import type { Activity, Scene } from '../types/activity';
import type { Answer } from '../types/interaction';
import type { Next } from '../types/outcome';
import type { Safety } from '../types/text';

/** One answered scene on the current path. */
export interface Step {
  readonly scene: SceneId;
  readonly answer: Answer;
  /** Index of the matched answer group; -1 for the default outcome. */
  readonly group: number;
  readonly next: Next;
  readonly correct: boolean;
  readonly safety: Safety;
  /** A hint or the solution had been released on this scene before the answer. */
  readonly hinted: boolean;
  /** Played after rewinding to explore another path (PLAY-4); not graded. */
  readonly whatIf: boolean;
}

/** Help released on the current scene: how many hints, and whether the solution. */
export interface HelpState {
  readonly hints: number;
  readonly solution: boolean;
}

/** How the activity ended. */
export interface Ending {
  readonly correct: boolean;
  readonly safety: Safety;
}

/** Where a child is in an activity. Plain JSON, frozen, safe to store on the device. */
export interface PlayState {
  readonly activity: ActivityId;
  readonly version: number;
  /** The current scene; null once the activity has ended. */
  readonly scene: SceneId | null;
  /** The answers on the current path, in order (rewinding drops later ones). */
  readonly steps: readonly Step[];
  readonly help: HelpState;
  readonly ending: Ending | null;
  /**
   * Paths tried so far, as `scene#group` keys (group -1 = default), sorted. Kept across
   * rewinds, so "what if" can show which paths are still unexplored (PLAY-4).
   */
  readonly explored: readonly string[];
  /** The child has rewound at least once in this play-through ("what if" exploring). */
  readonly whatIf: boolean;
}

/** No help released yet. */
export const NO_HELP: HelpState = Object.freeze({ hints: 0, solution: false });

/** A fresh state at `scene` (the activity's start unless given). */
export function startActivity(activity: Activity, scene: SceneId = activity.start): PlayState {
  return Object.freeze({
    activity: activity.id,
    version: activity.version,
    scene,
    steps: Object.freeze([]),
    help: NO_HELP,
    ending: null,
    explored: Object.freeze([]),
    whatIf: false,
  });
}

/** The key of a path in {@link PlayState.explored}. */
export function pathKey(scene: SceneId, group: number): string {
  return `${scene}#${group}`;
}

/** The scene with this id, if the activity has it (own keys only). */
export function sceneOf(activity: Activity, id: string | null): Scene | undefined {
  if (id === null || !Object.hasOwn(activity.scenes, id)) return undefined;
  return activity.scenes[id];
}
