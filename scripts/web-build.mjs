// Builds the web app into dist/ when it is missing or older than its sources.
// Staleness is a fingerprint of every input file's path, size and modification time.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const INPUTS = ['src/web', 'src/engine', 'content', 'vite.config.ts', 'package-lock.json'];
const STAMP = 'dist/.build-fingerprint';

function* files(path) {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (!st.isDirectory()) {
    yield [path, st];
    return;
  }
  for (const name of readdirSync(path).sort()) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    yield* files(join(path, name));
  }
}

export function fingerprint(root = '.') {
  const h = createHash('sha256');
  for (const input of INPUTS) {
    for (const [path, st] of files(join(root, input))) {
      if (/\.test\.tsx?$/.test(path)) continue;
      h.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
    }
  }
  return h.digest('hex');
}

/** Returns true when it built, false when dist/ was already up to date. */
export async function buildWebIfStale({ force = false, quiet = false } = {}) {
  const want = fingerprint();
  const have = existsSync(STAMP) ? readFileSync(STAMP, 'utf8').trim() : '';
  if (!force && have === want && existsSync('dist/index.html')) return false;
  if (!quiet) console.log('Building the web app (dist/)…');
  const { build } = await import('vite');
  // Always a production build, even when called from a test runner that sets NODE_ENV=test
  // (which would otherwise give a development JSX runtime and no service worker).
  const before = process.env.NODE_ENV;
  // Vite's notice about its future config loader is for Vite's developers, not Kite's users.
  process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING ??= 'true';
  process.env.NODE_ENV = 'production';
  try {
    await build({
      configFile: 'vite.config.ts',
      mode: 'production',
      logLevel: quiet ? 'error' : 'warn',
    });
  } finally {
    if (before === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = before;
  }
  writeFileSync(STAMP, `${want}\n`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await buildWebIfStale({ force: process.argv.includes('--force') });
}
