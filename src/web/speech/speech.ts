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

let playing: HTMLAudioElement | null = null;
/** Told when what is reading now stops, by ending or because something else starts. */
let ended: (() => void) | null = null;

function finished(): void {
  const done = ended;
  ended = null;
  done?.();
}

/**
 * Plays the pack's recordings one after another (for devices with no voice at all). Returns
 * false when there are none.
 */
export function playRecordings(urls: readonly string[], onEnd?: () => void): boolean {
  if (urls.length === 0 || typeof Audio === 'undefined') return false;
  stopSpeaking();
  const audio = new Audio();
  playing = audio;
  let i = 0;
  const next = () => {
    if (playing !== audio) return;
    const url = urls[i++];
    if (url === undefined) {
      playing = null;
      onEnd?.();
      return;
    }
    audio.src = url;
    void audio.play().catch(() => next());
  };
  audio.onended = next;
  audio.onerror = next;
  next();
  return true;
}

/**
 * Reads aloud: with an on-device voice (usually clearer than the pack's synthetic recordings,
 * and it reads country names), else the pack's recordings, which is how a device with no voice
 * still reads to a child who cannot read.
 */
export function readAloud(
  text: string,
  recordings: readonly string[],
  lang: string,
  onEnd?: () => void,
): boolean {
  finished();
  const mine = () => {
    if (ended === mine) ended = null;
    onEnd?.();
  };
  const started = speak(text, lang, mine) || playRecordings(recordings, mine);
  if (started) ended = mine;
  return started;
}

export function stopSpeaking(): void {
  finished();
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
  if (playing) {
    const audio = playing;
    playing = null;
    audio.pause();
  }
}
