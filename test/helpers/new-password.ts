import { randomBytes } from 'node:crypto';

/**
 * A new strong password: sixteen random characters (an account without a second factor needs
 * 15), which the strength judge (zxcvbn) passes and judges quickly (a long passphrase costs it
 * a tenth of a second, a lot over a suite).
 */
export function newPassword(): string {
  return randomBytes(12).toString('base64url');
}
