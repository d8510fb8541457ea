import { useState } from 'preact/hooks';
import { language, t } from '../i18n/i18n';
import { speak, stopSpeaking, useLocalVoice } from '../speech/speech';
import speakerIcon from '../../../content/art/ui/speaker.svg';

/**
 * A speaker button that reads `text` aloud with an on-device voice. Hidden when the device has
 * no local voice for the language (a network voice would send the text away).
 */
export function SpeakButton({ text, label }: { text: string; label?: string }) {
  const lang = language();
  const has = useLocalVoice(lang);
  const [speaking, setSpeaking] = useState(false);
  if (!has) return null;
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
        setSpeaking(speak(text, lang, () => setSpeaking(false)));
      }}
    >
      <img src={speakerIcon} alt="" width="28" height="28" />
    </button>
  );
}
