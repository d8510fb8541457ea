import type { ComponentType } from 'preact';
import type { InteractionOf, InteractionType, InteractionTypes, Text } from '../../engine';

/**
 * What every game player receives. A player shows one interaction and reports the child's
 * answer; the Play page runs the engine's `play()`, shows feedback and moves on. Players never
 * see outcomes, so they cannot give the answer away.
 */
export interface PlayerProps<T extends InteractionType = InteractionType> {
  readonly interaction: InteractionOf<T>;
  /** The string to show for a content text (translated, country placeholders filled). */
  readonly text: (t: Text) => string;
  /** Submits an answer for checking. */
  readonly onAnswer: (answer: InteractionTypes[T]['answer']) => void;
  /** True while feedback for the last answer is showing: input is paused. */
  readonly locked: boolean;
  /** The solution's answer once released (after all hints), for the player to show. */
  readonly solution: InteractionTypes[T]['answer'] | null;
  /** Changes when the scene changes or is replayed, so players reset their local state. */
  readonly sceneKey: string;
  /**
   * The draft channel, for players whose answer is built in several moves (sort, sequence):
   * `draft` is the unfinished work last reported on this scene (after a reload, or the right
   * cards kept for a try again), to start from when it is valid; `onDraft` reports every move.
   * The answer flow stores it next to the checkpoint; players never store anything themselves.
   */
  readonly draft?: unknown;
  readonly onDraft?: (value: unknown) => void;
}

export type Player<T extends InteractionType = InteractionType> = ComponentType<PlayerProps<T>>;
