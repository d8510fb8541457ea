import type { ActivityCheck } from './context';
import { interactionPath, outcomesOf } from './context';

/**
 * `talk-to-adult`: every outcome labelled `unsafe` opens the "talk to a trusted adult" panel
 * (`"talkToAdult": true`), so a child who made an unsafe choice always sees who can help.
 */
export function checkTalkToAdult({ activity, file, sink }: ActivityCheck): void {
  for (const [id, scene] of Object.entries(activity.scenes)) {
    for (const { path, outcome } of outcomesOf(scene.interaction)) {
      if (outcome.safety === 'unsafe' && outcome.talkToAdult !== true)
        sink.add(
          'talk-to-adult',
          file,
          `${interactionPath(id)}.${path}`,
          'an unsafe outcome must show who can help: add "talkToAdult": true',
        );
    }
  }
}
