import { randomInt } from 'node:crypto';

/** Letters and digits a child cannot mistake for one another (no 0/O, 1/I/L, 5/S, 2/Z, 8/B). */
const CODE_ALPHABET = 'ACDEFGHJKMNPQRTUVWXY3479';
/** Characters of a class code: 24^6 ≈ 190 million codes, found only through a throttled door. */
export const CODE_LENGTH = 6;

export type RandomInt = (maxExclusive: number) => number;

/** The default source of randomness: the operating system's. */
export const secureRandomInt: RandomInt = (max) => randomInt(max);

/** A new class code, e.g. `K7MQ4X` (shown to children as `K7M 4QX`). */
export function newClassCode(random: RandomInt = secureRandomInt): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)];
  return code;
}

/** A code as typed (lower case, spaces, dashes) in the form it is stored, or null if it cannot be one. */
export function normalizeClassCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s-]+/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** Three different pictures of `pictures`, in order: a child's picture password (SEC-04). */
export function newPicturePassword(
  pictures: readonly string[],
  random: RandomInt = secureRandomInt,
): [string, string, string] {
  if (pictures.length < 3) throw new Error('a picture password needs at least three pictures');
  const pool = [...pictures];
  const pick = () => pool.splice(random(pool.length), 1)[0] as string;
  return [pick(), pick(), pick()];
}

/** A random avatar for a new child (the child can see it beside their nickname). */
export function pickAvatar(pictures: readonly string[], random: RandomInt = secureRandomInt) {
  return pictures[random(pictures.length)] as string;
}
