import { shuffled } from '../players/sequence/shuffle';

/**
 * The order of a sequence's steps as the child sees them now, by scene key (the sequence
 * player keeps it up to date as steps move). The scene's speaker reads the steps in this
 * order: reading them as written would often give the right order away.
 */
let current: { key: string; order: readonly string[] } | null = null;

export function setScreenOrder(key: string, order: readonly string[]): void {
  current = { key, order };
}

/** The order on screen for this scene, else the order the player starts in. */
export function screenOrder(key: string, ids: readonly string[]): readonly string[] {
  return current?.key === key ? current.order : shuffled(ids, key);
}
