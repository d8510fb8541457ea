/**
 * Ogg Opus (RFC 7845) as the packs store recordings: writes a stream from an `OpusHead` and the
 * Opus packets, and reads one back (to check an upload, and in tests). Pure byte work, no codec:
 * the packets are kept as they were recorded.
 */
import { MediaError } from './webm';
import type { OpusTrack } from './webm';

/** Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value and final xor 0. */
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]!) >>> 0;
  return crc;
}

/** Samples at 48 kHz in one Opus packet, from its TOC byte (RFC 6716 §3.1). */
export function packetSamples(packet: Uint8Array): number {
  const toc = packet[0];
  if (toc === undefined) return 0;
  const config = toc >> 3;
  // Frame length in units of 2.5 ms.
  const units =
    config < 12
      ? [4, 8, 16, 24][config & 3]!
      : config < 16
        ? [4, 8][config & 1]!
        : [1, 2, 4, 8][config & 3]!;
  const code = toc & 3;
  const frames = code === 0 ? 1 : code < 3 ? 2 : (packet[1] ?? 0) & 0x3f;
  return frames * units * 120;
}

const HEADER_TYPE = { continued: 1, first: 2, last: 4 } as const;

function page(
  serial: number,
  sequence: number,
  granule: bigint,
  type: number,
  packets: readonly Uint8Array[],
): Uint8Array {
  const lacing: number[] = [];
  for (const p of packets) {
    let n = p.length;
    while (n >= 255) {
      lacing.push(255);
      n -= 255;
    }
    lacing.push(n);
  }
  const bodyLength = packets.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(27 + lacing.length + bodyLength);
  const view = new DataView(out.buffer);
  out.set([0x4f, 0x67, 0x67, 0x53]); // "OggS"
  out[4] = 0;
  out[5] = type;
  view.setBigUint64(6, granule, true);
  view.setUint32(14, serial, true);
  view.setUint32(18, sequence, true);
  out[26] = lacing.length;
  out.set(lacing, 27);
  let at = 27 + lacing.length;
  for (const p of packets) {
    out.set(p, at);
    at += p.length;
  }
  view.setUint32(22, crc32(out), true);
  return out;
}

/** Packets per page at most (255 lacing values; a recording's packets are under 255 bytes). */
const PACKETS_PER_PAGE = 50;

/**
 * An Ogg Opus stream of `track`: the identification header, a comment header naming Kite, then
 * the audio in pages of up to 50 packets, each page's granule position the samples (48 kHz,
 * pre-skip included) up to its last packet. `serial` is the stream's serial number.
 */
export function writeOggOpus(track: OpusTrack, serial: number): Uint8Array {
  const vendor = new TextEncoder().encode('Kite studio');
  const tags = new Uint8Array(8 + 4 + vendor.length + 4);
  tags.set(new TextEncoder().encode('OpusTags'));
  new DataView(tags.buffer).setUint32(8, vendor.length, true);
  tags.set(vendor, 12);
  const pages: Uint8Array[] = [
    page(serial, 0, 0n, HEADER_TYPE.first, [track.head]),
    page(serial, 1, 0n, 0, [tags]),
  ];
  let granule = 0n;
  for (let i = 0; i < track.packets.length;) {
    const group: Uint8Array[] = [];
    let segments = 0;
    while (i < track.packets.length && group.length < PACKETS_PER_PAGE) {
      const p = track.packets[i]!;
      const need = Math.floor(p.length / 255) + 1;
      if (segments + need > 255) {
        if (group.length === 0) throw new MediaError('an audio packet is too large');
        break;
      }
      group.push(p);
      segments += need;
      granule += BigInt(packetSamples(p));
      i++;
    }
    const last = i === track.packets.length;
    pages.push(page(serial, pages.length, granule, last ? HEADER_TYPE.last : 0, group));
  }
  const total = pages.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of pages) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** What {@link readOggOpus} finds. */
export interface OggOpusInfo extends OpusTrack {
  /** The last page's granule position minus the pre-skip, in seconds. */
  readonly seconds: number;
}

/**
 * Reads an Ogg Opus stream of one logical stream, checking every page's capture pattern, CRC
 * and sequence, and that it opens with `OpusHead` and `OpusTags`. Throws {@link MediaError}.
 */
export function readOggOpus(b: Uint8Array): OggOpusInfo {
  const packets: Uint8Array[] = [];
  let pending: Uint8Array[] = [];
  let at = 0;
  let sequence = 0;
  let serial: number | null = null;
  let granule = 0n;
  let ended = false;
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  while (at < b.length) {
    if (ended) throw new MediaError('data after the end of the stream');
    if (at + 27 > b.length || view.getUint32(at, false) !== 0x4f676753)
      throw new MediaError('not an Ogg file');
    const type = b[at + 5]!;
    const segments = b[at + 26]!;
    const lacing = b.subarray(at + 27, at + 27 + segments);
    const bodyLength = lacing.reduce((s, n) => s + n, 0);
    const end = at + 27 + segments + bodyLength;
    if (end > b.length) throw new MediaError('the file ends inside an Ogg page');
    const copy = b.slice(at, end);
    const stored = view.getUint32(at + 22, true);
    new DataView(copy.buffer).setUint32(22, 0, true);
    if (crc32(copy) !== stored) throw new MediaError('an Ogg page is damaged (checksum)');
    const pageSerial = view.getUint32(at + 14, true);
    if (serial === null) serial = pageSerial;
    if (pageSerial !== serial) throw new MediaError('more than one stream');
    if (view.getUint32(at + 18, true) !== sequence++) throw new MediaError('a page is missing');
    if ((type & HEADER_TYPE.continued) === 0 && pending.length > 0)
      throw new MediaError('a packet is cut');
    granule = view.getBigUint64(at + 6, true);
    let body = at + 27 + segments;
    for (const n of lacing) {
      pending.push(b.subarray(body, body + n));
      body += n;
      if (n < 255) {
        const length = pending.reduce((s, p) => s + p.length, 0);
        const packet = new Uint8Array(length);
        let o = 0;
        for (const p of pending) {
          packet.set(p, o);
          o += p.length;
        }
        packets.push(packet);
        pending = [];
      }
    }
    ended = (type & HEADER_TYPE.last) !== 0;
    at = end;
  }
  const [head, tags, ...audio] = packets;
  const text = (p: Uint8Array | undefined) => new TextDecoder().decode(p?.subarray(0, 8));
  if (text(head) !== 'OpusHead' || text(tags) !== 'OpusTags' || head!.length < 19)
    throw new MediaError('not an Ogg Opus file');
  if (audio.length === 0) throw new MediaError('the recording is empty');
  const preSkip = new DataView(head!.buffer, head!.byteOffset).getUint16(10, true);
  return { head: head!, packets: audio, seconds: Math.max(0, Number(granule) - preSkip) / 48_000 };
}
