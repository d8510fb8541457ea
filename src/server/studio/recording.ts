import { createHash } from 'node:crypto';
import { readOggOpus, writeOggOpus } from './ogg-opus';
import { MediaError, readWebmOpus } from './webm';

/** Longest take the studio keeps, in seconds (a child's text is one to three sentences). */
export const MAX_SECONDS = 60;
/** Largest upload, in bytes, before base64 (a minute of speech at 32 kbit/s is ~240 KB). */
export const MAX_BYTES = 1024 * 1024;

/** The audio types the studio takes: Chromium's recorder (WebM) and Firefox's (Ogg). */
export const RECORDING_TYPES = ['audio/webm', 'audio/ogg'] as const;
export type RecordingType = (typeof RECORDING_TYPES)[number];

export type RecordingProblem =
  | { readonly code: 'recording_not_audio'; readonly message: string }
  | { readonly code: 'recording_unreadable'; readonly message: string };

const startsWith = (b: Uint8Array, magic: readonly number[]) => magic.every((m, i) => b[i] === m);
const WEBM_MAGIC = [0x1a, 0x45, 0xdf, 0xa3];
const OGG_MAGIC = [0x4f, 0x67, 0x67, 0x53];

/**
 * An upload as the pack stores it, mono or stereo Ogg Opus: a WebM Opus recording remuxed
 * (the packets kept, no decoding), an Ogg Opus one checked and kept as it is. The bytes must be
 * what `type` says (by their magic bytes), hold Opus audio and last at most
 * {@link MAX_SECONDS}. The Ogg stream's serial number comes from the content id, so one text's
 * recordings are told apart from another's in a player's logs but not by chance.
 */
export function toOggOpus(
  bytes: Uint8Array,
  type: RecordingType,
  id: string,
): { ok: true; ogg: Uint8Array; seconds: number } | { ok: false; problem: RecordingProblem } {
  const magic = type === 'audio/webm' ? WEBM_MAGIC : OGG_MAGIC;
  if (!startsWith(bytes, magic))
    return {
      ok: false,
      problem: { code: 'recording_not_audio', message: `The recording is not ${type}` },
    };
  try {
    const ogg =
      type === 'audio/webm'
        ? writeOggOpus(
            readWebmOpus(bytes),
            createHash('sha256').update(id).digest().readUInt32LE(0),
          )
        : bytes;
    const { seconds } = readOggOpus(ogg);
    if (seconds > MAX_SECONDS)
      return {
        ok: false,
        problem: {
          code: 'recording_unreadable',
          message: `The recording is longer than ${MAX_SECONDS} seconds`,
        },
      };
    return { ok: true, ogg, seconds };
  } catch (e) {
    // A RangeError is a length field pointing past the data: damaged too.
    if (!(e instanceof MediaError) && !(e instanceof RangeError)) throw e;
    return {
      ok: false,
      problem: {
        code: 'recording_unreadable',
        message: `The recording cannot be read: ${e.message}`,
      },
    };
  }
}
