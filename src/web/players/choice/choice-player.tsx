import type { PlayerProps } from '../types';
import { AnswerPicture } from '../../components/answer-picture';
import { ItemSpeaker } from '../../components/item-speaker';
import './choice-player.css';

/**
 * `choice`: a question with big answer buttons; one tap answers. Answers with pictures (ages
 * 5–7) are cards with the picture above the words (after them in the DOM, so a screen reader
 * says the answer first, then the picture's alt text); every answer has its own speaker.
 */
export default function ChoicePlayer({
  interaction,
  text,
  onAnswer,
  locked,
  solution,
}: PlayerProps<'choice'>) {
  const { options } = interaction.args;
  const pictures = options.some((o) => o.media);
  return (
    <ul class={`choices${pictures ? ' choices-pictures' : ''}`} role="list">
      {options.map((o) => (
        <li key={o.id} class="choice-item">
          <button
            type="button"
            class={`choice-button${o.media ? ' has-picture' : ''}${solution?.option === o.id ? ' is-solution' : ''}`}
            disabled={locked}
            onClick={() => onAnswer({ type: 'choice', option: o.id })}
          >
            <span class="choice-text">{text(o.text)}</span>
            <AnswerPicture media={o.media} text={text} />
          </button>
          <ItemSpeaker tx={o.text} text={text} />
        </li>
      ))}
    </ul>
  );
}
