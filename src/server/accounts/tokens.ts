import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A random identifier or secret of `bytes` bytes (default 16: 128 bits), base64url. */
export function randomToken(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** The stored form of a secret token: its SHA-256, hex. Tokens are random, so no salt is needed. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Compares two strings in time independent of where they differ. */
export function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
