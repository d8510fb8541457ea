import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { packetSamples, readOggOpus, writeOggOpus } from './ogg-opus';
import { MAX_SECONDS, toOggOpus } from './recording';
import { readWebmOpus } from './webm';

// A 1.2 s take of Chromium's fake microphone (a beep), as its MediaRecorder wrote it:
// audio/webm;codecs=opus, 20 packets of three 20 ms frames.
const TONE = new Uint8Array(readFileSync('test/fixtures/studio/tone.webm'));

describe('WebM Opus to Ogg Opus', () => {
  it('keeps every packet and the codec setup, and times the stream by its packets', () => {
    const track = readWebmOpus(TONE);
    expect(new TextDecoder().decode(track.head.subarray(0, 8))).toBe('OpusHead');
    expect(track.packets.length).toBe(20);
    const result = toOggOpus(TONE, 'audio/webm', 'a.text');
    if (!result.ok) throw new Error(result.problem.message);
    const back = readOggOpus(result.ogg);
    expect(back.head).toEqual(track.head);
    expect(back.packets).toEqual(track.packets);
    expect(back.seconds).toBeCloseTo(1.2, 5);
    expect(result.seconds).toBeCloseTo(1.2, 5);
  });

  it('gives the same file for the same take and text, another serial for another text', () => {
    const a = toOggOpus(TONE, 'audio/webm', 'a.text');
    const b = toOggOpus(TONE, 'audio/webm', 'a.text');
    const c = toOggOpus(TONE, 'audio/webm', 'b.text');
    if (!a.ok || !b.ok || !c.ok) throw new Error('not converted');
    expect(Buffer.from(a.ogg).equals(Buffer.from(b.ogg))).toBe(true);
    expect(Buffer.from(a.ogg).equals(Buffer.from(c.ogg))).toBe(false);
  });

  it('counts samples from the TOC byte (RFC 6716)', () => {
    expect(packetSamples(Uint8Array.of(0xf8))).toBe(960); // CELT 20 ms, one frame
    expect(packetSamples(Uint8Array.of(0xfb, 0x03))).toBe(2880); // three 20 ms frames
    expect(packetSamples(Uint8Array.of(0x09))).toBe(2 * 960); // SILK 20 ms, two frames
    expect(packetSamples(Uint8Array.of(0x18))).toBe(2880); // SILK 60 ms
    expect(packetSamples(Uint8Array.of(0x60))).toBe(480); // hybrid 10 ms
  });

  it('refuses what is not the audio it claims, damaged files and overlong takes', () => {
    const ogg = toOggOpus(TONE, 'audio/webm', 'x');
    if (!ogg.ok) throw new Error('not converted');
    const code = (bytes: Uint8Array, type: 'audio/webm' | 'audio/ogg') => {
      const r = toOggOpus(bytes, type, 'x');
      return r.ok ? 'ok' : r.problem.code;
    };
    expect(code(ogg.ogg, 'audio/webm')).toBe('recording_not_audio');
    expect(code(TONE, 'audio/ogg')).toBe('recording_not_audio');
    expect(code(new TextEncoder().encode('<html>'), 'audio/webm')).toBe('recording_not_audio');
    // The right magic, then nothing readable.
    expect(code(Uint8Array.of(0x1a, 0x45, 0xdf, 0xa3, 0xff, 0, 1), 'audio/webm')).toBe(
      'recording_unreadable',
    );
    expect(code(TONE.subarray(0, 200), 'audio/webm')).toBe('recording_unreadable');
    // An Ogg Opus upload is kept as it is, unless a page is damaged or cut.
    expect(code(ogg.ogg, 'audio/ogg')).toBe('ok');
    const damaged = ogg.ogg.slice();
    damaged[damaged.length - 3]! ^= 0xff;
    expect(code(damaged, 'audio/ogg')).toBe('recording_unreadable');
    expect(code(ogg.ogg.subarray(0, ogg.ogg.length - 10), 'audio/ogg')).toBe(
      'recording_unreadable',
    );
    // Longer than a minute: the same packets over and over.
    const track = readWebmOpus(TONE);
    const copies = Math.ceil((MAX_SECONDS + 1) / 1.2);
    const long = writeOggOpus(
      { head: track.head, packets: Array.from({ length: copies }, () => track.packets).flat() },
      1,
    );
    expect(code(long, 'audio/ogg')).toBe('recording_unreadable');
  });
});
