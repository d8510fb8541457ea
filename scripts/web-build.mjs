// Builds the web app into dist/ when it is missing or older than its sources.
// Staleness is a fingerprint of every input file's path, size and modification time, and of the
// settings the build reads: the content root and the packs it bundles (KITE_CONTENT_DIR,
// KITE_PACKS, as the server reads them).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fingerprint } from './fingerprint.mjs';

const INPUTS = [
  'src/web',
  'src/engine',
  'src/content',
  'content',
  'vite.config.ts',
  'scripts/vite-precompress.ts',
  'scripts/vite-route-hints.ts',
  'package-lock.json',
];
const STAMP = 'dist/.build-fingerprint';

/**
 * Returns true when it built, false when dist/ was already up to date. `packs` overrides
 * KITE_PACKS for this build (the end-to-end suite bundles the sample pack).
 */
export async function buildWebIfStale({ force = false, quiet = false, packs } = {}) {
  const settings = {
    KITE_CONTENT_DIR: process.env.KITE_CONTENT_DIR ?? '',
    KITE_PACKS: packs ?? process.env.KITE_PACKS ?? '',
    KITE_LANGUAGE_THRESHOLD: process.env.KITE_LANGUAGE_THRESHOLD ?? '',
  };
  const want = fingerprint(INPUTS, JSON.stringify(settings));
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (!force && have === want && existsSync('dist/index.html')) return false;
  if (!quiet) console.log('Building the web app (dist/)…');
  const { build } = await import('vite');
  // Always a production build, even when called from a test runner that sets NODE_ENV=test
  // (which would otherwise give a development JSX runtime and no service worker).
  const before = { NODE_ENV: process.env.NODE_ENV, KITE_PACKS: process.env.KITE_PACKS };
  // Vite's notice about its future config loader is for Vite's developers, not Kite's users.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  process.env.NODE_ENV = 'production';
  process.env.KITE_PACKS = settings.KITE_PACKS;
  try {
    await build({
      configFile: 'vite.config.ts',
      mode: 'production',
      logLevel: quiet ? 'error' : 'warn',
    });
  } finally {
    for (const [name, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
  writeFileSync(STAMP, `${want}\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildWebIfStale({ force: process.argv.includes('--force') });
}
