import type { Activity } from '../../types/activity';
import type { Outcome } from '../../types/outcome';
import type { Interaction } from '../../types/interaction';
import type { IssueSink } from '../issues';

/** What an activity check gets: the activity, its file and where to report. */
export interface ActivityCheck {
  readonly activity: Activity;
  readonly file: string;
  readonly sink: IssueSink;
}

/** Every outcome of an interaction with its path below the interaction. */
export function outcomesOf(
  interaction: Interaction,
): { path: string; outcome: Outcome; group: number }[] {
  const out = interaction.answerGroups.map((g, i) => ({
    path: `answerGroups[${i}].outcome`,
    outcome: g.outcome,
    group: i,
  }));
  out.push({ path: 'defaultOutcome', outcome: interaction.defaultOutcome, group: -1 });
  return out;
}

/** The path of a scene's interaction. */
export function interactionPath(scene: string): string {
  return `scenes.${scene}.interaction`;
}
