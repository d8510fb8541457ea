import type { PlayerProps } from '../types';

/** `choice`: a question with big answer buttons; one tap answers. */
export default function ChoicePlayer({
  interaction,
  text,
  onAnswer,
  locked,
  solution,
}: PlayerProps<'choice'>) {
  return (
    <ul class="choices" role="list">
      {interaction.args.options.map((o) => (
        <li key={o.id}>
          <button
            type="button"
            class={`choice-button${solution?.option === o.id ? ' is-solution' : ''}`}
            disabled={locked}
            onClick={() => onAnswer({ type: 'choice', option: o.id })}
          >
            {text(o.text)}
          </button>
        </li>
      ))}
    </ul>
  );
}
