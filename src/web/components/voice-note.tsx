import { useEffect, useState } from 'preact/hooks';
import { language, t } from '../i18n/i18n';
import { useLocalVoice } from '../speech/speech';

const SEEN = 'kite.voiceNote.seen';

function seen(): boolean {
  try {
    return localStorage.getItem(SEEN) === '1';
  } catch {
    return false;
  }
}

/**
 * A calm note for the adult when the device has no on-device voice for the language: Kite then
 * plays the pack's recordings where there are any. On the settings page it always shows; on a
 * 5–7 child's first play it shows once, until the adult taps "Got it".
 */
export function VoiceNote({ where }: { where: 'settings' | 'play' }) {
  const has = useLocalVoice(language());
  const [hidden, setHidden] = useState(() => where === 'play' && seen());
  // Browsers load their voice list a moment after the page; wait for it before saying there
  // is none, so the note never flashes on a device that has a voice.
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    const done = () => setSettled(true);
    const timer = setTimeout(done, 1200);
    if (typeof speechSynthesis !== 'undefined')
      speechSynthesis.addEventListener('voiceschanged', done);
    return () => {
      clearTimeout(timer);
      if (typeof speechSynthesis !== 'undefined')
        speechSynthesis.removeEventListener('voiceschanged', done);
    };
  }, []);
  if (has || hidden || !settled) return null;
  return (
    <section class="voice-note card" aria-labelledby={`voice-note-${where}`}>
      <h2 id={`voice-note-${where}`}>{t('voice.noneTitle')}</h2>
      <p>{where === 'settings' ? t('voice.noneSettings') : t('voice.none')}</p>
      {where === 'play' && (
        <button
          type="button"
          class="secondary"
          onClick={() => {
            try {
              localStorage.setItem(SEEN, '1');
            } catch {
              // Private mode: the note shows again next time, which is harmless.
            }
            setHidden(true);
          }}
        >
          {t('voice.ok')}
        </button>
      )}
    </section>
  );
}
