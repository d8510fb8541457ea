/**
 * Reads the Opus audio of a WebM file, as browsers' MediaRecorder writes it (Chromium:
 * `audio/webm;codecs=opus`): the codec's setup (`OpusHead`) and every frame, in order. Only
 * what a recording needs is read: one Opus track, frames in SimpleBlocks or Blocks without
 * lacing. Clusters and the segment may have an unknown size (a live recording's are), so master
 * elements are entered rather than measured. Anything else is refused with a reason.
 */

export interface OpusTrack {
  /** The `OpusHead` identification header (RFC 7845 §5.1). */
  readonly head: Uint8Array;
  /** The Opus packets, in order. */
  readonly packets: readonly Uint8Array[];
}

export class MediaError extends Error {
  override readonly name = 'MediaError';
}

const EBML = 0x1a45dfa3;
const DOC_TYPE = 0x4282;
/** Master elements whose children are read in line (their size may be unknown). */
const ENTER = new Set([
  0x18538067, // Segment
  0x1654ae6b, // Tracks
  0xae, // TrackEntry
  0xe1, // Audio
  0x1f43b675, // Cluster
  0xa0, // BlockGroup
]);
const TRACK_NUMBER = 0xd7;
const CODEC_ID = 0x86;
const CODEC_PRIVATE = 0x63a2;
const CHANNELS = 0x9f;
const CODEC_DELAY = 0x56aa;
const SIMPLE_BLOCK = 0xa3;
const BLOCK = 0xa1;

/** An element ID (its marker bits kept, as the specification writes IDs). */
function readId(b: Uint8Array, at: number): [id: number, length: number] {
  const first = b[at];
  if (first === undefined) throw new MediaError('the file ends inside an element');
  const length = first >= 0x80 ? 1 : first >= 0x40 ? 2 : first >= 0x20 ? 3 : first >= 0x10 ? 4 : 0;
  if (length === 0 || at + length > b.length) throw new MediaError('an element ID is malformed');
  let id = 0;
  for (let i = 0; i < length; i++) id = id * 256 + b[at + i]!;
  return [id, length];
}

/** A variable-size integer (marker removed); `null` for "unknown size" (all ones). */
function readSize(b: Uint8Array, at: number): [size: number | null, length: number] {
  const first = b[at];
  if (first === undefined || first === 0) throw new MediaError('an element size is malformed');
  const length = Math.clz32(first) - 23;
  if (at + length > b.length) throw new MediaError('the file ends inside an element size');
  let value = first & (0xff >> length);
  let allOnes = value === 0xff >> length;
  for (let i = 1; i < length; i++) {
    const byte = b[at + i]!;
    value = value * 256 + byte;
    allOnes &&= byte === 0xff;
  }
  return [allOnes ? null : value, length];
}

function uint(b: Uint8Array): number {
  let v = 0;
  for (const byte of b) v = v * 256 + byte;
  return v;
}

/** A minimal `OpusHead` when the file carries none: version 1, 48 kHz, mapping family 0. */
function defaultHead(channels: number, preSkip: number): Uint8Array {
  const head = new Uint8Array(19);
  head.set(new TextEncoder().encode('OpusHead'));
  const view = new DataView(head.buffer);
  head[8] = 1;
  head[9] = channels;
  view.setUint16(10, preSkip, true);
  view.setUint32(12, 48_000, true);
  return head;
}

/** The Opus track of a WebM file; throws {@link MediaError} for anything else. */
export function readWebmOpus(b: Uint8Array): OpusTrack {
  if (b.length < 4 || readId(b, 0)[0] !== EBML) throw new MediaError('not a WebM file');
  const tracks = new Map<number, { codec?: string; head?: Uint8Array; channels?: number }>();
  let entry: { number?: number; codec?: string; head?: Uint8Array; channels?: number } = {};
  let delayNs = 0;
  let docType = '';
  const frames: { track: number; data: Uint8Array }[] = [];
  let at = 0;
  while (at < b.length) {
    const [id, idLength] = readId(b, at);
    const [size, sizeLength] = readSize(b, at + idLength);
    const start = at + idLength + sizeLength;
    if (id === 0xae) entry = {};
    if (ENTER.has(id)) {
      at = start;
      continue;
    }
    if (id === EBML) {
      // The header: only its DocType matters.
      if (size === null) throw new MediaError('the WebM header has no size');
      const end = start + size;
      let h = start;
      while (h < end) {
        const [hid, hl] = readId(b, h);
        const [hs, hsl] = readSize(b, h + hl);
        if (hs === null) throw new MediaError('the WebM header is malformed');
        if (hid === DOC_TYPE)
          docType = new TextDecoder().decode(b.subarray(h + hl + hsl, h + hl + hsl + hs));
        h += hl + hsl + hs;
      }
      at = end;
      continue;
    }
    if (size === null) throw new MediaError('an element of unknown size cannot be read');
    const end = start + size;
    // A cut upload is refused whole: the take is recorded again rather than kept in part.
    if (end > b.length) throw new MediaError('the file ends inside an element');
    const body = b.subarray(start, end);
    if (id === TRACK_NUMBER) {
      entry.number = uint(body);
      tracks.set(entry.number, entry);
    } else if (id === CODEC_ID) entry.codec = new TextDecoder().decode(body);
    else if (id === CODEC_PRIVATE) entry.head = body.slice();
    else if (id === CHANNELS) entry.channels = uint(body);
    else if (id === CODEC_DELAY) delayNs = uint(body);
    else if (id === SIMPLE_BLOCK || id === BLOCK) {
      const [track, tl] = readSize(body, 0);
      if (track === null || body.length < tl + 3) throw new MediaError('a block is malformed');
      const flags = body[tl + 2]!;
      if ((flags & 0x06) !== 0) throw new MediaError('laced blocks are not supported');
      frames.push({ track, data: body.subarray(tl + 3) });
    }
    at = end;
  }
  if (docType !== 'webm') throw new MediaError('not a WebM file');
  const opus = [...tracks.entries()].filter(([, t]) => t.codec === 'A_OPUS');
  if (opus.length !== 1) throw new MediaError('the file has no Opus audio track');
  const [number, track] = opus[0]!;
  const packets = frames.filter((f) => f.track === number && f.data.length > 0).map((f) => f.data);
  if (packets.length === 0) throw new MediaError('the recording is empty');
  const head =
    track.head && new TextDecoder().decode(track.head.subarray(0, 8)) === 'OpusHead'
      ? track.head
      : defaultHead(track.channels ?? 1, Math.round((delayNs * 48_000) / 1e9) || 312);
  return { head, packets };
}
