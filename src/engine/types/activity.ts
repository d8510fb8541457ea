import type { ActivityId, ChallengeId, SceneId, SkillId, TopicId } from '../ids';
import type { Interaction } from './interaction';
import type { Band, Level, Media, Text } from './text';
import type { Worksheet } from './worksheet';

/** One card of an activity: content and exactly one interaction. */
export interface Scene {
  readonly body: Text;
  readonly media?: Media;
  readonly interaction: Interaction;
  /** Progress is saved when the child reaches this scene (see checkpoints). */
  readonly checkpoint?: boolean;
  /** A prompt for the adult in play-together mode, shown with this scene. */
  readonly playTogether?: Text;
  /** Item difficulty for the learner model (logit); defaults to the activity's. */
  readonly difficulty?: number;
}

/** Notes for an activity about a hard subject (e.g. sextortion), and the youngest band. */
export interface Sensitive {
  readonly minBand: Band;
  /** Shown to the adult (teacher, parent) before the activity is offered. */
  readonly adultNote: Text;
  /** Shown to the child before starting, with the option to stop or get help. */
  readonly childNote: Text;
}

/** A game: a graph of scenes (PLAY-1) with its companions (worksheet, adult prompts). */
export interface Activity {
  readonly id: ActivityId;
  readonly version: number;
  readonly topic: TopicId;
  readonly band: Band;
  readonly level: Level;
  readonly skills: readonly SkillId[];
  /** Learning goal, for adults and lesson plans: "I can spot a fake prize message." */
  readonly goal: Text;
  readonly title: Text;
  readonly summary: Text;
  /** Estimated minutes to play, for lesson plans. */
  readonly minutes: number;
  /** Item difficulty for the learner model (logit, about -2…2); default by level. */
  readonly difficulty?: number;
  readonly start: SceneId;
  readonly scenes: Readonly<Record<string, Scene>>;
  readonly worksheet: Worksheet;
  /** The conversation prompt for the adult afterwards ("Ask: who would you tell?"). */
  readonly adultPrompt: Text;
  /** Prompts for the adult in play-together mode, before and after playing. */
  readonly playTogether: readonly Text[];
  /** A short word list for teachers: the words this activity teaches or needs (shown in the library). */
  readonly vocabulary?: readonly Text[];
  /** Framework strands this activity maps to, beyond its topic's (`FrameworkMapping`). */
  readonly frameworks?: Readonly<Record<string, readonly string[]>>;
  /** Offline missions that extend this activity. */
  readonly challenges?: readonly ChallengeId[];
  readonly sensitive?: Sensitive;
}
