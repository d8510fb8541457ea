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

/** Pattern of ids made by {@link newId}. */
export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
