/**
 * One take from the microphone: `getUserMedia` and `MediaRecorder`, Opus in WebM (Chromium) or
 * Ogg (Firefox), mono, ~32 kbit/s. The microphone is released when the take stops.
 */
export interface Take {
  readonly blob: Blob;
  /** What the server is told: `audio/webm` or `audio/ogg`. */
  readonly type: 'audio/webm' | 'audio/ogg';
}

const FORMATS = [
  ['audio/webm;codecs=opus', 'audio/webm'],
  ['audio/ogg;codecs=opus', 'audio/ogg'],
] as const;

/** The recorder format this browser has, or null when it can record neither. */
export function recorderFormat(): (typeof FORMATS)[number] | null {
  if (typeof MediaRecorder === 'undefined' || !navigator.mediaDevices) return null;
  return FORMATS.find(([mime]) => MediaRecorder.isTypeSupported(mime)) ?? null;
}

export interface Recording {
  /** Ends the take and gives it. */
  stop(): Promise<Take>;
}

/** Starts a take; rejects when the microphone is refused or missing. */
export async function startRecording(): Promise<Recording> {
  const format = recorderFormat();
  if (!format) throw new Error('no recorder');
  const stream = await navigator.mediaDevices.getUserMedia({
    audio: { channelCount: 1, echoCancellation: true, noiseSuppression: true },
  });
  const recorder = new MediaRecorder(stream, { mimeType: format[0], audioBitsPerSecond: 32_000 });
  const chunks: Blob[] = [];
  recorder.ondataavailable = (e) => {
    if (e.data.size > 0) chunks.push(e.data);
  };
  const stopped = new Promise<void>((resolve) => (recorder.onstop = () => resolve()));
  recorder.start();
  return {
    async stop() {
      recorder.stop();
      await stopped;
      for (const track of stream.getTracks()) track.stop();
      return { blob: new Blob(chunks, { type: format[0] }), type: format[1] };
    },
  };
}

/** A blob as base64, without the `data:` prefix. */
export function base64Of(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}
