import type { Scene } from '../types/activity';
import type { Answer } from '../types/interaction';

/** A sort's placement: item id → bin id. */
type Placement = Readonly<Record<string, string>>;

/** The placement a sort scene counts as right: its correct exact group, else its solution. */
function rightPlacement(scene: Scene): Placement | null {
  const { interaction } = scene;
  if (interaction.type !== 'sort') return null;
  for (const group of interaction.answerGroups) {
    if (!group.outcome.correct) continue;
    const exact = group.rules.find((r) => r.rule === 'ExactPlacement');
    if (exact) return exact.placement;
  }
  return interaction.solution?.answer?.placement ?? null;
}

/**
 * What a "try again" on the same scene keeps of the answer just played: for a sort, the cards
 * the child already put in their right box (the others go back to the pile); for anything
 * else, nothing. The result is a draft for the player (see the web's `PlayerProps.draft`).
 */
export function keptOnRetry(scene: Scene, answer: Answer): Placement | undefined {
  if (answer.type !== 'sort') return undefined;
  const right = rightPlacement(scene);
  if (!right) return undefined;
  const kept = Object.entries(answer.placement).filter(([item, bin]) => right[item] === bin);
  return kept.length > 0 ? Object.freeze(Object.fromEntries(kept)) : undefined;
}
