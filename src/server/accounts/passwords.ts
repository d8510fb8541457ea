// Passwords (SEC-02, SEC-03): Argon2id through @node-rs/argon2, which hashes on libuv's thread
// pool, off the event loop. Strength is judged by zxcvbn-ts with its common-password, name and
// English dictionaries; there are no composition rules.

import { hash, parseOptions, verify } from '@node-rs/argon2';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** Argon2id's cost. */
export interface Argon2Cost {
  /** Memory in KiB. */
  readonly memoryCost: number;
  /** Passes over memory. */
  readonly timeCost: number;
  readonly parallelism: number;
}

/** OWASP's minimum for Argon2id: 19 MiB, 2 passes, 1 lane. Production uses exactly this. */
export const PRODUCTION_ARGON2: Argon2Cost = Object.freeze({
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

/** The cheapest cost Argon2 accepts; for tests only (`createApp({ argon2 })`). */
export const TEST_ARGON2: Argon2Cost = Object.freeze({
  memoryCost: 64,
  timeCost: 1,
  parallelism: 1,
});

/** The shortest password of an account with a second factor (SEC-03). */
export const PASSWORD_MIN = 8;
/** The shortest password of an account without one (SEC-03, NIST SP 800-63B: 15 for a single factor). */
export const PASSWORD_MIN_SINGLE_FACTOR = 15;
/** Long passphrases are welcome; this only bounds the work of hashing one. */
export const PASSWORD_MAX = 200;
/** zxcvbn's score (0–4) a password needs: 3 is "safely unguessable" against online attacks. */
const MIN_SCORE = 3;
/**
 * How much of a password zxcvbn judges, and how many look-alike characters (`@` for `a`, `0`
 * for `o`) its l33t matcher tries at most. zxcvbn runs on the event loop and its work grows
 * steeply with both: with its defaults (256 characters, 100 substitutions) one 200-character
 * random password at the public sign-up blocked the server for seconds. A password whose first
 * 64 characters are strong is strong; a tail only adds to it.
 */
export const JUDGED_LENGTH = 64;
const L33T_MAX_SUBSTITUTIONS = 20;

/** `@node-rs/argon2`'s `Algorithm.Argon2id` (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Whether the password matches; false (never a throw) for a malformed stored hash. */
  verify(stored: string, password: string): Promise<boolean>;
  /**
   * Spends the same work as a real verification and returns false: called when the account
   * does not exist, so that an unknown email costs what a known one does.
   */
  verifyDummy(password: string): Promise<false>;
  /** Whether a stored hash was made with a cost other than this hasher's. */
  needsRehash(stored: string): boolean;
}

export function passwordHasher(cost: Argon2Cost = PRODUCTION_ARGON2): PasswordHasher {
  const options = { ...cost, algorithm: ARGON2ID };
  // Made once, lazily, with this cost: verifying against it costs what a real hash costs.
  let dummy: Promise<string> | undefined;
  const check = async (stored: string, password: string) => {
    try {
      return await verify(stored, password);
    } catch {
      return false;
    }
  };
  return {
    hash: (password) => hash(password, options),
    verify: check,
    async verifyDummy(password) {
      dummy ??= hash('kite-dummy-password-never-matches', options);
      await check(await dummy, password);
      return false;
    },
    needsRehash(stored) {
      try {
        const p = parseOptions(stored);
        return (
          p.algorithm !== ARGON2ID ||
          p.memoryCost !== cost.memoryCost ||
          p.timeCost !== cost.timeCost ||
          p.parallelism !== cost.parallelism
        );
      } catch {
        return true;
      }
    },
  };
}

/** Why a new password is refused, or null when it is accepted. */
export type PasswordProblem = 'too_short' | 'too_long' | 'too_weak';

/**
 * The shortest password an account may have: 8 with a second factor (always for the roles
 * that must have one), 15 without.
 */
export function minimumLength(hasSecondFactor: boolean): number {
  return hasSecondFactor ? PASSWORD_MIN : PASSWORD_MIN_SINGLE_FACTOR;
}

let zxcvbn: Promise<ZxcvbnFactory> | undefined;

/** The judge, with its dictionaries (several MB) loaded at the first password, not at start. */
function strength(): Promise<ZxcvbnFactory> {
  zxcvbn ??= (async () => {
    const [common, english] = await Promise.all([
      import('@zxcvbn-ts/language-common'),
      import('@zxcvbn-ts/language-en'),
    ]);
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...english.dictionary },
      graphs: common.adjacencyGraphs,
      translations: english.translations,
      maxLength: JUDGED_LENGTH,
      l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    });
  })();
  return zxcvbn;
}

/**
 * Judges a new password: at least `min` characters (counted as code points, so Khmer and emoji
 * count as people see them; see {@link minimumLength}), at most {@link PASSWORD_MAX}, and not
 * guessable — common passwords, words, keyboard walks, dates and the person's own email or
 * name are weak (judged on the first {@link JUDGED_LENGTH} characters).
 */
export async function passwordProblem(
  password: string,
  personal: readonly string[] = [],
  min: number = PASSWORD_MIN,
): Promise<PasswordProblem | null> {
  const length = [...password].length;
  if (length < min) return 'too_short';
  if (length > PASSWORD_MAX) return 'too_long';
  const inputs = personal.flatMap((p) => [p, ...p.split(/[@.\s_-]+/)]).filter((p) => p.length > 2);
  const result = await (await strength()).checkAsync(password, inputs);
  return result.score < MIN_SCORE ? 'too_weak' : null;
}
