// Second factor (RFC 6238 TOTP through otplib, and one-time recovery codes).

import { generate, generateSecret, generateURI, verify } from 'otplib';
import { randomInt } from 'node:crypto';
import { tokenHash } from './tokens';

/** Seconds per code. */
const PERIOD = 30;
/** A code from the step before or after is accepted too (clock drift of a phone). */
const TOLERANCE_S = PERIOD;

/** A new base32 secret (160 bits, as RFC 4226 recommends). */
export function newTotpSecret(): string {
  return generateSecret({ length: 20 });
}

/** The `otpauth://` address an authenticator app reads from the QR code. */
export function totpUri(secret: string, account: string, issuer: string): string {
  return generateURI({ issuer, label: account, secret });
}

/** The code for `nowMs`; tests and the CLI's checks use it. */
export function totpCode(secret: string, nowMs: number): Promise<string> {
  return generate({ secret, epoch: Math.floor(nowMs / 1000) });
}

/**
 * The time step a code belongs to when it is right at `nowMs` and newer than `lastStep` (a code
 * is accepted once: RFC 6238 §5.2), or null.
 */
export async function acceptTotp(
  secret: string,
  code: string,
  nowMs: number,
  lastStep: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  const result = await verify({
    secret,
    token: code,
    epoch: Math.floor(nowMs / 1000),
    epochTolerance: TOLERANCE_S,
    ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
  });
  // The TOTP strategy's result names the time step; the HOTP one in otplib's union does not.
  return result.valid && 'timeStep' in result ? result.timeStep : null;
}

/** Letters and digits that cannot be mistaken for each other when copied from paper. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

/** Ten new recovery codes, `xxxx-xxxx` (about 39 bits each). */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const c = Array.from({ length: 8 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${c.slice(0, 4)}-${c.slice(4)}`;
  });
}

/** Whether input looks like a recovery code (spaces, case and the dash do not matter). */
export function isRecoveryCodeShape(input: string): boolean {
  return /^[a-z0-9]{8}$/.test(normalizeRecoveryCode(input));
}

function normalizeRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, '');
}

/** The stored form of a recovery code. */
export function recoveryCodeHash(code: string): string {
  return tokenHash(`recovery:${normalizeRecoveryCode(code)}`);
}
