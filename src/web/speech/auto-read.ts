import { useEffect } from 'preact/hooks';
import { language } from '../i18n/i18n';
import { readAloud, stopSpeaking } from './speech';

/**
 * Reads `text` aloud once when it appears (for 5–7, who may not read yet), when the device has
 * an on-device voice; stops when the text goes away. The visible speaker button stops it too.
 */
export function useAutoRead(text: string | null, recordings: readonly string[] = []): void {
  useEffect(() => {
    if (!text) return;
    const start = () => readAloud(text, recordings, language());
    if (!start() && typeof speechSynthesis !== 'undefined') {
      const once = () => {
        speechSynthesis.removeEventListener('voiceschanged', once);
        start();
      };
      speechSynthesis.addEventListener('voiceschanged', once);
      return () => {
        speechSynthesis.removeEventListener('voiceschanged', once);
        stopSpeaking();
      };
    }
    return () => stopSpeaking();
  }, [text, recordings.join(' ')]);
}
