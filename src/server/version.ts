import { readFileSync } from 'node:fs';

/**
 * Kite's version: the `version` in package.json, the one place it is written. The path is the
 * same from the sources (src/server/) and from the compiled server (build/server/).
 */
export const KITE_VERSION: string = readVersion();

function readVersion(): string {
  const text = readFileSync(new URL('../../package.json', import.meta.url), 'utf8');
  const version: unknown = (JSON.parse(text) as { version?: unknown }).version;
  if (typeof version !== 'string' || version === '') throw new Error('package.json has no version');
  return version;
}
