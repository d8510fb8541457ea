import { sceneOf } from '../../engine';
import type { Activity, PlayState, Text } from '../../engine';
import { t } from '../i18n/i18n';

/**
 * "What if I chose differently?" (PLAY-4): go back to any answered scene and try another path.
 * Replays are recorded as such and do not count against the child.
 */
export function WhatIf(props: {
  activity: Activity;
  state: PlayState;
  text: (t: Text) => string;
  onRewind: (index: number) => void;
}) {
  const { activity, state, text } = props;
  return (
    <details class="what-if card">
      <summary>{t('play.whatIf')}</summary>
      <ol>
        {state.steps.map((step, i) => {
          const scene = sceneOf(activity, step.scene);
          if (!scene || scene.interaction.type === 'continue') return null;
          return (
            <li key={`${step.scene}-${i}`}>
              <button type="button" class="choice-button" onClick={() => props.onRewind(i)}>
                {text(scene.body)}
              </button>
            </li>
          );
        })}
      </ol>
    </details>
  );
}
