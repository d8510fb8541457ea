import type { EventId } from '../ids';

/**
 * The random source: pass `crypto.getRandomValues.bind(crypto)`. It works on pages served
 * over plain HTTP (a school hub on a LAN), where `crypto.randomUUID` is not available.
 */
export type GetRandomValues = (array: Uint8Array<ArrayBuffer>) => unknown;

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * A random UUID v4 string made from 16 random bytes.
 *
 * @example
 * const id = newId(crypto.getRandomValues.bind(crypto));
 */
export function newId<I extends string = EventId>(getRandomValues: GetRandomValues): I {
  const b = new Uint8Array(16);
  getRandomValues(b);
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = (i: number) => HEX[b[i] ?? 0] as string;
  return (`${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-` +
    `${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`) as I;
}

/**
 * A time-ordered UUID (version 7, RFC 9562) for a progress event: the first 48 bits are `nowMs`
 * (milliseconds since 1970), the other 74 free bits random. Events made at about the same time
 * on any device sort next to each other, so the server's unique index on event ids grows at
 * its end instead of at random places: a batch of 20 events touches a page or two of that index
 * rather than about 20 (bench:ingest, docs/classes.md "Ingest speed"). The time it carries is
 * the event's own `at`, which the event holds anyway.
 *
 * @example
 * const id = newTimeOrderedId(Date.now(), crypto.getRandomValues.bind(crypto));
 */
export function newTimeOrderedId<I extends string = EventId>(
  nowMs: number,
  getRandomValues: GetRandomValues,
): I {
  const b = new Uint8Array(16);
  getRandomValues(b);
  // 48 bits of milliseconds, big-endian (two parts: bitwise operators work on 32 bits).
  const ms = Math.max(0, Math.min(Math.floor(nowMs), 2 ** 48 - 1));
  const high = Math.floor(ms / 2 ** 32);
  const low = ms % 2 ** 32;
  b[0] = (high >>> 8) & 0xff;
  b[1] = high & 0xff;
  b[2] = (low >>> 24) & 0xff;
  b[3] = (low >>> 16) & 0xff;
  b[4] = (low >>> 8) & 0xff;
  b[5] = low & 0xff;
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x70;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const h = (i: number) => HEX[b[i] ?? 0] as string;
  return (`${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-` +
    `${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`) as I;
}

/** Pattern of ids made by {@link newTimeOrderedId}. */
export const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Pattern of ids made by {@link newId}. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
