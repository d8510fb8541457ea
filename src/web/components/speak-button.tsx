import { useState } from 'preact/hooks';
import { language, t } from '../i18n/i18n';
import { readAloud, stopSpeaking, useLocalVoice } from '../speech/speech';
import speakerIcon from '../../../content/art/ui/speaker.svg';

/**
 * A speaker button that plays the pack's recordings of a text, or reads it with an on-device
 * voice. Hidden when there is neither (a network voice would send the text away).
 */
export function SpeakButton({
  text,
  label,
  recordings = [],
}: {
  text: string;
  label?: string;
  /** The pack's recordings of this text, played instead of a synthetic voice. */
  recordings?: readonly string[];
}) {
  const lang = language();
  const has = useLocalVoice(lang);
  const [speaking, setSpeaking] = useState(false);
  if (!has && recordings.length === 0) return null;
  const name = speaking ? t('common.stopReading') : (label ?? t('common.readAloud'));
  return (
    <button
      type="button"
      class="icon-button speak"
      aria-label={name}
      title={name}
      aria-pressed={speaking}
      onClick={() => {
        if (speaking) {
          stopSpeaking();
          setSpeaking(false);
          return;
        }
        setSpeaking(readAloud(text, recordings, lang, () => setSpeaking(false)));
      }}
    >
      <img src={speakerIcon} alt="" width="28" height="28" />
    </button>
  );
}
