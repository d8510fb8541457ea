import { useState } from 'preact/hooks';
import { language, t } from '../i18n/i18n';
import { readAloud, stopSpeaking, useLocalVoice } from '../speech/speech';
import speakerIcon from '../../../content/art/ui/speaker.svg';

/** A value, or a function that gives it when the button is pressed (e.g. the order on screen). */
type Lazy<T> = T | (() => T);
const now = <T,>(v: Lazy<T>): T => (typeof v === 'function' ? (v as () => T)() : v);

/**
 * A speaker button that plays the pack's recordings of a text, or reads it with an on-device
 * voice. Hidden when there is neither (a network voice would send the text away).
 */
export function SpeakButton({
  text,
  label,
  description,
  recordings = [],
  small = false,
}: {
  text: Lazy<string>;
  label?: string;
  /** A longer description (the tooltip), e.g. which answer the button reads. */
  description?: string;
  /** The pack's recordings of this text, played instead of a synthetic voice. */
  recordings?: Lazy<readonly string[]>;
  /** The small speaker of one answer, card or step. */
  small?: boolean;
}) {
  const lang = language();
  const has = useLocalVoice(lang);
  const [speaking, setSpeaking] = useState(false);
  if (!has && now(recordings).length === 0) return null;
  const name = speaking ? t('common.stopReading') : (label ?? t('common.readAloud'));
  return (
    <button
      type="button"
      class={`icon-button speak${small ? ' speak-small' : ''}`}
      aria-label={name}
      title={speaking ? name : (description ?? name)}
      aria-pressed={speaking}
      onClick={(e) => {
        e.stopPropagation();
        if (speaking) {
          stopSpeaking();
          setSpeaking(false);
          return;
        }
        setSpeaking(readAloud(now(text), now(recordings), lang, () => setSpeaking(false)));
      }}
    >
      <img src={speakerIcon} alt="" width={small ? 22 : 28} height={small ? 22 : 28} />
    </button>
  );
}
