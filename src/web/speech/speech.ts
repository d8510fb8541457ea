import { useEffect, useState } from 'preact/hooks';

/**
 * Read-aloud through the Web Speech API with **on-device voices only**: a voice whose
 * `localService` is false sends the text to a server, so it is never used.
 */
function localVoice(lang: string): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  const base = lang.split('-')[0]!.toLowerCase();
  return speechSynthesis
    .getVoices()
    .find((v) => v.localService && v.lang.toLowerCase().split(/[-_]/)[0] === base);
}

/** Whether a local voice for `lang` exists; updates when the browser loads its voices. */
export function useLocalVoice(lang: string): boolean {
  const [has, setHas] = useState(() => Boolean(localVoice(lang)));
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setHas(Boolean(localVoice(lang)));
    update();
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => speechSynthesis.removeEventListener('voiceschanged', update);
  }, [lang]);
  return has;
}

/** Speaks `text` with a local voice; returns false when there is none. */
export function speak(text: string, lang: string, onEnd?: () => void): boolean {
  const voice = localVoice(lang);
  if (!voice) return false;
  speechSynthesis.cancel();
  const u = new SpeechSynthesisUtterance(text);
  u.voice = voice;
  u.lang = voice.lang;
  u.rate = 0.95;
  if (onEnd) {
    u.onend = onEnd;
    u.onerror = onEnd;
  }
  speechSynthesis.speak(u);
  return true;
}

export function stopSpeaking(): void {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
}
