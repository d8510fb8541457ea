import { t } from '../../i18n/i18n';
import type { PlayerProps } from '../types';

/** `continue`: a story beat with one button. */
export default function ContinuePlayer({
  interaction,
  text,
  onAnswer,
  locked,
}: PlayerProps<'continue'>) {
  const label = interaction.args.label ? text(interaction.args.label) : t('play.next');
  return (
    <button
      type="button"
      class="primary"
      disabled={locked}
      onClick={() => onAnswer({ type: 'continue' })}
    >
      {label}
    </button>
  );
}
