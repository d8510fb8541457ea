/**
 * An init script that replaces the Web Speech API with a recorder: one on-device English voice
 * and one network voice. `window.__spoken` lists what was spoken, with the voice used.
 */
export const FAKE_SPEECH = `(() => {
  const voices = [
    { name: 'Network English', lang: 'en-US', localService: false, default: true, voiceURI: 'net' },
    { name: 'Device English', lang: 'en-GB', localService: true, default: false, voiceURI: 'dev' },
  ];
  const spoken = [];
  window.__spoken = spoken;
  const target = new EventTarget();
  const synth = {
    getVoices: () => voices,
    speak: (u) => { spoken.push({ text: u.text, voice: u.voice && u.voice.name }); setTimeout(() => u.onend && u.onend(), 0); },
    cancel: () => { spoken.push({ cancel: true }); },
    pause() {}, resume() {},
    speaking: false, pending: false, paused: false,
    addEventListener: (...a) => target.addEventListener(...a),
    removeEventListener: (...a) => target.removeEventListener(...a),
  };
  Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.voice = null; this.lang = ''; this.rate = 1; } };
})();`;

export interface Spoken {
  text?: string;
  voice?: string;
  cancel?: boolean;
}
